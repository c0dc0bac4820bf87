"""Re-scoring a saved session with a brain (offline or LLM) without touching the original record.

The new scores, votes and decision are appended as a new revision (previous highest + 1), all in
one synced write under the session's lock, so a killed re-scoring leaves the revision complete or
absent; the events already in the log are never rewritten. Everything derived (transcript,
report, replay) reads the newest revision; `TurnState.score_at(revision)` gives any older one.
"""

from __future__ import annotations

from interviewer.brains.base import Brain, with_fallback
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.decision import decide
from interviewer.rubric.results import AnswerScore
from interviewer.session.events import AnswerScored, DecisionMade, Event, Note, VoteCast
from interviewer.session.fallback_notes import FallbackNotes
from interviewer.session.state import (
    InterviewState,
    SessionState,
    TurnState,
    answer_context,
    load_state,
    turn_view,
)
from interviewer.session.store import SessionStore


def next_revision(state: SessionState) -> int:
    """One more than the highest revision of any score, vote or decision in the session."""
    decisions = [d.revision for d in state.decisions]
    return max([state.latest_revision, *decisions]) + 1


def rescore(
    store: SessionStore,
    brain: Brain,
    fallback: Brain | None = None,
    content: Content | None = None,
) -> int:
    """Score every answered turn again, re-vote finished interviews and re-decide a decided loop.

    If `brain` fails on a step (BrainError) and a different `fallback` is given, the fallback takes
    that step and a Note says so, as in a live session. Returns the new revision number.
    """
    content = content or default_content()
    with store.writing():
        state = load_state(store)
        run = _Rescore(store, brain, fallback, content, next_revision(state))
        _revise(state, run)
        store.append_all(run.events)
    return run.revision


def _revise(state: SessionState, run: _Rescore) -> None:
    new_votes = []
    for interview in state.interviews:
        answered = interview.answered_turns()
        scores = {turn.asked.turn: run.score(interview, turn) for turn in answered}
        if interview.vote is None:
            continue  # an unfinished interview has no vote to revise
        turns = [turn_view(turn, scores.get(turn.asked.turn)) for turn in interview.turns]
        name, vote = run.step("vote", lambda b, i=interview, t=turns: b.vote(i.plan, t), None)
        run.events.append(
            VoteCast(interview=interview.index, brain=name, revision=run.revision, vote=vote)
        )
        new_votes.append(vote)
    if state.decision is not None:
        run.events.append(DecisionMade(revision=run.revision, decision=decide(new_votes)))


def revision_summary(events: list[Event], revision: int, brain_name: str) -> str:
    """One line on who took the steps of a re-score: how many fell back, never hidden."""
    steps = [e for e in events
             if isinstance(e, (AnswerScored, VoteCast)) and e.revision == revision]
    fell_back = sum(1 for e in steps if e.brain != brain_name)
    if not steps or not fell_back:
        return f"Re-scored by the {brain_name} interviewer as revision {revision}"
    if fell_back == len(steps):
        return (f"Revision {revision}: all {len(steps)} steps fell back to the offline "
                f"interviewer; the {brain_name} interviewer was unavailable (the session's "
                "notes say why)")
    return (f"Re-scored as revision {revision}: {len(steps) - fell_back} of {len(steps)} steps by "
            f"the {brain_name} interviewer, {fell_back} fell back to the offline interviewer "
            "(the session's notes say why)")


class _Rescore:
    """One re-scoring pass: runs brain steps with fallback and collects their events."""

    def __init__(
        self,
        store: SessionStore,
        brain: Brain,
        fallback: Brain | None,
        content: Content,
        revision: int,
    ):
        self.store = store
        self.brain = brain
        self.fallback = fallback
        self.content = content
        self.revision = revision
        self.events: list[Event] = []
        self._notes = FallbackNotes()

    def score(self, interview: InterviewState, turn: TurnState) -> AnswerScore:
        """Score one answered turn again and append it as this revision."""
        context = answer_context(interview, turn, self.content)
        name, score = self.step("score", lambda b: b.score(context), turn.asked.turn)
        self.events.append(
            AnswerScored(
                turn=turn.asked.turn,
                brain=name,
                revision=self.revision,
                fallback=name != self.brain.name,
                score=score,
            )
        )
        return score

    def step(self, what: str, call, turn: int | None):
        """Run `call` on the brain; on BrainError let the fallback take it and leave a Note."""

        def note(reason: str) -> None:
            if not self._notes.first_time(reason):
                return  # said once; the step's own event is marked as the fallback's
            self._note(
                f"re-scoring (revision {self.revision}): {self.brain.name} interviewer "
                f"unavailable for the {what} ({reason}); the {self.fallback.name} "
                "interviewer took this step",
                turn,
            )

        return with_fallback(self.brain, self.fallback, call, note)

    def _note(self, text: str, turn: int | None) -> None:
        self.events.append(Note(text=text, turn=turn))
