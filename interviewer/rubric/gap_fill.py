"""Whether a follow-up answer gives what its probe asked for, and what that sets in the signals.

Used for the exchange (exchange.py) and for the follow-up turn's own score (scoring.py), so a
follow-up that names the value it was asked for never reads "principle no" on its own line.
"""

from __future__ import annotations

from interviewer.rubric import lexicon as lx
from interviewer.rubric.results import Signals
from interviewer.rubric.signals import value_names_in
from interviewer.rubric.spoken import plain


def fills(gap: str, answer: str, signals: Signals) -> bool:
    """Whether a follow-up answer (read alone, as `signals`) gives what its probe asked for."""
    lower = plain(answer)
    if signals.gibberish or signals.word_count == 0 or signals.repetition >= 0.4:
        return False
    reasoned = bool(lx.REASON.search(lower)) or ":" in answer or " beats " in lower
    # "Not sure there was a principle" says the word without naming one.
    denied = bool(lx.NO_PRINCIPLE.search(lower))
    checks = {
        # Named in reply to "what principle?": a value ("Ownership. Freedom and
        # responsibility.") or a short principle with its reason ("Candor with care: ..."), or a
        # belief said as one ("I care about the whole system, not just my slice").
        "no_principle": bool(value_names_in(answer)) or bool(lx.PRINCIPLE_WORDS.search(lower))
        or bool(lx.PRINCIPLE_REPLY.search(lower))
        or (not denied and (signals.named_principle or (reasoned and signals.word_count >= 8))),
        "no_reflection": signals.reflection or _hindsight(lower),
        "no_self_awareness": signals.reflection or signals.admits_limits,
        "hedging": signals.point_of_view == "clear"
        or (signals.point_of_view == "none" and bool(lx.POSITIONS.search(lower))),
        "no_outcome": signals.outcome or signals.specificity >= 0.4
        or bool(lx.OUTCOME_REPLY.search(lower)),
        "no_ownership": signals.ownership >= 0.5 and signals.word_count >= 8,
        "no_behaviour_change": bool(signals.behaviour_change)
        or bool(lx.CHANGE_START.search(lower) or lx.CHANGE_STOP.search(lower)),
        "vague_compensation": signals.compensation in ("number", "number_with_source"),
        "mentorship_structure": not signals.mentorship_risk and signals.story >= 0.2,
        "defend_decision": signals.reasons and signals.story >= 0.2,
        "no_trade_off": signals.alternatives and signals.reasons,
        "no_scale": signals.scale,
        "no_failure_mode": signals.failure,
        "no_complexity": signals.complexity,
        "no_edge_cases": signals.edge_cases,
        "no_example": signals.story >= 0.3 and not signals.generic,
        "vague_motivation": signals.specificity >= 0.4 or signals.story >= 0.3,
    }
    return bool(checks.get(gap, False))


def _hindsight(lower: str) -> bool:
    """Whether a reply to "what would you do differently?" says what would change.

    "I'd ask to keep one engineer embedded" is hindsight there; "I wouldn't change anything"
    is not, unless a "but" follows with what would.
    """
    said = bool(lx.POSITIONS.search(lower) or lx.HINDSIGHT_REPLY.search(lower))
    unchanged = bool(lx.NO_CHANGE.search(lower)) and not lx.BUT.search(lower)
    return said and not unchanged


FILLED: dict[str, dict[str, object]] = {
    "no_principle": {"named_principle": True},
    "no_reflection": {"reflection": True},
    "no_self_awareness": {"admits_limits": True},
    "hedging": {"point_of_view": "clear", "hedges": []},
    "no_outcome": {"outcome": True},
    "no_ownership": {"ownership": 0.6},
    "no_behaviour_change": {"behaviour_change": True},
    # Answering the structure probe well helps the exchange, but the request for heavy
    # mentorship was still made: it stays a culture-fit risk (flag, gap and vote).
    "mentorship_structure": {},
    "defend_decision": {"reasons": True},
    "no_trade_off": {"alternatives": True, "reasons": True},
    "no_scale": {"scale": True},
    "no_failure_mode": {"failure": True},
    "no_complexity": {"complexity": True},
    "no_edge_cases": {"edge_cases": True},
}


# How a pay answer is framed, worst to best (rubric/pay.py).
PAY_RANK = ("none", "flexible", "number", "number_with_source")


def filled_update(
    gap: str | None, answer: str, alone: Signals, into: Signals, *, exchange: bool = False
) -> dict[str, object] | None:
    """What a follow-up answer that fills its probed gap sets in `into`, or None if it does not.

    `alone` is the follow-up read on its own; `into` the signals it updates (its own for the
    turn's score, the whole exchange's with `exchange=True`). The exchange also takes the pay
    answer as read, keeps the stronger ownership and counts a defended design choice.
    """
    if not gap or not fills(gap, answer, alone):
        return None
    update = dict(FILLED.get(gap, {}))
    if gap == "no_principle" and not into.principle_quote:
        update["principle_quote"] = answer.strip()
    if gap == "no_reflection" and not into.reflection_quote:
        update["reflection_quote"] = answer.strip()
    if gap == "no_outcome" and not into.outcome_quote:
        update["outcome_quote"] = answer.strip()
    if exchange:
        if gap == "vague_compensation":
            # The better of the two readings: a source said in the main answer ("based on
            # levels.fyi, I'm open") still stands behind a bare figure given in reply.
            update["compensation"] = max(alone.compensation, into.compensation,
                                         key=PAY_RANK.index)
        if gap == "no_ownership":
            update["ownership"] = max(into.ownership, 0.6)
        if gap in ("no_trade_off", "defend_decision") and into.design_tradeoffs is not None:
            update["design_tradeoffs"] = True
    if gap == "no_behaviour_change" and into.behaviour_change is None:
        update.pop("behaviour_change", None)
    return update


def with_filled_gap(signals: Signals, gap: str | None, answer: str) -> Signals:
    """A follow-up's own signals with its probed gap set when the answer fills it."""
    update = filled_update(gap, answer, signals, signals)
    return signals if update is None else signals.model_copy(update=update)
