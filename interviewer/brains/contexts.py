"""What a brain is asked with: one context object per step of the Brain contract.

Plain dataclasses, built by the session (from its log) or by a caller that has no session
(`interviewer score`, benchmarks), so every brain sees exactly the same fields for a step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.rubric.results import AnswerScore, Delivery
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
    """Everything needed to score one answer (`turn` names it in notes; brains ignore it)."""

    stage: str
    question: PlannedQuestion
    asked: str
    answer: str
    kind: str = "question"
    delivery: Delivery | None = None
    answer_seconds: tuple[int, int] = (120, 180)
    interviewer: PlannedInterview | None = None
    gap: str | None = None  # the gap a follow-up's probe asked about
    turn: int | None = None


@dataclass
class MoveContext:
    """Everything needed to choose the move after the last answer of `exchange`.

    `exchange` is the current question's turns so far; `variant` is a seeded number used to
    choose among equivalent phrasings; `interviewer` is the persona asking (its own interview
    only); `earlier` is what the same interviewer heard before this question, each earlier
    question with its follow-ups (so a story told again is noticed).
    """

    stage: str
    question: PlannedQuestion
    exchange: list[TurnView]
    follow_ups_left: int
    variant: int = 0
    interviewer: PlannedInterview | None = None
    earlier: list[list[TurnView]] = field(default_factory=list)


@dataclass
class VoteContext:
    """One interviewer's own interview: its plan and its turns, nothing from the others."""

    interview: PlannedInterview
    turns: list[TurnView]


@dataclass
class InterjectContext:
    """An answer still being spoken: whether to cut in now.

    `elapsed` is seconds since the candidate started speaking (seconds of audio, so tests need
    no clock); `partial_text` is the transcript so far, which covers the first `transcribed`
    seconds of the speech (it lags; None when it is known to be complete). `kind`,
    `answer_seconds` and `asks_principle` are those of the prompt being answered.
    """

    stage: str
    kind: str
    asked: str
    answer_seconds: tuple[int, int]
    elapsed: float
    partial_text: str
    transcribed: float | None = None
    asks_principle: bool = True  # False in a coding or design round (see Prompt)
