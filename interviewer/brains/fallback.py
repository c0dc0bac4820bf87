"""A brain with a stand-in: when the chosen brain fails a step, the offline brain takes it.

`FallbackBrain` runs every step of the Brain contract on the primary brain and, if that raises
BrainError, on the fallback; each result comes back as `Produced`, which names the brain that
produced it (recorded with the result in the log). The producer travels with each result rather
than being kept on the wrapper, because scores are also given on a worker thread.

The candidate hears why once per reason, not once per step: when the LLM endpoint is switched
off for the rest of a run, every later step falls back for the same reason, and repeating it
once printed 124 identical warnings in one loop. Each step's own event still marks it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from interviewer.brains.base import Brain, BrainError
from interviewer.brains.contexts import AnswerContext, InterjectContext, MoveContext, VoteContext
from interviewer.rubric.results import AnswerScore, Interruption, Move, Vote

T = TypeVar("T")


@dataclass(frozen=True)
class Produced(Generic[T]):
    """A brain step's result, the name of the brain that produced it, and whether that was the
    fallback standing in."""

    brain: str
    result: T
    fallback: bool = False


class FallbackBrain:
    """The primary brain's steps, taken by `fallback` whenever the primary fails one.

    `on_fallback(message, turn)` hears the reason the first time it is seen, worded for the
    candidate ("llm interviewer unavailable for the score (...); the offline interviewer took
    this step"); `turn` is the turn the step was about (None for a vote). Without a fallback
    (None, or the primary itself) a failure is raised.
    """

    def __init__(self, primary: Brain, fallback: Brain | None,
                 on_fallback: Callable[[str, int | None], None]):
        self.primary = primary
        self.fallback = fallback if fallback is not primary else None
        self.on_fallback = on_fallback
        self._told: set[str] = set()

    @property
    def name(self) -> str:
        """The chosen brain's name."""
        return self.primary.name

    @property
    def anticipates(self) -> bool:
        """Whether the chosen brain's moves may be guessed on partial answers."""
        return self.primary.anticipates

    def score(self, context: AnswerContext) -> Produced[AnswerScore]:
        """Score one answer."""
        return self.run("score", lambda b: b.score(context), context.turn)

    def next_move(self, context: MoveContext) -> Produced[Move]:
        """The next move after the last answer of the exchange."""
        last = context.exchange[-1].turn if context.exchange else None
        return self.run("next move", lambda b: b.next_move(context), last)

    def vote(self, context: VoteContext) -> Produced[Vote]:
        """The interviewer's vote."""
        return self.run("vote", lambda b: b.vote(context), None)

    def interject(self, context: InterjectContext) -> Produced[Interruption | None]:
        """Whether to cut into the answer being spoken."""
        return self.run("interruption", lambda b: b.interject(context), None)

    def interjection_lines(self) -> list[str]:
        """Every line either brain may cut in with."""
        lines = self.primary.interjection_lines()
        if self.fallback is not None:
            lines += [line for line in self.fallback.interjection_lines() if line not in lines]
        return lines

    def run(self, step: str, call: Callable[[Brain], T], turn: int | None) -> Produced[T]:
        """`call` on the primary brain; on BrainError, on the fallback (the reason told once)."""
        try:
            return Produced(self.primary.name, call(self.primary))
        except BrainError as exc:
            if self.fallback is None:
                raise
            return self.take_over(step, str(exc), call, turn)

    def take_over(self, step: str, reason: str, call: Callable[[Brain], T],
                  turn: int | None) -> Produced[T]:
        """The primary already failed `step` for `reason` (e.g. on a worker thread): the
        fallback takes it now."""
        if self.fallback is None:
            raise BrainError(reason)
        if reason not in self._told:
            self._told.add(reason)
            self.on_fallback(
                f"{self.primary.name} interviewer unavailable for the {step} ({reason}); "
                f"the {self.fallback.name} interviewer took this step", turn)
        return Produced(self.fallback.name, call(self.fallback), fallback=True)
