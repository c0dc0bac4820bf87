"""The brain's steps in a session: score, next move, vote; each logged with the brain that took it.

The engine is the brain's sole caller and goes through here. Every step runs on the chosen
brain with the offline brain standing in (`FallbackBrain`), whose reason is told once as a Note
and a warning. The candidate waits for the next move and an in-line score, so those show
"Thinking... N s" once they pass a second, and for the vote after the closing line, which shows
"Deciding... N s"; scores given in the background do not. With a background worker the vote is
asked on it before the closing line is spoken (`start_vote`), so the line covers part of the wait.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace

from interviewer.brains.base import VoteContext
from interviewer.brains.fallback import FallbackBrain, Produced
from interviewer.rubric.results import Interruption, Move, Vote
from interviewer.session.background import BackgroundScores, Voted
from interviewer.session.brain_contexts import answer_context, move_context, turn_views
from interviewer.session.events import AnswerScored, MoveDecided, Note, VoteCast
from interviewer.session.log import SessionLog
from interviewer.session.parts import EngineParts
from interviewer.session.state import InterviewState, TurnState

INTERRUPTION_PROBE = "interruption"
THINKING = "Thinking"
DECIDING = "Deciding"


class BrainSteps:
    """Runs and records the brain's steps for one session."""

    def __init__(self, log: SessionLog, parts: EngineParts):
        self.log = log
        self.parts = parts
        self.brains = FallbackBrain(parts.brain, parts.fallback, self._tell_fallback)
        background = parts.score_in_background and parts.brain is not parts.fallback
        self.background = BackgroundScores(parts.brain, parts.fallback) if background else None
        self._votes: dict[int, Future[Voted]] = {}  # interview -> its vote asked on the worker

    def close(self, wait: bool = True) -> None:
        """Stop the background scorer: once nothing is pending, or at once (`wait=False`)."""
        if self.background is not None:
            self.background.close(wait=wait)

    def _interview(self, index: int) -> InterviewState:
        return self.log.state.interviews[index]

    # -- scores --------------------------------------------------------------------------------

    def score(self, index: int, turn: TurnState) -> None:
        """Score `turn` now, while the candidate waits."""
        context = answer_context(self._interview(index), turn, self.parts.content)
        with self.parts.console.working(THINKING):
            produced = self.brains.score(context)
        self._record_score(turn.asked.turn, produced)

    def score_later(self, index: int, turn: TurnState) -> None:
        """Score `turn` on the worker thread (after the move: it goes first to the server)."""
        context = answer_context(self._interview(index), turn, self.parts.content)
        self.background.submit(turn.asked.turn, lambda brain: brain.score(context))

    def land_scores(self, wait: bool = False) -> None:
        """Log the background scores that are ready (all of them with `wait`); a score the
        brain could not give is the offline interviewer's (given on the worker), with its note."""
        if self.background is None:
            return
        for scored in self.background.collect(wait=wait):
            if scored.score is not None:
                self._record_score(scored.turn, Produced(self.brains.name, scored.score))
                continue
            turn = next(t for t in self.log.state.turns if t.asked.turn == scored.turn)
            context = answer_context(self._interview(turn.asked.interview), turn,
                                     self.parts.content)
            # The fallback's score was given on the worker (the vote after it used it).
            produced = self.brains.take_over(
                "score", scored.problem or "no score",
                lambda b, c=context, given=scored.stand_in: given or b.score(c), scored.turn)
            self._record_score(scored.turn, produced)

    def _record_score(self, turn: int, produced: Produced) -> None:
        self.log.emit(AnswerScored(turn=turn, brain=produced.brain, score=produced.result,
                                   fallback=produced.fallback))

    # -- moves ---------------------------------------------------------------------------------

    def decide(self, index: int, question_index: int) -> Move:
        """Ask the brain for the move after the exchange's last answer, and log it."""
        interview = self._interview(index)
        exchange = turn_views(interview.exchange(question_index))
        context = move_context(interview, question_index, exchange, self.parts.content,
                               self.log.state.started.seed)
        with self.parts.console.working(THINKING):
            produced = self.brains.next_move(context)
        self.log.emit(MoveDecided(turn=exchange[-1].turn, brain=produced.brain,
                                  move=produced.result, fallback=produced.fallback))
        return produced.result

    def move_on_unanswered(self, turn: TurnState) -> None:
        """The candidate stayed silent to the waiting limit: on to the next question, unscored."""
        move = Move(action="next_question", reason="no answer")
        self.log.emit(MoveDecided(turn=turn.asked.turn, brain=self.brains.name, move=move))

    def record_interruption(self, turn: TurnState, cut_in: Produced[Interruption]) -> Move:
        """The interviewer cut in mid-answer: its probe is the move, credited to the brain that
        decided it (sessions before this recorded "interrupt policy")."""
        interruption = cut_in.result
        gap = "no_principle" if interruption.reason == "no_principle" else None
        move = Move(
            action="follow_up",
            text=interruption.probe,
            probe_id=INTERRUPTION_PROBE,
            gap=gap,
            reason=f"interrupted at {interruption.at_seconds:.0f} s ({interruption.reason})",
        )
        self.log.emit(MoveDecided(turn=turn.asked.turn, brain=cut_in.brain, move=move,
                                  fallback=cut_in.fallback))
        return move

    # -- the vote ------------------------------------------------------------------------------

    def start_vote(self, index: int) -> None:
        """With a background worker: every answer of the interview to it to be scored, then the
        vote after them, so the vote is worked on while the closing line is spoken. The vote is
        logged by `vote` on this thread."""
        if self.background is None or index in self._votes:
            return
        self.land_scores()
        interview = self._interview(index)
        for turn in interview.turns:
            if _needs_score(turn) and not self.background.pending(turn.asked.turn):
                self.score_later(index, turn)
        # The turns as they are now: this thread goes on folding scores into the live ones.
        plan = interview.plan
        turns = [replace(t, scores=list(t.scores)) for t in interview.turns]

        def vote(brain, scores):
            return brain.vote(VoteContext(plan, turn_views(turns, scores)))

        self._votes[index] = self.background.submit_vote(vote)

    def drop_vote(self, index: int) -> None:
        """Forget the vote `start_vote` asked for (the interview went on after all); the worker
        may still finish it, unread."""
        self._votes.pop(index, None)

    def vote(self, index: int) -> Vote:
        """Every answer scored, then the interviewer's vote, logged: the one `start_vote` asked
        for (waited for here), or asked now."""
        with self.parts.console.working(DECIDING):
            started = self._votes.pop(index, None)
            self._score_unscored(index)
            interview = self._interview(index)
            context = VoteContext(interview.plan, turn_views(interview.turns))
            if started is None:
                produced = self.brains.vote(context)
            else:
                voted = started.result()
                if voted.vote is not None:
                    produced = Produced(self.brains.name, voted.vote)
                else:
                    produced = self.brains.take_over("vote", voted.problem or "no vote",
                                                     lambda b: b.vote(context), None)
        self.log.emit(VoteCast(interview=index, brain=produced.brain, vote=produced.result))
        return produced.result

    def _score_unscored(self, index: int) -> None:
        """Before a vote: every answered turn of the interview has its score in the log."""
        self.land_scores(wait=True)
        for turn in self._interview(index).turns:
            if _needs_score(turn):
                context = answer_context(self._interview(index), turn, self.parts.content)
                self._record_score(turn.asked.turn, self.brains.score(context))

    def _tell_fallback(self, message: str, turn: int | None) -> None:
        self.parts.console.warn(message)
        self.log.emit(Note(text=message, turn=turn))


def _needs_score(turn: TurnState) -> bool:
    """An answered turn with no score yet (silence and requests are never scored)."""
    return (turn.answer is not None and not turn.answer.no_answer and not turn.scores
            and not turn.request)
