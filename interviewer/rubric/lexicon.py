"""Phrase patterns the offline interviewer listens for. Lower-case regular expressions.

Kept apart from the logic so they can be tuned without touching how they are used.
"""

from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


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
    r"\bi care(?:d)? (?:more )?about .{1,60}\b(?:than|because|so)\b",
    r"\bi(?:'d| would) rather .{1,60}\bthan\b",
    r"\b(?:costs?|cost) (?:far |way |much )?more (?:trust )?than\b",
    r"\bthe value (?:i|that i) (?:was|am)\b",
    r"\bwhat i (?:believe|believed|care about|cared about) (?:is|was)\b",
    r"\bthe way i (?:think|see|look at) (?:about )?it\b",
    r"\bmy view (?:was|is) that\b",
    r"\bi(?:'ve| have) always (?:thought|believed|felt)\b",
    r"\bi (?:believe|believed|think|thought) (?:that )?(?:a|an|whoever|people|teams|every|"
    r"you|if|when|in|nobody|no one|the (?:person|people|team|best|only|right))\b(?! was\b)",
    r"\b(?:only|just) as good as\b",
    r"\bguided by\b",
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

CHANGE_STOP = _any(
    r"\bi (?:stopped|no longer|quit|dropped|cut out|gave up|don'?t .{1,30} any ?more)\b",
    r"\binstead of\b",
    r"\bi used to\b",
)
OUTCOME_COMPARE = _any(
    r"\b(?:before|after|against|instead|down|up|fewer|less|more|within|under|over|since|"
    r"dropped|fell|went|came|now|saved|cut|reduced|increased|grew|halved|doubled|result)\b",
)
CHANGE_START = _any(
    r"\bi (?:started|began|now|changed (?:how|the way)|made a habit|switched|moved to|"
    r"always .{1,30} now)\b",
    r"\bnow i\b",
    r"\bsince then\b",
    r"\bthese days i\b",
    r"\bfrom then on\b",
    r"\bevery (?:time|week|sprint|review|update) (?:since|now)\b",
)

REFLECTION = _any(
    r"\bin hindsight\b",
    r"\blooking back\b",
    r"\bdifferently\b",
    r"\bnext time\b",
    r"\bi (?:learned|learnt|realised|realized)\b",
    r"\blessons?\b",
    r"\bi should(?:'ve| have)\b",
    r"\bi (?:under|over)estimated\b",
    r"\bif i (?:did|were to do|had to do|could do|were doing) (?:it|that|this) (?:again|over)\b",
    r"\b(?:today|now|these days),? i(?:'d| would)\b",
    r"\bi(?:'d| would) (?:have|weigh?t?|start|ask|do|push|go|involve|raise|write|put|check|"
    r"tell|bring|spend|move|add|make|set|talk) .{0,60}\b(?:earlier|sooner|first|differently|"
    r"again|instead|before|from (?:day|the start))\b",
    r"\bi wish i\b",
    r"\bmistake\b",
    r"\bi regret\b",
    r"\bi missed\b",
    r"\bwhat i changed\b",
    r"\bi (?:got|had) (?:that|it) wrong\b",
    r"\bwhat i(?:'d| would) (?:do|change)\b",
    r"\bi didn'?t (?:do that|see|think|ask|realise|realize)\b",
)

LIMITS = _any(
    r"\bmy (?:biggest )?weakness\b",
    r"\bi(?:'m| am) (?:not (?:great|strong|good|naturally)|weaker)\b",
    r"\bi struggle\b",
    r"\bblind spot\b",
    r"\bi tend to\b",
    r"\bnot my strength\b",
    r"\bi(?:'m| am) (?:still )?working on\b",
    r"\bi have to watch\b",
    r"\bi(?:'m| am) prone to\b",
)

ALL_STRENGTHS = _any(
    r"\b(?:strong|great|excellent|excel) (?:in|at|across) (?:all|every)\b",
    r"\ball nine\b",
    r"\bevery one of (?:the|your|netflix'?s?) values\b",
    r"\bi don'?t (?:really )?have (?:any )?weakness",
    r"\bno weaknesses\b",
    r"\bi(?:'m| am) good at everything\b",
)

