"""What the LLM must return, as pydantic models sent to the server as JSON schemas.

These are the model's raw claims. They never reach the session as they are: `guard.py` checks
them against the answer and the offline signals first.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from interviewer.rubric.results import MoveAction, VoteLabel

ValueName = Literal[
    "Judgment", "Selflessness", "Courage", "Communication", "Innovation", "Inclusion",
    "Integrity", "Passion", "Impact",
]
GapName = Literal[
    "no_principle", "hedging", "no_behaviour_change", "no_reflection", "no_ownership",
    "no_outcome", "vague_compensation", "defend_decision", "no_example", "mentorship_structure",
]


# maxLength on every string: under a grammar (llama.cpp) the model must close the string, so a
# repetition loop inside one ends at the limit instead of at max_tokens with no JSON at all.
Quote = Annotated[str, StringConstraints(max_length=160)]
Phrase = Annotated[str, StringConstraints(max_length=80)]
Sentence = Annotated[str, StringConstraints(max_length=200)]


def _first(items: list[str], limit: int) -> list[str]:
    # Longer lists are cut rather than refused: a sixth reason is not worth a repair request.
    return [item for item in items if item.strip()][:limit]


class _Reply(BaseModel):
    # Unknown keys are ignored rather than refused: small local models like to add commentary.
    model_config = ConfigDict(extra="ignore")


class LLMMove(_Reply):
    """The interviewer's next move after an answer."""

    # max_tokens for this reply: room for the JSON with a two-sentence probe, and no more, so a
    # repetition loop ends in seconds instead of running to the context limit.
    reply_tokens: ClassVar[int] = 160

    action: MoveAction = Field(description="follow_up, next_question or wrap_up")
    probe: str | None = Field(
        description="The follow-up question, spoken to the candidate; null unless follow_up",
        max_length=300,
    )
    target_value: ValueName | None = Field(description="The value the follow-up probes")
    gap: GapName | None = Field(description="What the answer lacks that the follow-up targets")
    why: str = Field(description="One sentence: why this move", max_length=200)

    @model_validator(mode="after")
    def _probe_for_follow_up(self) -> LLMMove:
        if self.action == "follow_up" and not (self.probe and self.probe.strip()):
            raise ValueError("a follow_up needs the probe text")
        return self


class LLMValueScore(_Reply):
    """One value: a 1-5 score with verbatim quotes, or null for insufficient evidence."""

    value: ValueName
    score: int | None = Field(ge=1, le=5, description="1-5, or null: insufficient evidence")
    quotes: list[Quote] = Field(description="Up to two exact sentences copied from the answer",
                              json_schema_extra={"maxItems": 2})

    _trim = field_validator("quotes")(lambda items: _first(items, 2))


class LLMSignals(_Reply):
    """What Netflix interviewers listen for, each with the quote that shows it."""

    named_principle: bool = Field(description="The candidate named the principle they acted on")
    principle_quote: Quote | None = Field(description="Exact words naming it, or null")
    point_of_view: Literal["clear", "hedged", "none"]
    behaviour_change: bool | None = Field(
        description="Feedback questions only: a concrete stop/start change; null otherwise"
    )
    behaviour_change_quote: Quote | None = Field(description="Exact words, or null")
    self_awareness: bool = Field(description="Reflects on limits or what they'd do differently")
    self_awareness_quote: Quote | None = Field(description="Exact words, or null")


class LLMScore(_Reply):
    """The LLM's assessment of one answer."""

    reply_tokens: ClassVar[int] = 700  # 3 values with 2 quotes, signals, 3 + 3 phrases

    # maxItems in the schema bound a grammar-constrained reply (llama.cpp), so a small model
    # cannot list values or phrases until max_tokens cuts the JSON off.
    values: list[LLMValueScore] = Field(json_schema_extra={"maxItems": 3})
    signals: LLMSignals
    overall: int = Field(ge=0, le=100)
    strengths: list[Phrase] = Field(description="Up to three, each a short phrase",
                                 json_schema_extra={"maxItems": 3})
    gaps: list[Phrase] = Field(description="Up to three, each a short phrase",
                            json_schema_extra={"maxItems": 3})

    _trim = field_validator("strengths", "gaps")(lambda items: _first(items, 3))


class LLMVote(_Reply):
    """One interviewer's independent vote and the keeper test."""

    reply_tokens: ClassVar[int] = 240

    vote: VoteLabel
    keeper: bool = Field(description="Would you fight to keep this person if they were leaving?")
    keeper_reason: str = Field(max_length=200)
    score: int = Field(ge=0, le=100)
    reasons: list[Sentence] = Field(description="Up to four short reasons",
                               json_schema_extra={"maxItems": 4})

    _trim = field_validator("reasons")(lambda items: _first(items, 4))
