"""An interviewer's independent vote, from its own interview only, with the keeper test."""

from __future__ import annotations

from interviewer.brains.base import TurnView
from interviewer.rubric.results import Vote, VoteLabel
from interviewer.session.events import PlannedInterview

LADDER: list[VoteLabel] = ["strong no", "no", "yes", "strong yes"]
STRONG_YES_AT = 72
YES_AT = 55
NO_AT = 38
KEEPER_AT = 65


def exchange_scores(turns: list[tuple[str, int | None]]) -> list[int]:
    """One score per bank question from (turn kind, score) pairs: the best answer in its exchange.

    A follow-up that fills the gap ("the principle was candour") is short and scores low on its
    own; taking the best turn credits the exchange for what the candidate showed in it.
    """
    best: dict[int, int] = {}
    current = -1
    for kind, score in turns:
        if kind == "question":
            current += 1
        if score is not None:
            best[current] = max(best.get(current, 0), score)
    return list(best.values())


def vote(interview: PlannedInterview, turns: list[TurnView]) -> Vote:
    """Vote strong no / no / yes / strong yes from this interview's answers alone."""
    scores = exchange_scores([(t.kind, t.score.overall if t.score else None) for t in turns])
    base = {
        "interviewer": interview.interviewer_name,
        "role": interview.interviewer_role,
        "stage": interview.stage,
    }
    if not scores:
        return Vote(
            **base,
            vote="strong no",
            keeper=False,
            score=0,
            keeper_reason="I heard no answers to judge.",
            reasons=["no answers were given"],
        )
    mean = round(sum(scores) / len(scores))
    label = _label(mean)
    reasons = [f"average answer score {mean}/100 over {len(scores)} question(s)"]
    scored = [t.score for t in turns if t.score is not None]
    flags = sorted({flag for s in scored for flag in s.flags})
    red = [f for f in flags if "culture-fit" in f or "every value" in f or "unreadable" in f]
    if red:
        label = _down(label)
        reasons += [f"red flag: {flag}" for flag in red]
    main = [t for t in turns if t.kind == "question" and t.score is not None]
    if interview.stage in ("manager", "onsite") and main:
        unprompted = sum(t.score.signals.named_principle for t in main)
        if unprompted * 2 < len(main):
            if label == "strong yes":
                label = "yes"
            reasons.append(f"named a principle unprompted in {unprompted} of {len(main)} answers")
    if any(s.signals.point_of_view == "hedged" for s in scored):
        reasons.append("hedged at least once when asked for a position")
    keeper = label == "strong yes" or (label == "yes" and mean >= KEEPER_AT)
    keeper_reason = (
        "Yes: I would fight to keep this person; they showed clear judgment and owned their calls."
        if keeper
        else "No: nothing I heard would make me fight to keep them if they said they were leaving."
    )
    return Vote(
        **base, vote=label, keeper=keeper, keeper_reason=keeper_reason, score=mean, reasons=reasons
    )


def _label(score: int) -> VoteLabel:
    if score >= STRONG_YES_AT:
        return "strong yes"
    if score >= YES_AT:
        return "yes"
    if score >= NO_AT:
        return "no"
    return "strong no"


def _down(label: VoteLabel) -> VoteLabel:
    return LADDER[max(0, LADDER.index(label) - 1)]
