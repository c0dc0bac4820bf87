"""Replies to a probe, read for the gap the probe asked about.

Read alone, "I'd ask to keep one engineer embedded with SRE" is a plan, "Tomas got promoted a year
later" a fact and "I care about the whole system" a feeling. As the answer to "what would you do
differently?", "how did it turn out?" or "what do you care about?", each is the thing asked for.
These patterns are only used on follow-up answers, for the gap their probe was about
(gap_fill.py), so a main answer is not credited with hindsight for every "I'd".
"""

from __future__ import annotations

from interviewer.rubric.lexicon.patterns import any_of as _any

# What the candidate would do now or next time: "I'd ask...", "next month I'll...", "I could
# have...", "now I treat...", "more weight now to...".
HINDSIGHT_REPLY = _any(
    r"\b(?:i|we)(?:'d| would) (?!(?:(?:probably|definitely|still|also|just|honestly|really) )*"
    r"(?:have )?(?:(?:have|need|like|love) to )?(?:say|guess|think|imagine|hope|"
    r"want to (?:look|think|see)|rather not|not (?:change|know)|already|been|had|"
    r"(?:do|make|keep) (?:\w+ ){0,2}(?:the (?:exact |very )?same|again|exactly)|"
    r"change (?:nothing|anything))\b)"
    r"[a-z]+",
    r"\b(?:next time|next month|going forward|from now on|these days|today|now),? (?:i|we)\b",
    r"\b(?:i|we)(?:'ll| will| am going to|'m going to) (?!(?:see|think|guess|be honest)\b)[a-z]+",
    r"\bi (?:could|ought to|needed to|should) have\b",
    r"\b(?:more|less|too much|too little|a lot more|far more) weight (?:\w+ ){0,2}(?:on|to)\b",
    r"\bweigh(?:ed)? .{1,40}\b(?:more|less) (?:heavily|than)\b",
    r"\bi (?:gave|put|placed) .{1,30}\b(?:too much|too little|more|less) (?:weight|emphasis)\b",
)
# "What would you do differently?" answered with nothing to change: no hindsight, unless a "but"
# follows with what would change (gap_fill.py).
NO_CHANGE = _any(
    r"\b(?:wouldn'?t|would not|won'?t|don'?t think i'?d|not sure i'?d) change "
    r"(?:anything|a thing|much|it)\b",
    r"^\W*(?:honestly,? |really,? )?nothing\b",
    r"\b(?:exactly )?the (?:exact |very )?same (?:way|call|thing|decision|again)\b",
)
BUT = _any(r"\bbut\b", r"\bexcept\b", r"\bthough\b", r"\bapart from\b", r"\bother than\b")

# A result stated without a measure: people and things changed, a move or an adoption happened.
OUTCOME_REPLY = _any(
    r"\b(?:got|was|were|has been|have been) (?:promoted|adopted|copied|reused|approved|"
    r"accepted|rolled out|merged|funded|hired|renewed)\b",
    r"\b(?:adopted|copied|reused|picked up|approved) (?:it|them|the \w+|our \w+)\b",
    r"\bfrom (?:almost |nearly |basically )?(?:none|nothing|zero|no one|nobody) to\b",
    r"\bwent from .{1,40} to\b",
    r"\b(?:zero|no) (?:\w+-?\w* ){0,2}(?:incidents|outages|pages|complaints|escalations|"
    r"regressions|bugs|errors|tickets|misses|surprises)\b",
    r"\b(?:never|no longer) (?:missed|failed|broke|paged|happened|came back|had to)\b",
    r"\b(?:and|so) (?:it|that|the \w+) (?:worked|held|stuck|paid off)\b",
    r"\b(?:since then|afterwards|after that|by the end|in the end|a (?:year|month|quarter) later)"
    r"\b.{0,60}\b(?:started|stopped|became|ran|finished|shipped|owned|took over|kept)\b",
    # Someone else's new habit ("juniors started owning their docs"), not the candidate's next step.
    r"(?<!\bi )(?<!\bwe )\b(?:started|stopped|began|kept) (?!by\b|with\b|off\b)[a-z]+ing\b",
    r"\b(?:finished|shipped|launched|landed|closed|delivered) .{0,30}\b(?:on time|late|early|"
    r"ahead|with)\b",
)

# A belief or a rule stated in reply to "what principle?" or "what do you care about?".
PRINCIPLE_REPLY = _any(
    r"\bi (?:really |genuinely |deeply |most )?care(?:d)? (?:a lot |most |more |deeply )?"
    r"(?:about|that)\b",
    r"\bwhat (?:i|i really) (?:believe|care about|value|stand for)\b",
    # "I believe" alone is no belief named ("I believe it was the right call"):
    # beliefs.names_principle reads what follows it.
    r"\bi value\b",
    r"\bwhat matters (?:most )?(?:to me|is|more)\b",
    r"\b(?:i'?m|i am) a (?:big |firm |strong )?believer\b",
    r"\bfor me,? (?:it'?s|it is|it was) (?:about|always)\b",
    r"\bit (?:all )?(?:comes|came) down to\b",
    r"\b(?:is|was) (?:on me|my job|my responsibility)\b",
    r"\b(?:should|must|has to|have to|needs to|need to) .{1,60},? not\b",
)
# "What principle?" answered with there being none: the word "principle" alone is not one.
# Also read in main answers and follow-ups alike (signals.py), so "I didn't really have a
# principle" names none anywhere.
_NONE_OF = r"(?:a |any |one |much of a |some )?(?:real |particular |big |specific |guiding )?"
NO_PRINCIPLE = _any(
    r"\b(?:not sure|don'?t know if|don'?t think) (?:there was|i had|it was) (?:a|any|really a) "
    r"(?:principle|value|belief)\b",
    r"\bno (?:real |particular |big )?(?:principle|value|belief)\b",
    r"\bi (?:just|simply) did (?:what|my job|it)\b",
    r"\bdidn'?t (?:really )?think about (?:it|a principle|principles)\b",
    # "I didn't really have a principle", "I never had any guiding belief".
    r"\b(?:didn'?t|did not|don'?t|do not|never) (?:really |actually |honestly |consciously )?"
    r"(?:have|had|use|follow|apply|think of) " + _NONE_OF + r"(?:principles?|beliefs?)\b",
    # "There wasn't really a principle behind it", "it's not really a principle".
    r"\b(?:wasn'?t|was not|isn'?t|is not|weren'?t|not) (?:really |actually |honestly |much of )?"
    + _NONE_OF + r"(?:principles?|beliefs?)\b",
    r"\bwouldn'?t (?:really )?(?:call|say) (?:it|that|there was) (?:was )?(?:a |any )?"
    r"(?:principle|belief)\b",
    r"\b(?:can'?t|couldn'?t|cannot) (?:really )?(?:say|think of|name|point to) (?:a|any|one) "
    r"(?:\w+ )?principle\b",
    # "My rule of thumb, honestly, I don't really have one": the lead-in goes with its denial.
    r"(?:\bmy (?:rule(?: of thumb)?|principle|philosophy|motto|view|take)\b[^.?!]{0,30}?)?"
    r"\b(?:i )?(?:don'?t|do not|never) (?:really |actually |honestly )?(?:have|had) (?:one|any)\b",
)
