"""Marking evidence quotes inside an answer transcript.

Scorers quote the answer verbatim, but a quote may differ from the transcript in case or spacing
(an LLM tidies whitespace, a transcript wraps), so quotes are matched word by word, tolerantly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of answer text; `labels` names the evidence it carries (empty: plain text)."""

    text: str
    labels: tuple[str, ...] = ()

    @property
    def marked(self) -> bool:
        """True when this run is quoted as evidence."""
        return bool(self.labels)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` appears in `text` (ignoring case and runs of whitespace), or None."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text, re.IGNORECASE)
    return match.span() if match else None


def highlight(text: str, quotes: list[tuple[str, str]]) -> list[Segment]:
    """Split `text` into plain and marked segments; `quotes` are (quote, label) pairs.

    Where quotes overlap, each run carries every label that covers it, so a sentence that is
    evidence for two values is marked once with both names rather than nested twice.
    """
    labels_at: list[list[str]] = [[] for _ in text]
    for quote, label in quotes:
        span = find_quote(text, quote)
        if span is None:
            continue
        for index in range(*span):
            if label not in labels_at[index]:
                labels_at[index].append(label)
    segments: list[Segment] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or labels_at[index] != labels_at[start]:
            segments.append(Segment(text[start:index], tuple(labels_at[start])))
            start = index
    return segments
