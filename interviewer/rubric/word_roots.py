"""The root of a word, so an answer's "decide" meets the question's "decision".

The topic checks compare the opening letters of words, which puts "migrate" with "migration" but
not the pairs whose spelling changes before the ending: decide / decision, choose / choice,
analyze / analysis. `root` strips the endings of inflection (decided,
choosing, priorities) and a few derivational endings with the spelling they replace (-ision to
-id, -ation to -at), folds -ize into -ise, and knows the irregular choose / chose / chosen /
choice. It is meant for matching, not for display: roots need not be words ("decid", "choos").

No stemmer is a dependency, and Porter's or Snowball's would not help here: both keep
"decid" apart from "decis" and "choos" from "choic".
"""

from __future__ import annotations

import re
from functools import lru_cache

# Shorter roots say too little to match on: "stat" would join "state" and "station".
MIN_ROOT = 5
_SHORTEST_STEM = 3
# American spellings fold into British ones: analyze / analyse, prioritized / prioritised.
_Z_FORMS = re.compile(r"(?<=[iy])z(?=(?:e|es|ed|er|ers|ing|ation|ations)?$)")
# After an inflection is stripped, a doubled consonant stands for one: "submitted" -> "submit".
# Not l, s, f or z, which are doubled in the word itself (stall, press, staff, buzz).
_DOUBLED = re.compile(r"([bcdghjkmnpqrtvwxy])\1$")
# Derivational endings and what they stand for, tried in turn until none applies.
_DERIVED = (
    ("isation", "is"),  # organisation -> organis(e), prioritisation -> prioritis(e)
    ("ation", "at"),    # migration -> migrat(e), communication -> communicat(e)
    ("ativ", "at"),     # iterativ(e) -> iterat(e), collaborativ(e) -> collaborat(e)
    ("ission", "it"),   # permission -> permit, submission -> submit
    ("ision", "id"),    # decision -> decid(e), provision -> provid(e)
    ("isiv", "id"),     # decisiv(e) -> decid(e)
    ("usion", "ud"),    # conclusion -> conclud(e), inclusion -> includ(e)
    ("ction", "ct"),    # direction -> direct, prediction -> predict
    ("ytical", "ys"),   # analytical -> analys(e)
    ("ytic", "ys"),     # analytic(s) -> analys(e)
    ("ysis", "ys"),     # analysis -> analys(e)
    ("itis", "it"),     # prioritis(e) -> priorit(y)
    ("ity", "it"),      # priority -> priorit
)
# Forms no ending rule reaches, by their stripped spelling.
_IRREGULAR = {"chos": "choos", "chosen": "choos", "choic": "choos"}


@lru_cache(maxsize=8192)
def root(word: str) -> str:
    """The word's root for matching: "decided", "decides", "decision" and "decisive" all give
    "decid"; "choice" and "chose" give "choos"; "priorities" and "prioritising" give "priorit".
    """
    word = _Z_FORMS.sub("s", word.lower().removesuffix("'s").strip("'-"))
    word = _inflection_stripped(word)
    word = _IRREGULAR.get(word, word)
    changed = True
    while changed:
        changed = False
        for ending, replacement in _DERIVED:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= _SHORTEST_STEM:
                word, changed = stem + replacement, True
                break
    return word


def roots(words: set[str] | list[str]) -> set[str]:
    """The roots long enough to match on, of the words long enough to have one."""
    found = {root(w) for w in words if len(w) >= MIN_ROOT}
    return {r for r in found if len(r) >= MIN_ROOT}


def _inflection_stripped(word: str) -> str:
    """Without -s, -es, -ies, -ed, -ied, -ing or a final -e: "priorities" -> "priority",
    "migrated" -> "migrat", "analyses" -> "analys" (but "analysis" and "process" keep theirs)."""
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("eed"):
        word = word[:-1]  # "agreed" is "agree", "succeed" is not "succe" + "ed"
    elif word.endswith(("ing", "ed")):
        stem = word[:-3] if word.endswith("ing") else word[:-2]
        if len(stem) >= _SHORTEST_STEM:
            word = _DOUBLED.sub(r"\1", stem)
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("eed"):
        word = word[:-1]  # "succeeded" -> "succeed" -> "succee"
    if word.endswith("e") and len(word) > _SHORTEST_STEM:
        word = word[:-1]
    return word
