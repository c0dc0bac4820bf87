"""The LLM interviewer: Netflix-style follow-ups, evidence-checked scores and independent votes.

Every call is stateless: the messages are built from exactly what the engine passes (one answer,
one exchange, one interview's turns), so each onsite interviewer has only its own context. The
model's replies go through `guard.py` before they are returned; a failed call raises BrainError
and the engine lets the offline interviewer take that step.
"""

from __future__ import annotations

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.brains.llm import guard
from interviewer.brains.llm.client import StructuredClient
from interviewer.brains.llm.messages import MessageBuilder, Who
from interviewer.brains.llm.prompts import LLMPrompts, default_llm_prompts
from interviewer.brains.llm.schemas import LLMMove, LLMScore, LLMVote
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.results import AnswerScore, Move, Vote
from interviewer.session.events import PlannedInterview, PlannedQuestion


class LLMBrain:
    """Scores, probes and votes through an OpenAI-compatible model, bounded by the offline rules."""

    name = "llm"

    def __init__(
        self,
        client: StructuredClient,
        content: Content | None = None,
        prompts: LLMPrompts | None = None,
    ):
        self.client = client
        self.content = content or default_content()
        self.prompts = prompts or default_llm_prompts()
        self.messages = MessageBuilder(self.prompts, self.content)
        # The offline reading of the same answer is the sanity bound on every LLM number.
        self.offline = OfflineBrain(self.content)

    def __repr__(self) -> str:
        return f"LLMBrain({self.client!r})"

    def score(self, context: AnswerContext) -> AnswerScore:
        """Score one answer: the model's evidence, checked against the answer and offline score."""
        offline = self.offline.score(context)
        messages = self.messages.score(
            stage=context.stage,
            who=self._who(context.stage, context.interviewer),
            question=context.question,
            asked=context.asked,
            kind=context.kind,
            answer=context.answer,
        )
        claimed = self.client.structured(messages, LLMScore)
        return guard.checked_score(
            claimed, offline, context.answer, context.stage, self.content, kind=context.kind
        )

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
        """Follow up, go to the next question, or wrap up, as the model decides within the rules."""
        if follow_ups_left <= 0:
            return Move(action="next_question", reason="follow-up budget for this question used")
        if not any(t.answer.strip() for t in exchange):
            return Move(action="next_question", reason="no answer to follow up on")
        messages = self.messages.move(
            stage=stage, who=self._who(stage, interviewer), question=question,
            exchange=exchange, follow_ups_left=follow_ups_left,
        )
        claimed = self.client.structured(messages, LLMMove)
        return guard.checked_move(claimed, exchange, follow_ups_left)

    def vote(self, interview: PlannedInterview, turns: list[TurnView]) -> Vote:
        """This interviewer's own vote, from its own turns only, with the keeper test."""
        offline = self.offline.vote(interview, turns)
        if not any(t.answer.strip() for t in turns):
            return offline  # nothing to judge; the rule-based "no answers" vote says so
        claimed = self.client.structured(self.messages.vote(plan=interview, turns=turns), LLMVote)
        return guard.checked_vote(claimed, offline, interview)

    def _who(self, stage: str, plan: PlannedInterview | None) -> Who | None:
        if plan is not None:
            return Who.from_plan(plan)
        persona = self.content.personas.screens.get(stage)
        if persona is None:
            return None  # an onsite panel member not named by the caller
        return Who(persona.name, persona.role, persona.style, list(persona.values))
