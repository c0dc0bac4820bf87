"""Reading spoken English as it is spoken: numbers in words, ASR slips and missing punctuation.

`plain` turns an answer into the lower-case text the signal patterns read: "seventy thousand
dollars" becomes "70000 dollars", "forty percent" "40 percent", the ASR slip "principal" (when it
is not a job title) "principle", and fillers ("um", "uh", "you know") are dropped. `clauses`
splits long unpunctuated speech into clause-sized pieces so that a quote or a cue is looked for
in a span of a sentence's size, not in a whole minute of talk.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a dozen": 12, "dozen": 12, "half": 0.5,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
# A run of number words ("two hundred and thirty", "sixty-four", "a hundred").
_NUMBER_RUN = re.compile(
    rf"\b(?:a |an )?(?:{_NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORD}))*\b"
)

# Whisper's usual slips on the rubric's key words, and spellings of the same word.
_ASR_FIXES = [
    (re.compile(r"\bprincipals?\b(?!\s+(?:engineers?|architects?|scientists?|pms?|product|"
                r"designers?|level|role|title|investigators?))"), "principle"),
    (re.compile(r"\bin hind sight\b"), "in hindsight"),
    (re.compile(r"\bhind sight\b"), "hindsight"),
    (re.compile(r"\btrade offs?\b"), "trade-off"),
    (re.compile(r"\btradeoffs?\b"), "trade-off"),
    (re.compile(r"\bjudgement\b"), "judgment"),
    (re.compile(r"\bcandour\b"), "candor"),
    (re.compile(r"\bper cent\b"), "percent"),
    (re.compile(r"\blevels dot fyi\b|\blevels f y i\b"), "levels.fyi"),
    (re.compile(r"\bp ninety nine\b|\bp 99\b"), "p99"),
]
_FILLERS = re.compile(r"\b(?:um+|uh+|erm+|er|hmm+|ah+|you know|i mean)\b[,.]?\s*")
_STUTTER = re.compile(r"\b(\w+)(?:,?\s+\1\b)+")
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-"})


def _value_of(words: list[str]) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            continue
        seen = True
    return total + current if seen else None


def _number(match: re.Match[str]) -> str:
    text = match.group(0)
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if words in (["a"], ["an"]) or words == ["one"]:
        return text  # "one of them", "a team": not a figure
    value = _value_of(words)
    if value is None:
        return text
    return f"{value:g}" if value != int(value) else str(int(value))


def numbers_to_digits(text: str) -> str:
    """'forty servers' -> '40 servers', 'two hundred and thirty' -> '230' (lower-case input)."""
    return _NUMBER_RUN.sub(_number, text)


def plain(text: str) -> str:
    """The answer as the signal patterns read it: lower case, fillers out, numbers as digits."""
    lower = text.translate(_CURLY).lower()
    lower = _FILLERS.sub("", lower)
    lower = _STUTTER.sub(r"\1", lower)
    for pattern, fix in _ASR_FIXES:
        lower = pattern.sub(fix, lower)
    return numbers_to_digits(lower)


_CLAUSE_BREAK = re.compile(
    r"(?<=[.!?;])\s+|\n+|,?\s+(?=(?:and then|so then|but then|and so|so i|and i|but i|because|"
    r"which meant|after that|the result|in the end|looking back|next time|today i)\b)"
)
MAX_CLAUSE_WORDS = 40


def clauses(text: str) -> list[str]:
    """Sentence-sized pieces of an answer, also when speech-to-text wrote no full stops."""
    pieces: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        sentence = sentence.strip()
        if not sentence:
            continue
        if len(sentence.split()) <= MAX_CLAUSE_WORDS:
            pieces.append(sentence)
            continue
        pieces += [p.strip() for p in _CLAUSE_BREAK.split(sentence) if p and p.strip()]
    return pieces
