"""Technical answers: trade-offs, reasons, alternatives, scale and failure modes."""

from __future__ import annotations

import re

from interviewer.rubric.lexicon.patterns import any_of as _any

# Technical answers: a reason for a choice, the alternative or cost it was weighed against, the
# scale it has to survive, and what happens when a part fails.
REASON = _any(
    r"\bbecause\b", r"\bso that\b", r"\bsince\b", r"\bwhich (?:means|lets|keeps|avoids|makes)\b",
    r"\bthe reason\b", r"\bthat way\b", r"\bwhat (?:it|that) buys\b",
    r"\bmakes? .{1,30} possible\b",
    r"\bis what makes\b",
)
# A reason that is only taste, habit or authority defends nothing: it says who wanted the choice
# or how it looks, not what it buys or costs the users, the business, the system, or what the
# evidence showed. Matched at the start of what follows a reason marker ("because ...", "since
# ...", "the reason is ...").
_LOOKS = (r"(?:just |really |honestly |kind of |kinda )*(?:looks?|looked|feels?|felt|seems?|"
          r"seemed|sounds?|sounded)(?: a lot| way| much| so| more| really| very| kind of| a bit"
          r"| just)* ")
_LOOK_WORDS = (r"cinematic|premium|clean(?:er)?|nice(?:r)?|modern|cool(?:er)?|sleek(?:er)?|"
               r"elegant|pretty|prettier|beautiful|fresh(?:er)?|slick(?:er)?|polished|stylish|"
               r"trendy|fancy|sexy|awesome")
