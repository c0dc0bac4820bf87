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
    (re.compile(r"\blevels (?:dot |that )?f ?y ?i\b"), "levels.fyi"),
    (re.compile(r"\bp ninety nine\b|\bp 99\b"), "p99"),
    # A compound written as two words ("time outs", "fail over", "feed back").
    (re.compile(r"\btime outs?\b"), "timeout"),
    (re.compile(r"\bfail overs?\b"), "failover"),
    (re.compile(r"\bback pressure\b"), "backpressure"),
    (re.compile(r"\bre (tr(?:y|ies|ied|ying))\b"), r"re\1"),
    (re.compile(r"\bout ages?\b"), "outage"),
    (re.compile(r"\bthrough put\b"), "throughput"),
    (re.compile(r"\bdown time\b"), "downtime"),
    (re.compile(r"\bbottle necks?\b"), "bottleneck"),
    (re.compile(r"\bdata bases?\b"), "database"),
    (re.compile(r"\bfeed back\b(?! (?:into|to|from)\b)"), "feedback"),
    (re.compile(r"\bstake holders?\b"), "stakeholders"),
    (re.compile(r"\bdead lines?\b"), "deadline"),
    (re.compile(r"\bon boarding\b"), "onboarding"),
    # Letters spelled out ("a p i", "q p s"), and "o of n" for O(n).
    (re.compile(r"\b(?:a p i|q p s|r p s|c d n|s l a|s l o|t t l|l r u|e t l|s q l|d n s)\b"),
     lambda m: m.group(0).replace(" ", "")),
    (re.compile(r"\bo of (?=(?:n|1|one|log|k|m|v|e)\b)"), "o("),
    # Homophones the transcriber picks for engineering words, where the words around say which
    # was meant: "database rights", "a cash miss", "a serialization mug", "wrote a dock".
    (re.compile(r"\b(database|disk|synchronous|async|batched|concurrent|heavy|\d[\d,.]*k?) rights\b"
                r"|\brights(?= (?:per|a) (?:second|minute)\b| and reads\b)"
                r"|(?<=\breads and )rights\b"),
     lambda m: f"{m.group(1)} writes" if m.group(1) else "writes"),
    (re.compile(r"\b(lru|local|edge|distributed|redis|cdn|client|browser|shared|warm|cold|hot) "
                r"cash\b|\bcash(?= (?:hits?|miss(?:es)?|layer|keys?|entries|entry|invalidation|"
                r"eviction|ttl|lookups?|servers?|nodes?|cluster|tier)\b)"),
     lambda m: f"{m.group(1)} cache" if m.group(1) else "cache"),
    (re.compile(r"(?<!coffee )\bmug(s?)\b"), r"bug\1"),
    (re.compile(r"(?<!loading )(?<!dry )\bdock(s?)\b"), r"doc\1"),
    # Contractions the transcriber wrote without their apostrophe, and "should of".
    (re.compile(r"\b(do|did|does|was|were|is|could|would|should|have|has|had)nt\b"), r"\1n't"),
    (re.compile(r"\b(that|there|what)s\b"), r"\1's"),
    (re.compile(r"\bive\b"), "i've"),
    (re.compile(r"\bim\b"), "i'm"),
    (re.compile(r"\b(should|would|could|must) of\b"), r"\1 have"),
]
_FILLERS = re.compile(r"\b(?:um+|uh+|erm+|er|hmm+|ah+|you know|i mean)\b[,.]?\s*")
_STUTTER = re.compile(r"\b(\w+)(?:,?\s+\1\b(?!'))+")
# A restart: two to four words said again at once ("the way i, the way i think"). Said twice,
# not over and over: a phrase repeated on and on is repetition, and is read as such.
_RESTART = re.compile(r"\b((?:[\w']+\s+){1,3}[\w']+),?\s+\1\b(?!')(?!,?\s+\1\b)")
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
# "one in five", "one out of twenty": a rate, whose "one" is a figure like the other number.
_ONE_IN = re.compile(r"\bone (in|out of) (?=\d)")


def numbers_to_digits(text: str) -> str:
    """'forty servers' -> '40 servers', 'two hundred and thirty' -> '230', '480 thousand' ->
    '480000', 'three eighty' -> '380', 'one in five' -> '1 in 5' (lower-case input)."""
    text = _OH.sub(lambda m: str(_UNITS[m.group(1)] * 100 + _UNITS[m.group(2)]), text)
    text = _HALF_SCALE.sub(lambda m: _figure(_SCALES[m.group(1)] / 2), text)
    text = _DIGITS_SCALE.sub(
        lambda m: _figure(round(float(m.group(1)) * _SCALES[m.group(2)], 6)), text
    )
    return _ONE_IN.sub(r"1 \1 ", _NUMBER_RUN.sub(_number, text))


# Words said between a subject and its verb to soften or pace it ("I actually checked", "we
# kind of went with", "I, like, dug into it"): the verb is what was done, with or without them.
_PAST = (r"\w+ed|went|told|said|got|took|made|wrote|rewrote|ran|had|was|were|did|found|saw|"
         r"thought|knew|put|sent|built|left|came|gave|kept|met|spoke|chose|brought|caught|dug|"
         r"led|sat|drew|held|began|paid|cut|split|spent|won|lost|taught|felt|heard|hit|broke")
