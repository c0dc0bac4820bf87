"""Whether an answer names a working principle: the rubric's own phrasings, or a belief said in
the candidate's everyday words (lexicon/belief.py), read for whether it is a rule about how to
work rather than a fact about the occasion, a hedge or a slogan."""

from __future__ import annotations

from interviewer.rubric import lexicon as lx
from interviewer.rubric.spoken import to_sentence_end


def names_principle(lower: str) -> bool:
    """Whether a (lower-case) piece names a principle, leaving out what denies one: "I didn't
    really have a principle" says the word and names none; "I wouldn't call it a principle, but
    I believe..." still names the belief.

    Besides the principle patterns, a belief in the candidate's own words counts ("my view is
    the person closest to the data should make the call", "I'm a big believer in shipping the
    small version first"), when what follows its lead-in reads as a rule about how to work, not
    a fact about the occasion ("I believe the meeting was on Tuesday"). A piece with a slogan in
    it ("I always give a hundred and ten percent, and I think great teams lift each other up")
    names none.
    """
    said = lx.NO_PRINCIPLE.sub(" ", lower)
    if lx.HOLLOW.search(said):
        return False
    if lx.PRINCIPLE.search(said):
        return True
    if lx.BELIEF_FRAME.search(said):
        return True
    return any(_states_rule(said[m.end():]) for m in lx.BELIEF_LEAD.finditer(said))


_BELIEF_REACH = 100  # characters after a lead-in read for its rule: about one spoken sentence


def _states_rule(rest: str) -> bool:
    """Whether the words after a belief's lead-in, to the end of its sentence, read as a rule
    about how to work (see `names_principle`): more than a word or two ("what mattered to me
    was trust" names a word, not a rule) and more than method talk ("weigh the pros and cons"),
    said of anyone or as what must be, or general in its words with nothing in them telling of
    the occasion."""
    words = to_sentence_end(rest)[:_BELIEF_REACH]
    if len(words.split()) < 3 or lx.PLATITUDE.search(words):
        return False
    return bool(lx.RULE.search(words)) or (
        bool(lx.RULE_WEAK.search(words)) and not lx.OCCASION.search(words)
    )
