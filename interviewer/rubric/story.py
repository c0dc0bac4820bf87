"""How much of an answer is substance: a situation, actions and checkable detail, not cues.

Rubric phrases ("I weighed the trade-off", "in hindsight") are cheap to say; what an honest answer
has and a list of cues lacks is detail only that story has: distinct content words that are not
the question's own and not the rubric's vocabulary, numbers and times, and things the
candidate did in the first person. Repetition and copying the question add nothing.
"""

from __future__ import annotations

import re

from interviewer.rubric import lexicon as lx
from interviewer.rubric.word_roots import root

_TOKEN = re.compile(r"[a-z][a-z'-]*|\d[\d.,]*")
# Words of the rubric itself and of empty self-description: saying them is not detail.
CUE_WORDS = frozenset(
    """principle principles value values judgment selflessness courage communication innovation
    inclusion integrity passion impact ownership trade-off trade-offs tradeoff hindsight
    differently weighed weigh weight pushed back data showed right call reduced increased costs
    percent result results outcome lesson learned stopped started measuring decision decided
    approach situation task action actions team company really things thing something stuff
    always never every everyone everything honest honesty trust believe belief mattered matters
    rule follow freedom responsibility context control growth recognition credit bigger picture
    lead handed unblocked scale failure failures modes handled balance design risk downside
    low high best great good important better story shows brought career whole""".split()
)
_ACTION = re.compile(
    r"\b(?:i|we) (?:\w+ed|built|wrote|led|ran|took|made|set|told|went|spoke|sat|drew|got|"
    r"brought|sent|met|found|chose|began|gave|held|kept|put|dug|did|saw|paid|cut|split|"
    r"rewrote|shipped|called|asked|said|left|moved|pulled|sent|caught|fixed|ran|spent|"
    r"won|lost|taught|thought|knew|felt|heard|read|hit|broke)\b"
    # What a candidate would do, in a design or coding answer: "I'd keep a hash map".
    r"|\b(?:i|we)(?:'d| would)? (?:use|keep|put|store|pop|append|push|sort|walk|split|shard|"
    r"cache|look|move|update|evict|add|return|run|start|publish|route|replicate|merge|count|"
    r"hash|index|partition|queue|batch|stream|serve|check|compare|track|skip|extend)\b"
)
_NUMBER = re.compile(r"(?<![\w.])\$?\d[\d.,]*")


def tokens(plain_text: str) -> list[str]:
    """Words and numbers of a plain (lower-case) text."""
    return _TOKEN.findall(plain_text)


def content_words(plain_text: str, question: str) -> set[str]:
    """Distinct words that carry the story: not function words, the rubric's or the question's."""
    asked = set(tokens(question.lower()))
    return {
        t for t in tokens(plain_text)
        if len(t) > 3 and not t[0].isdigit() and t not in lx.FUNCTION_WORDS
        and t not in CUE_WORDS and t not in asked
    }


def repetition(plain_text: str) -> float:
    """Share of word triples that occurred earlier in the answer (0: none repeated)."""
    words = tokens(plain_text)
    triples = [tuple(words[i:i + 3]) for i in range(len(words) - 2)]
    if len(triples) < 6:
        return 0.0
    return round(1 - len(set(triples)) / len(triples), 2)


def question_copy(plain_text: str, question: str) -> float:
    """Share of the answer's word pairs that are copied from the question."""
    words, asked = tokens(plain_text), tokens(question.lower())
    pairs = [tuple(words[i:i + 2]) for i in range(len(words) - 1)]
    asked_pairs = {tuple(asked[i:i + 2]) for i in range(len(asked) - 1)}
    if not pairs:
        return 0.0
    return round(sum(p in asked_pairs for p in pairs) / len(pairs), 2)


def specifics(plain_text: str) -> int:
    """Numbers and times: the details that make a story checkable.

    Names are not counted: they could only be told by their capital letters, which are the
    transcriber's choice, not the candidate's (the same answer spoken comes back capitalised or
    all lower-case), so counting them scored one answer differently by its transcript.
    """
    return len(_NUMBER.findall(plain_text)) + len(lx.TIME_MARKERS.findall(plain_text))


def actions(plain_text: str) -> int:
    """Distinct first-person things done ("I told", "we reverted")."""
    return len({m.group(0) for m in _ACTION.finditer(plain_text)})


