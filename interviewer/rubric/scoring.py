"""Scoring one answer from its signals: a 0-100 overall with its parts, strengths and gaps.

The weights differ by stage: a recruiter screen cares about pay and fit, a technical screen about
defended trade-offs, behavioural rounds about named principles, a point of view and reflection.
"""

from __future__ import annotations

from interviewer.brains.base import AnswerContext
from interviewer.rubric.content import Content
from interviewer.rubric.delivery import delivery_from_text
from interviewer.rubric.results import AnswerScore, Delivery, Signals, ValueEvidence
from interviewer.rubric.signals import read_signals, sentences, value_evidence

BEHAVIOURAL_WEIGHTS = {
    "principle": 18,
    "point_of_view": 14,
    "self_awareness": 12,
    "ownership": 10,
    "specificity": 10,
    "outcome": 10,
    "structure": 8,
    "values": 10,
    "delivery": 8,
}
FEEDBACK_EXTRA = {"behaviour_change": 14}
RECRUITER_WEIGHTS = {
    "principle": 4,
    "point_of_view": 16,
    "self_awareness": 12,
    "ownership": 10,
    "specificity": 14,
    "outcome": 6,
    "structure": 6,
    "values": 8,
    "delivery": 10,
    "culture_fit": 14,
}
COMPENSATION_EXTRA = {"compensation": 40}
TECHNICAL_WEIGHTS = {
    "principle": 6,
    "point_of_view": 16,
    "self_awareness": 8,
    "ownership": 6,
    "specificity": 16,
    "outcome": 6,
    "structure": 10,
    "values": 6,
    "delivery": 8,
    "tradeoffs": 18,
}

# Hard limits that no amount of polish elsewhere can lift.
CAP_EMPTY = 0
CAP_GIBBERISH = 3
CAP_EVASIVE = 8
CAP_OFF_TOPIC = 10
SHORT_ANSWER_WORDS = 30
CAP_SHORT = 40
CAP_NOT_ADDRESSED = 45
STUFFING_PENALTY = 15
ALL_STRENGTHS_PENALTY = 10


def components(signals: Signals, values: list[ValueEvidence], delivery: Delivery) -> dict[str, int]:
    """Each part of the score, 0-100."""
    pov = {"clear": 100, "none": 45, "hedged": 10}[signals.point_of_view]
    awareness = 55 * signals.reflection + 45 * signals.admits_limits
    if signals.claims_all_strengths:
        awareness = 0
    outcome = 0
    if signals.outcome:
        outcome = 100 if any(ch.isdigit() for ch in signals.outcome_quote or "") else 65
    scored = sorted((v.score for v in values if v.score), reverse=True)[:2]
    value_part = int(sum(scored) / (5 * len(scored)) * 100) if scored else 0
    length_penalty = {"short": 35, "long": 20}.get(delivery.length_verdict or "ok", 0)
    delivery_part = max(0, 100 - int(delivery.fillers_per_100 * 8) - length_penalty)
    parts = {
        "principle": 100 if signals.named_principle else 0,
        "point_of_view": pov,
        "self_awareness": min(100, int(awareness)),
        "ownership": int(signals.ownership * 100),
        "specificity": int(signals.specificity * 100),
        "outcome": outcome,
        "structure": int(signals.structure * 100),
        "values": value_part,
        "delivery": delivery_part,
        "culture_fit": 0 if signals.mentorship_risk else 100,
    }
    if signals.behaviour_change is not None:
        parts["behaviour_change"] = 100 if signals.behaviour_change else 0
    if signals.compensation is not None:
        parts["compensation"] = {
            "number_with_source": 100,
            "number": 60,
            "none": 20,
            "flexible": 0,
        }[signals.compensation]
    if signals.design_tradeoffs is not None:
        parts["tradeoffs"] = 100 if signals.design_tradeoffs else 10
    return parts


def weights_for(stage: str, signals: Signals) -> dict[str, int]:
    """The weights of the parts for this kind of answer."""
    if stage == "recruiter":
        weights = dict(RECRUITER_WEIGHTS)
        if signals.compensation is not None:
            weights |= COMPENSATION_EXTRA
    elif stage == "technical":
        weights = dict(TECHNICAL_WEIGHTS)
        if signals.design_tradeoffs is None:
            weights.pop("tradeoffs")
    else:
        weights = dict(BEHAVIOURAL_WEIGHTS)
    if signals.behaviour_change is not None:
        weights |= FEEDBACK_EXTRA
    return weights


