"""How far delivery figures can be trusted: what the real model writes of fillers and pauses.

Delivery (fillers per 100 words, long pauses) is counted from the transcript and its word
timestamps, so it is only as good as what Whisper writes down. This runs the embedded tiny.en, as
a session does (with the project's filler prompt) and without the prompt, on:

- answers spoken by espeak-ng that contain "um", "uh" and "you know" (recall: the share of the
  spoken fillers that reach the transcript);
- filler-free speech: the real LJ Speech clips the tests carry and espeak answers, clean and with
  a little noise (invented fillers per 100 words);
- answers with a known silent pause of 1, 2.5 and 4 s between two sentences (the pause measured
  from the word timestamps, and whether it counts as a long pause, >= 2 s).

    python benchmarks/delivery.py [--model embedded]

espeak-ng says fillers plainly, as words; a person's "um" is quieter and shorter, so the recall
here is an upper bound for real hesitations.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FILLED = [
    "Um, so, I think the main thing, uh, was that we, you know, shipped it too early.",
    "Well, uh, I decided to roll back the launch. Um, the data showed we were hurting members.",
    "So the, um, the hardest part was telling my manager, you know, before I had every answer.",
    "Uh, we measured rebuffering on older devices and, um, it was twice the normal rate.",
    "I, uh, asked the team for dissent, and, you know, two engineers disagreed with me.",
]
PLAIN = [
    "I decided to roll back the launch because the data showed we were hurting members.",
    "The hardest part was telling my manager before I had every answer.",
    "We measured rebuffering on older devices and it was twice the normal rate.",
    "I asked the team for dissent and two engineers disagreed with me.",
]
SPEEDS = (140, 170)
VOICES = ("en-us", "en-us+f3")
FILLERS = ("um", "uh", "you know")


def espeak(folder: Path, text: str, speed: int, voice: str):
    from interviewer.live.wav import load_audio, resample

    path = folder / "line.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(path), text],
                   check=True, capture_output=True)
    audio = load_audio(path)
    return audio.samples if audio.sample_rate == 16_000 else resample(audio.samples,
                                                                      audio.sample_rate)


def count_fillers(text: str) -> int:
    from interviewer.rubric.delivery import find_fillers

    return sum(found in FILLERS for found in find_fillers(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="embedded")
    args = parser.parse_args()
    from benchmarks.long_answers import clips
    from interviewer.live.transcribe import WhisperTranscriber
    from interviewer.rubric.delivery import LONG_PAUSE_S, count_words, delivery_from_words
    from interviewer.session.ports import Audio

    prompted = WhisperTranscriber(model=args.model)
    plain = WhisperTranscriber(model=args.model, initial_prompt=None)
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory(prefix="bench-delivery-") as temp:
        folder = Path(temp)
        kept = {"prompt": 0, "no prompt": 0}
        spoken = 0
        for text in FILLED:
            for speed in SPEEDS:
                for voice in VOICES:
                    samples = Audio(espeak(folder, text, speed, voice))
                    spoken += count_fillers(text)
                    kept["prompt"] += count_fillers(prompted.transcribe(samples).text)
                    kept["no prompt"] += count_fillers(plain.transcribe(samples).text)
        print(f"fillers spoken by espeak-ng: {spoken} in {len(FILLED) * 4} answers")
        for mode, count in kept.items():
            print(f"  written with {mode:<9}: {count} ({count / spoken:.0%})")

        clean = [samples for samples, _ in clips()]
        clean += [espeak(folder, text, speed, "en-us") for text in PLAIN for speed in SPEEDS]
        invented = {"clean": [0, 0], "noisy": [0, 0]}
        for samples in clean:
            for kind in invented:
                noise = 0.005 if kind == "noisy" else 0.0
                audio = samples + rng.standard_normal(len(samples)).astype(np.float32) * noise
                text = prompted.transcribe(Audio(audio.astype(np.float32))).text
                invented[kind][0] += count_fillers(text)
                invented[kind][1] += count_words(text)
        for kind, (fillers, words) in invented.items():
            print(f"fillers invented in filler-free speech ({kind}, with prompt): {fillers} in "
                  f"{words} words ({100 * fillers / max(words, 1):.1f} per 100 words)")

        first = espeak(folder, PLAIN[0], 160, "en-us")
        second = espeak(folder, PLAIN[1], 160, "en-us")
        print(f"pauses (long pause: >= {LONG_PAUSE_S:g} s):")
        for pause in (1.0, 2.5, 4.0):
            audio = np.concatenate([first, np.zeros(int(16_000 * pause), np.float32), second])
            transcript = prompted.transcribe(Audio(audio))
            delivery = delivery_from_words(transcript.words, transcript.text)
            print(f"  {pause:.1f} s silence -> longest gap {delivery.longest_pause_s:.2f} s, "
                  f"long pauses {delivery.long_pauses}")


if __name__ == "__main__":
    main()
