"""Noticing a story told again: the same situation retold, in other words, to another question.

A retelling keeps what makes a story that story: its names and systems (RabbitMQ, Priya, the
checkout service), its numbers (forty minutes, six pages a month, 2023) and its particular
events (the consumer lag, the batched writes). Its ordinary words change with the question, and
two different stories share plenty of ordinary words ("the team", "a deadline", "my manager").
So a story is read as its marks: the distinctive words and numbers in it, ignoring function
words, the rubric's vocabulary, everyday work words and words any story is told with. Two answers
tell the same story when a good part of the marks of the smaller one are in the other, and enough
of them to be more than a shared company or project name.

The stories import (`prep/importer.py`) groups tellings with it, and the offline interviewer
notices a main answer that retells a story told earlier in its own interview (rubric/retold.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from interviewer.rubric import lexicon as lx
from interviewer.rubric.spoken import plain
from interviewer.rubric.story import CUE_WORDS, tokens

# Over a third of the smaller story's marks shared, and more than a name or two: a retelling.
# Paraphrased retellings share 0.4-0.9 of them, different stories of one career under 0.25
# (tests/rubric/retold_stories.py); so do the main answers of different families in the
# judgement corpus's dev set (at most 0.19 with enough marks shared).
SHARED_SHARE = 0.35
SHARED_WEIGHT = 5.0
# Names and numbers of two digits or more (a year, forty minutes) say more than a word does.
NAME_WEIGHT = 2.0
NUMBER_WEIGHT = 2.0
DIGIT_WEIGHT = 1.0
WORD_WEIGHT = 1.0
STEM_LETTERS = 6

_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-zA-Z]+")
# TTL, CDN, SQL: short, but as much a name as a word is.
_ACRONYM = re.compile(r"\b[A-Z]{2,5}(?=s?\b)")


def _stem(word: str) -> str:
    """A crude stem that puts "migrate", "migrated" and "migration" together."""
    word = word.removesuffix("'s").strip("'-")
    if len(word) > STEM_LETTERS:
        return word[:STEM_LETTERS]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_COMMON = frozenset(
    _stem(w) for w in (*lx.FUNCTION_WORDS, *lx.WORK_WORDS, *lx.EVERYDAY_WORDS, *CUE_WORDS)
)


def story_marks(text: str) -> dict[str, float]:
    """The marks of a story with their weights: distinctive words (stemmed), names, numbers."""
    return dict(_marks(text))


@lru_cache(maxsize=512)
def _marks(text: str) -> tuple[tuple[str, float], ...]:
    # Cached: every move and vote compares an answer with each story told before it.
    marks: dict[str, float] = {}
    names = {_stem(n.lower()) for n in _CAPITALISED.findall(text)}
    acronyms = {a.lower() for a in _ACRONYM.findall(text)}
    for token in tokens(plain(text)):
        if token[0].isdigit():
            number = token.rstrip(".,").replace(",", "")
            if number:
                marks[number] = NUMBER_WEIGHT if len(number.split(".")[0]) > 1 else DIGIT_WEIGHT
            continue
        stem = _stem(token)
        if (len(token) <= 3 and token not in acronyms) or stem in _COMMON:
            continue
        marks[stem] = NAME_WEIGHT if stem in names else WORD_WEIGHT
    return tuple(marks.items())


def shared_share(a: str, b: str) -> tuple[float, float]:
    """How much two answers share: the share of the smaller story's marks (by weight) that the
    other has too, and the weight of what they share."""
    marks_a, marks_b = story_marks(a), story_marks(b)
    shared = sum(max(marks_a[m], marks_b[m]) for m in marks_a.keys() & marks_b.keys())
    smaller = min(sum(marks_a.values()), sum(marks_b.values()))
    return (shared / smaller if smaller else 0.0), shared


def same_story(a: str, b: str) -> bool:
    """Whether two answers tell the same story (however differently worded)."""
    share, weight = shared_share(a, b)
    return share >= SHARED_SHARE and weight >= SHARED_WEIGHT


def first_telling(answer: str, earlier: Sequence[str]) -> int | None:
    """The index of the earlier answer whose story `answer` retells, or None."""
    return next((i for i, told in enumerate(earlier) if told.strip() and same_story(answer, told)),
                None)


def by_story(answers: Sequence[str]) -> list[list[int]]:
    """The answers' indexes grouped by the story they tell, each group in order of telling (an
    empty answer stays alone)."""
    groups: list[list[int]] = []
    for index, answer in enumerate(answers):
        firsts = [answers[g[0]] if answer.strip() else "" for g in groups]
        told = first_telling(answer, firsts) if answer.strip() else None
        if told is None:
            groups.append([index])
        else:
            groups[told].append(index)
    return groups

