"""Session-level figures derived from the state: overall score, value coverage, status."""

from __future__ import annotations

from interviewer.rubric.content import VALUE_NAMES
from interviewer.rubric.exchange import turns_of
from interviewer.rubric.voting import exchange_scores, exchanges
from interviewer.session.brain_contexts import turn_views
from interviewer.session.state import InterviewState, SessionState, TurnState


def exchange_scores_of(interview: InterviewState) -> list[int]:
    """One score per answered bank question: the exchange (question and follow-ups) read whole.

    A finished interview's figures are the ones recorded with its vote (so the report, the
    session list and the vote agree, and stay as they were after the scorer is upgraded; an
    older vote without them stands for each of its exchanges). An interview still running is
    read from its answers.
    """
    vote = interview.vote
    views = turn_views(interview.turns)
    if vote is not None and vote.vote.exchange_scores:
        return list(vote.vote.exchange_scores)
    if vote is not None:
        answered = sum(1 for group in exchanges(views) if turns_of(group))
        return [vote.vote.score] * answered
    return [score.overall for score in exchange_scores(interview.plan, views)]


def session_overall(state: SessionState) -> int | None:
    """Mean of the per-question scores across the session, 0-100; None before any answer."""
    scores = [s for interview in state.interviews for s in exchange_scores_of(interview)]
    return round(sum(scores) / len(scores)) if scores else None


def value_coverage(turns: list[TurnState]) -> dict[str, int | None]:
    """Per value, the best evidence score heard in these turns (None: insufficient evidence)."""
    best: dict[str, int | None] = {name: None for name in VALUE_NAMES}
    for turn in turns:
        score = turn.latest_score
        if score is None:
            continue
        for evidence in score.values:
            if evidence.score is not None:
                best[evidence.value] = max(best.get(evidence.value) or 0, evidence.score)
    return best


def status(state: SessionState) -> str:
    """'complete', or why the session stopped ('answers ran out', 'interrupted', 'in progress')."""
    if state.complete:
        return "complete"
    if not state.ended:
        return "in progress"
    return {
        "answers_exhausted": "stopped: answers ran out",
        "interrupted": "stopped: interrupted",
        "error": "stopped: error",
    }.get(state.ended[-1].reason, state.ended[-1].reason)
