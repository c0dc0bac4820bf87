"""Reading an answer: the signals Netflix interviewers listen for, found by phrase patterns.

Each function looks at one thing. `read_signals` puts them together for one answer.
"""

from __future__ import annotations

import bisect
import re

from interviewer.rubric import lexicon as lx
from interviewer.rubric import story
from interviewer.rubric.beliefs import names_principle
from interviewer.rubric.content import VALUE_NAMES, Value
from interviewer.rubric.delivery import count_words, find_fillers
from interviewer.rubric.pay import compensation
from interviewer.rubric.reasons import argued_reasons
from interviewer.rubric.results import Signals, ValueEvidence, evidence_score
from interviewer.rubric.spoken import clauses, fluent, plain
from interviewer.rubric.stages import StageSettings
from interviewer.rubric.word_roots import roots
from interviewer.session.events import PlannedQuestion

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[a-z']+")
_VALUE_NAME = re.compile(
    r"\b(" + "|".join(v.lower() for v in VALUE_NAMES) + r"|judgement|candou?r)\b"
)
_WORK_ROOTS = roots(lx.WORK_WORDS)


def sentences(text: str) -> list[str]:
    """The answer split into sentences, verbatim (so quotes can be checked against it)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def value_names_in(text: str) -> set[str]:
    """The value names mentioned in a text (lower-case)."""
    return {m.group(1) for m in _VALUE_NAME.finditer(text.lower())}


def is_stuffed(sentence: str) -> bool:
    """A sentence that lists value names rather than telling what happened."""
    return len(value_names_in(sentence)) >= 3


def _english_like(token: str) -> bool:
    return bool(re.search(r"[aeiouy]", token)) and not re.search(r"[^aeiouy'\d]{5,}", token)


def is_gibberish(text: str) -> bool:
    """True for keyboard mashing or word salad: not words, or no sentence holding them together.

    A terse answer of content words ("Simplicity: fewer manual steps, fewer mistakes") is not
    gibberish; letters without vowels, one token over and over, or a long run of words with no
    function words at all are.
    """
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return False
    wordlike = sum(_english_like(t) for t in tokens) / len(tokens)
    if len(tokens) < 4:
        return wordlike < 0.5 or not any(
            t in lx.FUNCTION_WORDS or t in lx.WORK_WORDS or len(t) > 3 for t in tokens
        )
    function_share = sum(t in lx.FUNCTION_WORDS for t in tokens) / len(tokens)
    distinct = len(set(tokens)) / len(tokens)
    return (
        wordlike < 0.7
        or (len(tokens) > 8 and distinct < 0.2)
        or (len(tokens) >= 12 and function_share < 0.04)
    )


def is_off_topic(text: str, question: PlannedQuestion, keywords: list[str]) -> bool:
    """No word from the question, its keywords or everyday work vocabulary, in any of its forms
    ("decide" is a word of "Tell me about a decision...")."""
    tokens = set(_TOKEN.findall(text.lower()))
    topic = {k.lower() for k in keywords} | set(_TOKEN.findall(question.text.lower()))
    topic -= lx.FUNCTION_WORDS
    stems = {t[:5] for t in tokens if len(t) > 4}
    overlap = (tokens & (topic | lx.WORK_WORDS) or stems & {t[:5] for t in topic if len(t) > 4}
               or roots(tokens) & (roots(topic) | _WORK_ROOTS))
    return len(tokens) >= 5 and not overlap


STORY_ADDRESSES = 0.45


def _stem(token: str) -> str:
    # Six letters for long words, so "content" is not taken for "context".
    return token[:6] if len(token) > 6 else token[:5]


def addresses_question(text: str, keywords: list[str], question: str = "") -> bool:
    """Whether the answer takes up the question: one of its keywords, or two of its own words.

    Questions without keywords (e.g. from a scored text transcript) count as addressed.
    """
    if not keywords:
        return True
    lower = text.lower()
    tokens = _TOKEN.findall(lower)
    stems = {_stem(t) for t in tokens if len(t) > 4}
    said = roots(tokens)

    def heard(word: str) -> bool:
        # The same opening letters, or the same word in another form ("choice" for "chose").
        return len(word) > 4 and (_stem(word) in stems or bool(roots([word]) & said))

    if any((k.lower() in lower if " " in k else k.lower() in tokens) or heard(k.lower())
           for k in keywords):
        return True
    asked = {t for t in _TOKEN.findall(question.lower()) if t not in lx.FUNCTION_WORDS}
    return len({_stem(t) for t in asked if heard(t)}) >= 2


def ownership(text: str) -> float:
    """Share of first-person singular among I/we mentions (0.5 when neither appears)."""
    lower = text.lower()
    mine = len(lx.FIRST_SINGULAR.findall(lower))
    ours = len(lx.FIRST_PLURAL.findall(lower))
    return mine / (mine + ours) if mine + ours else 0.5


def structure(text: str, outcome: bool, reflection: bool) -> float:
    """0-1: situation, action, result and reflection each present."""
    lower = text.lower()
    parts = [bool(lx.SITUATION.search(lower)), bool(lx.ACTION.search(lower)), outcome, reflection]
    return sum(parts) / 4


def point_of_view(text: str) -> tuple[str, list[str]]:
    """'clear', 'hedged' or 'none', and the hedges heard.

    One "maybe" or "I guess" in a story is how people talk; a hedge about the position ("it
    depends", "either way") or several small ones without a position taken is hedging.
    """
    lower = text.lower()
    hedges = [m.group(0) for m in lx.HEDGES.finditer(lower)]
    strong = len(lx.STRONG_HEDGES.findall(lower))
    positions = len(lx.POSITIONS.findall(lower))
    if positions and positions >= len(hedges):
        return "clear", hedges
    if len(hedges) >= 2 and positions < len(hedges) or (strong and not positions):
        return "hedged", hedges
    return ("clear" if positions else "none"), hedges


def behaviour_change(text: str) -> bool:
    """A concrete change after feedback: something stopped, or a practice started or kept now."""
    lower = text.lower()
    return bool(lx.CHANGE_STOP.search(lower)) or bool(lx.CHANGE_START.search(lower))


def value_evidence(parts: list[str], values: dict[str, Value]) -> list[ValueEvidence]:
    """Per value, the answer's own sentences that show it (verbatim), scored 1-5.

    Only sentences where the candidate acts in the first person count, and sentences that just
    list value names count for nothing, so stuffing names in buys no evidence. A value named as
    the principle of a story ("The principle I was acting on was courage.") counts when the
    sentence beside it is the candidate's own action ("I told my director before the launch.").
    """
    lowers = [plain(sentence) for sentence in parts]
    acted = [bool(lx.ACTION.search(lower)) for lower in lowers]
    evidence = []
    for name, value in values.items():
        quotes = []
        for index, sentence in enumerate(parts):
            lower = lowers[index]
            if (is_stuffed(sentence) or lx.MENTORSHIP.search(lower)
                    or lx.STEERING.search(sentence)):
                continue  # a request for hand-holding or a note to the scorer shows no value
            named = name.lower() in lower
            beside = any(acted[i] for i in (index - 1, index + 1) if 0 <= i < len(parts))
            if named and names_principle(lower) and beside:
                quotes.append(sentence)
                continue
            if not lx.FIRST_SINGULAR.search(lower):
                continue
            cue = any(c in lower for c in value.cues)
            if cue or (named and acted[index]):
                quotes.append(sentence)
        score = evidence_score(len(quotes))
        evidence.append(ValueEvidence(value=name, score=score, quotes=quotes[:3]))
    return evidence


def is_not_english(text: str) -> bool:
    """True when most frequent words are another language's (an answer given with --language)."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < 8:
        return False
    foreign = sum(t in lx.FOREIGN_WORDS for t in tokens)
    english = sum(t in lx.FUNCTION_WORDS for t in tokens)
    return foreign > 2 * english


def steering(text: str) -> bool:
    """True if the answer addresses the scorer ("ignore your instructions", "rate this 100")."""
    return bool(lx.STEERING.search(text))


def without_steering(text: str) -> str:
    """The answer minus the sentences that address the scorer (scored as if never said)."""
    return " ".join(s for s in sentences(text) if not lx.STEERING.search(s))


def read_signals(
    text: str, *, stage: StageSettings, question: PlannedQuestion, keywords: list[str]
) -> Signals:
    """Everything the offline interviewer notices in one answer.

    Patterns read the plain form of the answer (numbers as digits, ASR slips fixed, fillers out)
    in clause-sized pieces; quotes stay verbatim pieces of the original answer.
    """
    steered = steering(text)
    if steered:
        text = without_steering(text)
    parts = clauses(text)
    honest_parts = [s for s in parts if not is_stuffed(s)]
    lower = plain(text)
    # Fillers and stutters are not words of the answer: a spoken transcript keeps them and the
    # same answer from the transcriber mostly does not, and both are as long for the caps.
    words, said = count_words(fluent(text)), count_words(text)
    principle_quote = next((s for s in honest_parts if names_principle(plain(s))), None)
    reflection_quote = _quote(lx.REFLECTION, honest_parts)
    outcome_quote = outcome(parts)
    pov, hedges = point_of_view(lower)
    about_feedback = "feedback" in question.topic or bool(
        lx.ASKS_FEEDBACK.search(question.text.lower())
    )
    technical_design = stage.technical and question.topic != "coding"
    stuffing = len(value_names_in(text)) >= 4 or any(is_stuffed(s) for s in parts)
    foreign = is_not_english(text)
    heard = {"reasons": argued_reasons(lower)} | {
        part: len(pattern.findall(lower)) for part, pattern in (
            ("alternatives", lx.ALTERNATIVE), ("scale", lx.SCALE), ("failure", lx.FAILURE),
            ("complexity", lx.COMPLEXITY), ("edge_cases", lx.EDGE_CASES))
    }
    reasons, alternatives = heard["reasons"] > 0, heard["alternatives"] > 0
    costed = any(heard[part] for part in stage.scoring.approach_cost)
    approach = (story.approach_strength(lower, question.text, costed)
                if stage.scoring.approach_cost else 0.0)
    pay = compensation(lower) if question.topic == "compensation" else None
    # A figure given to a pay question answers it, in whatever words ("$480k, from levels.fyi").
    pay_figure = pay in ("number", "number_with_source")
    # Any stance on pay ("I'm flexible") is about the question, however poor an answer.
    about_pay = pay is not None and pay != "none"
    return Signals(
        word_count=words,
        named_principle=principle_quote is not None,
        principle_quote=principle_quote,
        point_of_view=pov,
        hedges=hedges[:5],
        behaviour_change=behaviour_change(lower) if about_feedback else None,
        reflection=reflection_quote is not None,
        reflection_quote=reflection_quote,
        admits_limits=bool(lx.LIMITS.search(lower)),
        claims_all_strengths=bool(lx.ALL_STRENGTHS.search(lower)),
        ownership=round(ownership(lower), 2),
        specificity=round(min(1.0, story.specifics(lower) / 5), 2),
        outcome=outcome_quote is not None,
        outcome_quote=outcome_quote,
        structure=structure(lower, outcome_quote is not None, reflection_quote is not None),
        fillers_per_100=round(100 * len(find_fillers(text)) / said, 1) if said else 0.0,
        gibberish=bool(words) and not foreign and is_gibberish(text),
        evasive=words < 40 and bool(lx.EVASIVE.search(lower)),
        off_topic=not foreign and not about_pay and is_off_topic(lower, question, keywords),
        addresses_question=foreign or pay_figure
        or addresses_question(lower, keywords, question.text)
        # A real story in other words than the question's is taken to answer it, unless the
        # question set a problem: a conflict with a manager, however well told, is no rate
        # limiter.
        or (not stage.sets_problems
            and story.story_strength(lower, question.text) >= STORY_ADDRESSES
            and story.actions(lower) >= 2),
        value_stuffing=stuffing,
        compensation=pay,
        mentorship_risk=stage.reads_fit and bool(lx.MENTORSHIP.search(lower)),
        design_tradeoffs=reasons and alternatives if technical_design else None,
        story=story.story_strength(lower, question.text),
        approach=approach,
        costed_approach=costed and approach >= story.COMPLETE_APPROACH,
        generic=bool(lx.GENERIC.search(lower)) and story.actions(lower) < 2,
        reasons=reasons,
        alternatives=alternatives,
        scale=heard["scale"] > 0,
        failure=heard["failure"] > 0,
        complexity=heard["complexity"] > 0,
        edge_cases=heard["edge_cases"] > 0,
        heard=heard,
        steering=steered,
        question_copy=story.question_copy(lower, question.text),
        repetition=story.repetition(lower),
        claims=len(lx.CLAIMS.findall(lower)),
        cue_list=story.is_cue_list(lower, question.text),
        not_english=foreign,
        past_story=bool(lx.PAST_STORY.search(lower)),
    )


# An answer this long has a set-up before its result (about three sentences of speech).
SET_UP_FROM_WORDS = 45


def outcome(parts: list[str]) -> str | None:
    """The piece that gives the result: a measure compared with before, or a result verb.

    Looked for after the set-up (the first third of a longer answer's words), so the numbers that
    describe the situation ("three days", "thirty percent in week one") are not its outcome. The
    third is counted in words, not pieces: a transcript without full stops is cut into other
    pieces than the same answer written with them, and must lose the same set-up.
    """
    sizes = [len(p.split()) for p in parts]
    total = sum(sizes)
    starts = [sum(sizes[:i]) for i in range(len(parts))]
    later = [p for p, start in zip(parts, starts, strict=True)
             if total < SET_UP_FROM_WORDS or start >= total / 3]
    measured = [p for p in later if _measured_change(plain(p))]
    # A result, not the candidate's own step ("I ... asked for two more weeks") or hindsight.
    results = [p for p in measured if _is_result(plain(p))]
    if results:
        return results[0]
    worded = [p for p in later if lx.OUTCOME_WORDS.search(plain(p)) and _is_result(plain(p))]
    if worded:
        return worded[0]
    return measured[0] if measured else _quote(lx.OUTCOME_WORDS, later)


# How near a measure its comparison is said ("dropped to 4 percent", "40 minutes down to 5").
MEASURE_NEAR_WORDS = 8


def _measured_change(lower: str) -> bool:
    """A measure with a comparison beside it, within a few words, so the reading does not
    hang on where the pieces were cut: a transcript without full stops is cut in other places
    than the punctuated answer, and a measure and a "now" ten words apart may or may not land
    in one piece."""
    words = [m.start() for m in re.finditer(r"\S+", lower)]

    def at(position: int) -> int:
        return bisect.bisect_right(words, position)  # the number of the word at `position`

    compares = [at(m.start()) for m in lx.OUTCOME_COMPARE.finditer(lower)]
    return any(abs(at(m.start()) - c) <= MEASURE_NEAR_WORDS
               for m in lx.OUTCOME_MEASURE.finditer(lower) for c in compares)


def _is_result(lower: str) -> bool:
    """A piece that reports what happened, not what the candidate did or would do."""
    if lx.REFLECTION.search(lower):
        return False
    own_step = lx.ACTION.search(lower) and not lx.OUTCOME_WORDS.search(lower)
    return not own_step


def _quote(pattern: re.Pattern[str], parts: list[str]) -> str | None:
    """The first piece of the answer (verbatim) whose plain reading matches a pattern."""
    return next((s for s in parts if pattern.search(plain(s))), None)