def caps_and_flags(signals: Signals, stage: str) -> tuple[int, list[str]]:
    """The highest score this answer can get, and the red flags that set it."""
    cap, flags = 100, []
    if signals.word_count == 0:
        return CAP_EMPTY, ["empty answer"]
    if signals.gibberish:
        cap, flags = min(cap, CAP_GIBBERISH), [*flags, "not an answer (unreadable)"]
    if signals.evasive:
        cap, flags = min(cap, CAP_EVASIVE), [*flags, "evasive: no example given"]
    if signals.off_topic:
        cap, flags = min(cap, CAP_OFF_TOPIC), [*flags, "off topic"]
    if not signals.addresses_question and not signals.off_topic and signals.word_count:
        cap, flags = min(cap, CAP_NOT_ADDRESSED), [*flags, "did not address the question asked"]
    # A pay answer can be complete in two sentences; a story cannot.
    short = SHORT_ANSWER_WORDS // 2 if stage == "recruiter" else SHORT_ANSWER_WORDS
    if signals.word_count < short:
        cap = min(cap, CAP_SHORT)
    if signals.mentorship_risk:
        flags.append("asks for heavy structure or mentorship: a culture-fit risk at Netflix")
    if signals.claims_all_strengths:
        flags.append("claims strength in every value: reads as low self-awareness")
    if signals.value_stuffing:
        flags.append("value names listed rather than shown")
    if signals.compensation == "flexible":
        flags.append("'flexible' on pay instead of a researched number")
    return cap, flags


def strengths_and_gaps(signals: Signals, stage: str) -> tuple[list[str], list[str]]:
    """Plain-language notes for the candidate."""
    strengths, gaps = [], []
    behavioural = stage in ("manager", "onsite")
    if signals.named_principle:
        strengths.append("named the principle behind the decision")
    elif behavioural:
        gaps.append("no named principle: say which value you were acting on")
    if signals.point_of_view == "clear":
        strengths.append("took a clear position")
    elif signals.point_of_view == "hedged":
        gaps.append("hedged: state where you stand and why")
    if signals.reflection:
        strengths.append("reflected on what you would do differently")
    elif behavioural:
        gaps.append("no reflection: what would you weight differently now?")
    if signals.behaviour_change is False:
        gaps.append("feedback without a concrete change: what did you stop and start doing?")
    elif signals.behaviour_change:
        strengths.append("showed a concrete behaviour change after feedback")
    if signals.outcome:
        strengths.append("gave the outcome")
    elif behavioural:
        gaps.append("no outcome: what changed, measurably?")
    if signals.ownership < 0.35 and behavioural:
        gaps.append("mostly 'we': make your own part clear")
    if signals.compensation == "number_with_source":
        strengths.append("gave a researched number with its source")
    elif signals.compensation in ("number",):
        gaps.append("a number without its source: cite levels data, offers or surveys")
    elif signals.compensation in ("flexible", "none"):
        gaps.append("no number: come with a researched figure and where it comes from")
    if signals.design_tradeoffs:
        strengths.append("defended design choices against alternatives")
    elif signals.design_tradeoffs is False:
        gaps.append("design choices without trade-offs: say what you rejected and why")
    if signals.fillers_per_100 > 6:
        gaps.append(f"{signals.fillers_per_100:g} filler words per 100 words")
    return strengths, gaps


def score_answer(context: AnswerContext, content: Content) -> AnswerScore:
    """The offline score of one answer."""
    keywords = content.keywords(context.question.id)
    signals = read_signals(
        context.answer, stage=context.stage, question=context.question, keywords=keywords
    )
    delivery = context.delivery or delivery_from_text(context.answer, context.answer_seconds)
    signals = signals.model_copy(update={"fillers_per_100": delivery.fillers_per_100})
    honest = signals.word_count > 0 and not (signals.gibberish or signals.off_topic)
    values = (
        value_evidence(sentences(context.answer), content.values)
        if honest
        else [ValueEvidence(value=name) for name in content.values]
    )
    parts = components(signals, values, delivery)
    weights = weights_for(context.stage, signals)
    weighted = sum(parts[name] * weight for name, weight in weights.items())
    overall = weighted / sum(weights.values())
    cap, flags = caps_and_flags(signals, context.stage)
    if signals.value_stuffing:
        overall -= STUFFING_PENALTY
    if signals.claims_all_strengths:
        overall -= ALL_STRENGTHS_PENALTY
    overall = int(round(max(0, min(cap, overall))))
    strengths, gaps = strengths_and_gaps(signals, context.stage)
    return AnswerScore(
        overall=overall,
        components={name: parts[name] for name in weights},
        values=values,
        signals=signals,
        delivery=delivery,
        flags=flags,
        strengths=strengths,
        gaps=gaps,
    )
