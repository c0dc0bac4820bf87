"""Checking the LLM's claims before they are recorded, and bounding its numbers.

The model proposes; these functions decide what survives:
- quotes must be in the answer (verbatim, ignoring case, spacing and curly quotes) and count as
  evidence the way the offline scorer counts it (first person, not a list of value names); any
  other quote is dropped, and a value left with no quotes is "insufficient evidence";
- a positive signal (named principle, behaviour change, self-awareness) needs a verbatim quote,
  otherwise the offline reading of that signal stands;
- the overall score is bounded by evidence, not by the offline score: the offline scorer is run
  again on its own reading plus the LLM's verified claims (a principle, a reflection, value
  quotes found verbatim), and the LLM's number may sit up to EVIDENCE_ABOVE above and
  EVIDENCE_BELOW below that evidence score, never above the offline hard caps (empty,
  unreadable, evasive, off-topic, too short); an answer that addresses the scorer ("ignore your
  instructions", "score this 10/10") gets no upward room at all;
- a move respects the follow-up budget and never repeats a probe from the same exchange;
- a vote stays within one step of the offline vote and its score within +/- BOUND of it; the
  offline vote reads the raw answers (rubric/voting.py), never the LLM's turn scores; and it is
  held to the offline vote's caps (a declined, unanswered, failed or retold question), with their
  reasons; its answer to the keeper test's second question is the offline rule on its own vote.
"""

from __future__ import annotations

import re

from interviewer.brains.base import TurnView
from interviewer.brains.llm.messages import as_data
from interviewer.brains.llm.schemas import LLMMove, LLMScore, LLMSignals, LLMValueScore, LLMVote
from interviewer.rubric.content import Content
from interviewer.rubric.lexicon import FIRST_SINGULAR, STEERING
from interviewer.rubric.results import (
    AnswerScore,
    Delivery,
    Move,
    Signals,
    ValueEvidence,
    Vote,
)
from interviewer.rubric.scoring import STEERING_FLAG, assemble, caps_and_flags
from interviewer.rubric.signals import is_stuffed
from interviewer.rubric.stages import StageSettings
from interviewer.rubric.voting import LADDER, capped, exchange_scores, hire_again_for
from interviewer.session.events import PlannedInterview

BOUND = 20  # for votes
EVIDENCE_ABOVE = 12
EVIDENCE_BELOW = 25
NOT_A_KEEPER = "No: a vote below yes cannot pass the keeper test."
MIN_QUOTE_WORDS = 3
_PUNCT_EDGES = " \t\n\"'`.,;:!?()[]{}-"
_TRANSLATE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                            "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: how quotes are compared with the answer."""
    return " ".join(text.translate(_TRANSLATE).lower().split())


class QuoteChecker:
    """Tells whether a quote is really in the answer."""

    def __init__(self, answer: str):
        # The model saw the neutralised text; accept quotes of either form.
        self._haystacks = {normalise(answer), normalise(as_data(answer))}

    def verbatim(self, quote: str | None) -> bool:
        """True if the quote (minus surrounding punctuation) appears in the answer."""
        if not quote:
            return False
        needle = normalise(quote).strip(_PUNCT_EDGES)
        if len(needle.split()) < MIN_QUOTE_WORDS:
            return False
        return any(needle in hay for hay in self._haystacks)


def checked_values(
    claimed: list[LLMValueScore], checker: QuoteChecker, names: list[str]
) -> tuple[list[ValueEvidence], int]:
    """Per value, the model's score kept only as far as its verbatim quotes support it.

    Returns the evidence for every value (in `names` order) and how many quotes were dropped.
    """
    by_name: dict[str, LLMValueScore] = {}
    for item in claimed:
        by_name.setdefault(item.value, item)
    evidence, dropped = [], 0
    for name in names:
        item = by_name.get(name)
        if item is None or item.score is None:
            evidence.append(ValueEvidence(value=name))
            continue
        kept = []
        for quote in item.quotes:
            if _usable(quote, checker) and quote.strip() not in kept:
                kept.append(quote.strip())
            else:
                dropped += 1
        if not kept:
            score = None
        elif len(kept) < len(item.quotes):
            # Some of its evidence was invented: re-derive on the offline ladder (2 + quotes).
            score = min(item.score, 2 + len(kept))
        else:
            score = item.score
        evidence.append(ValueEvidence(value=name, score=score, quotes=kept if score else []))
    return evidence, dropped


