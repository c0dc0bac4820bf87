"""Replies that are requests, not answers: to hear the question again, for a moment to think,
or to leave the question unanswered (a polite decline).

A request is never scored as an answer: it gets no score of its own, does not count in its
exchange's score or in the vote, and the report shows it as what it was. The interviewer answers
it by repeating the question or waiting (prompts/probes.yaml, gaps `clarify` and `thinking`), and
the reply after it is read as the answer to the question. A decline is acknowledged and the
interviewer moves on (gap `declined`); the question then has no evidence, which the vote counts
against the candidate as a question it could not assess (rubric/voting.py), not as an evasive
answer scored into the mean. One classifier serves the interviewer's
move, the scores and the report, so they can never disagree about what a reply was.
"""

from __future__ import annotations

import re

from interviewer.rubric import lexicon as lx
from interviewer.rubric.spoken import plain

# A question about the question ("which project do you mean?") is a request to clarify too: the
# interviewer says the question again, and the reply after it answers it.
REQUESTS = (("clarify", lx.ASKS_REPEAT), ("clarify", lx.ASKS_MEANING), ("thinking", lx.ASKS_TIME),
            ("declined", lx.DECLINES))
# What the report says about a request instead of a score.
REQUEST_WORDS = {
    "clarify": "asked to hear the question again",
    "thinking": "asked for a moment to think",
    "declined": "preferred not to answer",
}
MEANING_WORDS = "asked what the question meant"
# Words a request may carry besides itself ("Sorry,", "Okay.", "Hmm") and still be only that.
_BESIDES = 3
_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def request_of(reply: str | None) -> str | None:
    """'clarify', 'thinking' or 'declined' when the reply only asks for the question again, for a
    moment, or to leave the question; else None.

    Only short replies count (a long answer that starts "let me think" is an answer), and the
    sentences outside the request may hold a word or three, not an answer ("Let me think. I
    chose Kafka because it replays" is an answer). A clarifying question may come with more
    questions ("What do you mean by impact? On the team or the business?"), but not with an
    answer ("Do you mean at work? At work I led the migration." is an answer).
    """
    text = (reply or "").strip()
    if not text or len(text.split()) > lx.NON_ANSWER_MAX_WORDS:
        return None
    lower = plain(text)
    kind = next((k for k, pattern in REQUESTS if pattern.search(lower)), None)
    if kind is None:
        return None
    rest = [s for s in _SENTENCE.split(lower)
            if not any(pattern.search(s) for _, pattern in REQUESTS)
            and not (kind == "clarify" and s.rstrip().endswith("?"))]
    return kind if sum(len(s.split()) for s in rest) <= _BESIDES else None


def asks_meaning(reply: str | None) -> bool:
    """Whether a clarify request asks what the question means rather than to hear it again."""
    lower = plain(reply or "")
    return (request_of(reply) == "clarify" and bool(lx.ASKS_MEANING.search(lower))
            and not lx.ASKS_REPEAT.search(lower))


def request_words(reply: str | None) -> str | None:
    """How the report names the request in `reply` ("asked to hear the question again")."""
    kind = request_of(reply)
    if kind == "clarify" and asks_meaning(reply):
        return MEANING_WORDS
    return REQUEST_WORDS[kind] if kind else None


def after_requests(earlier: list[str | None]) -> bool:
    """Whether a reply is the first answer to its question: every reply before it in the
    exchange (`earlier`) was a request, so it answers the question repeated or waited for."""
    return bool(earlier) and all(request_of(reply) for reply in earlier)
