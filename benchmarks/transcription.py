"""Transcription speed: model load time and real-time factor (processing time / audio time).

    python benchmarks/transcription.py                  # the embedded real tiny.en
    python benchmarks/transcription.py --model base.en  # another model (cached or a folder)
    python benchmarks/transcription.py --audio DIR      # your own WAV answers
    python benchmarks/transcription.py --random         # a tiny-shaped random-weight model

The audio is espeak-ng answers (about 30 s each) and, unless --audio is given, answers of about
20 and 60 s of real speech built from the LJ Speech clips the tests carry; the word error rate of
each is printed with the speed. --random builds a model with Whisper tiny's shape (d_model 384,
4 layers, 6 heads, 51864-token vocabulary) instead: its text is meaningless and it decodes
greedily with a token cap, so only compare it with itself. Decoding runs with the same options
as an interview (int8, beam 5, word timestamps, VAD filter, one thread per core).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.live.random_whisper import TINY_SHAPE, build_random_whisper  # noqa: E402
from interviewer.live.transcribe import WhisperTranscriber, machine_threads  # noqa: E402
from interviewer.live.wav import load_audio  # noqa: E402
from interviewer.live.word_errors import word_error_rate  # noqa: E402
from interviewer.session.ports import Audio  # noqa: E402

CLIP_TEXT = (
    "So, um, the decision I want to talk about is when I chose to roll back a launch that my "
    "team had worked on for three months. The data showed that members on older devices were "
    "seeing more rebuffering, and I decided that the impact on them mattered more than hitting "
    "our date. I told my manager before I had every answer, which was uncomfortable. What I "
    "learned is to share the bad news early and to ask for dissent before the meeting, not in it."
)


def make_clips(folder: Path, count: int) -> list[Path]:
    """Spoken answers generated with espeak-ng (about 30 s each)."""
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is needed to generate the clips (or pass --audio DIR)")
    clips = []
    for index in range(count):
        path = folder / f"clip{index}.wav"
        subprocess.run(["espeak-ng", "-s", str(150 + 5 * index), "-w", str(path), CLIP_TEXT],
                       check=True)
        clips.append(path)
    return clips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="embedded",
                        help="size name, `embedded` (default) or CTranslate2 folder")
    parser.add_argument("--random", action="store_true",
                        help="a random-weight tiny-shaped model instead of real weights")
    parser.add_argument("--audio", type=Path, help="folder of WAV files to transcribe")
    parser.add_argument("--clips", type=int, default=3, help="generated clips (default 3)")
    parser.add_argument("--beam-size", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-transcription-") as tmp:
        tmp_path = Path(tmp)
        decode: dict = {}
        if not args.random:
            model, label = args.model, args.model
        else:
            started = time.perf_counter()
            model = str(build_random_whisper(tmp_path / "model", **TINY_SHAPE))
            built = time.perf_counter() - started
            label = f"random-weight tiny-shaped model (built in {built:.1f} s)"
            decode = {"max_new_tokens": 128, "temperature": 0.0, "no_repeat_ngram_size": 1}
        clips = (sorted(args.audio.glob("*.wav")) if args.audio
                 else make_clips(tmp_path, args.clips))
        if not clips:
            sys.exit(f"no .wav files in {args.audio}")
        answers = [(clip.name, load_audio(clip).samples,
                    CLIP_TEXT if not args.audio else None) for clip in clips]
        if not args.audio:
            from benchmarks.long_answers import long_answer

            for seconds in (20, 60):
                built = long_answer(seconds, seed=seconds)
                answers.append((f"real speech {built.seconds:.0f} s", built.samples,
                                built.reference))

        transcriber = WhisperTranscriber(model=model, beam_size=args.beam_size,
                                         decode_options=decode)
        started = time.perf_counter()
        transcriber.whisper()
        load = time.perf_counter() - started
        started = time.perf_counter()
        transcriber.warm_up()
        warm = time.perf_counter() - started

        audio_seconds = compute_seconds = 0.0
        words = 0
        for name, samples, reference in answers:
            audio = Audio(samples)
            started = time.perf_counter()
            transcript = transcriber.transcribe(audio)
            spent = time.perf_counter() - started
            compute_seconds += spent
            audio_seconds += audio.duration_s
            words += len(transcript.words)
            wer = ("" if reference is None or args.random
                   else f", WER {word_error_rate(reference, transcript.text):.3f}")
            rtf = spent / audio.duration_s
            print(f"  {name:<20} {audio.duration_s:6.1f} s audio, RTF {rtf:.3f}{wer}")

    print(f"model:            {label}")
    print(f"threads:          {machine_threads()} (int8, beam size {args.beam_size})")
    print(f"model load:       {load:.2f} s (+ {warm:.2f} s warm-up)")
    print(f"audio:            {len(answers)} answers, {audio_seconds:.1f} s")
    print(f"transcription:    {compute_seconds:.2f} s, {words} words")
    print(f"real-time factor: {compute_seconds / audio_seconds:.3f} "
          f"({audio_seconds / compute_seconds:.1f}x faster than real time)")


if __name__ == "__main__":
    main()
