"""Word error rate of incremental vs whole-file transcription on a folder of answers.

For every NAME.wav with a NAME.txt reference, transcribes the whole file at once, and again
incrementally (fed in 32 ms blocks at simulated real time, cut at VAD pauses, as while listening),
and prints both word error rates, per file and pooled. Meant for a machine with a real model:

    python benchmarks/incremental_wer.py FOLDER --model base.en
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_WORD = re.compile(r"[a-z0-9']+")


def words(text: str) -> list[str]:
    """Lower-case words without punctuation, for a fair comparison."""
    return _WORD.findall(text.lower())


def edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Substitutions + deletions + insertions (Levenshtein over words)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


def incremental_text(transcriber, samples) -> tuple[str, int]:
    from interviewer.live.incremental import IncrementalTranscriber

    incremental = IncrementalTranscriber(transcriber)
    for start in range(0, len(samples), 512):
        incremental.feed(samples[start:start + 512])
        incremental.drain()  # as if spoken on a machine that keeps up
    return incremental.finish().text, incremental.stats.passes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", default="base.en", help="model name or CTranslate2 folder")
    args = parser.parse_args()
    from interviewer.live.transcribe import WhisperTranscriber
    from interviewer.live.wav import load_audio
    from interviewer.session.ports import Audio

    pairs = [(wav, wav.with_suffix(".txt")) for wav in sorted(args.folder.glob("*.wav"))
             if wav.with_suffix(".txt").exists()]
    if not pairs:
        sys.exit(f"no NAME.wav + NAME.txt pairs in {args.folder}")
    transcriber = WhisperTranscriber(model=args.model)
    totals = {"whole": 0, "incremental": 0, "reference": 0}
    print(f"{'file':<30} {'words':>6} {'whole WER':>10} {'incr WER':>10} {'passes':>7}")
    for wav, txt in pairs:
        reference = words(txt.read_text())
        audio = load_audio(wav)
        whole = words(transcriber.transcribe(Audio(audio.samples)).text)
        text, passes = incremental_text(transcriber, audio.samples)
        errors = {"whole": edit_distance(reference, whole),
                  "incremental": edit_distance(reference, words(text))}
        n = max(len(reference), 1)
        totals["reference"] += len(reference)
        for mode in ("whole", "incremental"):
            totals[mode] += errors[mode]
        print(f"{wav.name:<30} {len(reference):>6} {errors['whole'] / n:>10.3f} "
              f"{errors['incremental'] / n:>10.3f} {passes:>7}")
    n = max(totals["reference"], 1)
    print(f"pooled WER: whole {totals['whole'] / n:.3f}, incremental "
          f"{totals['incremental'] / n:.3f} over {totals['reference']} words")


if __name__ == "__main__":
    main()
