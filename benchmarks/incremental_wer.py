"""Word error rate of incremental vs whole-file transcription on long answers of real speech.

By default the answers are about 20, 60 and 180 s long, built from the real speech clips the
tests carry (benchmarks/long_answers.py), and the model is the embedded Whisper tiny.en the
set-up installs. Each answer is transcribed whole at once, and again incrementally (fed in 32 ms
blocks at simulated real time, cut at VAD pauses, as while listening); both word error rates are
printed per answer and pooled. With FOLDER, every NAME.wav with a NAME.txt reference is used.

    python benchmarks/incremental_wer.py [FOLDER] [--model embedded] [--lengths 20,60,180]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def incremental_text(transcriber, samples) -> tuple[str, int]:
    """The incremental transcript of `samples`, and how many passes it took."""
    from interviewer.live.incremental import IncrementalTranscriber

    incremental = IncrementalTranscriber(transcriber)
    for start in range(0, len(samples), 512):
        incremental.feed(samples[start:start + 512])
        incremental.drain()  # as if spoken on a machine that keeps up
    return incremental.finish().text, incremental.stats.passes


def answers(args) -> list[tuple[str, object, str]]:
    """(name, 16 kHz samples, reference text) for each answer to measure."""
    from interviewer.live.wav import load_audio

    if args.folder is None:
        from benchmarks.long_answers import long_answer

        built = [long_answer(float(s), seed=i) for i, s in enumerate(args.lengths.split(","))]
        return [(f"real speech {a.seconds:.0f} s", a.samples, a.reference) for a in built]
    pairs = [(wav, wav.with_suffix(".txt")) for wav in sorted(args.folder.glob("*.wav"))
             if wav.with_suffix(".txt").exists()]
    if not pairs:
        sys.exit(f"no NAME.wav + NAME.txt pairs in {args.folder}")
    return [(wav.name, load_audio(wav).samples, txt.read_text()) for wav, txt in pairs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--model", default="embedded", help="model name or CTranslate2 folder")
    parser.add_argument("--lengths", default="20,60,180", help="seconds of each built answer")
    args = parser.parse_args()
    from interviewer.live.transcribe import WhisperTranscriber
    from interviewer.live.word_errors import word_errors, words
    from interviewer.session.ports import Audio

    transcriber = WhisperTranscriber(model=args.model)
    transcriber.warm_up()
    totals = {"whole": 0, "incremental": 0, "reference": 0}
    print(f"model: {args.model} ({transcriber.path})")
    print(f"{'answer':<22} {'words':>6} {'whole WER':>10} {'incr WER':>10} {'passes':>7} "
          f"{'whole RTF':>10}")
    for name, samples, reference in answers(args):
        started = time.perf_counter()
        whole = transcriber.transcribe(Audio(samples)).text
        rtf = (time.perf_counter() - started) / (len(samples) / 16_000)
        text, passes = incremental_text(transcriber, samples)
        errors = {"whole": word_errors(reference, whole),
                  "incremental": word_errors(reference, text)}
        n = max(len(words(reference)), 1)
        totals["reference"] += n
        for mode in ("whole", "incremental"):
            totals[mode] += errors[mode]
        print(f"{name:<22} {n:>6} {errors['whole'] / n:>10.3f} "
              f"{errors['incremental'] / n:>10.3f} {passes:>7} {rtf:>10.3f}")
    n = max(totals["reference"], 1)
    print(f"pooled WER: whole {totals['whole'] / n:.3f}, incremental "
          f"{totals['incremental'] / n:.3f} over {totals['reference']} words")


if __name__ == "__main__":
    main()
