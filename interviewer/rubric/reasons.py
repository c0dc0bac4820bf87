"""Whether the reasons an answer gives defend its choices: what a choice buys or costs, or what
the evidence showed, not taste, habit or authority alone (lexicon/technical.py)."""

from __future__ import annotations

from interviewer.rubric import lexicon as lx
from interviewer.rubric.spoken import to_sentence_end


def defends_choice(lower: str) -> bool:
    """Whether a (plain) answer gives a reason that defends a choice: what it buys or costs the
    users, the business or the system, or what the evidence showed.

    Taste, habit or authority alone is a reason given, not a choice defended: "because it looks
    more cinematic", "because I liked it", "because my manager wanted it", "because that's how we
    always did it". Joined to a real reason ("... and it's easier to read from across the room")
    or said of whom it served ("... to the families we tested with"), it still argues the choice.
    """
    return argued_reasons(lower) > 0


def argued_reasons(lower: str) -> int:
    """How many reasons in a (plain) answer defend a choice (see `defends_choice`)."""
    argued = 0
    for marker in lx.REASON.finditer(lower):
        reason = to_sentence_end(lower[marker.end():])
        argued += _argued(reason[lx.REASON_LEAD.match(reason).end():])
    return argued


def _argued(reason: str) -> bool:
    """Whether the words after a reason marker argue the choice (see `defends_choice`)."""
    bare = lx.UNARGUED_REASON.match(reason)
    while bare:
        if lx.REASON_FOR_WHOM.match(reason, bare.end()):
            return True
        joined = lx.REASON_JOIN.match(reason, bare.end())
        if joined is None:
            return False
        bare = lx.UNARGUED_REASON.match(reason, joined.end())
        if bare is None:
            return bool(lx.REASON_MORE.match(reason, joined.end()))
    return True
