"""The typed results the interviewer produces: scores, moves, votes and the loop decision.

They are pydantic models because they are written into the session log and read back; an
`Interruption` is a plain dataclass (the move it leads to is what is logged).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

INSUFFICIENT = "insufficient evidence"

VoteLabel = Literal["strong no", "no", "yes", "strong yes"]
MoveAction = Literal["follow_up", "next_question", "wrap_up"]


def evidence_score(pieces: int) -> int | None:
    """Evidence on the 1-5 scale, from how many pieces of an answer show it: shown once is 3,
    twice 4, three times or more 5; never shown is None (insufficient evidence)."""
    return min(5, 2 + pieces) if pieces > 0 else None


class ValueEvidence(BaseModel):
    """Evidence for one value in one answer: verbatim quotes and a 1-5 score, or none."""

    value: str
    score: int | None = Field(default=None, ge=1, le=5)
    quotes: list[str] = Field(default_factory=list)

    @property
    def status(self) -> str:
        """'evidence' or 'insufficient evidence'."""
        return "evidence" if self.score is not None else INSUFFICIENT


class Signals(BaseModel):
    """What the scorer observed in an answer (the things Netflix interviewers listen for)."""

    word_count: int = 0
    named_principle: bool = False
    principle_quote: str | None = None
    point_of_view: Literal["clear", "hedged", "none"] = "none"
    hedges: list[str] = Field(default_factory=list)
    behaviour_change: bool | None = None  # None: the question was not about feedback
    reflection: bool = False
    reflection_quote: str | None = None
    admits_limits: bool = False
    claims_all_strengths: bool = False
    ownership: float = 0.0  # share of first-person singular among I/we mentions
    specificity: float = 0.0  # 0-1
    outcome: bool = False
    outcome_quote: str | None = None
    structure: float = 0.0  # 0-1: situation, action, result, reflection present
    fillers_per_100: float = 0.0
    gibberish: bool = False
    evasive: bool = False
    off_topic: bool = False
    addresses_question: bool = True  # False: none of the question's own keywords came up
    value_stuffing: bool = False
    compensation: Literal["number_with_source", "number", "flexible", "none"] | None = None
    mentorship_risk: bool = False
    design_tradeoffs: bool | None = None  # technical answers only
    # What makes an answer a story rather than a list of cues (see rubric/story.py).
    story: float = 0.0  # 0-1: concrete detail, first-person actions, specifics
    # Coding and design rounds (`approach_cost` in stages.yaml): the method worked through.
    approach: float = 0.0  # 0-1: its steps, with their cost (see rubric/story.py)
    costed_approach: bool = False  # enough of a method, and what it costs: a whole answer
    generic: bool = False  # how one usually works, not what happened once
    reasons: bool = False  # a reason given for a choice ("because", "so that")
    alternatives: bool = False  # the option or cost it was weighed against
    scale: bool = False  # numbers the design has to survive
    failure: bool = False  # what happens when a part fails
    complexity: bool = False  # what code costs in time or space ("O(n)", "n log n", "linear")
    edge_cases: bool = False  # the inputs at the edges, or the tests that would cover them
    # How many times each of the six parts above is heard (argued reasons only), for its credit.
    heard: dict[str, int] = Field(default_factory=dict)
    steering: bool = False  # text addressed to the scorer or the model
    question_copy: float = 0.0  # share of the answer's words that repeat the question
    repetition: float = 0.0  # share of repeated word triples
    claims: int = 0  # general claims about oneself ("I always...", "countless")
    cue_list: bool = False  # rubric cues one after another, little story between them
    not_english: bool = False
    past_story: bool = False  # tells what was actually done before ("at my last company we...")


class Delivery(BaseModel):
    """How the answer was delivered, from word timestamps (voice) or from the text alone."""

    words: int = 0
    speaking_seconds: float | None = None
    words_per_minute: float | None = None
    fillers_per_100: float = 0.0
    filler_count: int = 0
    long_pauses: int = 0
    longest_pause_s: float | None = None
    guidance_seconds: tuple[int, int] | None = None
    length_verdict: Literal["short", "ok", "long"] | None = None


class AnswerScore(BaseModel):
    """The score of one answer: 0-100 overall, its parts, value evidence, signals and flags."""

    overall: int = Field(ge=0, le=100)
    components: dict[str, int] = Field(default_factory=dict)
    values: list[ValueEvidence] = Field(default_factory=list)
    signals: Signals = Field(default_factory=Signals)
    delivery: Delivery | None = None
    flags: list[str] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)


class Move(BaseModel):
    """What the interviewer does after an answer."""

    action: MoveAction
    text: str | None = None  # the follow-up; on next_question, a line said before moving on
    probe_id: str | None = None
    gap: str | None = None
    target_value: str | None = None
    reason: str = ""


class Vote(BaseModel):
    """One interviewer's independent hire/no-hire vote with the keeper test."""

    interviewer: str
    role: str
    stage: str
    vote: VoteLabel
    keeper: bool
    keeper_reason: str = ""
    score: int = Field(ge=0, le=100)
    reasons: list[str] = Field(default_factory=list)
    # The keeper test's second question (prompts/keeper.yaml): "knowing everything I know
    # today, would I hire them again?" None where it was not answered (older sessions).
    hire_again: bool | None = None
    hire_again_reason: str = ""
    # The exchange scores the vote rests on, as scored when it was cast: the session's overall
    # is read from them, so an upgrade of the scorer does not change a finished interview's
    # figures (`replay --rescore` re-votes with today's scorer). Empty in older sessions.
    exchange_scores: list[int] = Field(default_factory=list)

    @property
    def keeper_summary(self) -> str:
        """Both keeper questions in words, e.g. 'would fight to keep; would hire again'."""
        fight = "would fight to keep" if self.keeper else "would not fight to keep"
        if self.hire_again is None:
            return fight
        return f"{fight}; {'would' if self.hire_again else 'would not'} hire again"

    @property
    def keeper_short(self) -> str:
        """Both answers in brief, e.g. 'keeper: yes, hire again: no'."""
        text = f"keeper: {'yes' if self.keeper else 'no'}"
        if self.hire_again is not None:
            text += f", hire again: {'yes' if self.hire_again else 'no'}"
        return text


class Decision(BaseModel):
    """The loop outcome and the rule that produced it."""

    outcome: Literal["hire", "no hire"]
    rule: str
    explanation: str


@dataclass(frozen=True)
class Interruption:
    """The interviewer cutting into an answer: why, how far into it, and the probe it asks."""

    reason: str  # 'no_principle' or 'time_limit'
    at_seconds: float
    probe: str
