"""The state of a session, derived from its events: interviews, turns, scores, votes, decision.

Nothing here is stored; it is rebuilt from `events.jsonl` whenever it is needed, which is what
makes resume, replay and re-scoring possible after a crash.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

from interviewer.rubric.requests import request_of
from interviewer.rubric.results import AnswerScore
from interviewer.session.events import (
    AnswerRecorded,
    AnswerScored,
    DecisionMade,
    Event,
    InterviewStarted,
    MoveDecided,
    Note,
    PlannedInterview,
    QuestionAsked,
    SessionEnded,
    SessionStarted,
    VoteCast,
)
from interviewer.session.store import DamagedLogWarning, SessionLogError, SessionStore


@dataclass
class TurnState:
    """One question or follow-up, the answer to it, its scores and the move that followed."""

    asked: QuestionAsked
    answer: AnswerRecorded | None = None
    scores: list[AnswerScored] = field(default_factory=list)
    move: MoveDecided | None = None

    @property
    def request(self) -> str | None:
        """'clarify' or 'thinking' when the answer only asked for the question again or for a
        moment (rubric/requests.py): not an answer, so it is never scored."""
        return request_of(self.answer.text) if self.answer else None

    @property
    def latest_score(self) -> AnswerScore | None:
        """The newest score revision, if any."""
        scored = self.latest_scored
        return scored.score if scored else None

    @property
    def latest_scored(self) -> AnswerScored | None:
        """The newest scoring event, if any (none for a request: sessions recorded before
        requests went unscored hold a score for it that no report or vote should read)."""
        scores = self._answer_scores
        return max(scores, key=lambda s: s.revision) if scores else None

    @property
    def _answer_scores(self) -> list[AnswerScored]:
        return [] if self.request else self.scores

    def score_at(self, revision: int) -> AnswerScored | None:
        """The score of a given revision, falling back to the newest older one."""
        older = [s for s in self._answer_scores if s.revision <= revision]
        return max(older, key=lambda s: s.revision) if older else None


@dataclass
class InterviewState:
    """One interviewer's interview within the session."""

    index: int
    plan: PlannedInterview
    started: bool = False
    turns: list[TurnState] = field(default_factory=list)
    votes: list[VoteCast] = field(default_factory=list)

    @property
    def vote(self) -> VoteCast | None:
        """The newest vote revision, if the interview has ended."""
        return max(self.votes, key=lambda v: v.revision) if self.votes else None

    def exchange(self, question_index: int) -> list[TurnState]:
        """The turns about one bank question: the question and its follow-ups."""
        return [t for t in self.turns if t.asked.question_index == question_index]

    def answered_turns(self) -> list[TurnState]:
        """Turns that have an answer."""
        return [t for t in self.turns if t.answer is not None]


@dataclass
class SessionState:
    """Everything known about a session."""

    started: SessionStarted
    interviews: list[InterviewState]
    decisions: list[DecisionMade] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    ended: list[SessionEnded] = field(default_factory=list)

    @property
    def decision(self) -> DecisionMade | None:
        """The newest decision revision (loops only)."""
        return max(self.decisions, key=lambda d: d.revision) if self.decisions else None

    @property
    def turns(self) -> list[TurnState]:
        """All turns in order."""
        return [turn for interview in self.interviews for turn in interview.turns]

    @property
    def next_turn(self) -> int:
        """The number the next question gets."""
        return max((t.asked.turn for t in self.turns), default=0) + 1

    @property
    def complete(self) -> bool:
        """True once the session finished every interview (and decided, for a loop)."""
        return any(e.reason == "completed" for e in self.ended)

    @property
    def label(self) -> str:
        """The stage for a practice session, 'loop' for a full loop."""
        if self.started.mode == "loop":
            return "loop"
        return self.started.interviews[0].stage if self.started.interviews else "practice"

    def turn(self, number: int) -> TurnState | None:
        """The turn with this number."""
        return next((t for t in self.turns if t.asked.turn == number), None)

    @property
    def latest_revision(self) -> int:
        """The highest scoring revision in the session (0 until re-scored)."""
        revisions = [s.revision for t in self.turns for s in t.scores]
        revisions += [v.revision for i in self.interviews for v in i.votes]
        return max(revisions, default=0)


def load_state(store: SessionStore) -> SessionState:
    """The state of the session in `store`, with errors that name the folder and say what to do."""
    events = store.read()
    if not events:
        raise SessionLogError(
            f"{store.events_path} holds no readable events, so there is no session to open; "
            "delete the folder if it is not needed"
        )
    if not isinstance(events[0], SessionStarted):
        raise SessionLogError(
            f"{store.events_path} does not start with the session's plan (its first line is "
            "missing or damaged), so the session cannot be opened; restore it from a backup"
        )
    return build_state(events)


def build_state(events: list[Event]) -> SessionState:
    """Fold a list of events into the session state.

    Events that point at an interview or question the plan does not have (a hand-edited or
    damaged log) are skipped with a warning rather than breaking every command on the session.
    """
    if not events or not isinstance(events[0], SessionStarted):
        raise SessionLogError("a session log must start with session_started")
    started = events[0]
    state = SessionState(
        started=started,
        interviews=[InterviewState(i, plan) for i, plan in enumerate(started.interviews)],
    )
    by_turn: dict[int, TurnState] = {}
    skipped = 0
    for event in events[1:]:
        if isinstance(event, (InterviewStarted, QuestionAsked, VoteCast)) and not (
            0 <= event.interview < len(state.interviews)
        ):
            skipped += 1
            continue
        if isinstance(event, InterviewStarted):
            state.interviews[event.interview].started = True
        elif isinstance(event, QuestionAsked):
            plan = state.interviews[event.interview].plan
            if event.turn in by_turn or not 0 <= event.question_index < len(plan.questions):
                skipped += 1
                continue
            turn = TurnState(asked=event)
            by_turn[event.turn] = turn
            state.interviews[event.interview].turns.append(turn)
        elif isinstance(event, AnswerRecorded) and event.turn in by_turn:
            by_turn[event.turn].answer = event
        elif isinstance(event, AnswerScored) and event.turn in by_turn:
            by_turn[event.turn].scores.append(event)
        elif isinstance(event, MoveDecided) and event.turn in by_turn:
            by_turn[event.turn].move = event
        elif isinstance(event, VoteCast):
            state.interviews[event.interview].votes.append(event)
        elif isinstance(event, DecisionMade):
            state.decisions.append(event)
        elif isinstance(event, Note):
            state.notes.append(event)
        elif isinstance(event, SessionEnded):
            state.ended.append(event)
    if skipped:
        warnings.warn(
            f"session {started.session_id}: skipped {skipped} event(s) that name an interview, "
            "question or turn the session's plan does not have",
            DamagedLogWarning,
            stacklevel=2,
        )
    return state
