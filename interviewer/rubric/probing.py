"""Choosing the next move: probe the most important thing the answer lacks, or move on.

The gaps are judged on the whole exchange (the question and its follow-ups so far), so a gap the
candidate filled in a follow-up is not probed again. No probe is used twice in one exchange, which
also means never twice in a row.
"""

from __future__ import annotations

from interviewer.brains.base import TurnView
from interviewer.rubric.content import Content
from interviewer.rubric.results import Move, Signals
from interviewer.rubric.signals import read_signals
from interviewer.session.events import PlannedQuestion

# What each stage probes first. Order is priority.
PRIORITIES = {
    "recruiter": ["no_example", "vague_compensation", "mentorship_structure", "hedging"],
    "manager": [
        "no_example",
        "no_principle",
        "hedging",
        "no_behaviour_change",
        "no_ownership",
        "no_reflection",
        "no_outcome",
    ],
    "onsite": [
        "no_example",
        "no_principle",
        "hedging",
        "no_behaviour_change",
        "no_ownership",
        "no_outcome",
        "no_reflection",
    ],
    "technical": ["no_example", "defend_decision", "hedging", "no_reflection"],
}

REASONS = {
    "no_example": "the answer gave no concrete example",
    "no_principle": "the story named no principle",
    "hedging": "the answer hedged instead of taking a position",
    "no_behaviour_change": "feedback was described without a concrete behaviour change",
    "no_ownership": "the story was all 'we' and no 'I'",
    "no_outcome": "the story had no measurable outcome",
    "no_reflection": "no reflection on what they would weigh differently",
    "vague_compensation": "no researched number for compensation",
    "mentorship_structure": "asked for heavy structure, which is rare at Netflix",
    "defend_decision": "design choices need defending against alternatives",
}


def open_gaps(signals: Signals, stage: str, question: PlannedQuestion, defended: int) -> list[str]:
    """The gaps in an exchange, in the stage's priority order."""
    present = {
        "no_example": signals.word_count < 25 or signals.evasive,
        "no_principle": not signals.named_principle,
        "hedging": signals.point_of_view == "hedged",
        "no_behaviour_change": signals.behaviour_change is False,
        "no_ownership": signals.ownership < 0.25,
        "no_outcome": not signals.outcome,
        "no_reflection": not signals.reflection,
        "vague_compensation": signals.compensation in ("flexible", "none", "number"),
        "mentorship_structure": signals.mentorship_risk,
        "defend_decision": _needs_defending(signals, question, defended),
    }
    return [gap for gap in PRIORITIES.get(stage, PRIORITIES["onsite"]) if present[gap]]


def _needs_defending(signals: Signals, question: PlannedQuestion, defended: int) -> bool:
    """Defend every technical answer once; design answers again while trade-offs are missing."""
    if defended == 0:
        return True
    return question.topic != "coding" and not signals.design_tradeoffs


def next_move(
    *,
    content: Content,
    stage: str,
    question: PlannedQuestion,
    exchange: list[TurnView],
    follow_ups_left: int,
    variant: int,
) -> Move:
    """Probe the top open gap not yet probed in this exchange, or go on to the next question."""
    if follow_ups_left <= 0:
        return Move(action="next_question", reason="follow-up budget for this question used")
    answers = [t.answer for t in exchange if t.answer]
    if not answers:
        return Move(action="next_question", reason="no answer to follow up on")
    already = {t.gap for t in exchange if t.gap}
    last = exchange[-1]
    if (
        last.kind != "question"
        and last.score
        and (last.score.signals.gibberish or last.score.signals.word_count == 0)
    ):
        return Move(action="next_question", reason="the follow-up got no usable answer")
    signals = read_signals(
        "\n".join(answers), stage=stage, question=question, keywords=content.keywords(question.id)
    )
    defended = sum(1 for t in exchange if t.gap == "defend_decision")
    for gap in open_gaps(signals, stage, question, defended):
        if gap in already:
            continue
        text, probe_id = _probe_text(content, stage, gap, question, defended, variant)
        if text is None:
            continue
        return Move(
            action="follow_up",
            text=text,
            probe_id=probe_id,
            gap=gap,
            target_value=question.values[0] if question.values else None,
            reason=REASONS[gap],
        )
    return Move(action="next_question", reason="the answer covered what this question probes")


def _probe_text(
    content: Content, stage: str, gap: str, question: PlannedQuestion, defended: int, variant: int
) -> tuple[str | None, str | None]:
    if gap == "defend_decision":
        specific = _defend_lines(content, question)
        if defended < len(specific):
            return specific[(variant + defended) % len(specific)], f"defend:{question.id}"
    probes = content.probes_for(gap, stage)
    if not probes:
        return None, None
    if gap == "no_principle":
        # The signature Netflix probe, asked the same way every time, as real interviewers do;
        # the file's first no_principle probe holds it.
        return probes[0].texts[0], probes[0].id
    probe = probes[variant % len(probes)]
    return probe.texts[variant % len(probe.texts)], probe.id


def _defend_lines(content: Content, question: PlannedQuestion) -> list[str]:
    bank_question = content.find_question(question.id)
    return bank_question.defend if bank_question else []