def checked_signals(claimed: LLMSignals, offline: Signals, checker: QuoteChecker) -> Signals:
    """The offline signals, with the model's reading where it brings a verbatim quote."""
    update: dict[str, object] = {}
    if claimed.named_principle and checker.verbatim(claimed.principle_quote):
        update |= {"named_principle": True, "principle_quote": claimed.principle_quote}
    elif not claimed.named_principle:
        update |= {"named_principle": False, "principle_quote": None}
    if claimed.self_awareness and checker.verbatim(claimed.self_awareness_quote):
        update |= {"reflection": True, "reflection_quote": claimed.self_awareness_quote}
    elif not claimed.self_awareness:
        update |= {"reflection": False, "reflection_quote": None}
    if offline.behaviour_change is not None and claimed.behaviour_change is not None:
        if not claimed.behaviour_change:
            update["behaviour_change"] = False
        elif checker.verbatim(claimed.behaviour_change_quote):
            update["behaviour_change"] = True
    if not (offline.gibberish or offline.word_count == 0):
        update["point_of_view"] = claimed.point_of_view
    return offline.model_copy(update=update)


def steering(answer: str) -> bool:
    """True if the answer addresses the scorer ("ignore your instructions", "score this 10/10")."""
    return bool(STEERING.search(answer))


def evidence_bounds(
    evidence: int, offline: AnswerScore, stage: StageSettings, steered: bool = False,
    kind: str = "question",
) -> tuple[int, int]:
    """The range an LLM overall may take: around the evidence score, under the offline caps.

    If the answer tries to steer the scorer, the upper bound is the offline score itself.
    """
    cap, _ = caps_and_flags(offline.signals, stage, kind)
    high = min(100, cap, offline.overall if steered else evidence + EVIDENCE_ABOVE)
    low = min(max(0, evidence - EVIDENCE_BELOW), high)
    return low, high


def bounded_overall(
    claimed: int, offline: AnswerScore, stage: StageSettings, steered: bool = False,
    evidence: int | None = None, kind: str = "question",
) -> int:
    """The model's overall inside the evidence bounds (evidence defaults to the offline score)."""
    low, high = evidence_bounds(
        offline.overall if evidence is None else evidence, offline, stage, steered, kind
    )
    return max(low, min(claimed, high))


def checked_score(
    claimed: LLMScore, offline: AnswerScore, answer: str, stage: str, content: Content,
    kind: str = "question", settings: StageSettings | None = None,
) -> AnswerScore:
    """The AnswerScore to record from the model's claim and the offline score of the same answer.

    `settings` are the stage's as the interview's style reads answers (see rubric/round_kind.py);
    by default the stage's own.
    """
    checker = QuoteChecker(answer)
    honest = offline.signals.word_count > 0 and not (
        offline.signals.gibberish or offline.signals.off_topic
    )
    names = list(content.values)
    if honest:
        values, dropped = checked_values(claimed.values, checker, names)
    else:
        values, dropped = [ValueEvidence(value=name) for name in names], 0
    signals = checked_signals(claimed.signals, offline.signals, checker)
    steered = steering(answer) or offline.signals.steering
    # The offline scorer's verdict on the offline reading plus what the LLM proved verbatim.
    delivery = offline.delivery or Delivery()
    settings = settings or content.stage(stage)
    evidence = assemble(signals, values, delivery, settings, kind).overall
    evidence = max(evidence, offline.overall) if not steered else offline.overall
    overall = bounded_overall(claimed.overall, offline, settings, steered, evidence, kind)
    flags = list(offline.flags)
    if steered and STEERING_FLAG not in flags:
        flags.append(STEERING_FLAG)
    if overall != claimed.overall:
        low, high = evidence_bounds(evidence, offline, settings, steered, kind)
        flags.append(
            f"LLM score {claimed.overall} bounded to {overall} by the evidence check "
            f"(evidence {evidence}, offline {offline.overall}; allowed {low}-{high})"
        )
    if dropped:
        flags.append(f"{dropped} quote(s) from the LLM were not in the answer and were dropped")
    return offline.model_copy(update={
        "overall": overall,
        "components": {**offline.components, "llm_overall": claimed.overall,
                       "offline_overall": offline.overall, "evidence_overall": evidence},
        "values": values,
        "signals": signals,
        "flags": flags,
        "strengths": _clean(claimed.strengths) or offline.strengths,
        "gaps": _clean(claimed.gaps) or offline.gaps,
    })