_SOFTENED = re.compile(
    r"\b(i|we|he|she|they)(?:,?\s+(?:actually|just|kind of|sort of|basically|literally|"
    r"honestly|really|then|also|finally|quickly|eventually|even|still|already|first|"
    rf"personally|immediately|like(?=,|\s+(?:{_PAST})\b))\b,?)+(?=\s)"
)
# "like" before a figure is "about" ("like forty minutes", "from like two hours").
_LIKE_FIGURE = re.compile(r"\blike (?=\$?\d)")
# The transcriber writes "two percent" as "2%"; the patterns read it as said.
_PERCENT_SIGN = re.compile(r"(?<=\d)\s*%")


def fluent(text: str) -> str:
    """The words said on purpose: lower case, without fillers, a word said twice ("I I") or a
    restart ("it's not, it's not really")."""
    lower = text.translate(_CURLY).lower()
    return _RESTART.sub(r"\1", _STUTTER.sub(r"\1", _FILLERS.sub("", lower)))


def plain(text: str) -> str:
    """The answer as the signal patterns read it: lower case, fillers out, numbers as digits."""
    lower = _SOFTENED.sub(r"\1", fluent(text))
    for pattern, fix in _ASR_FIXES:
        lower = pattern.sub(fix, lower)
    lower = _PERCENT_SIGN.sub(" percent", numbers_to_digits(lower))
    return _LIKE_FIGURE.sub("about ", lower)


# Where a spoken clause starts, in speech that speech-to-text wrote without full stops: a
# discourse marker or a conjunction before its subject ("so i", "and then", "but we", "looking
# back"). Not "so that", "so much": those go on the clause they are in.
_SUBJECT = r"(?:i|we|he|she|they|it|that|this|there|the|my|our|his|her|their|nobody|everyone)"
_MARKER = re.compile(
    r",?\s+(?=(?:"
    r"and then|so then|but then|and so|after that|the result|in the end|looking back|"
    r"next time|at first|at the time|these days|which meant|because|today i|"
    r"so(?! (?:that|much|many|far|long|few|little|well|good|bad)\b)|but|"
    rf"(?:and|or|then) {_SUBJECT}|"
    r"what i(?:'d| would| learned| learnt| changed| took| realised| realized)|"
    r"if i (?:had|did|were|could|started|was)"
    r")\b)",
    re.IGNORECASE,
)
# Still too long: a new clause also starts at a subject, or the next item of a list ("second"),
# unless the word before takes it in ("what i", "the way i", "i think we", "the second").
_SUBJECT_START = re.compile(
    r"\s+(?=(?:(?:i(?! mean\b)|we|he|she|they)(?:'(?:d|m|ve|ll|re))?|it's|it was|"
    # "you" is as often the object ("give you a number"): only as a plain subject.
    r"you(?:'(?:d|re|ve|ll)| (?:can|can't|could|should|would|need|have to|want|don't|just))|"
    r"there(?:'s| is| was| were)|second|third|finally)\b)",
    re.IGNORECASE,
)
_TAKES_NEXT = frozenset(
    """
    a an the and or but so of to in on at for with from by as than that what which who whom
    whose when where why how if whether because since until unless once while though although
    before after if every each one any some no my our your their his her its this these those
    think thought said say says believe believed know knew feel felt guess mean meant hope wish
    suppose realised realized decided told tell asked saw see found noticed heard agreed sure
    way rule thing things time times day moment reason point lesson part value principle place
    kind sort person people one ones only first last
    """.split()
)
MAX_CLAUSE_WORDS = 40
MIN_CLAUSE_WORDS = 2


def clauses(text: str) -> list[str]:
    """Sentence-sized pieces of an answer, also when speech-to-text wrote no full stops.

    A written sentence is one piece; a run of speech longer than any sentence is cut where a
    spoken clause starts, so a cue is looked for (and quoted) in a span of a sentence's size,
    not in a minute of talk, and an unpunctuated transcript reads like the punctuated one.
    """
    pieces: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        sentence = sentence.strip()
        if not sentence:
            continue
        if len(sentence.split()) <= MAX_CLAUSE_WORDS:
            pieces.append(sentence)
            continue
        for piece in _cut(sentence, _MARKER):
            if len(piece.split()) > MAX_CLAUSE_WORDS:
                pieces += _cut(piece, _SUBJECT_START)
            else:
                pieces.append(piece)
    return pieces


def _cut(run: str, where: re.Pattern[str]) -> list[str]:
    """A run cut at the places `where` finds, except after a word that takes in what follows;
    a piece of a word or two (a marker on its own: "so", "and then") joins the next one."""
    cuts = [m.start() for m in where.finditer(run)
            if m.start() and run[:m.start()].split()[-1].lower().strip(",;:") not in _TAKES_NEXT]
    pieces, carried = [], ""
    for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True):
        piece = f"{carried} {run[a:b].strip()}".strip()
        carried = piece if len(piece.split()) <= MIN_CLAUSE_WORDS else ""
        if not carried and piece:
            pieces.append(piece)
    if carried:
        pieces.append(carried)
    return pieces


_SENTENCE_STOP = re.compile(r"[.!?;]")


def to_sentence_end(rest: str) -> str:
    """The words of `rest` up to the end of their sentence (or clause, at a semicolon)."""
    stop = _SENTENCE_STOP.search(rest)
    return rest[:stop.start()] if stop else rest