OUTCOME_MEASURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|times\b|ms\b|milliseconds|seconds|minutes|hours|days|"
    r"weeks|months|k\b|million|billion|users|customers|people|engineers|points|dollars|"
    r"incidents|pages|tickets|bugs|errors|alerts|orders|calls|complaints)"
    r"|\$\s?\d|\bfrom (?:about |around )?\d[\d.,]*\s*\w* (?:\w+ )?to (?:about |around )?\d"
)
OUTCOME_WORDS = _any(
    r"\b(?:reduced|increased|cut|grew|improved|saved|shipped|launched|dropped|rose|doubled|"
    r"halved|tripled|recovered|retained|delivered|fell|lowered|raised)\b",
    r"\bas a result\b",
    r"\bthe (?:result|outcome) (?:was|is)\b",
    r"\bended up\b",
)

FIRST_SINGULAR = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i'd|i've|i'll)\b")
FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves|we're|we'd|we've|we'll)\b")

SITUATION = _any(
    r"\bwhen\b",
    r"\bat my (?:last|previous|current)\b",
    r"\bthe situation\b",
    r"\bcontext\b",
    r"\bbackground\b",
    r"\bwe were\b",
    r"\bi was (?:working|leading|on)\b",
    r"\b(?:last|that) (?:year|quarter|month)\b",
    r"\bin 20\d\d\b",
)
ACTION = _any(
    r"\bi (?:\w+ed|built|wrote|led|ran|took|made|set|told|went|spoke|sat|drew|got|"
    r"brought|sent|met|found|chose|began|gave|held|kept|put|dug|did)\b"
)

TIME_MARKERS = _any(
    r"\b(?:last|that|next) (?:year|quarter|month|week|sprint)\b",
    r"\bin 20\d\d\b",
    r"\bq[1-4]\b",
    r"\b(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b",
)

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

COMP_NUMBER = re.compile(
    r"\$\s?\d|\b\d{2,3}(?:[.,]\d+)?\s?(?:k\b|thousand)|\b\d{3}[, ]?\d{3}\b"
    r"|\b\d(?:\.\d+)?\s?(?:m\b|million)"
)
COMP_SOURCE = _any(
    r"\blevels(?:\.fyi| fyi)?\b",
    r"\boffers?\b",
    r"\bsurvey",
    r"\bmarket data\b",
    r"\bglassdoor\b",
    r"\bbenchmark",
    r"\bcomparable\b",
    r"\bpeers?\b",
    r"\bdata (?:from|on)\b",
    r"\bresearch(?:ed)?\b",
    r"\bcurrently (?:make|earn)\b",
    r"\bmy current (?:total|base|comp|package)\b",
    r"\brecruiters?\b",
)
COMP_FLEXIBLE = _any(
    r"\bflexible\b",
    r"\bopen to\b",
    r"\bwhatever (?:is|you think is) fair\b",
    r"\bdon'?t have a (?:specific )?number\b",
    r"\bnegotiable\b",
    r"\bup to you\b",
    r"\bnot (?:really )?about the money\b",
    r"\bhaven'?t thought\b",
)

MENTORSHIP = _any(
    r"\bmentor(?:ship|ing)?\b",
    r"\bhand-?holding\b",
    r"\bstructured (?:onboarding|environment|process|program|guidance|career)\b",
    r"\b(?:lots|a lot) of (?:structure|guidance|direction|support)\b",
    r"\bclose (?:guidance|supervision)\b",
    r"\bclear direction\b",
    r"\bsomeone to (?:guide|tell|show)\b",
    r"\bstep[- ]by[- ]step\b",
    r"\bwell[- ]defined process",
    r"\bdetailed instructions\b",
    r"\bcheck(?:s|-ins)? (?:in )?(?:with me )?(?:daily|every day)\b",
    r"\bcareer ladder\b",
)

