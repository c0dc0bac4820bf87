"""Scoring one answer from its signals: a 0-100 overall with its parts, strengths and gaps.

The weights differ by stage and are data (`scoring:` in prompts/stages.yaml): a recruiter screen
cares about pay and fit, a technical screen about defended trade-offs, behavioural rounds about
named principles, a point of view and reflection. Everything here reads the stage's settings, never
its name, so a new stage in stages.yaml scores through the same code.
"""

from __future__ import annotations

from interviewer.brains.base import AnswerContext
from interviewer.rubric.content import Content
from interviewer.rubric.delivery import delivery_from_text
from interviewer.rubric.gap_fill import with_filled_gap
from interviewer.rubric.results import (
    AnswerScore,
    Delivery,
    Signals,
    ValueEvidence,
    evidence_score,
)
from interviewer.rubric.round_kind import settings_for
from interviewer.rubric.signals import read_signals, value_evidence
from interviewer.rubric.spoken import clauses
from interviewer.rubric.stages import StageSettings

# Hard limits that no amount of polish elsewhere can lift.
CAP_EMPTY = 0
CAP_GIBBERISH = 3
CAP_EVASIVE = 8
CAP_OFF_TOPIC = 10
CAP_SHORT = 40
CAP_NOT_ADDRESSED = 45
# A problem round (code, a design, a product call) sees nothing it measures in an answer to
# another question, however good a story: little more than no answer.
CAP_PROBLEM_NOT_ADDRESSED = 25
CAP_COPY = 15  # the question read back
CAP_REPETITION = 12  # the same words over and over
CAP_CLAIMS = 30  # claims about oneself with no story behind them
CAP_CUE_LIST = 25  # principle, hindsight, outcome... said, not shown
CAP_STEERED = 40  # an answer that talks to the scorer earns less than it would without it
STEERING_PENALTY = 25
STUFFING_PENALTY = 15
ALL_STRENGTHS_PENALTY = 10
# Rubric credit is held back until the answer has a story to hang it on (see rubric/story.py).
STORY_FOR_FULL_CREDIT = 0.55
# The weighted parts run 0-100; the scale is calibrated so that an ordinary real answer (a real
# example, some of what the stage listens for) lands near 50 (see README "How answers are scored").
FLOOR = 6
SPAN = 0.94
# Fillers per 100 words that fluent conversational speech has anyway (the spoken corpus answers
# have 2.4 at the median); only those beyond cost delivery points, so the same answer does not
# score lower for the transcriber keeping its um and uh.
FILLERS_IN_EASY_SPEECH = 3

STEERING_FLAG = "the answer contains instructions aimed at the scorer; they earn nothing"
NOT_ENGLISH_FLAG = (
    "not in English: the offline interviewer reads English only, so this score is rough"
)


def components(signals: Signals, values: list[ValueEvidence], delivery: Delivery) -> dict[str, int]:
    """Each part of the score, 0-100, before the story holds rubric credit back."""
    pov = {"clear": 100, "none": 50, "hedged": 0}[signals.point_of_view]
    awareness = 70 * signals.reflection + 40 * signals.admits_limits
    if signals.claims_all_strengths:
        awareness = 0
    outcome = 0
    if signals.outcome:
        outcome = 100 if any(ch.isdigit() for ch in signals.outcome_quote or "") else 65
    if signals.outcome and signals.specificity >= 0.4:
        outcome = 100
    scored = sorted((v.score for v in values if v.score), reverse=True)[:2]
    value_part = int(sum(scored) / (5 * len(scored)) * 100) if scored else 0
    length_penalty = {"short": 30, "long": 20}.get(delivery.length_verdict or "ok", 0)
    extra_fillers = max(0.0, delivery.fillers_per_100 - FILLERS_IN_EASY_SPEECH)
    delivery_part = max(0, 100 - int(extra_fillers * 5) - length_penalty)
    example = substance(signals) * 100
    if signals.generic:
        example *= 0.6
    parts = {
        "example": int(example),
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
        "reasons": heard_credit(signals, "reasons", signals.reasons),
        # The alternative weighed counts with a reason for the choice made over it.
        "tradeoffs": heard_credit(signals, "alternatives",
                                  signals.alternatives and signals.reasons),
        "scale": heard_credit(signals, "scale", signals.scale),
        "failure": heard_credit(signals, "failure", signals.failure),
        "complexity": heard_credit(signals, "complexity", signals.complexity),
        "edge_cases": heard_credit(signals, "edge_cases", signals.edge_cases),
    }
    if signals.behaviour_change is not None:
        parts["behaviour_change"] = 100 if signals.behaviour_change else 0
    if signals.compensation is not None:
        parts["compensation"] = {
            "number_with_source": 100,
            "number": 60,
            "none": 15,
            "flexible": 0,
        }[signals.compensation]
    return parts


