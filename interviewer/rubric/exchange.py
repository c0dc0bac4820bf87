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
from interviewer.rubric.content import Content
from interviewer.rubric.delivery import delivery_from_text
from interviewer.rubric.gap_fill import filled_update
from interviewer.rubric.requests import after_requests, request_of
from interviewer.rubric.results import AnswerScore, Signals, ValueEvidence
from interviewer.rubric.retelling import same_story
from interviewer.rubric.round_kind import settings_for
from interviewer.rubric.scoring import assemble
from interviewer.rubric.signals import read_signals, value_evidence
from interviewer.rubric.spoken import clauses
from interviewer.rubric.stages import StageSettings
from interviewer.session.events import PlannedQuestion


@dataclass(frozen=True)
class Turn:
    """One answered turn of an exchange: what kind of turn, the answer, and the probed gap."""

    kind: str
    answer: str
    gap: str | None = None


def turns_of(views: Sequence[TurnView]) -> list[Turn]:
    """The answered turns of an exchange as the scorer reads them.

    A request ("could you repeat the question?") is not an answer and is left out; the reply
    after requests only is the answer to the question itself, read as the main answer. Asked for
    a different example, the same story again adds nothing to the exchange and is left out too
    (so a story recited twice is not read as "the same words repeated").
    """
    turns: list[Turn] = []
    for index, view in enumerate(views):
        if not (view.answer and view.answer.strip()) or request_of(view.answer):
            continue
        if turns and view.gap == "retold" and same_story(view.answer, turns[0].answer):
            continue
        if not turns and after_requests([v.answer for v in views[:index]]):
            turns.append(Turn("question", view.answer))
        else:
            turns.append(Turn(view.kind, view.answer, view.gap))
    return turns


_KEPT = ("outcome", "outcome_quote", "named_principle", "principle_quote", "reflection",
         "reflection_quote")


def exchange_signals(
    turns: Sequence[Turn], *, stage: StageSettings, question: PlannedQuestion, keywords: list[str]
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
        update = filled_update(turn.gap, turn.answer, alone, signals, exchange=True)
        if update is None:
            continue
        filled.append(turn.gap)
        signals = signals.model_copy(update=update)
    return signals, filled


def score_exchange(
    turns: Sequence[Turn], context: AnswerContext, content: Content
) -> AnswerScore:
    """The offline score of a whole exchange (the main answer and its follow-ups)."""
    keywords = content.keywords(context.question.id)
    stage = settings_for(content, context.stage, context.question, context.interviewer)
    signals, _ = exchange_signals(turns, stage=stage, question=context.question, keywords=keywords)
    text = "\n".join(t.answer for t in turns)
    delivery = delivery_from_text(text, context.answer_seconds)
    if len(turns) == 1 and context.delivery is not None:
        delivery = context.delivery
    signals = signals.model_copy(update={"fillers_per_100": delivery.fillers_per_100})
    honest = signals.word_count > 0 and not (signals.gibberish or signals.off_topic)
    values = (
        value_evidence(clauses(text), content.values)
        if honest
        else [ValueEvidence(value=name) for name in content.values]
    )
    return assemble(signals, values, delivery, stage, "question")
