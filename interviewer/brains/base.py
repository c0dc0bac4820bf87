"""The Brain contract: the part of the interviewer that scores answers, picks moves, votes and
cuts into an answer that runs on.

Each step takes one context object (`interviewer.brains.contexts`, re-exported here). The
offline brain (rules, no network) is the default; the LLM brain plugs in behind the same
contract, and `FallbackBrain` (brains/fallback.py) lets the offline brain take any step the
chosen one fails. The engine records which brain produced every move and score.
"""

from __future__ import annotations

from typing import Protocol

from interviewer.brains.contexts import (
    AnswerContext,
    InterjectContext,
    MoveContext,
    TurnView,
    VoteContext,
)
from interviewer.rubric.results import AnswerScore, Interruption, Move, Vote

__all__ = ["AnswerContext", "Brain", "BrainError", "InterjectContext", "MoveContext",
           "TurnView", "VoteContext"]


class Brain(Protocol):
    """Scores answers, decides the next move, casts the interviewer's vote and cuts in."""

    name: str
    # True when a move costs so little (rules, no network) that the engine may ask for one on
    # every growing partial transcript, to prepare the follow-up it will probably say. A model
    # whose wording cannot be known before it is asked, and whose calls are slow, says False.
    anticipates: bool

    def score(self, context: AnswerContext) -> AnswerScore:
        """Score one answer."""
        ...

    def next_move(self, context: MoveContext) -> Move:
        """The next move after the last answer of the exchange."""
        ...

    def vote(self, context: VoteContext) -> Vote:
        """The interviewer's independent vote, from its own interview only."""
        ...

    def interject(self, context: InterjectContext) -> Interruption | None:
        """Whether to cut into the answer being spoken now, and with which probe.

        Asked about every half second of speech from the listening thread, so it must answer
        at once: no network call.
        """
        ...

    def interjection_lines(self) -> list[str]:
        """Every line `interject` may say, so a speaker can synthesize them ahead of time."""
        ...


class BrainError(Exception):
    """The brain could not produce an answer (endpoint down, bad output); fall back offline."""
