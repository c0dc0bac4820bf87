"""The brain's steps in a session: score, next move, vote; each logged with the brain that took it.

The engine is the brain's sole caller and goes through here. Every step runs on the chosen
brain with the offline brain standing in (`FallbackBrain`), whose reason is told once as a Note
and a warning. The candidate waits for the next move, an in-line score and the vote, so those
show "Thinking... N s" once they pass a second; scores given in the background do not.
"""

from __future__ import annotations

from interviewer.brains.base import VoteContext
from interviewer.brains.fallback import FallbackBrain, Produced
from interviewer.rubric.results import Interruption, Move, Vote
from interviewer.session.background import BackgroundScores
from interviewer.session.events import AnswerScored, MoveDecided, Note, VoteCast
from interviewer.session.log import SessionLog
from interviewer.session.parts import EngineParts
from interviewer.session.state import (
    InterviewState,
    TurnState,
    answer_context,
    move_context,
    turn_views,
)

INTERRUPTION_PROBE = "interruption"
THINKING = "Thinking"


class BrainSteps:
    """Runs and records the brain's steps for one session."""

    def __init__(self, log: SessionLog, parts: EngineParts):
        self.log = log
        self.parts = parts
        self.brains = FallbackBrain(parts.brain, parts.fallback, self._tell_fallback)
        background = parts.score_in_background and parts.brain is not parts.fallback
        self.background = BackgroundScores(parts.brain) if background else None

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
        brain could not give is taken by the offline interviewer now, with its note."""
        if self.background is None:
            return
        for scored in self.background.collect(wait=wait):
            if scored.score is not None:
                self._record_score(scored.turn, Produced(self.brains.name, scored.score))
                continue
            turn = next(t for t in self.log.state.turns if t.asked.turn == scored.turn)
            context = answer_context(self._interview(turn.asked.interview), turn,
                                     self.parts.content)
            produced = self.brains.take_over("score", scored.problem or "no score",
                                             lambda b, c=context: b.score(c), scored.turn)
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

    def vote(self, index: int) -> Vote:
        """Every answer scored, then the interviewer's vote, logged."""
        with self.parts.console.working(THINKING):
            self._score_unscored(index)
            interview = self._interview(index)
            context = VoteContext(interview.plan, turn_views(interview.turns))
            produced = self.brains.vote(context)
        self.log.emit(VoteCast(interview=index, brain=produced.brain, vote=produced.result))
        return produced.result

    def _score_unscored(self, index: int) -> None:
        """Before a vote: every answered turn of the interview has its score in the log."""
        self.land_scores(wait=True)
        for turn in self._interview(index).turns:
            if (turn.answer is not None and not turn.answer.no_answer and not turn.scores
                    and not turn.request):
                context = answer_context(self._interview(index), turn, self.parts.content)
                self._record_score(turn.asked.turn, self.brains.score(context))

    def _tell_fallback(self, message: str, turn: int | None) -> None:
        self.parts.console.warn(message)
        self.log.emit(Note(text=message, turn=turn))
