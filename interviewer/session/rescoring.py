"""Re-scoring a saved session with a brain (offline or LLM) without touching the original record.

The new scores, votes and decision are appended as a new revision (previous highest + 1), all in
one synced write under the session's lock, so a killed re-scoring leaves the revision complete or
absent; the events already in the log are never rewritten. Everything derived (transcript,
report, replay) reads the newest revision; `TurnState.score_at(revision)` gives any older one.
"""

from __future__ import annotations

from interviewer.brains.base import Brain, VoteContext
from interviewer.brains.fallback import FallbackBrain
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.decision import decide
from interviewer.rubric.results import AnswerScore
from interviewer.session.brain_contexts import answer_context, turn_views
from interviewer.session.events import AnswerScored, DecisionMade, Event, Note, VoteCast
from interviewer.session.state import InterviewState, SessionState, TurnState, load_state
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
        answered = [t for t in interview.answered_turns() if not t.request]
        scores = {turn.asked.turn: run.score(interview, turn) for turn in answered}
        if interview.vote is None:
            continue  # an unfinished interview has no vote to revise
        turns = turn_views(interview.turns, scores)
        vote = run.brains.vote(VoteContext(interview.plan, turns))
        run.events.append(VoteCast(interview=interview.index, brain=vote.brain,
                                   revision=run.revision, vote=vote.result))
        new_votes.append(vote.result)
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
        self.content = content
        self.revision = revision
        self.events: list[Event] = []
        self.brains = FallbackBrain(brain, fallback, self._note)

    def score(self, interview: InterviewState, turn: TurnState) -> AnswerScore:
        """Score one answered turn again and append it as this revision."""
        produced = self.brains.score(answer_context(interview, turn, self.content))
        self.events.append(
            AnswerScored(
                turn=turn.asked.turn,
                brain=produced.brain,
                revision=self.revision,
                fallback=produced.fallback,
                score=produced.result,
            )
        )
        return produced.result

    def _note(self, message: str, turn: int | None) -> None:
        """A step fell back (said once per reason, like a live session's note)."""
        self.events.append(Note(text=f"re-scoring (revision {self.revision}): {message}",
                                turn=turn))