TRADEOFF_COMPARISON = _any(
    r"\btrade-?offs?\b",
    r"\binstead of\b",
    r"\brather than\b",
    r"\bversus\b",
    r"\bvs\.?\b",
    r"\bat the (?:cost|expense) of\b",
    r"\balternative\b",
    r"\bover (?:a|an|the)\b",
)
TRADEOFF_REASON = _any(
    r"\bbecause\b",
    r"\bso that\b",
    r"\bwhich (?:means|lets|keeps|avoids)\b",
    r"\blatency\b",
    r"\bthroughput\b",
    r"\bconsisten",
    r"\bcost\b",
    r"\bavailability\b",
    r"\bfailure\b",
    r"\bscale\b",
)

# Technical answers: a reason for a choice, the alternative or cost it was weighed against, the
# scale it has to survive, and what happens when a part fails.
REASON = _any(
    r"\bbecause\b", r"\bso that\b", r"\bsince\b", r"\bwhich (?:means|lets|keeps|avoids|makes)\b",
    r"\bthe reason\b", r"\bthat way\b", r"\bwhat (?:it|that) buys\b",
    r"\bmakes? .{1,30} possible\b",
    r"\bis what makes\b",
)
ALTERNATIVE = _any(
    r"\btrade-?offs?\b", r"\binstead of\b", r"\brather than\b", r"\bversus\b", r"\bvs\.?\b",
    r"\bat the (?:cost|expense) of\b", r"\balternatives?\b", r"\bthe other option\b",
    r"\bcosts? (?:me|us|you)\b", r"\bwhat (?:it|that) costs\b", r"\byou lose\b", r"\bi lose\b",
    r"\bwe lose\b", r"\bdownside\b", r"\bstale\b", r"\bi(?:'d| would) skip\b",
    r"\bwith a (?:singly|single|plain)\b", r"\bwouldn'?t\b", r"\bcompared (?:to|with)\b",
    r"\bbetter than\b", r"\bcheaper than\b", r"\bover (?:a|an|the)\b", r"\bthe price\b",
)
SCALE = _any(
    r"\b\d[\d.,]*\s*(?:k\b|thousand|million|billion)?\s*(?:events?|requests?|users?|viewers?|"
    r"members?|titles?|profiles?|qps|rps|writes?|reads?|servers?|nodes?|machines?|boxes|"
    r"regions?|entries|items?|keys?|streams?|connections?|messages?)\b(?:\s*(?:a|per) "
    r"(?:second|minute|hour|day))?",
    r"\b\d[\d.,]*\s*(?:ms|milliseconds?|seconds?|gb|tb|mb|kb|bytes?|gigabits?|megabits?|"
    r"kilobits?|terabits?|gbps|mbps|percent|%)\b",
    r"\bper (?:second|minute)\b", r"\bat (?:peak|scale)\b", r"\bshard(?:s|ed|ing)?\b",
    r"\bpartition(?:s|ed|ing)?\b", r"\bbillion\b", r"\bmillions? of\b",
)
FAILURE = _any(
    r"\bfail(?:s|ed|ing|ure|ures|over)?\b", r"\bgoes? down\b", r"\bis down\b", r"\boutages?\b",
    r"\bretr(?:y|ies|ied)\b", r"\bfall(?:s)? back\b", r"\bfallbacks?\b", r"\btimeouts?\b",
    r"\bcrash(?:es|ed)?\b", r"\bdies\b", r"\bdead\b", r"\bdegrad(?:e|es|ed|ation)\b",
    r"\brecover(?:s|y)?\b", r"\bcircuit breaker\b", r"\brollback\b", r"\broll back\b",
    r"\bif .{1,40} (?:goes|is|are) (?:away|lost|unavailable|slow)\b", r"\bbackpressure\b",
)
# Telling what actually happened before, in a design answer ("what I actually did at my last
# company"): only such an answer has hindsight to probe.
PAST_STORY = _any(
    r"\bat my (?:last|previous|old|current) (?:company|job|team|employer)\b",
    r"\bwhat i actually did\b", r"\bwhen i was at\b", r"\bin my last (?:role|job)\b",
    r"\bwe (?:ran|tried|started|began|built|shipped|rolled out)\b",
)
# General claims about oneself that stand in for a story.
CLAIMS = _any(
    r"\bi(?:'m| am) (?:the (?:kind of )?person who|an? (?:extremely|very|really) \w+ person)\b",
    r"\bi always\b", r"\bi never\b", r"\bcountless\b", r"\bevery team\b", r"\bthe best\b",
    r"\bi know (?:all|exactly|everything)\b", r"\bmassive scale\b", r"\bthe right way\b",
    r"\bpeople know\b", r"\bno matter\b", r"\bextensive\b",
)
# Talk about how one generally works, rather than what happened once.
GENERIC = _any(
    r"\bi (?:usually|generally|normally|typically|tend to|try to|like to|always)\b",
    r"\bin general\b", r"\bi would (?:probably |usually )?(?:just )?(?:say|think|try)\b",
    r"\byou (?:would|should|need to|have to|want to|can)\b", r"\bit'?s important to\b",
)
# Text that talks to the grader instead of the interviewer.
STEERING = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+)?(?:of\s+)?"
    r"(?:your|previous|prior|above|earlier|the\s+(?:above|previous|system))\s+(?:\w+\s+)?"
    r"(?:instructions?|prompts?|rules|guidelines|rubric)\b"
    r"|\b(?:score|rate|grade|mark)\s+(?:this|me|my|the|it)\b.{0,40}"
    r"(?:\d{1,3}\s*/\s*\d{1,3}|\d{1,3}\s*(?:out of|%|percent)|full marks|perfect|strong yes|"
    r"hire|highest|top|maximum|a hundred|one hundred|ten out of ten)"
    r"|\b(?:you are now|new instructions|system prompt|developer mode|as an ai|dear (?:grader|"
    r"scorer|model|ai)|note to the (?:grader|scorer|model|ai|evaluator)|(?:grader|scorer|evaluator|"
    r"language model|ai model)s?\s*(?:,|:|should|must|please))"
    r"|(?:^|[.!?(\[]\s*)(?:system|assistant|grader|scorer|evaluator)\s*:"
    r"|\b(?:scorer|grader|evaluator|model|ai|llm)\s+instructions?\b"
    r"|\b(?:full marks|perfect score|top marks|maximum score|score of 100)\b"
    r"|\boutput (?:a |the )?(?:score|grade|rating)\b|\bscore it as\b"
    r"|\bif you(?:'re| are) (?:the|an?) (?:model|ai|llm|grader|scorer|language model)\b"
    r"|\b[a-z_]+\s*=\s*(?:true|false|\d+)\b"
    r"|</?\s*(?:candidate_answer|interviewer_question)\b",
    re.IGNORECASE | re.MULTILINE,
)
# Frequent words of other languages an answer may come in (--language); English has few of them.
FOREIGN_WORDS = frozenset(
    "el la los las del que y en un una por para con es lo mi pero como más muy también "
    "der die das und ich nicht ein eine mit ist zu auf für von dem den sich auch wir "
    "le les des et est une pour dans pas je nous qui avec sur mais très".split()
)

# Words frequent in any English answer; gibberish has almost none of them.
FUNCTION_WORDS = frozenset(
    """
    a an the and or but so of to in on at for with from by as is was were be been are am it
    this that these those i we you he she they me us my our your their his her them not no
    do did does have had has will would can could should about into than then there here
    what which who when where why how if because just very all some more most also out up
    """.split()
)

# Everyday work vocabulary, so an answer that uses none of it nor the question's keywords
# is recognisably off topic.
WORK_WORDS = frozenset(
    """
    team project manager customer customers product decision decided data engineer engineers
    engineering code system systems service launch deadline stakeholder stakeholders role
    company work worked working feedback users user design designed release business meeting
    plan lead led build built ship shipped goal goals problem issue incident colleague peer
    peers director report reports org organization career job interview netflix salary
    compensation offer pay money experience skills learn learned growth culture environment
    structure cache latency traffic video streaming test tests experiment metric metrics
    model algorithm
    """.split()
)
