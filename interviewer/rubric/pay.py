"""Reading a pay answer: a researched figure, a bare figure, "flexible", or nothing.

Figures are read as people say them and Whisper writes them ("480 thousand", "$480k", "450 to
520K", "around 300 base plus equity"); see the COMP_ patterns in lexicon/screen.py.
"""

from __future__ import annotations

from interviewer.rubric import lexicon as lx
from interviewer.rubric.spoken import plain


def compensation(text: str, *, asked_about_pay: bool = True) -> str:
    """How a pay answer is framed: a number with its source beats a bare number beats 'flexible'.

    Read on the plain form, so spoken figures count ("480 thousand", "three eighty total"); a
    figure without its thousands ("300 base", "targeting 480") counts only when pay was asked.
    """
    lower = plain(text)
    short = len(lower.split()) <= lx.COMP_BARE_MAX_WORDS
    has_number = bool(lx.COMP_NUMBER.search(lower)) or asked_about_pay and bool(
        lx.COMP_NUMBER_SAID.search(lower) or short and lx.COMP_BARE_FIGURE.search(lower)
    )
    if has_number and lx.COMP_SOURCE.search(lower):
        return "number_with_source"
    if has_number:
        return "number"
    if lx.COMP_FLEXIBLE.search(lower):
        return "flexible"
    return "none"
