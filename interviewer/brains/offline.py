"""The offline brain: the embedded default interviewer. No network, no key, deterministic."""

from __future__ import annotations

from interviewer.brains.contexts import AnswerContext, InterjectContext, MoveContext, VoteContext
from interviewer.rubric import probing, scoring, voting
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.interrupting import InterruptPolicy
from interviewer.rubric.results import AnswerScore, Interruption, Move, Vote


class OfflineBrain:
    """Rule-based scoring, probing, voting and interrupting (prompts/interruptions.yaml)."""

    name = "offline"
    anticipates = True  # a move is a few milliseconds of rules: guessed on every partial answer

    def __init__(self, content: Content | None = None):
        self.content = content or default_content()
        self.interruptions = InterruptPolicy.from_content(self.content.interruptions)

    def score(self, context: AnswerContext) -> AnswerScore:
        """Score one answer from the signals in its text (and delivery, when spoken)."""
        return scoring.score_answer(context, self.content)

    def next_move(self, context: MoveContext) -> Move:
        """Probe what the exchange still lacks, or move on."""
        return probing.next_move(context, self.content)

    def vote(self, context: VoteContext) -> Vote:
        """Vote from this interview alone."""
        return voting.vote(context.interview, context.turns, self.content)

    def interject(self, context: InterjectContext) -> Interruption | None:
        """Cut in on a story with no principle by now, or an answer over its time."""
        return self.interruptions.check(context)

    def interjection_lines(self) -> list[str]:
        """The two probes of prompts/interruptions.yaml."""
        return self.interruptions.probes()
