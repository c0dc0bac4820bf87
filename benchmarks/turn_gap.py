"""Turn gap on the virtual microphone: incremental vs record-then-transcribe, same audio.

Spoken answers of about 20, 60 and 180 s (espeak-ng, concatenated sentences) are played into a
private PulseAudio null sink whose monitor is the microphone. Each answer is captured once with
`StreamingMicrophone` while `IncrementalTranscriber` works; at the end of the turn both paths run on
the same captured audio: the incremental tail, and the whole recording transcribed at once.

Turn gap = end of the candidate's speech -> first audio sample of the interviewer's reply, in parts:
silence wait (end-of-turn silence the endpointer needs), final transcription, decision, synthesis
(espeak-ng to a WAV; the incremental path prepares it during the answer, as the engine should),
playback start (opening the output stream, first write, plus the stream's reported latency).

    python benchmarks/turn_gap.py [--quick] [--model PATH] [--end-silence 1.0]

Needs .ci/start-virtual-audio.sh (a PulseAudio server), espeak-ng and PortAudio. The last line is
`turn-gap ratio incremental/whole at 180 s: X` (gap = median of the whole gap, silence included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SENTENCES = [
    "We had a launch planned for the holiday weekend and the error rate kept creeping up.",
    "I pulled the data from the canary and saw members in two regions were affected.",
    "So I called the owners together and we talked through the risk of waiting.",
    "I decided to roll back, even though marketing had already announced the date.",
    "The next week we shipped with a fix, and the error rate stayed flat.",
    "Looking back, I would ask for dissent earlier, before the pressure builds.",
]


CANDIDATE = ["candidate"]  # this run's private candidate sink (the microphone hears it)


def pactl(*args: str) -> str:
    done = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10)
    return done.stdout.strip() if done.returncode == 0 else ""


def private_sinks() -> list[str]:
    """A pair of null sinks for this run only; PULSE_SOURCE/PULSE_SINK point PortAudio at them."""
    sock = Path("/tmp/interviewer-audio-runtime/pulse/native")
    if not pactl("info") and sock.exists():
        os.environ["PULSE_SERVER"] = f"unix:{sock}"
    if not pactl("info"):
        sys.exit("no PulseAudio server: run .ci/start-virtual-audio.sh first")
    modules, names = [], {}
    for role in ("candidate", "interviewer"):
        names[role] = f"bench_{role}_{os.getpid()}"
        modules.append(pactl("load-module", "module-null-sink", f"sink_name={names[role]}"))
    CANDIDATE[0] = names["candidate"]
    os.environ["PULSE_SOURCE"] = f"{names['candidate']}.monitor"
    os.environ["PULSE_SINK"] = names["interviewer"]
    return modules, names


def spoken(folder: Path, seconds: float) -> Path:
    """About `seconds` of espeak-ng speech (sentences repeated, 160 wpm)."""
    words_needed = int(seconds * 160 / 60 * 0.93)
    text, count, i = [], 0, 0
    while count < words_needed:
        sentence = SENTENCES[i % len(SENTENCES)]
        text.append(sentence)
        count += len(sentence.split())
        i += 1
    path = folder / f"answer_{int(seconds)}.wav"
    subprocess.run(["espeak-ng", "-s", "160", "-w", str(path), " ".join(text)], check=True,
                   capture_output=True)
    return path


def synthesize(text: str, folder: Path) -> tuple[np.ndarray, int]:
    from interviewer.voice.wav import read_wav

    path = folder / "reply.wav"
    subprocess.run(["espeak-ng", "-s", "170", "-w", str(path), text], check=True,
                   capture_output=True)
    return read_wav(path)


def playback_start(samples: np.ndarray, rate: int) -> float:
    """Seconds until the first sample is out: open, start, first 50 ms written, + latency."""
    import sounddevice as sd

    started = time.perf_counter()
    stream = sd.OutputStream(samplerate=rate, channels=1, dtype="float32")
    stream.start()
    stream.write(np.ascontiguousarray(samples[: rate // 20].reshape(-1, 1)))
    first = time.perf_counter() - started + float(stream.latency)
    stream.abort()
    stream.close()
    return first


def decide(text: str) -> str:
    from interviewer.realtime.interrupt import PRINCIPLE_PROBE, names_a_principle

    return ("What would you do differently?" if names_a_principle(text) else PRINCIPLE_PROBE)


def one_turn(answer: Path, transcriber, end_silence: float, folder: Path) -> dict:
    from interviewer.interfaces import Audio
    from interviewer.realtime.capture import StreamingMicrophone
    from interviewer.realtime.incremental import IncrementalTranscriber

    incremental = IncrementalTranscriber(transcriber)
    prepared: dict = {}

    def prepare() -> None:  # the likely reply, synthesized while the candidate still talks
        prepared["audio"] = synthesize(decide(""), folder)

    def start_playing() -> None:
        command = ["paplay", f"--device={CANDIDATE[0]}", str(answer)]
        threading.Thread(target=subprocess.run, args=(command,), daemon=True).start()
        threading.Timer(5.0, prepare).start()

    microphone = StreamingMicrophone(end_silence=end_silence, enter_to_stop=False,
                                     on_listening=start_playing)
    ends = {}

    def on_block(block, probabilities, endpointer):
        incremental.feed(block, probabilities)
        if endpointer.last_speech_at is not None:
            ends["silence"] = endpointer.elapsed - endpointer.last_speech_at

    audio = microphone.listen(max_seconds=400, on_block=on_block)
    silence = ends.get("silence", end_silence)
    result = {"seconds": audio.duration_s}

    t = time.perf_counter()
    inc_text = incremental.finish().text
    transcribe = time.perf_counter() - t
    t = time.perf_counter()
    reply = decide(inc_text)
    decision = time.perf_counter() - t
    t = time.perf_counter()
    samples, rate = prepared.get("audio") or synthesize(reply, folder)
    synthesis = time.perf_counter() - t
    result["incremental"] = dict(silence=silence, transcribe=transcribe, decide=decision,
                                 synthesize=synthesis, playback=playback_start(samples, rate),
                                 tail_s=incremental.stats.tail_samples / 16_000,
                                 passes=incremental.stats.passes,
                                 merged=incremental.stats.merged)

    t = time.perf_counter()
    whole_text = transcriber.transcribe(Audio(audio.samples)).text
    transcribe = time.perf_counter() - t
    t = time.perf_counter()
    reply = decide(whole_text)
    decision = time.perf_counter() - t
    t = time.perf_counter()
    samples, rate = synthesize(reply, folder)
    synthesis = time.perf_counter() - t
    result["whole"] = dict(silence=silence, transcribe=transcribe, decide=decision,
                           synthesize=synthesis, playback=playback_start(samples, rate))
    for mode in ("incremental", "whole"):
        parts = result[mode]
        parts["gap"] = sum(parts[k] for k in ("silence", "transcribe", "decide", "synthesize",
                                              "playback"))
    return result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a CTranslate2 Whisper folder (default: random tiny)")
    parser.add_argument("--quick", action="store_true", help="one answer per length")
    parser.add_argument("--end-silence", type=float, default=1.0)
    parser.add_argument("--lengths", default="20,60,180")
    args = parser.parse_args()
    modules, _ = private_sinks()
    try:
        run(args)
    finally:
        for module in modules:
            if module:
                pactl("unload-module", module)


def run(args) -> None:
    from interviewer.voice.testing import TINY_SHAPE, build_random_whisper
    from interviewer.voice.transcribe import WhisperTranscriber

    folder = Path(tempfile.mkdtemp(prefix="turn-gap-"))
    if args.model:
        transcriber = WhisperTranscriber(model=args.model)
    else:
        model = build_random_whisper(folder / "tiny-random", **TINY_SHAPE)
        # A random model decodes to the length limit; 64 tokens per window is about what real
        # tiny.en emits for 30 s of speech.
        transcriber = WhisperTranscriber(model=str(model), beam_size=1, decode_options={
            "max_new_tokens": 64, "temperature": 0.0, "no_repeat_ngram_size": 1})
    transcriber.warm_up()
    lengths = [float(x) for x in args.lengths.split(",")]
    repeats = {20.0: 3, 60.0: 2, 180.0: 1} if not args.quick else {}
    print(f"model: {args.model or 'random-weight, whisper-tiny shape'}; cores: "
          f"{os.cpu_count()}; end-of-turn silence: {args.end_silence} s")
    ratio_180 = None
    for length in lengths:
        answer = spoken(folder, length)
        runs = [one_turn(answer, transcriber, args.end_silence, folder)
                for _ in range(repeats.get(length, 1))]
        print(f"\nanswer ~{length:.0f} s (captured {runs[0]['seconds']:.1f} s, n={len(runs)}):")
        medians = {}
        for mode in ("incremental", "whole"):
            gaps = [r[mode]["gap"] for r in runs]
            medians[mode] = statistics.median(gaps)
            parts = "  ".join(f"{k} {statistics.median(r[mode][k] for r in runs):.3f}"
                              for k in ("silence", "transcribe", "decide", "synthesize",
                                        "playback"))
            extra = ""
            if mode == "incremental":
                extra = (f"  [tail {runs[-1][mode]['tail_s']:.2f} s, passes "
                         f"{runs[-1][mode]['passes']}, merged {runs[-1][mode]['merged']}]")
            print(f"  {mode:<11} gap median {medians[mode]:.3f} s  p95 {p95(gaps):.3f} s  "
                  f"beyond silence {medians[mode] - runs[0][mode]['silence']:.3f} s | {parts}"
                  f"{extra}")
        ratio = medians["incremental"] / medians["whole"] if medians["whole"] else float("nan")
        print(f"  ratio incremental/whole: {ratio:.3f}")
        if length == 180.0:
            ratio_180 = ratio
    shown = f"{ratio_180:.3f}" if ratio_180 is not None else "nan"
    print(f"turn-gap ratio incremental/whole at 180 s: {shown}")


if __name__ == "__main__":
    main()