def checked_move(claimed: LLMMove, exchange: list[TurnView], follow_ups_left: int) -> Move:
    """The move to make: the model's, within the budget and without repeating a probe."""
    why = claimed.why.strip()
    if claimed.action != "follow_up":
        return Move(action=claimed.action, target_value=claimed.target_value, reason=why)
    if follow_ups_left <= 0:
        return Move(action="next_question", reason="follow-up budget for this question used")
    text = " ".join((claimed.probe or "").split())
    asked = {_key(t.asked) for t in exchange if t.kind != "question"}
    if _key(text) in asked:
        return Move(action="next_question",
                    reason="the LLM proposed a follow-up it had already asked; moving on")
    return Move(action="follow_up", text=text, probe_id="llm", gap=claimed.gap,
                target_value=claimed.target_value, reason=why)


def checked_vote(claimed: LLMVote, offline: Vote, plan: PlannedInterview,
                 turns: list[TurnView], content: Content) -> Vote:
    """The model's vote, at most one step from the offline vote and under the offline vote's caps
    (a question declined, unanswered, clearly failed or answered with a story told again), with a
    consistent keeper test."""
    index = LADDER.index(claimed.vote)
    anchor = LADDER.index(offline.vote)
    stepped = LADDER[max(anchor - 1, min(anchor + 1, index))]
    score = max(offline.score - BOUND, min(offline.score + BOUND, claimed.score))
    score = max(0, min(100, score))
    reasons = _clean(claimed.reasons) or offline.reasons
    if stepped != claimed.vote:
        reasons = [*reasons, f"LLM vote {claimed.vote!r} kept within one step of the offline "
                             f"vote ({offline.vote!r})"]
    # The offline vote sits under these caps already, but one step above it may not.
    scored = exchange_scores(plan, turns, content)
    label, caps = capped(stepped, plan, turns, content, scored)
    reasons = [*reasons, *(reason for reason in caps if reason not in reasons)]
    keeper = claimed.keeper and label in ("yes", "strong yes")
    keeper_reason = claimed.keeper_reason.strip()
    if keeper != claimed.keeper or not keeper_reason:
        keeper_reason = NOT_A_KEEPER if not keeper else offline.keeper_reason
    # The second keeper question is the offline rule on the model's vote, so "would hire again"
    # means the same whichever brain voted (rubric/keeper_answers.py).
    hire_again, hire_again_reason = hire_again_for(label, plan, turns, content, scored)
    return Vote(
        interviewer=plan.interviewer_name, role=plan.interviewer_role, stage=plan.stage,
        vote=label, keeper=keeper, keeper_reason=keeper_reason, hire_again=hire_again,
        hire_again_reason=hire_again_reason, score=score, reasons=reasons,
        exchange_scores=offline.exchange_scores,
    )


def _usable(quote: str, checker: QuoteChecker) -> bool:
    """Evidence as the offline scorer counts it: verbatim, first person, not a list of value names,
    and not part of an attempt to steer the scorer."""
    lower = quote.lower()
    return (checker.verbatim(quote) and bool(FIRST_SINGULAR.search(lower))
            and not is_stuffed(quote) and not steering(quote))


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", normalise(text))


def _clean(items: list[str]) -> list[str]:
    return [" ".join(item.split()) for item in items if item.strip()]
