"""Word error counts between a reference text and a transcript, for tests and benchmarks."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9']+")


def words(text: str) -> list[str]:
    """Lower-case words without punctuation, for comparing transcripts fairly."""
    return _WORD.findall(text.lower())


def word_errors(reference: str, hypothesis: str) -> int:
    """Substitutions + deletions + insertions between two texts (Levenshtein over words)."""
    ref, hyp = words(reference), words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, 1):
        current = [i]
        for j, hyp_word in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ref_word != hyp_word)))
        previous = current
    return previous[-1]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word errors divided by the reference's word count (0.0 is a perfect transcript)."""
    return word_errors(reference, hypothesis) / max(len(words(reference)), 1)
