"""Reading spoken English as it is spoken: numbers in words, ASR slips and missing punctuation.

`plain` turns an answer into the lower-case text the signal patterns read: "seventy thousand
dollars" becomes "70000 dollars", "480 thousand" "480000", "three eighty" (hundreds left unsaid,
as figures are spoken) "380", "forty percent" "40 percent", the ASR slip "principal" (when it
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
    last = ""
    for word in words:
        if word in ("a", "an"):
            current = max(current, 1)
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            # "three eighty", "nineteen ninety": a figure said without its "hundred".
            spoken_hundreds = 0 < current < 100 and last not in _SCALES
            current = current * 100 + _TENS[word] if spoken_hundreds else current + _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            continue
        seen = True
        last = word
    return total + current if seen else None


def _figure(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _number(match: re.Match[str]) -> str:
    text = match.group(0)
    # "and" belongs to a figure only after a scale ("two hundred and thirty"); elsewhere it
    # joins two figures ("between three ninety and four sixty").
    pieces: list[str] = []
    for piece in re.split(r"\s+and\s+", text):
        if pieces and (pieces[-1].split()[-1] in _SCALES or piece in ("a half", "half")):
            pieces[-1] += " and " + piece
        else:
            pieces.append(piece)
    return " and ".join(_number_of(piece) for piece in pieces)


def _number_of(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if words in (["a"], ["an"]) or words == ["one"]:
        return text  # "one of them", "a team": not a figure
    value = _value_of(words)
    return text if value is None else _figure(value)


# A figure in digits with a scale word ("480 thousand", "1.2 million"), and the spoken zero of
# "four oh five" (405).
_DIGITS_SCALE = re.compile(r"\b(\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion)\b")
_HALF_SCALE = re.compile(r"\bhalf a (million|billion)\b")
_SMALL_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_OH = re.compile(rf"\b({_SMALL_UNIT})[\s-]+o(?:h)?[\s-]+({_SMALL_UNIT})\b")


def numbers_to_digits(text: str) -> str:
    """'forty servers' -> '40 servers', 'two hundred and thirty' -> '230', '480 thousand' ->
    '480000', 'three eighty' -> '380' (lower-case input)."""
    text = _OH.sub(lambda m: str(_UNITS[m.group(1)] * 100 + _UNITS[m.group(2)]), text)
    text = _HALF_SCALE.sub(lambda m: _figure(_SCALES[m.group(1)] / 2), text)
    text = _DIGITS_SCALE.sub(
        lambda m: _figure(round(float(m.group(1)) * _SCALES[m.group(2)], 6)), text
    )
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
