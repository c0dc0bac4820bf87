"""Taking a position: named principles, hedges and stated positions."""

from __future__ import annotations

from interviewer.rubric.lexicon.patterns import any_of as _any

PRINCIPLE = _any(
    r"\bprinciples?\b",
    r"\bi (?:was )?act(?:ed|ing) on\b",
    r"\bwhat (?:really )?(?:mattered|matters|guided me|drove me)\b",
    r"\bmy (?:rule|philosophy|north star|guiding|default|bias|belief)\b",
    r"\bthe rule (?:i|that i|we) (?:follow|use|keep|go by|live by)\b",
    r"\bi (?:prioriti[sz]ed|prioriti[sz]e|optimi[sz]ed for|optimi[sz]e for|put|chose|choose|valued|"
    r"value) .{1,60}\b(?:over|ahead of|before)\b",
    r"\bi (?:believe|believed|think|thought|felt|feel) (?:that )?.{0,80}\b(?:matters?|mattered|"
    r"should|more important|comes? first|costs? (?:far |way |much )?more|worth|better than|"
    r"beats?|worse|is cheaper|owe|deserve|right to)\b",
    r"\bbecause i (?:believe|believed|think|thought|felt|feel|care|cared|value|valued)\b",
    r"\bi care(?:d)? (?:more )?about .{1,60}(?:\b(?:than|because|so)\b|,? not just\b)",
    r"\bi(?:'d| would) rather .{1,60}\bthan\b",
    r"\b(?:costs?|cost) (?:far |way |much )?more (?:trust )?than\b",
    r"\bthe value (?:i|that i) (?:was|am)\b",
    r"\bwhat i (?:believe|believed|care about|cared about) (?:is|was)\b",
    r"\bthe way i (?:think|see|look at) (?:about )?it\b",
    # Said, "that" is often left out: "my view was, if the board funds it, we pay later".
    r"\bmy view (?:was|is)\b(?!,? (?:wrong|limited|narrow)\b)",
    r"\bi(?:'ve| have) always (?:thought|believed|felt)\b",
    r"\bi (?:believe|believed) (?:that )?(?:a|an|whoever|people|teams|every|"
    r"you|if|when|in|nobody|no one|the (?:person|people|team|best|only|right))\b(?! was\b)",
    r"\b(?:only|just) as good as\b",
    r"\bguided by\b",
    # A rule said as whose job something is, or where something belongs, against the other way:
    # "explaining is my job, not understanding is theirs"; "the work should go where it's
    # cheapest for the company, not where it's best for my review".
    r"\b(?:is|'s|are) (?:my|our|your|the \w+'s) (?:job|responsibility)\b.{0,50}\bnot\b",
    r"\b(?:should|must|ought to|belongs?)\b.{1,60},? not (?:where|what|who|whoever|how|when|"
    r"whether|because|just|from|with whoever|wherever|whatever|whoever)\b",
    r"\bcontext,? not control\b",
    r"\bdisagree and commit\b",
    r"\bthe (?:right|honest) thing\b",
    r"\bwhat i was (?:optimi[sz]ing|acting) (?:for|on)\b",
    r"\b(?:beats|is worth more than|matters more than|comes before)\b",
    r"\bthat(?:'s| is| was) (?:about )?(?:judgment|courage|candor|integrity|"
    r"selflessness|inclusion|communication|innovation|passion|impact|ownership|reversibility)\b",
    r"\bi (?:always |usually )?(?:try to|want to|make sure (?:to|that)) .{1,50}\bbecause\b",
    r"\bthe (?:reason|belief|idea) (?:behind|was|is) (?:that|it)\b",
)

# Principles people name in a word or two when asked for one (beyond the nine value names).
PRINCIPLE_WORDS = _any(
    r"\b(?:ownership|candou?r|freedom and responsibility|context,? not control|transparency|"
    r"accountability|honesty|fairness|customer first|members? first|trust|reversibility|"
    r"simplicity|disagree and commit|bias (?:for|to) action|high talent density)\b",
)

# Hedges that on their own leave no position ("it depends", "either way"); the others ("maybe",
# "I guess") count only when there are several.
STRONG_HEDGES = _any(
    r"\bit (?:really |all )?depends\b",
    r"\beither way\b",
    r"\bboth sides\b",
    r"\bpros and cons\b",
    r"\bhard to say\b",
    r"\bcould go (?:either|both) ways?\b",
    r"\bon the other hand\b",
    r"\bno (?:right|single|one) answer\b",
    r"\bcase[- ]by[- ]case\b",
    r"\bboth (?:are|have) (?:important|their place|value)\b",
)
HEDGES = _any(
    r"\bit (?:really |all )?depends\b",
    r"\bmaybe\b(?! (?:\$?\d|about|around|a few|some|half))",
    r"\bperhaps\b(?! (?:\$?\d|about|around))",
    r"\bi guess\b",
    r"\bhard to say\b",
    r"\b(?:i'm|i am) not (?:really |totally |entirely )?sure\b",
    r"\bi suppose\b",
    r"\beither way\b",
    r"\bboth sides\b",
    r"\bpros and cons\b",
    r"\bi don'?t know\b",
    r"\bin some ways\b",
    r"\bcould go (?:either|both) ways?\b",
    r"\bon the other hand\b",
    r"\bboth (?:are|have) (?:important|their place|value)\b",
    r"\bno (?:right|single|one) answer\b",
    r"\bcase[- ]by[- ]case\b",
)

POSITIONS = _any(
    r"\bi (?:decided|chose|recommended|argued|insisted|pushed|committed|concluded|proposed|"
    r"refused|called|told (?:him|her|them|my|the))\b",
    r"\bi (?:believe|believed|was convinced|am convinced|was confident|am confident)\b",
    r"\bmy (?:view|position|recommendation|call|stance|answer|choice|pick) (?:is|was)\b",
    r"\bi(?:'d| would) (?:choose|pick|go with|push for|argue|recommend|do it again|ship|not ship|"
    r"keep|use|put|start|make|split|cache|shard|store)\b",
    r"\bi wouldn'?t\b",
    r"\bi made the (?:call|decision)\b",
    r"\bi (?:think|thought) (?:we|it|the|that) (?:should|was|is|had)\b",
    r"\bi stand by\b",
    r"\bi was (?:right|wrong)\b",
    r"\b(?:i'm|i am) (?:aiming|asking|looking) for\b",
    r"\bi want\b",
)
