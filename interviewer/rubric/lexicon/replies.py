"""Replies that are not answers yet, and evasions."""

from __future__ import annotations

from interviewer.rubric.lexicon.patterns import any_of as _any

# Replies that are not answers yet: a request to hear the question again, for a moment to think,
# or a polite refusal. Matched only on short replies.
ASKS_REPEAT = _any(
    r"\b(?:repeat|rephrase|say that again|come again|say it again)\b",
    r"\bwhat was the question\b",
    r"\bdidn'?t (?:catch|hear|get) (?:the|that|your) question\b",
)
# A question about the question itself: what it means, or which of the candidate's things it is
# about ("Sorry, choose between what?", "Which project do you mean?", "Do you mean at my current
# job?"). Matched only on a short reply that is a question.
ASKS_MEANING = _any(
    r"\bwhat do you mean\b",
    r"\bwhat does (?:that|this|it|\w+) mean\b",
    r"\b(?:which|what) (?:\w+ ){0,3}(?:do|did) you mean\b",
    r"\b(?:do|did) you mean\b",
    r"\bmeaning what\b|\bin what (?:sense|way)\b",
    r"\b(?:choose|pick|decide) between what\b|\bbetween what and what\b",
    r"\b(?:choose|pick|decide) (?:what|which)\s*\?",
    r"\bare you asking (?:about|for|if|whether|me)\b|\bwhat (?:exactly )?are you asking\b",
    r"\b(?:could|can) you (?:clarify|explain (?:the|that|what you mean))\b",
    r"\bi don'?t (?:understand|follow|get) the question\b",
    r"^\W*(?:sorry|pardon|uh|um)?\W*(?:what|meaning)\W*\?",
)
ASKS_TIME = _any(
    r"\b(?:take|have|need|give me) (?:a|one) (?:moment|minute|second|sec)\b",
    r"\blet me think\b",
    r"\bthink (?:about it )?for a (?:moment|second|minute)\b",
)
DECLINES = _any(
    r"\bi(?:'d| would) (?:rather|prefer) not (?:to )?"
    r"(?:answer|say|share|discuss|get into|go into|talk about)\b",
    r"\bi(?:'m| am) not comfortable (?:answering|sharing|discussing)\b",
    r"\bpass on (?:that|this)\b",
)
NON_ANSWER_MAX_WORDS = 15

EVASIVE = _any(
    r"\bi don'?t know\b",
    r"\bi'?d rather not\b",
    r"\bno comment\b",
    r"^\s*pass\b",
    r"\bcan'?t think of\b",
    r"\bnothing comes to mind\b",
    r"\bnext question\b",
    r"\bi don'?t remember\b",
    r"\bnot sure what to say\b",
    r"\bnever (?:had|happened)\b",
)