def story_strength(plain_text: str, question: str) -> float:
    """0-1: how much situation, action and checkable detail the answer carries."""
    concrete = len(content_words(plain_text, question))
    detail = specifics(plain_text)
    done = actions(plain_text)
    strength = (
        0.5 * min(1.0, concrete / 45)
        + 0.3 * min(1.0, detail / 4)
        + 0.2 * min(1.0, done / 4)
    )
    strength *= 1 - repetition(plain_text)
    return round(max(0.0, strength), 2)


# Each step verb by the root of each of its forms ("added", "adds" and "adding" are "add").
_STEP_OF = {
    root(form): verb
    for verb in lx.APPROACH_STEP_VERBS
    for form in (verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing")
} | {root(form): verb for form, verb in lx.APPROACH_STEP_IRREGULAR.items()}
# Steps that make a method worked through: a start, what is done to each item, an end.
STEPS_FOR_FULL_APPROACH = 3
# The distinct words, besides its steps, of a method said in two sentences: the items, the
# structure, the condition, the cost.
CONCRETE_FOR_FULL_APPROACH = 8
# What the method is worth without its cost (time and space, or the load it takes).
UNCOSTED_APPROACH = 0.6
# From here, with its cost, a method is a whole answer to the problem, however short.
COMPLETE_APPROACH = 0.5


def approach_steps(plain_text: str) -> int:
    """Distinct steps of a method worked through ("sort the ranges", "walk through once"); none
    when nothing ties them together (no "if", "for each", "then"...): a list of operations."""
    if not lx.APPROACH_FLOW.search(plain_text):
        return 0
    steps = set()
    for match in lx.APPROACH_STEP.finditer(plain_text):
        verb = _STEP_OF.get(root(match.group(1)))
        particle = lx.APPROACH_STEP_PARTICLE.get(verb or "")
        before = plain_text[:match.start()].split()[-1:]
        if (verb and (particle is None or match.group(2) == particle)
                and not (before and before[0] in lx.APPROACH_NOT_STEP_AFTER)):
            steps.add(verb)
    return len(steps)


def approach_strength(plain_text: str, question: str, costed: bool) -> float:
    """0-1: how much of a method an answer to a coding or design problem works through, the
    substance of such an answer as a story is of a behavioural one: its steps, the things they
    work on, and whether it says what they cost (`costed`). Three steps on the problem's own
    items, with their cost, are a method worked through however briefly said ("sort the ranges
    by start, walk through once: if the next starts before the current one ends, extend it,
    otherwise add its length and start a new one; n log n"); without the cost they are 0.6 of
    one. Verbs on nothing in particular ("sort it, hash it, merge it") are little of one."""
    steps = min(1.0, approach_steps(plain_text) / STEPS_FOR_FULL_APPROACH)
    worked_on = {w for w in content_words(plain_text, question) if root(w) not in _STEP_OF}
    concrete = min(1.0, len(worked_on) / CONCRETE_FOR_FULL_APPROACH)
    cost = 1.0 if costed else UNCOSTED_APPROACH
    return round(max(0.0, steps * concrete * cost * (1 - repetition(plain_text))), 2)


# The rubric's own phrases. Technical vocabulary (failover, alternatives) is content, not a cue.
_TRADE_OFF = re.compile(r"\btrade-?offs?\b|\bon balance\b|\bweigh(?:ed|t)?\b")
CUE_PATTERNS = (
    lx.PRINCIPLE, lx.BELIEF_CUE, lx.REFLECTION, lx.OUTCOME_WORDS, lx.OUTCOME_MEASURE,
    lx.CHANGE_STOP, lx.CHANGE_START, lx.MENTORSHIP, lx.LIMITS, _TRADE_OFF,
)


def cue_count(plain_text: str) -> int:
    """How many rubric cues the answer says: principle, hindsight, outcome, stop/start..."""
    return sum(len(pattern.findall(plain_text)) for pattern in CUE_PATTERNS)


def is_cue_list(plain_text: str, question: str) -> bool:
    """Rubric cues one after another with little of a story between them."""
    cues = cue_count(plain_text)
    concrete = len(content_words(plain_text, question))
    thin = story_strength(plain_text, question) < 0.3
    return cues >= 3 and (concrete < 2 * cues or (thin and concrete < 5 * cues))
