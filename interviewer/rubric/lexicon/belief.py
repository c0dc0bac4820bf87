"""A principle in the candidate's own words: what leads into a belief, and what makes the words
after it a rule about how to work rather than a fact about the occasion.

"My view is the person closest to the data should make the call" states a principle; "my view of
the dashboard was blocked" and "I believe the meeting was on Tuesday" do not. So most lead-ins
(`BELIEF_LEAD`) count only when what follows reads as a rule (`RULE`, or `RULE_WEAK` where
nothing in it tells of the occasion, `OCCASION`). A few lead-ins say "this is what I hold" by
themselves (`BELIEF_FRAME`). A slogan (`HOLLOW`) is no rule, whatever belief it is wrapped in:
"I'm a big believer in just doing great work" names nothing to act on. beliefs.names_principle
puts them together.
"""

from __future__ import annotations

from interviewer.rubric.lexicon.patterns import any_of as _any

_ADVERB = r"(?:(?:really|truly|genuinely|honestly|actually|strongly|firmly|deeply|just|still|" \
          r"always|generally|personally|now) )?"
_NOW = r"(?: now| today| these days| at this point)?"

# Said only of what one holds: the words after them need no further proof of being a rule.
BELIEF_FRAME = _any(
    r"\bi'?m (?:a |an )?(?:big |firm |strong |huge |great |real |true |total |massive )?"
    r"believer (?:in|that)\b",
    r"\bmy (?:rule of thumb|motto|mantra|philosophy|guiding \w+)\b",
    r"\b(?:what|the (?:rule|principle|motto|thing)s?) i (?:try to |always try to )?live by\b",
    r"\bi hold myself to\b",
    r"\bif there'?s (?:one|a) thing i'?ve (?:learned|learnt|come to (?:believe|think))\b",
    r"\bi'?m (?:very much )?of the (?:opinion|view|belief|school) that\b",
    r"\bi'?ve (?:always )?been of the (?:view|opinion|belief) that\b",
    r"\b(?:it'?s|it is|it has always been|it'?s always been) (?:really |very |super |so )?"
    r"important to me\b",
    r"\bi " + _ADVERB + r"believe in (?!the end\b|hindsight\b|retrospect\b|the beginning\b|"
    r"the moment\b|that moment\b|my case\b|that case\b|the meantime\b)",
)

# "To me" after a verb of telling or giving ("she said to me", "it came to me") or a word said
# of the candidate ("it was clear to me", "new to me") is no lead-in.
_NOT_TOLD = "".join(f"(?<!\\b{word} )" for word in (
    "said", "say", "says", "sent", "send", "gave", "give", "wrote", "write", "came", "come",
    "spoke", "talked", "explained", "showed", "handed", "mentioned", "passed", "reported",
    "turned", "happened", "went", "posted", "listen", "listened", "replied", "answered",
    "admitted", "complained", "looked", "seemed", "sounded", "assigned", "forwarded", "owed",
    "pointed", "offered", "promised", "described", "back", "over", "up", "next", "close",
    "closer", "due", "known", "new", "clear", "obvious", "open", "kind", "nice", "rude",
))

