"""Which wording of a probe to say: one written for the interview's style, not used yet in this
exchange, and fitting what the candidate said.
"""

from __future__ import annotations

from interviewer.brains.base import TurnView
from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import Content
from interviewer.rubric.results import Signals
from interviewer.rubric.spoken import plain
from interviewer.session.events import PlannedQuestion


def probe_text(
    content: Content, stage: str, style: str, gap: str, question: PlannedQuestion, variant: int,
    used: set[str], said: set[str] | None = None,
) -> tuple[str | None, str | None]:
    """A probe for the gap not yet used in this exchange (a gap left open is pressed once).

    Only probes written for the interview's style are used (a design round never gets a
    behavioural "most recent time" probe), and only those whose wording fits what was said: a
    probe that asks for a number is not used once a number was given.
    """
    if gap == "defend_decision":
        specific = defend_lines(content, question)
        if specific and f"defend:{question.id}" not in used:
            return specific[variant % len(specific)], f"defend:{question.id}"
    said = said or set()
    probes = [p for p in content.probes_for(gap, stage, style)
              if p.id not in used and set(p.requires) <= said and not set(p.unless) & said]
    if not probes:
        return None, None
    # Probes whose wording needs something said come first when it was said.
    fitted = [p for p in probes if p.requires] or probes
    probe = fitted[variant % len(fitted)]
    text = probe.texts[variant % len(probe.texts)]
    return text.replace("{question}", question.text), probe.id


def what_was_said(signals: Signals, text: str) -> set[str]:
    """The things a probe's wording may rely on (see `requires` in prompts/probes.yaml)."""
    said = set()
    if signals.compensation == "flexible":
        said.add("said_flexible")
    if signals.compensation in ("number", "number_with_source"):
        said.add("gave_number")
    if lx.STRONG_HEDGES.search(plain(text)):
        said.add("both_sides")
    return said


def unwrapped(asked: str, exchange: list[TurnView]) -> str:
    """The original wording of a re-asked turn (without "Of course." and the like)."""
    for turn in exchange:
        if turn.kind == "question" and turn.asked and turn.asked in asked:
            return turn.asked
    return asked


def defend_lines(content: Content, question: PlannedQuestion) -> list[str]:
    """The bank question's own "defend that decision" lines (none for other questions)."""
    bank_question = content.find_question(question.id)
    return bank_question.defend if bank_question else []