def substance(signals: Signals) -> float:
    """0-1: what the answer gives to hang the rubric on: a story, or in a coding or design round
    the method worked through, whichever is more (a right, costed method said in two sentences
    is as real an answer as a story told in twenty)."""
    return max(signals.story, signals.approach)


def heard_credit(signals: Signals, name: str, present: bool) -> int:
    """The credit, 0-100, of a part of a technical, product or portfolio answer: on the scale of
    value evidence, by how often the answer shows it (a reason for one choice is 60, reasons for
    three are 100), so that a complete answer is the scale's strong anchor and only more than that
    nears 100. A part a follow-up filled counts as shown once at least."""
    pieces = max(1, signals.heard.get(name, 0)) if present else 0
    return 20 * (evidence_score(pieces) or 0)


def weights_for(stage: StageSettings, signals: Signals) -> dict[str, int]:
    """The weights of the parts for this kind of answer in this stage."""
    weights: dict[str, int] = dict(stage.scoring.weights)
    if signals.compensation is not None:
        weights |= stage.scoring.pay_answer
    if signals.behaviour_change is not None:
        weights |= stage.scoring.feedback_answer
    return weights


def weighted_overall(parts: dict[str, int], weights: dict[str, int], signals: Signals) -> float:
    """The weighted mean of the parts, with rubric credit held back while the story (or the
    method, see `substance`) is thin."""
    hold = 0.25 + 0.75 * min(1.0, substance(signals) / STORY_FOR_FULL_CREDIT)
    total = 0.0
    for name, weight in weights.items():
        credit = parts[name] if name in ("example", "culture_fit", "compensation") else (
            parts[name] * hold
        )
        total += credit * weight
    return FLOOR + SPAN * total / sum(weights.values())


def caps_and_flags(
    signals: Signals, stage: StageSettings, kind: str = "question"
) -> tuple[int, list[str]]:
    """The highest score this answer can get, and the red flags that set it.

    A follow-up answer (`kind` other than "question") is read for the gap it was asked about, so
    it is never capped for being short or for not repeating the main question's words.
    """
    cap, flags = 100, []
    main = kind == "question"
    if signals.word_count == 0:
        return CAP_EMPTY, ["empty answer"]
    if signals.gibberish:
        cap, flags = min(cap, CAP_GIBBERISH), [*flags, "not an answer (unreadable)"]
    if signals.not_english:
        flags.append(NOT_ENGLISH_FLAG)
    if signals.evasive and (main or signals.story < 0.15):
        cap, flags = min(cap, CAP_EVASIVE), [*flags, "evasive: no example given"]
    if signals.off_topic and main:
        cap, flags = min(cap, CAP_OFF_TOPIC), [*flags, "off topic"]
    if main and not signals.addresses_question and not signals.off_topic:
        unaddressed = CAP_PROBLEM_NOT_ADDRESSED if stage.sets_problems else CAP_NOT_ADDRESSED
        cap, flags = min(cap, unaddressed), [*flags, "did not address the question asked"]
    # A researched pay figure is a whole answer to a pay question, however few its words; so is
    # a method's steps with their cost to a coding or design problem.
    complete = signals.compensation == "number_with_source" or signals.costed_approach
    if main and signals.word_count < stage.scoring.short_answer_words and not complete:
        cap = min(cap, CAP_SHORT)
    if signals.question_copy >= 0.35:
        cap, flags = min(cap, CAP_COPY), [*flags, "mostly repeats the question back"]
    if signals.repetition >= 0.4:
        cap, flags = min(cap, CAP_REPETITION), [*flags, "the same words repeated"]
    if signals.claims >= 2 and signals.story < 0.35:
        cap, flags = min(cap, CAP_CLAIMS), [*flags, "claims about yourself without a story"]
    if signals.cue_list and main:
        cap, flags = min(cap, CAP_CUE_LIST), [*flags, "rubric phrases without a story behind them"]
    if signals.steering:
        cap, flags = min(cap, CAP_STEERED), [*flags, STEERING_FLAG]
    if signals.mentorship_risk:
        flags.append("asks for heavy structure or mentorship: a culture-fit risk at Netflix")
    if signals.claims_all_strengths:
        flags.append("claims strength in every value: reads as low self-awareness")
    if signals.value_stuffing:
        flags.append("value names listed rather than shown")
    if signals.compensation == "flexible":
        flags.append("'flexible' on pay instead of a researched number")
    return cap, flags