# Words that lead into a belief, which then has to read as a rule.
BELIEF_LEAD = _any(
    r"\bwhat i " + _ADVERB + r"(?:believe|think|feel|hold|care about)" + _NOW + r",? (?:is|was)\b",
    r"\bsomething i " + _ADVERB + r"(?:believe|think|feel|hold)(?: is)?\b",
    r"\bmy (?:(?:whole|general|personal|own|basic) )?(?:view|take|stance|feeling|instinct|"
    r"gut(?: feeling)?|conviction|thinking|belief|sense|opinion|attitude|position|approach)"
    r"(?: on (?:it|that|this))?" + _NOW
    + r",? (?:is|was|has always been|says|said|tells me)\b",
    r"\bthe way i (?:see|look at|think about|think of) (?:it|things|this|that|work)\b",
    r"(?:^|[.,;:!?] |\b(?:and|but|so|honestly|really|because|well) )(?:for|to) me,? ",
    # Mid-sentence, as speech-to-text writes it: "...on tuesday to me a good lead gives people
    # context", but not "she said to me" or "it was hard for me".
    r"\bfor me,? (?:it'?s|it is|it was|it has always been) (?:all |always |more |less )?"
    r"(?:about|a question of)\b",
    _NOT_TOLD + r"\bto me,? (?!that\b|it was\b)",
    r"\bit (?:all |really )?(?:comes?|came|boils?|boiled) down to\b",
    r"\bi'?ve (?:come|started|begun|learned|learnt|grown) to (?:believe|think|feel|see|"
    r"realise|realize|accept|trust)\b",
    r"\bi(?:'ve| have) (?:learned|learnt|realised|realized|found|seen)(?: over the years| since| "
    r"the hard way| from that)?,? (?:that )?",
    r"\bthe (?:big |main |real |biggest )?(?:lesson|takeaway|thing)(?: i (?:took|learned|learnt|"
    r"kept|got|took away|drew)| for me)(?: away)?(?: from (?:it|that|this|all that))?,? "
    r"(?:is|was)\b",
    r"\bwhat i(?:'ve| have)? (?:took|taken|take|learned|learnt|got|drew|drawn)(?: away)?"
    r"(?: from (?:it|that|this|all that))?,? (?:is|was)\b",
    r"\bthe thing i keep (?:coming back to|telling people|reminding myself)\b",
    r"\bwhere i(?:'ve| have)? (?:land|landed|come down|came down)\b",
    r"\bwhat i (?:go by|stick to|work by|hold to|hold onto|come back to)\b",
    r"\bsomething i (?:hold onto|hold on to|stick to|keep in mind)\b",
    # Not thinking as an activity: "I think fast", "I thought about it", "I felt bad".
    r"\bi " + _ADVERB + r"(?:think|believe|thought|believed|feel|felt)\b(?! (?:fast|quick(?:ly)?|"
    r"slow(?:ly)?|about|of|through|out loud|aloud|so\b|too\b|back|hard|twice|ahead|"
    r"differently|bad|good|terrible|awful|guilty|sorry|awkward|nervous|proud))(?: that)?",
    r"\bi (?:tend to|have come to|came to) (?:think|believe|feel)\b",
    r"\bi'?m (?:convinced|sure|certain|positive)\b(?: that)?",
    r"\bi'?m (?:someone|the kind of (?:person|engineer|lead|manager)|a person|the type of "
    r"(?:person|engineer)|an engineer|a manager|a lead) who (?:thinks|believes|feels|holds)\b",
    r"\bit was (?:really |very |super |so )?important to me\b",
    r"\bwhat (?:really )?(?:matters|mattered)(?: most)?(?: to me)?,? (?:is|was)\b",
)

# What makes the words after a lead a rule: said of anyone, always, or as what must be.
_NOT_AFTER = (r"(?:do|did|does|was|is|are|were|could|would|will|can|may|might|have|has|had|am|or|"
              r"if|why|and|but|i'm|i|we|it's|that's|whether)")
