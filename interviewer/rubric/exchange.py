"""Scoring an exchange: a main question and its follow-ups, read as one answer.

A follow-up answer is read for the gap it was asked about. "Reversibility: a rollback I can undo
in five minutes beats an hour of debugging" answers "What principle were you acting on?" even
though, read alone, it is short and never names the word "principle". So the exchange is read as
the main answer plus every follow-up answer, and each follow-up that fills its gap sets the signal
that gap is about. The exchange score drives the interviewer's vote and the reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import Content
from interviewer.rubric.delivery import delivery_from_text
from interviewer.rubric.results import AnswerScore, Signals, ValueEvidence
from interviewer.rubric.scoring import assemble
from interviewer.rubric.signals import read_signals, sentences, value_evidence
from interviewer.rubric.spoken import plain
from interviewer.session.events import PlannedQuestion


@dataclass(frozen=True)
class Turn:
    """One answered turn of an exchange: what kind of turn, the answer, and the probed gap."""

    kind: str
    answer: str
    gap: str | None = None


def turns_of(views: Sequence[TurnView]) -> list[Turn]:
    """The answered turns of an exchange as the scorer reads them."""
    return [Turn(v.kind, v.answer, v.gap) for v in views if v.answer and v.answer.strip()]


def fills(gap: str, answer: str, signals: Signals) -> bool:
    """Whether a follow-up answer (read alone, as `signals`) gives what its probe asked for."""
    lower = plain(answer)
    if signals.gibberish or signals.word_count == 0 or signals.repetition >= 0.4:
        return False
    reasoned = bool(lx.REASON.search(lower)) or ":" in answer or " beats " in lower
    checks = {
        "no_principle": signals.named_principle or (reasoned and signals.word_count >= 8),
        "no_reflection": signals.reflection or bool(lx.POSITIONS.search(lower)),
        "no_self_awareness": signals.reflection or signals.admits_limits,
        "hedging": signals.point_of_view == "clear"
        or (signals.point_of_view == "none" and bool(lx.POSITIONS.search(lower))),
        "no_outcome": signals.outcome or signals.specificity >= 0.4,
        "no_ownership": signals.ownership >= 0.5 and signals.word_count >= 8,
        "no_behaviour_change": bool(signals.behaviour_change)
        or bool(lx.CHANGE_START.search(lower) or lx.CHANGE_STOP.search(lower)),
        "vague_compensation": signals.compensation in ("number", "number_with_source"),
        "mentorship_structure": not signals.mentorship_risk and signals.story >= 0.2,
        "defend_decision": signals.reasons and signals.story >= 0.2,
        "no_trade_off": signals.alternatives and signals.reasons,
        "no_scale": signals.scale,
        "no_failure_mode": signals.failure,
        "no_example": signals.story >= 0.3 and not signals.generic,
    }
    return bool(checks.get(gap, False))


_KEPT = ("outcome", "outcome_quote", "named_principle", "principle_quote", "reflection",
         "reflection_quote")
_FILLED: dict[str, dict[str, object]] = {
    "no_principle": {"named_principle": True},
    "no_reflection": {"reflection": True},
    "no_self_awareness": {"admits_limits": True},
    "hedging": {"point_of_view": "clear", "hedges": []},
    "no_outcome": {"outcome": True},
    "no_ownership": {"ownership": 0.6},
    "no_behaviour_change": {"behaviour_change": True},
    "mentorship_structure": {"mentorship_risk": False},
    "defend_decision": {"reasons": True},
    "no_trade_off": {"alternatives": True, "reasons": True},
    "no_scale": {"scale": True},
    "no_failure_mode": {"failure": True},
}


def exchange_signals(
    turns: Sequence[Turn], *, stage: str, question: PlannedQuestion, keywords: list[str]
) -> tuple[Signals, list[str]]:
    """The signals of the whole exchange, and the gaps its follow-ups filled."""
    text = "\n".join(t.answer for t in turns)
    signals = read_signals(text, stage=stage, question=question, keywords=keywords)
    if len(turns) > 1:
        # What the main answer showed on its own stays shown when follow-ups are added.
        main = read_signals(turns[0].answer, stage=stage, question=question, keywords=keywords)
        kept = {name: getattr(main, name) for name in _KEPT
                if getattr(main, name) and not getattr(signals, name)}
        signals = signals.model_copy(update=kept)
    filled = []
    for turn in turns:
        if turn.kind == "question" or not turn.gap:
            continue
        alone = read_signals(turn.answer, stage=stage, question=question, keywords=keywords)
        if not fills(turn.gap, turn.answer, alone):
            continue
        filled.append(turn.gap)
        update = dict(_FILLED.get(turn.gap, {}))
        if turn.gap == "no_principle" and not signals.principle_quote:
            update["principle_quote"] = turn.answer.strip()
        if turn.gap == "no_reflection" and not signals.reflection_quote:
            update["reflection_quote"] = turn.answer.strip()
        if turn.gap == "no_outcome" and not signals.outcome_quote:
            update["outcome_quote"] = turn.answer.strip()
        if turn.gap == "vague_compensation":
            update["compensation"] = alone.compensation
        if turn.gap == "no_ownership":
            update["ownership"] = max(signals.ownership, 0.6)
        if turn.gap in ("no_trade_off", "defend_decision") and signals.design_tradeoffs is not None:
            update["design_tradeoffs"] = True
        if signals.behaviour_change is None and turn.gap == "no_behaviour_change":
            update.pop("behaviour_change", None)
        signals = signals.model_copy(update=update)
    return signals, filled


def score_exchange(
    turns: Sequence[Turn], context: AnswerContext, content: Content
) -> AnswerScore:
    """The offline score of a whole exchange (the main answer and its follow-ups)."""
    keywords = content.keywords(context.question.id)
    signals, _ = exchange_signals(
        turns, stage=context.stage, question=context.question, keywords=keywords
    )
    text = "\n".join(t.answer for t in turns)
    delivery = delivery_from_text(text, context.answer_seconds)
    if len(turns) == 1 and context.delivery is not None:
        delivery = context.delivery
    signals = signals.model_copy(update={"fillers_per_100": delivery.fillers_per_100})
    honest = signals.word_count > 0 and not (signals.gibberish or signals.off_topic)
    values = (
        value_evidence(sentences(text), content.values)
        if honest
        else [ValueEvidence(value=name) for name in content.values]
    )
    return assemble(signals, values, delivery, context.stage, "question")
