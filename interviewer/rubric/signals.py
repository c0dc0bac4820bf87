"""Reading an answer: the signals Netflix interviewers listen for, found by phrase patterns.

Each function looks at one thing. `read_signals` puts them together for one answer.
"""

from __future__ import annotations

import re

from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import VALUE_NAMES, Value
from interviewer.rubric.delivery import count_words, find_fillers
from interviewer.rubric.results import Signals, ValueEvidence
from interviewer.session.events import PlannedQuestion

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[a-z']+")
_VALUE_NAME = re.compile(
    r"\b(" + "|".join(v.lower() for v in VALUE_NAMES) + r"|judgement|candou?r)\b"
)


def sentences(text: str) -> list[str]:
    """The answer split into sentences, verbatim (so quotes can be checked against it)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def value_names_in(text: str) -> set[str]:
    """The value names mentioned in a text (lower-case)."""
    return {m.group(1) for m in _VALUE_NAME.finditer(text.lower())}


def is_stuffed(sentence: str) -> bool:
    """A sentence that lists value names rather than telling what happened."""
    return len(value_names_in(sentence)) >= 3


def is_gibberish(text: str) -> bool:
    """True for keyboard mashing or word salad: almost no ordinary English function words."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < 4:
        return (
            bool(tokens)
            and not any(t in lx.FUNCTION_WORDS for t in tokens)
            and not any(t in lx.WORK_WORDS for t in tokens)
        )
    function_share = sum(t in lx.FUNCTION_WORDS for t in tokens) / len(tokens)
    vowelless = sum(1 for t in tokens if not re.search(r"[aeiouy]", t)) / len(tokens)
    distinct = len(set(tokens)) / len(tokens)
    return function_share < 0.12 or vowelless > 0.3 or (len(tokens) > 8 and distinct < 0.2)


def is_off_topic(text: str, question: PlannedQuestion, keywords: list[str]) -> bool:
    """No word from the question, its keywords or everyday work vocabulary."""
    tokens = set(_TOKEN.findall(text.lower()))
    topic = {k.lower() for k in keywords} | set(_TOKEN.findall(question.text.lower()))
    topic -= lx.FUNCTION_WORDS
    stems = {t[:5] for t in tokens if len(t) > 4}
    overlap = tokens & (topic | lx.WORK_WORDS) or stems & {t[:5] for t in topic if len(t) > 4}
    return len(tokens) >= 5 and not overlap


def addresses_question(text: str, keywords: list[str]) -> bool:
    """Whether any of the question's keywords (or their stems) appear in the answer.

    Questions without keywords (e.g. from a scored text transcript) count as addressed.
    """
    if not keywords:
        return True
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    stems = {t[:5] for t in tokens if len(t) > 4}
    return any(
        (k.lower() in lower if " " in k else k.lower() in tokens)
        or (len(k) > 4 and k.lower()[:5] in stems)
        for k in keywords
    )


def first_match(pattern: re.Pattern[str], parts: list[str]) -> str | None:
    """The first sentence in which a pattern occurs."""
    return next((s for s in parts if pattern.search(s.lower())), None)


def ownership(text: str) -> float:
    """Share of first-person singular among I/we mentions (0.5 when neither appears)."""
    lower = text.lower()
    mine = len(lx.FIRST_SINGULAR.findall(lower))
    ours = len(lx.FIRST_PLURAL.findall(lower))
    return mine / (mine + ours) if mine + ours else 0.5


def specificity(text: str) -> float:
    """0-1: numbers, names and dates make a story checkable."""
    numbers = len(re.findall(r"\d", text)) and len(re.findall(r"\b\d[\d.,%]*", text))
    names = len(re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", text))
    times = len(lx.TIME_MARKERS.findall(text.lower()))
    return min(1.0, 0.2 * numbers + 0.1 * names + 0.2 * times)


def structure(text: str, outcome: bool, reflection: bool) -> float:
    """0-1: situation, action, result and reflection each present."""
    lower = text.lower()
    parts = [bool(lx.SITUATION.search(lower)), bool(lx.ACTION.search(lower)), outcome, reflection]
    return sum(parts) / 4


def point_of_view(text: str) -> tuple[str, list[str]]:
    """'clear', 'hedged' or 'none', and the hedges heard."""
    lower = text.lower()
    hedges = [m.group(0) for m in lx.HEDGES.finditer(lower)]
    positions = len(lx.POSITIONS.findall(lower))
    if positions and positions >= len(hedges):
        return "clear", hedges
    if len(hedges) >= 2 or (hedges and not positions):
        return "hedged", hedges
    return "none", hedges


def compensation(text: str) -> str:
    """How a pay answer is framed: a number with its source beats a bare number beats 'flexible'."""
    lower = text.lower()
    has_number = bool(lx.COMP_NUMBER.search(lower))
    if has_number and lx.COMP_SOURCE.search(lower):
        return "number_with_source"
    if has_number:
        return "number"
    if lx.COMP_FLEXIBLE.search(lower):
        return "flexible"
    return "none"


def behaviour_change(text: str) -> bool:
    """A concrete change after feedback: something stopped and something started."""
    lower = text.lower()
    return bool(lx.CHANGE_STOP.search(lower)) and bool(lx.CHANGE_START.search(lower))


def value_evidence(parts: list[str], values: dict[str, Value]) -> list[ValueEvidence]:
    """Per value, the answer's own sentences that show it (verbatim), scored 1-5.

    Only sentences where the candidate acts in the first person count, and sentences that just
    list value names count for nothing, so stuffing names in buys no evidence.
    """
    evidence = []
    for name, value in values.items():
        quotes = []
        for sentence in parts:
            lower = sentence.lower()
            if is_stuffed(sentence) or not lx.FIRST_SINGULAR.search(lower):
                continue
            cue = any(c in lower for c in value.cues)
            named_with_action = name.lower() in lower and lx.ACTION.search(lower)
            if cue or named_with_action:
                quotes.append(sentence)
        score = min(5, 2 + len(quotes)) if quotes else None
        evidence.append(ValueEvidence(value=name, score=score, quotes=quotes[:3]))
    return evidence


def read_signals(
    text: str, *, stage: str, question: PlannedQuestion, keywords: list[str]
) -> Signals:
    """Everything the offline interviewer notices in one answer."""
    parts = sentences(text)
    honest_parts = [s for s in parts if not is_stuffed(s)]
    lower = text.lower()
    words = count_words(text)
    principle_quote = first_match(lx.PRINCIPLE, honest_parts)
    reflection_quote = first_match(lx.REFLECTION, honest_parts)
    outcome_quote = first_match(lx.OUTCOME_MEASURE, parts) or first_match(lx.OUTCOME_WORDS, parts)
    pov, hedges = point_of_view(text)
    about_feedback = "feedback" in question.topic or "feedback" in question.text.lower()
    technical_design = stage == "technical" and question.topic != "coding"
    stuffing = len(value_names_in(text)) >= 4 or any(is_stuffed(s) for s in parts)
    return Signals(
        word_count=words,
        named_principle=principle_quote is not None,
        principle_quote=principle_quote,
        point_of_view=pov,
        hedges=hedges[:5],
        behaviour_change=behaviour_change(text) if about_feedback else None,
        reflection=reflection_quote is not None,
        reflection_quote=reflection_quote,
        admits_limits=bool(lx.LIMITS.search(lower)),
        claims_all_strengths=bool(lx.ALL_STRENGTHS.search(lower)),
        ownership=round(ownership(text), 2),
        specificity=round(specificity(text), 2),
        outcome=outcome_quote is not None,
        outcome_quote=outcome_quote,
        structure=structure(text, outcome_quote is not None, reflection_quote is not None),
        fillers_per_100=round(100 * len(find_fillers(text)) / words, 1) if words else 0.0,
        gibberish=bool(words) and is_gibberish(text),
        evasive=words < 40 and bool(lx.EVASIVE.search(lower)),
        off_topic=is_off_topic(text, question, keywords),
        addresses_question=addresses_question(text, keywords),
        value_stuffing=stuffing,
        compensation=compensation(text) if question.topic == "compensation" else None,
        mentorship_risk=stage == "recruiter" and bool(lx.MENTORSHIP.search(lower)),
        design_tradeoffs=(
            bool(lx.TRADEOFF_COMPARISON.search(lower)) and bool(lx.TRADEOFF_REASON.search(lower))
            if technical_design
            else None
        ),
    )
