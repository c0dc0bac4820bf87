"""Whether the words of an answer so far stop mid-phrase (English mechanics, not interviewing).

A spoken sentence rarely ends on an article, a conjunction, a preposition, a subject pronoun, a
possessive, an auxiliary after a noun ("the reason was"), a filler ("um") or a comma, and
Whisper writes "..." after a phrase it hears trail off. When the transcript of the answer so far
ends like that, the candidate is mid-thought, whatever the end-of-turn model heard in the voice.

The lists stay here, in code, rather than in prompts/: they describe how English sentences end
(the same for every interviewer, stage and persona, and tied to the English Whisper models), not
what the interviewer does, so nobody tuning interview behaviour has a reason to edit them.
"""

from __future__ import annotations

import re

# Words a finished sentence does not end on.
DANGLING = frozenset("""
a an the
and but or nor because although if unless whereas whether than so
i we they he she
my our their your
of to for with at from on into onto by about as
just very
um uh uhm er erm hmm mm like
""".split())

# Auxiliaries and copulas dangle after a noun or a verb ("the reason was", "what I did was"),
# not after a pronoun that is their subject ("that's how it was", "yes, I would").
AUXILIARIES = frozenset("""
is are was were am be been
do does did have has had will would could should can might must
""".split())
SUBJECTS = frozenset("i you we they he she it that this there who what which".split())
# "that" after a copula opens a clause ("the reason was that"), unless the copula has a pronoun
# subject ("it was that", "that was that"); Whisper also writes a trailing "was the" this way.
COPULAS = frozenset("is was were are isn't wasn't weren't aren't".split())
# ...and after a verb that reports a thought ("I explained that", "we found out that"): these
# take a clause, while verbs that often take "that" as their object ("I said that", "I knew
# that", "we did that") are left out.
REPORTING = frozenset("""explained realized realised argued decided noticed suggested assumed
                         mentioned pointed admitted agreed insisted figured learned discovered
                         showed proposed found""".split())

# Dangling words that do end a sentence after these ("I think so", "and so on", "we moved on").
ENDS_AFTER = {
    "so": frozenset("think hope guess believe suppose said do did".split()),
    "on": frozenset("""so later early then it them that this
                       go goes went going gone move moved moving carry carried hold held
                       come came""".split()),
}

_TRAILING = (",", "...", "\u2026", "-", "\u2014", ";", ":")
_WORD = re.compile(r"[a-z0-9']+")  # a number is a word: "down to 4%." ends on "4"


def ends_unfinished(text: str) -> bool:
    """True when `text` stops mid-phrase: a trailing comma or "...", or a dangling last word.
    Empty text is not unfinished (there is nothing to judge)."""
    text = text.strip()
    if text.endswith(_TRAILING):
        return True
    words = _WORD.findall(text.lower())
    if not words:
        return False
    last, before = words[-1], (words[-2] if len(words) > 1 else "")
    if last.endswith("'s") and last[:-2] not in SUBJECTS | {"that", "it", "let"}:
        return True  # "the thing's", "the problem's": a contracted copula after a noun
    if last in AUXILIARIES:
        # "the right thing to do": after "to", "do" is the verb itself
        return before not in SUBJECTS and (before, last) != ("to", "do")
    if last == "that" and before in COPULAS:
        return len(words) < 3 or words[-3] not in SUBJECTS
    if last == "that" and (before in REPORTING
                           or (before == "out" and len(words) > 2 and words[-3] in REPORTING)):
        return True  # "I explained that", "she pointed out that"
    return last in DANGLING and before not in ENDS_AFTER.get(last, ())


def reads_as_finished(text: str) -> bool:
    """Whether a (partial) transcript ends a sentence: a full stop, question or exclamation mark
    (not Whisper's "..." for a trailing phrase) after a word that can end one."""
    text = text.strip()
    return bool(text) and text[-1] in ".!?" and not ends_unfinished(text) \
        and bool(_WORD.findall(text.lower()))