def strengths_and_gaps(signals: Signals, stage: StageSettings) -> tuple[list[str], list[str]]:
    """Plain-language notes for the candidate."""
    strengths, gaps = [], []
    behavioural = stage.behavioural
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
    if signals.mentorship_risk:
        gaps.append("asked for heavy mentorship or structure: show how you find your own way")
    if signals.design_tradeoffs:
        strengths.append("defended design choices against alternatives")
    elif signals.design_tradeoffs is False:
        gaps.append("design choices without trade-offs: say what you rejected and why")
    if signals.fillers_per_100 > 6:
        gaps.append(f"{signals.fillers_per_100:g} filler words per 100 words")
    return strengths, gaps


def score_answer(context: AnswerContext, content: Content) -> AnswerScore:
    """The offline score of one answer."""
    return score_text(context.answer, context, content)


def score_text(text: str, context: AnswerContext, content: Content) -> AnswerScore:
    """The offline score of `text` read as the answer in `context`."""
    keywords = content.keywords(context.question.id)
    stage = settings_for(content, context.stage, context.question, context.interviewer)
    signals = read_signals(text, stage=stage, question=context.question, keywords=keywords)
    if context.kind == "follow_up":
        # A follow-up is read for the gap it was asked about: a value named in reply to
        # "what principle?" is a principle, even in five words.
        signals = with_filled_gap(signals, context.gap, text)
    delivery = context.delivery or delivery_from_text(text, context.answer_seconds)
    signals = signals.model_copy(update={"fillers_per_100": delivery.fillers_per_100})
    honest = signals.word_count > 0 and not (
        signals.gibberish or signals.off_topic or signals.repetition >= 0.4
    )
    values = (
        value_evidence(clauses(text), content.values)
        if honest
        else [ValueEvidence(value=name) for name in content.values]
    )
    return assemble(signals, values, delivery, stage, context.kind)


def assemble(
    signals: Signals, values: list[ValueEvidence], delivery: Delivery, stage: StageSettings,
    kind: str,
) -> AnswerScore:
    """The AnswerScore from what was read: weighted parts, penalties, caps, notes."""
    parts = components(signals, values, delivery)
    weights = weights_for(stage, signals)
    overall = weighted_overall(parts, weights, signals)
    cap, flags = caps_and_flags(signals, stage, kind)
    if signals.value_stuffing:
        overall -= STUFFING_PENALTY
    if signals.claims_all_strengths:
        overall -= ALL_STRENGTHS_PENALTY
    if signals.steering:
        overall -= STEERING_PENALTY
    overall = int(round(max(0, min(cap, overall))))
    strengths, gaps = strengths_and_gaps(signals, stage)
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
