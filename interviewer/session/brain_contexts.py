"""What the brains are asked with, built from a session's state: the views of earlier turns,
the context for scoring an answer and the context for choosing the next move.

An answer the candidate went on with over a withdrawn follow-up is one answer here (its views
are joined, and it is scored whole), so every brain sees what the candidate meant to say.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric.content import Content
from interviewer.rubric.requests import after_requests
from interviewer.rubric.results import AnswerScore
from interviewer.rubric.round_kind import settings_for
from interviewer.session.state import InterviewState, TurnState


def turn_view(turn: TurnState, score: AnswerScore | None = None) -> TurnView:
    """What a brain sees of a turn (with `score` standing in for the recorded one if given)."""
    return TurnView(
        turn=turn.asked.turn,
        kind=turn.asked.kind,
        asked=turn.asked.text,
        answer=turn.answer.text if turn.answer else "",
        probe_id=turn.asked.probe_id,
        gap=turn.asked.gap,
        score=score if score is not None else turn.latest_score,
        interrupted=bool(turn.answer and turn.answer.interrupted),
    )


def turn_views(turns: Sequence[TurnState],
               scores: Mapping[int, AnswerScore] | None = None) -> list[TurnView]:
    """What a brain sees of these turns, in order (with `scores` standing in by turn number).

    An answer the candidate went on with over a withdrawn follow-up (`QuestionAsked.went_on`)
    is the rest of the answer before it: the two are one view, under the later turn's number
    and score (that turn is scored as the whole answer, see `answer_context`).
    """
    views: list[TurnView] = []
    for turn in turns:
        view = turn_view(turn, (scores or {}).get(turn.asked.turn))
        if turn.asked.went_on and views:
            before = views[-1]
            views[-1] = replace(before, turn=view.turn, answer=joined(before.answer, view.answer),
                                score=view.score or before.score,
                                interrupted=view.interrupted)
        else:
            views.append(view)
    return views


def joined(first: str, rest: str) -> str:
    """An answer and the rest the candidate went on with, as one answer."""
    return " ".join(part for part in (first.strip(), rest.strip()) if part)


def answer_context(interview: InterviewState, turn: TurnState, content: Content) -> AnswerContext:
    """Everything a brain needs to score the answer of `turn`.

    An answer the candidate went on with is scored whole: the answer before it and its rest.
    """
    answer = turn.answer
    if answer is None:
        raise ValueError(f"turn {turn.asked.turn} has no answer to score")
    exchange = interview.exchange(turn.asked.question_index)
    before = [t for t in exchange if t.asked.turn < turn.asked.turn]
    if turn.asked.went_on and before and before[-1].answer is not None:
        whole = answer_context(interview, before[-1], content)
        return replace(whole, answer=joined(whole.answer, answer.text), turn=turn.asked.turn)
    plan = interview.plan
    question = plan.questions[turn.asked.question_index]
    # The stage's settings as this interview's style reads answers (a coding round's length).
    settings = (settings_for(content, plan.stage, question, plan)
                if plan.stage in content.stages else None)
    earlier = [t.answer.text if t.answer else None for t in before]
    # The reply after a request to hear the question again is the answer to the question.
    main = after_requests(earlier)
    return AnswerContext(
        stage=plan.stage,
        question=question,
        asked=turn.asked.text,
        answer=answer.text,
        kind="question" if main else turn.asked.kind,
        delivery=answer.delivery,
        answer_seconds=settings.answer_seconds if settings else (120, 180),
        interviewer=plan,
        gap=None if main else turn.asked.gap,
        turn=turn.asked.turn,
    )


def move_context(interview: InterviewState, question_index: int, exchange: list[TurnView],
                 content: Content, seed: int) -> MoveContext:
    """Everything a brain needs to choose the move after the last turn of `exchange`.

    The phrasing variant is seeded by the session and the turn, so a resumed or replayed
    session asks the same follow-up in the same words.
    """
    plan = interview.plan
    last = exchange[-1].turn
    question = plan.questions[question_index]
    budget = settings_for(content, plan.stage, question, plan).max_follow_ups
    asked_before = sorted({t.asked.question_index for t in interview.turns
                           if t.asked.question_index < question_index})
    return MoveContext(
        stage=plan.stage,
        question=question,
        exchange=exchange,
        follow_ups_left=budget - (len(exchange) - 1),
        variant=random.Random(f"{seed}:{last}").randrange(1 << 16),
        interviewer=plan,
        earlier=[turn_views(interview.exchange(i)) for i in asked_before],
    )