RULE = _any(
    r"\b(?:you|your|yourself)\b(?! (?:could|can|might|would) (?:say|see|tell|argue|imagine)\b"
    r"| know\b| guys\b| asked\b| said\b| mentioned\b| saw\b| were\b)",
    r"\b(?:anyone|anybody|everyone|everybody|nobody|no one|someone|somebody|whoever|whatever|"
    r"whenever|wherever|every|each)\b",
    r"\b(?:always|never|usually|by default|in general|generally|full stop|no matter|regardless)\b",
    r"\b(?:deserves?|owes?|matters|beats?|belongs?)\b",
    r"\bcomes? (?:first|before|second|last)\b",
    r"(?<!\bwe )(?<!\bi )\b(?:should(?:n'?t)?|must|ought to|has to|have to|needs? to)\b(?! have\b)",
    r"\b(?:is|are|'s) (?:for|about) \w+ing\b",
    r"\b(?:is|are|'s) (?:on|up to) (?:the|whoever|you|us)\b",
    r"\bmeans (?:you|that you|we|i|that|the)\b",
    r"\b(?!" + _NOT_AFTER + r"\b)\w+,? not (?:whether|what|who|whoever|how|where|when|just|only|"
    r"because|for|to|about|by|with|the|a|an|in|on|after|before)\b",
)
# Rule-like only where nothing in the words tells of the occasion ("a couple of people on the
# team were upset" is a fact).
RULE_WEAK = _any(
    r"\b(?:people|users|members|customers|viewers|engineers|teams|managers|leaders|leads|humans)\b",
    r"\b(?:a|an) (?:[\w-]+ ){0,3}(?:is|are|gets?|has|needs?|makes?|means|can|costs?|only|"
    r"works?)\b",
    r"\b(?:most|all|any|many)\b",
    r"\bthe (?:[\w-]+ )?(?:person|people|one|team|owner|engineer|lead)"
    r" (?:who|that|closest|nearest|on call|doing|with|gets?)\b",
    r"\b(?:than|worth|better|worse|cheaper|safer|easier|harder|faster|slower)\b",
    # "The best way to disagree is...", but not "it was the right call".
    r"\bthe (?:best|only|right|fastest|cheapest|simplest|safest) (?:way|thing|time|person|answer|"
    r"fix|[\w-]+ (?:is|are))\b",
    r"\b(?:trust|ownership|credit|candou?r|honesty|context|feedback|reviews?|process|quality|"
    r"speed|simplicity) (?:is|are|means|comes|goes|should|beats|matters|gets|follows|"
    r"builds?)\b",
    r"\b(?:if|when|whenever|unless|once) (?:you|someone|somebody|anyone|a|an|the|there'?s|it'?s|"
    r"people|your|nobody|i can|i can't|we can)\b",
    r"^,? ?(?:just |really |always )?(?:in |that )?\w+ing\b",
)
# The words tell of one occasion: a past event, a date, a time.
OCCASION = _any(
    r"\b(?:was|were|had|did|got|went|happened|took|came|said|told|asked|decided|shipped|started|"
    r"ended|wanted|knew|thought)\b",
    r"\b(?:yesterday|ago|last (?:week|month|year|quarter|time|sprint)|that (?:day|week|month|"
    r"night|time|quarter)|at the time|in the end|in hindsight|on (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))\b",
)
# A slogan where the rule should be: effort, passion or a team cliche, nothing to act on.
HOLLOW = _any(
    r"\b(?:excellence|great work|good work|hard work|work(?:ing)? hard|(?:100|110) percent|"
    r"my best|synergy|the dream|team player|passion(?:ate)?|above and beyond|the extra mile|"
    r"teamwork|getting things done|delivering results|lift each other|no i in team|"
    r"the sum of (?:its|the) parts|all about the team|work smarter)\b",
)
# Method talk any answer could say, after a lead-in: "I think it's important to look at the data
# and weigh the pros and cons". Only the words after a lead-in are read for it, so a principle
# said beside it ("I weighed the pros and cons, and the principle was reversibility") stands.
PLATITUDE = _any(
    r"\b(?:pros and cons|communication is key|(?:on )?the same page|best for the business|"
    r"the bigger picture|win-win|look at the data|get everyone aligned|everyone aligned)\b",
)
# How a principle sounds, whether or not one follows: rubric cues for story.cue_count, which
# counted them when they were principle patterns, so that "what mattered to me was the company"
# still counts towards a list of cues.
BELIEF_CUE = _any(
    r"\bwhat (?:really )?(?:mattered|matters)\b",
    r"\bthe way i (?:think|see|look at) (?:about )?it\b",
    r"\bi (?:believe|believed|think|thought) (?:that )?(?:a|an|whoever|people|teams|every|"
    r"you|if|when|in|nobody|no one|the (?:person|people|team|best|only|right))\b(?! was\b)",
)