# Said of "it", a bare verdict is taste too ("because it feels right"); said of a thing it may
# be evidence ("because the numbers looked better"), so only how the thing looks is taste then.
_VERDICT_WORDS = _LOOK_WORDS + r"|right|good|better|great"
UNARGUED_REASON = _any(
    # Taste: how it looks or feels to the one who chose it.
    r"(?:(?:it|that|this|they|those) )?" + _LOOKS + rf"(?:{_VERDICT_WORDS})\b",
    r"(?:the|our|my) [a-z]+(?: [a-z]+)? " + _LOOKS + rf"(?:{_LOOK_WORDS})\b",
    r"(?:it|that|this)(?:'s| is| was) (?:just |really |so |much |way |a lot |more |kind of )*"
    r"(?:cinematic|premium|prettier|nicer|cooler|sleeker|stylish|trendy|fancy|sexy|elegant|"
    r"beautiful|modern)\b",
    r"i (?:just |really |personally |honestly )*(?:like[sd]?|love[sd]?|prefer(?:red|s)?|"
    r"enjoy(?:ed)?|wanted|want) (?:it|that|this|them|the (?:look|feel)(?: of it)?|(?:how|the way) "
    r"(?:it|that) (?:looks|looked|feels|felt)|the style)\b",
    r"i (?:just |really )*(?:thought|think|felt|feel) (?:it|that)(?:'s| was| is| would be| looked"
    r"| looks)? (?:a lot |way |much |so |more |really |just )*" + rf"(?:{_VERDICT_WORDS})\b",
    # Habit: how it has always been done, or what one is used to.
    r"(?:that's|thats|it's|its|this is|that is|it is|it was|that was) (?:just |kind of |kinda |"
    r"really )?(?:how|what|the way) (?:we|i|they|everyone|everybody|people|the team|our team)"
    r"(?:'ve|'d| have| had)? (?:always |usually |normally |generally )?(?:do|did|does|done|use|"
    r"used|build|built|went|go|had|launched|shipped|added|handled|ran|run|set up|designed)\b",
    r"(?:that's|it's|thats|its) (?:just )?(?:the way|how) (?:it's|it is|it was|things are|things "
    r"were|things have|it has) (?:always )?(?:been )?done\b",
    r"(?:i|we|they)(?:'ve| have)? always (?:used|done|did|gone with|picked|had|use|do|go with|"
    r"pick)\b",
    r"(?:everyone|everybody|every team|all the other teams|other teams) (?:else )?(?:does|did|"
    r"uses|used|is doing|was doing)\b",
    r"(?:it's|it is|that's|that is|it was) (?:the |our |just the )?(?:standard|convention|usual "
    r"way|house style|norm)\b",
    r"(?:i|we|they|the team|our team|everyone|everybody)(?:'m|'re|'s| am| are| is| was| were) "
    r"(?:already |just |really )?(?:used to|familiar with|comfortable with)\b",
    r"(?:it's|that's|it was|that was) (?:just )?what (?:i|we|the team|everyone|everybody|people) "
    r"(?:know|knows|knew|use|uses|used|had|likes?|liked)\b",
    # Authority: who asked for it ("because my VP has been clear that...", "since leadership
    # asked us to...", "because the lead on my last project wanted that much").
    r"(?:(?:my|our|the) )?(?:engineering |product |design |eng |tech |team |creative |art )?"
    r"(?:manager|boss|lead|director|vp|v p|pm|cto|ceo|head|stakeholders?|client|founder|"
    r"architect|leadership|management|execs?|executives?|higher-?ups?|brand team|marketing|"
    r"product|sales)(?: [a-z]+){0,5}? (?:wanted|wants|asked for|asked (?:me|us) to|told (?:me|us)"
    r" to|said so|said to|said (?:i|we) (?:had|should|must)|insisted|insists|decided|preferred|"
    r"prefers|liked it|likes it|loved it|loves it|picked it|chose it|signed off|mandated|"
    r"demanded|requested it|(?:has been|was|is|made it) (?:really |very |super )?clear)\b",
    r"(?:i was|we were) (?:told|asked) to\b",
    r"(?:it|that) (?:was|came) (?:mandated|decided|handed down|from above|from the top)\b",
    r"of (?:how|the way) (?:it|that|this) (?:looks|looked|feels|felt)\b", r"of the look\b",
)
# Words between a reason marker and the reason itself: "the reason is that ...", "because,
# honestly, ...".
REASON_LEAD = re.compile(
    r"[\s,]*(?:(?:is|was|being)\s+)?(?:that\s+)?(?:(?:honestly|frankly|personally|really|just|"
    r"i mean|to be honest|well)[\s,]+)*"
)
# What can follow an unargued reason and still argue it: another reason joined on ("because it
# looks cleaner and it's easier to read from across the room"), or whom it was better for
# ("because it felt better to the families in testing").
REASON_JOIN = re.compile(r"\W*(?:and|plus|but also|also)\s+(?:also\s+)?")
REASON_MORE = re.compile(
    r"(?:(?:it|that|this|they|which)(?:'s|'re| is| are| was| were| would be| will be) )?"
    r"(?:(?:it|that|this|they|which) )?(?:makes?|made|lets?|keeps?|kept|means?|meant|cuts?|"
    r"saves?|saved|reads?|works?|gives?|gave|helps?|helped|avoids?|reduces?|reduced|stops?|"
    r"costs?|buys?|loads?|scales?|needs?|fits?|fixes|fixed|shows?|showed)\b"
    r"|(?:it|that|this|they|which)(?:'s|'re| is| are| was| were| would be| will be)\b"
    r"|(?:you|users?|people|viewers?|members?|customers?|kids|parents|families|we|i) (?:can|could"
    r"|can't|couldn't|get|got|see|saw|find|found|don't|didn't|never|always|no longer)\b"
)
REASON_FOR_WHOM = re.compile(
    r"\W*(?:for|to|with|among|at|from|in) (?:the |a |our |most |older |new |real |every |those |"
    r"these )?(?:[a-z]+ ){0,2}(?:users?|viewers?|members?|people|customers?|kids|children|parents|"
    r"families|testers|participants|testing|tests?|research|data|numbers|metrics|results|study|"
    r"survey|sessions|interviews|room|distance|couch|sofa)\b"
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
# Coding answers: what the code costs, and the inputs at its edges or the tests that cover them.
COMPLEXITY = _any(
    # Big O written, or said aloud as a transcript has it ("O of n time", "oh of log n").
    r"\bo ?\(", r"\bbig o\b", r"\b(?:o|oh) of (?:n|one|1|log|k|m|v|e)\b", r"\bn log n\b",
    r"\blog n\b", r"\bn squared\b",
    r"\b(?:linear|quadratic|logarithmic|constant|exponential|amortised|amortized)"
    r"(?: time| space)?\b",
    r"\bcomplexity\b", r"\b(?:time|space|memory) (?:cost|is|of)\b", r"\bone pass\b",
    r"\bsingle pass\b",
)
EDGE_CASES = _any(
    r"\bedge cases?\b", r"\bcorner cases?\b", r"\bboundar(?:y|ies)\b", r"\bempty\b",
    r"\bnull\b", r"\bnone\b", r"\bduplicates?\b", r"\boff by one\b", r"\boverflow\b",
    r"\btests?\b", r"\btesting\b", r"\bunit tests?\b", r"\bassert",
    r"\bsingle (?:element|item|character)\b", r"\bone element\b",
)
FAILURE = _any(
    r"\bfail(?:s|ed|ing|ure|ures|over)?\b", r"\bgoes? down\b", r"\bis down\b", r"\boutages?\b",
    r"\bretr(?:y|ies|ied)\b", r"\bfall(?:s)? back\b", r"\bfallbacks?\b", r"\btimeouts?\b",
    r"\bcrash(?:es|ed)?\b", r"\bdies\b", r"\bdead\b", r"\bdegrad(?:e|es|ed|ation)\b",
    r"\brecover(?:s|y)?\b", r"\bcircuit breaker\b", r"\brollback\b", r"\broll back\b",
    r"\bif .{1,40} (?:goes|is|are) (?:away|lost|unavailable|slow)\b", r"\bbackpressure\b",
)
# The steps of a method worked through on the spot, in a coding or design round: a verb of
# working on the data or the system ("sort the ranges", "walk through once", "put each duration
# in a set", "retries the segment against the next server"), counted only when what it works on
# follows it, so a bare list of verbs ("sort, hash, merge") is no method, and not after an
# article or a possessive, where it is a noun ("the cache in front", "its count for"). "Use",
# "do" and "make" say what, not how: "I'd just use a hash map" names a structure and takes no
# step; "map" is nearly always the hash map.
APPROACH_STEP_VERBS = frozenset(
    """sort walk scan loop iterate traverse visit sweep merge extend insert add put push pop append
    prepend remove delete drop evict expire look check compare count increment decrement bump
    track keep store hash index split shard partition replicate cache route reroute retry steer
    queue enqueue dequeue batch return skip copy move swap reset take update start build serve
    precompute spill turn convert group bucket recurse memoise memoize publish subscribe
    encode transcode mark pick pair match assign compute sum total subtract rank filter join
    sample throttle shed send write read fetch prefetch pull load parse serialise serialize emit
    flush expand replace mirror broadcast aggregate advance collect stream fail fall fan""".split()
)
# Past forms no ending rule reaches.
APPROACH_STEP_IRREGULAR = {"swept": "sweep", "kept": "keep", "took": "take", "taken": "take",
                           "built": "build", "sent": "send", "wrote": "write", "written": "write",
                           "fell": "fall"}
# Words before which a step verb is a noun ("the sort", "a queue of", "its count").
APPROACH_NOT_STEP_AFTER = frozenset(
    "a an the its their his her my our your this that these those each every one another".split()
)
# Verbs that are a step only with their particle: "fail over", "fall back", "fan out" (a part
# that "fails the" check is no step the candidate takes).
APPROACH_STEP_PARTICLE = {"fail": "over", "fall": "back", "fan": "out"}
# What the step works on, said right after the verb: an article, a pronoun, a quantifier or a
# particle ("sort them", "walk through", "check whether", "take it out").
APPROACH_STEP = re.compile(
    r"\b([a-z]+) (?=(the|a|an|each|every|all|both|it|them|its|their|that|this|those|these|one|"
    r"two|whichever|whatever|through|over|into|in|on|off|back|out|up|down|from|to|with|by|"
    r"forward|across|along|for|whether|if|until|while|any|some|my|our|new|next|last|first|"
    r"current|rest|half)\b)"
)
# The logic that ties steps into a method: what is done to each item, under which condition,
# in what order ("for each episode", "if the next one starts before", "walking forward while",
# "then", "once its checks fail"). Verbs without it are a list of operations, not a method.
APPROACH_FLOW = _any(
    r"\bif\b", r"\bwhen(?:ever)?\b", r"\bwhile\b", r"\buntil\b", r"\botherwise\b",
    r"\bunless\b", r"\b(?:for|on) (?:each|every)\b", r"\b(?:each|every) time\b", r"\bthen\b",
    r"\bonce\b", r"\bas (?:i|we|you) go\b", r"\bafter\b", r"\bbefore\b", r"\bat the end\b",
)
