"""Delivery metrics: filler words, speaking rate, pauses and length against the stage's guidance.

Works from word timestamps when the answer was spoken, and from the text alone otherwise.
"""

from __future__ import annotations

import re

from interviewer.rubric.results import Delivery
from interviewer.rubric.spoken import fluent
from interviewer.session.ports import Word

# Fillers that are fillers wherever they appear.
_ALWAYS = r"\b(?:um+|uh+|erm+|er|hmm+|ah+|uh-huh|you know|i mean)\b"
# Words that are fillers only when set off by commas ("it was, like, huge") or
# opening a sentence with a comma ("So, um"): "I like it" and "it looks like rain" are not.
_IN_CONTEXT = (
    r"(?:(?<=,)|(?<=^)|(?<=[.!?]))\s*(?:like|so|actually|basically|literally|right)\s*(?=,)"
)
_FILLER_RE = re.compile(f"{_ALWAYS}|{_IN_CONTEXT}", re.IGNORECASE | re.MULTILINE)
_WORD_RE = re.compile(r"[A-Za-z0-9']+")

LONG_PAUSE_S = 2.0

# What the spoken-delivery figures rest on, shown wherever they are (benchmarks/delivery.py
# measures it; update the figures when the model or the prompt changes).
# Said instead of a delivery chart when every answer was typed without a filler word.
NO_DELIVERY_DATA = (
    "No delivery data: the answers were typed, so there is no speaking rate or pause to show, "
    "and no filler words were typed. Answer by voice to see how you deliver an answer."
)
RELIABILITY_NOTE = (
    "Spoken delivery is counted from the transcript and its word timestamps, so it is only as "
    "good as the transcriber. Measured with the embedded Whisper tiny.en on espeak-ng speech: it "
    "wrote 40 of 44 spoken 'um', 'uh' and 'you know' (25 without the project's filler prompt) "
    "and invented none in 300 words of filler-free speech; a person's quieter, shorter "
    "hesitations are likely undercounted, and very noisy audio can make it write fillers no one "
    "said. Pauses between words read about 0.6 s longer than the silence, so a pause of about "
    "1.5 s can count as a long one."
)


def count_words(text: str) -> int:
    """Words in a text."""
    return len(_WORD_RE.findall(text))


def find_fillers(text: str) -> list[str]:
    """The filler words and phrases in a text, in order."""
    return [match.group(0).strip().lower() for match in _FILLER_RE.finditer(text)]


def length_verdict(seconds: float, guidance: tuple[int, int]) -> str:
    """'short', 'ok' or 'long' against the stage's guidance, with some slack either side."""
    low, high = guidance
    if seconds < low * 0.5:
        return "short"
    if seconds > high * 1.25:
        return "long"
    return "ok"


# Conversational speech runs about 110-160 words per minute; text answers are judged as if spoken
# at 140 wpm so typed and spoken answers face the same length guidance.
ASSUMED_WPM = 140


def delivery_from_text(text: str, guidance: tuple[int, int] | None = None) -> Delivery:
    """Delivery as far as text shows it: fillers per 100 words and length."""
    words = count_words(text)
    fillers = find_fillers(text)
    per_100 = round(100 * len(fillers) / words, 1) if words else 0.0
    verdict = None
    # The length is the answer's own words: the same answer transcribed with its um, uh and
    # restarts, or without them, is as long.
    said = count_words(fluent(text))
    if guidance and said:
        verdict = length_verdict(said / ASSUMED_WPM * 60, guidance)
    return Delivery(
        words=words,
        fillers_per_100=per_100,
        filler_count=len(fillers),
        guidance_seconds=guidance,
        length_verdict=verdict,
    )


def delivery_from_words(
    words: list[Word], text: str, guidance: tuple[int, int] | None = None
) -> Delivery:
    """Delivery from word timestamps: rate over speaking time, fillers, long pauses, length."""
    base = delivery_from_text(text, guidance)
    if not words:
        return base
    gaps = [later.start - earlier.end for earlier, later in zip(words, words[1:], strict=False)]
    long_pauses = [gap for gap in gaps if gap >= LONG_PAUSE_S]
    total = max(words[-1].end - words[0].start, 0.0)
    # Speaking time leaves out the long pauses, so thinking time does not drag the rate down.
    speaking = max(total - sum(long_pauses), 1e-6)
    wpm = round(len(words) / speaking * 60, 1) if total > 0 else None
    verdict = length_verdict(total, guidance) if guidance else None
    return base.model_copy(
        update={
            "words": len(words),
            "speaking_seconds": round(total, 2),
            "words_per_minute": wpm,
            "long_pauses": len(long_pauses),
            "longest_pause_s": round(max(gaps), 2) if gaps else 0.0,
            "length_verdict": verdict,
        }
    )
