"""The LLM interviewer: Netflix-style follow-ups, evidence-checked scores and independent votes.

Every call is stateless: the messages are built from exactly what the engine passes (one answer,
one exchange, one interview's turns), so each onsite interviewer has only its own context. The
model's replies go through `checks.py` (is this text fit to speak or to print?) and `guard.py`
(does the evidence support it?) before they are returned; a failed call, a late move or a
follow-up unfit to speak raises BrainError and the engine lets the offline interviewer take that
step. The next move is asked for within the settings' move budget: the candidate is waiting.
"""

from __future__ import annotations

from interviewer.brains.base import (
    AnswerContext,
    BrainError,
    InterjectContext,
    MoveContext,
    TurnView,
    VoteContext,
)
from interviewer.brains.llm import guard
from interviewer.brains.llm.checks import consistent_vote, follow_up_problem, report_lines
from interviewer.brains.llm.client import StructuredClient
from interviewer.brains.llm.messages import MessageBuilder, Who
from interviewer.brains.llm.prompts import LLMPrompts, default_llm_prompts
from interviewer.brains.llm.schemas import LLMMove, LLMScore, LLMVote
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.results import AnswerScore, Interruption, Move, Vote
from interviewer.rubric.round_kind import settings_for
from interviewer.session.events import PlannedInterview


class LLMBrain:
    """Scores, probes and votes through an OpenAI-compatible model, bounded by the offline rules;
    cuts into long answers by the offline rules."""

    name = "llm"
    anticipates = False  # its wording cannot be known before it is asked, and asking costs

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
        claimed = claimed.model_copy(update={"strengths": report_lines(claimed.strengths),
                                             "gaps": report_lines(claimed.gaps)})
        return guard.checked_score(
            claimed, offline, context.answer, context.stage, self.content, kind=context.kind,
            settings=settings_for(self.content, context.stage, context.question,
                                  context.interviewer),
        )

    def next_move(self, context: MoveContext) -> Move:
        """Follow up, go to the next question, or wrap up, as the model decides within the rules."""
        stage, exchange, interviewer = context.stage, context.exchange, context.interviewer
        follow_ups_left = context.follow_ups_left
        if follow_ups_left <= 0:
            return Move(action="next_question", reason="follow-up budget for this question used")
        if not any(t.answer.strip() for t in exchange):
            return Move(action="next_question", reason="no answer to follow up on")
        messages = self.messages.move(
            stage=stage, who=self._who(stage, interviewer), question=context.question,
            exchange=exchange, follow_ups_left=follow_ups_left,
        )
        claimed = self.client.structured(messages, LLMMove,
                                         budget=self.client.move_budget(messages, LLMMove))
        why = report_lines([claimed.why])
        claimed = claimed.model_copy(update={"why": why[0] if why else "the LLM's choice"})
        if claimed.action == "follow_up":
            problem = follow_up_problem(claimed.probe)
            if problem:
                style = interviewer.style if interviewer is not None else None
                return self._rubric_probe(claimed, problem, stage, style, exchange,
                                          context.variant)
        return guard.checked_move(claimed, exchange, follow_ups_left)

    def _rubric_probe(self, claimed: LLMMove, problem: str, stage: str, style: str | None,
                      exchange: list[TurnView], variant: int) -> Move:
        """The model chose to probe a gap but its words are not fit to speak: ask the rubric's
        probe for that gap (prompts/probes.yaml) instead, or fall back if there is none."""
        shown = " ".join((claimed.probe or "").split())[:60]
        asked = {" ".join(t.asked.split()) for t in exchange}
        probes = self.content.probes_for(claimed.gap, stage, style) if claimed.gap else []
        # Wording that needs something said is not used blind; a re-ask names the question.
        probes = [p for p in probes if not p.requires]
        question = exchange[0].asked if exchange else ""
        for offset in range(len(probes)):
            probe = probes[(variant + offset) % len(probes)]
            text = probe.texts[variant % len(probe.texts)].replace("{question}", question)
            if text not in asked and not any(t.gap == claimed.gap for t in exchange[1:]):
                return Move(
                    action="follow_up", text=text, probe_id=probe.id, gap=claimed.gap,
                    target_value=claimed.target_value,
                    reason=f"the LLM chose to probe {claimed.gap}; its wording was not fit to "
                           f"speak ({problem}), so the rubric's probe for that gap was asked",
                )
        raise BrainError(f"its follow-up was not fit to speak ({problem}): {shown!r}")

    def vote(self, context: VoteContext) -> Vote:
        """This interviewer's own vote, from its own turns only, with the keeper test."""
        interview, turns = context.interview, context.turns
        offline = self.offline.vote(context)
        if not any(t.answer.strip() for t in turns):
            return offline  # nothing to judge; the rule-based "no answers" vote says so
        claimed = self.client.structured(self.messages.vote(plan=interview, turns=turns), LLMVote)
        claimed, repairs = consistent_vote(claimed)
        vote = guard.checked_vote(claimed, offline, interview, turns, self.content)
        return vote.model_copy(update={"reasons": [*vote.reasons, *repairs]}) if repairs else vote

    def interject(self, context: InterjectContext) -> Interruption | None:
        """Cut in exactly as the offline interviewer would (prompts/interruptions.yaml).

        This is asked every half second while the candidate speaks, so the model is never
        called for it: the embedded offline rules decide, and an LLM session interrupts exactly
        like an offline one (the cut-in is credited to this brain, which chose to use them).
        """
        return self.offline.interject(context)

    def interjection_lines(self) -> list[str]:
        """The offline rules' probes, which are the only lines `interject` says."""
        return self.offline.interjection_lines()

    def _who(self, stage: str, plan: PlannedInterview | None) -> Who | None:
        if plan is not None:
            return Who.from_plan(plan)
        persona = self.content.personas.screens.get(stage)
        if persona is None:
            return None  # an onsite panel member not named by the caller
        return Who(persona.name, persona.role, persona.style, list(persona.values))
