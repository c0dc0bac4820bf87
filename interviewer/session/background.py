"""Scoring answers, and asking for the vote, in the background, so a slow model never holds up
the interview.

The next move is what the candidate waits for; the score of the answer is not. With an LLM the
engine asks for the move first (within its budget), then hands the scoring to one worker thread
and goes on speaking and listening; finished scores are written to the log by the engine's own
thread when it next looks, and all of them before a vote. The vote goes to the same worker, after
the interview's scores, as soon as its last answer is in, so it is worked on while the closing
line is spoken rather than after it. One worker, so requests reach a single-slot local server one
at a time. The worker is a daemon thread: when the candidate stops the session (Ctrl-C), a request
still waiting on a slow server must not hold the program open; its answer is already on disk and
`resume` scores it (and votes) again.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from interviewer.brains.base import Brain, BrainError
from interviewer.rubric.results import AnswerScore, Vote


@dataclass
class Scored:
    """What the worker brought back for one turn: a score, or why the brain could not (with the
    fallback's score standing in, given on the worker so the vote after it can use it)."""

    turn: int
    score: AnswerScore | None
    problem: str | None = None
    stand_in: AnswerScore | None = None


@dataclass
class Voted:
    """What the worker brought back for a vote: the vote, or why the brain could not give it."""

    vote: Vote | None
    problem: str | None = None


ScoreCall = Callable[[Brain], AnswerScore]
# Gets the brain and the scores the worker gave for the turns pending when the vote was asked.
VoteCall = Callable[[Brain, dict[int, AnswerScore]], Vote]
Job = tuple[Future, Callable[[], object]]


class BackgroundScores:
    """Runs `brain.score` calls, and a vote after them, on one worker thread; results are
    collected by the caller. `fallback` scores an answer the brain could not."""

    def __init__(self, brain: Brain, fallback: Brain | None = None):
        self.brain = brain
        self.fallback = fallback
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._pending: dict[int, Future[Scored]] = {}
        self._votes: list[Future[Voted]] = []

    def submit(self, turn: int, call: ScoreCall) -> None:
        """Start scoring `turn` (at most once while it is pending)."""
        if turn in self._pending:
            return
        future: Future[Scored] = Future()
        self._pending[turn] = future
        self._put(future, lambda: self._score(turn, call))

    def submit_vote(self, call: VoteCall) -> Future[Voted]:
        """Ask for a vote once every score submitted so far is given (the worker takes jobs in
        order); `call` gets those scores, a stand-in where the brain could not score."""
        scoring = dict(self._pending)
        future: Future[Voted] = Future()
        self._votes.append(future)
        self._put(future, lambda: self._vote(scoring, call))
        return future

    def pending(self, turn: int) -> bool:
        """True while `turn` is being scored."""
        return turn in self._pending

    def collect(self, wait: bool = False) -> list[Scored]:
        """The scores that are ready (all of them, waiting, with `wait`), in turn order."""
        ready = [t for t, f in self._pending.items() if wait or f.done()]
        return [self._pending.pop(turn).result() for turn in sorted(ready)]

    def close(self, wait: bool = True) -> None:
        """Stop the worker: once nothing is pending, or at once (`wait=False`, the session was
        stopped), dropping the scores and votes still pending."""
        if self._worker is None:
            return
        if not wait:
            for future in [*self._pending.values(), *self._votes]:
                future.cancel()
            self._pending.clear()
        self._votes.clear()
        self._jobs.put(None)
        if wait:
            self._worker.join()
        self._worker = None

    def _put(self, future: Future, job: Callable[[], object]) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="scoring", daemon=True)
            self._worker.start()
        self._jobs.put((future, job))

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, run = job
            if not future.set_running_or_notify_cancel():
                continue  # dropped by close(wait=False)
            try:
                future.set_result(run())
            except BaseException as exc:  # handed to the engine thread by collect()
                future.set_exception(exc)

    def _score(self, turn: int, call: ScoreCall) -> Scored:
        try:
            return Scored(turn, call(self.brain))
        except BrainError as exc:
            stand_in = call(self.fallback) if self.fallback is not None else None
            return Scored(turn, None, str(exc), stand_in)

    def _vote(self, scoring: dict[int, Future[Scored]], call: VoteCall) -> Voted:
        # Jobs run in order, so every score asked before this vote is done by now.
        given = {turn: future.result() for turn, future in scoring.items()}
        scores = {turn: s.score or s.stand_in for turn, s in given.items()
                  if (s.score or s.stand_in) is not None}
        try:
            return Voted(call(self.brain, scores))
        except BrainError as exc:
            return Voted(None, str(exc))
