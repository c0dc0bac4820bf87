"""The offline brain: the embedded default interviewer. No network, no key, deterministic."""

from __future__ import annotations

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.rubric import probing, scoring, voting
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.results import AnswerScore, Move, Vote
from interviewer.session.events import PlannedInterview, PlannedQuestion


class OfflineBrain:
    """Rule-based scoring, probing and voting."""

    name = "offline"

    def __init__(self, content: Content | None = None):
        self.content = content or default_content()

    def score(self, context: AnswerContext) -> AnswerScore:
        """Score one answer from the signals in its text (and delivery, when spoken)."""
        return scoring.score_answer(context, self.content)

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
        """Probe what the exchange still lacks, or move on."""
        return probing.next_move(
            content=self.content,
            stage=stage,
            question=question,
            exchange=exchange,
            follow_ups_left=follow_ups_left,
            variant=variant,
            interviewer=interviewer,
        )

    def vote(self, interview: PlannedInterview, turns: list[TurnView]) -> Vote:
        """Vote from this interview alone."""
        return voting.vote(interview, turns, self.content)
