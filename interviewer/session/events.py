"""The session log: one typed event per line of `events.jsonl`.

A session is an append-only list of these events; everything else (transcript, report, replay,
resume, re-scoring) is derived from them. Bump SCHEMA_VERSION when an event changes shape.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import BaseModel, Field, TypeAdapter

from interviewer.rubric.results import AnswerScore, Decision, Delivery, Move, Vote

SCHEMA_VERSION = 1


def _now() -> datetime:
    return datetime.now(timezone.utc)


class PlannedQuestion(BaseModel):
    """A question the interviewer will ask, copied from the bank so old sessions stay readable."""

    id: str
    text: str
    values: list[str]
    topic: str = ""


class PlannedInterview(BaseModel):
    """One interview of the session: a stage, its interviewer, its questions."""

    stage: str
    interviewer_id: str
    interviewer_name: str
    interviewer_role: str
    interviewer_style: str = ""
    interviewer_values: list[str] = Field(default_factory=list)
    style: str = "behavioural"
    voice: str = "any"
    rate: int = 175
    questions: list[PlannedQuestion]


class _Event(BaseModel):
    v: int = SCHEMA_VERSION
    at: datetime = Field(default_factory=_now)


class SessionStarted(_Event):
    type: Literal["session_started"] = "session_started"
    session_id: str
    mode: Literal["practice", "loop"]
    cold_start: bool = False
    seed: int
    brain: str
    input: str
    interviews: list[PlannedInterview]
    focus_values: list[str] = Field(default_factory=list)
    role: str = "engineer"


class InterviewStarted(_Event):
    type: Literal["interview_started"] = "interview_started"
    interview: int


class QuestionAsked(_Event):
    """The interviewer asked something: a bank question, a follow-up, or an interruption."""

    type: Literal["question_asked"] = "question_asked"
    turn: int
    interview: int
    question_index: int
    kind: Literal["question", "follow_up", "interruption"]
    text: str
    question_id: str | None = None
    probe_id: str | None = None
    gap: str | None = None
    audio: str | None = None
    talked_over: bool = False  # the candidate started speaking before it was finished
    # ...so early that they were going on with their answer: the line is withdrawn and the answer
    # that follows continues the one before it (session/going_on.py)
    went_on: bool = False


class AnswerRecorded(_Event):
    type: Literal["answer_recorded"] = "answer_recorded"
    turn: int
    text: str
    source: str
    audio: str | None = None
    duration_s: float | None = None
    words: list[tuple[str, float, float]] = Field(default_factory=list)
    delivery: Delivery | None = None
    interrupted: bool = False
    no_answer: bool = False  # silent until the interviewer moved on: not scored, not voted on


class AnswerScored(_Event):
    type: Literal["answer_scored"] = "answer_scored"
    turn: int
    brain: str
    revision: int = 0
    fallback: bool = False
    score: AnswerScore


class MoveDecided(_Event):
    type: Literal["move_decided"] = "move_decided"
    turn: int
    brain: str
    fallback: bool = False
    move: Move


class VoteCast(_Event):
    type: Literal["vote_cast"] = "vote_cast"
    interview: int
    brain: str
    revision: int = 0
    vote: Vote


class DecisionMade(_Event):
    type: Literal["decision_made"] = "decision_made"
    revision: int = 0
    decision: Decision


class Note(_Event):
    """Something the candidate should see later, e.g. a turn where the LLM fell back offline."""

    type: Literal["note"] = "note"
    text: str
    turn: int | None = None


class SessionEnded(_Event):
    type: Literal["session_ended"] = "session_ended"
    reason: Literal["completed", "answers_exhausted", "interrupted", "error"]
    detail: str = ""


Event = Annotated[
    SessionStarted
    | InterviewStarted
    | QuestionAsked
    | AnswerRecorded
    | AnswerScored
    | MoveDecided
    | VoteCast
    | DecisionMade
    | Note
    | SessionEnded,
    Field(discriminator="type"),
]
EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def parse_event(line: str) -> Event:
    """Parse one JSON line into its typed event (raises on damage)."""
    return EVENT_ADAPTER.validate_json(line)
