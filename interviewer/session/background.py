"""Scoring answers in the background, so a slow model never holds up the next question.

The next move is what the candidate waits for; the score of the answer is not. With an LLM the
engine asks for the move first (within its budget), then hands the scoring to one worker thread
and goes on speaking and listening; finished scores are written to the log by the engine's own
thread when it next looks, and all of them before a vote. One worker, so requests reach a
single-slot local server one at a time. The worker is a daemon thread: when the candidate stops
the session (Ctrl-C), a request still waiting on a slow server must not hold the program open;
its answer is already on disk and `resume` scores it again.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from interviewer.brains.base import Brain, BrainError
from interviewer.rubric.results import AnswerScore


@dataclass
class Scored:
    """What the worker brought back for one turn: a score, or why the brain could not."""

    turn: int
    score: AnswerScore | None
    problem: str | None = None


Job = tuple[Future, int, Callable[[Brain], AnswerScore]]


class BackgroundScores:
    """Runs `brain.score` calls on one worker thread; results are collected by the caller."""

    def __init__(self, brain: Brain):
        self.brain = brain
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._pending: dict[int, Future[Scored]] = {}

    def submit(self, turn: int, call: Callable[[Brain], AnswerScore]) -> None:
        """Start scoring `turn` (at most once while it is pending)."""
        if turn in self._pending:
            return
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="scoring", daemon=True)
            self._worker.start()
        future: Future[Scored] = Future()
        self._pending[turn] = future
        self._jobs.put((future, turn, call))

    def pending(self, turn: int) -> bool:
        """True while `turn` is being scored."""
        return turn in self._pending

    def collect(self, wait: bool = False) -> list[Scored]:
        """The scores that are ready (all of them, waiting, with `wait`), in turn order."""
        ready = [t for t, f in self._pending.items() if wait or f.done()]
        return [self._pending.pop(turn).result() for turn in sorted(ready)]

    def close(self, wait: bool = True) -> None:
        """Stop the worker: once nothing is pending, or at once (`wait=False`, the session was
        stopped), dropping the scores still pending."""
        if self._worker is None:
            return
        if not wait:
            for future in self._pending.values():
                future.cancel()
            self._pending.clear()
        self._jobs.put(None)
        if wait:
            self._worker.join()
        self._worker = None

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, turn, call = job
            if not future.set_running_or_notify_cancel():
                continue  # dropped by close(wait=False)
            try:
                future.set_result(self._run(turn, call))
            except BaseException as exc:  # handed to the engine thread by collect()
                future.set_exception(exc)

    def _run(self, turn: int, call: Callable[[Brain], AnswerScore]) -> Scored:
        try:
            return Scored(turn, call(self.brain))
        except BrainError as exc:
            return Scored(turn, None, str(exc))
