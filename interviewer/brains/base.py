"""The Brain interface: the part of the interviewer that scores answers, picks moves and votes.

The offline brain (rules, no network) is the default; the LLM brain plugs in behind the same
three methods. The engine records which brain produced every move and score.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from interviewer.rubric.results import AnswerScore, Delivery, Move, Vote
from interviewer.session.events import PlannedInterview, PlannedQuestion


@dataclass
class TurnView:
    """What a brain sees of one earlier turn in the same interview."""

    turn: int
    kind: str
    asked: str
    answer: str
    probe_id: str | None = None
    gap: str | None = None
    score: AnswerScore | None = None
    interrupted: bool = False


@dataclass
class AnswerContext:
    """Everything needed to score one answer."""

    stage: str
    question: PlannedQuestion
    asked: str
    answer: str
    kind: str = "question"
    delivery: Delivery | None = None
    answer_seconds: tuple[int, int] = (120, 180)
    interviewer: PlannedInterview | None = None
    gap: str | None = None  # the gap a follow-up's probe asked about


class Brain(Protocol):
    """Scores answers, decides the next move and casts the interviewer's vote."""

    name: str

    def score(self, context: AnswerContext) -> AnswerScore:
        """Score one answer."""
        ...

    def next_move(
        self,
        *,
        stage: str,
        question: PlannedQuestion,
        exchange: list[TurnView],
        follow_ups_left: int,
        variant: int,
        interviewer: PlannedInterview | None = None,
    ) -> Move:
        """The next move after the last answer in `exchange` (the current question's turns).

        `variant` is a seeded number used to choose among equivalent phrasings; `interviewer` is
        the persona asking (its own interview only).
        """
        ...

    def vote(self, interview: PlannedInterview, turns: list[TurnView]) -> Vote:
        """The interviewer's independent vote, from its own interview only."""
        ...


class BrainError(Exception):
    """The brain could not produce an answer (endpoint down, bad output); fall back offline."""


T = TypeVar("T")


def with_fallback(
    brain: Brain,
    fallback: Brain | None,
    call: Callable[[Brain], T],
    on_fallback: Callable[[str], None],
) -> tuple[str, T]:
    """Run a brain step; if the brain fails, the fallback takes it and `on_fallback` hears why.

    Returns the name of the brain that produced the result, which is recorded with it.
    """
    try:
        return brain.name, call(brain)
    except BrainError as exc:
        if fallback is None or fallback is brain:
            raise
        on_fallback(str(exc))
        return fallback.name, call(fallback)
