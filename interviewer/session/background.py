"""Scoring answers in the background, so a slow model never holds up the next question.

The next move is what the candidate waits for; the score of the answer is not. With an LLM the
engine asks for the move first (within its budget), then hands the scoring to one worker thread
and goes on speaking and listening; finished scores are written to the log by the engine's own
thread when it next looks, and all of them before a vote. One worker, so requests reach a
single-slot local server one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from interviewer.brains.base import Brain, BrainError
from interviewer.rubric.results import AnswerScore


@dataclass
class Scored:
    """What the worker brought back for one turn: a score, or why the brain could not."""

    turn: int
    score: AnswerScore | None
    problem: str | None = None


class BackgroundScores:
    """Runs `brain.score` calls on one worker thread; results are collected by the caller."""

    def __init__(self, brain: Brain):
        self.brain = brain
        self._pool: ThreadPoolExecutor | None = None
        self._pending: dict[int, Future[Scored]] = {}

    def submit(self, turn: int, call: Callable[[Brain], AnswerScore]) -> None:
        """Start scoring `turn` (at most once while it is pending)."""
        if turn in self._pending:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scoring")
        self._pending[turn] = self._pool.submit(self._run, turn, call)

    def pending(self, turn: int) -> bool:
        """True while `turn` is being scored."""
        return turn in self._pending

    def collect(self, wait: bool = False) -> list[Scored]:
        """The scores that are ready (all of them, waiting, with `wait`), in turn order."""
        ready = [t for t, f in self._pending.items() if wait or f.done()]
        return [self._pending.pop(turn).result() for turn in sorted(ready)]

    def close(self) -> None:
        """Stop the worker once nothing is pending."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _run(self, turn: int, call: Callable[[Brain], AnswerScore]) -> Scored:
        try:
            return Scored(turn, call(self.brain))
        except BrainError as exc:
            return Scored(turn, None, str(exc))
