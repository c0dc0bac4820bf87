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
    r"\bwhat (?:mattered|guided me|drove me)\b",
    r"\bmy (?:rule|philosophy|north star|guiding)\b",
    r"\bi (?:prioriti[sz]ed|optimi[sz]ed for|put) .{1,60}\b(?:over|ahead of|before)\b",
    r"\bi (?:believe|believed) (?:that )?.{0,40}\b(?:matters?|should|more important|comes first)\b",
    r"\bi care(?:d)? more about .{1,40} than\b",
    r"\bthe value (?:i|that i) (?:was|am)\b",
    r"\bguided by\b",
    r"\bcontext,? not control\b",
    r"\bdisagree and commit\b",
    r"\bthe (?:right|honest) thing\b",
    r"\bwhat i was (?:optimi[sz]ing|acting) (?:for|on)\b",
    r"\bthat(?:'s| is| was) (?:about )?(?:judgment|judgement|courage|candou?r|integrity|"
    r"selflessness|inclusion|communication|innovation|passion|impact)\b",
)

HEDGES = _any(
    r"\bit (?:really )?depends\b",
    r"\bmaybe\b",
    r"\bperhaps\b",
    r"\bi guess\b",
    r"\bsort of\b",
    r"\bkind of\b",
    r"\bhard to say\b",
    r"\b(?:i'm|i am) not (?:really )?sure\b",
    r"\bi suppose\b",
    r"\beither way\b",
    r"\bboth sides\b",
    r"\bpros and cons\b",
    r"\bi don'?t know\b",
    r"\bpossibly\b",
    r"\bin some ways\b",
    r"\bcould be\b",
)

POSITIONS = _any(
    r"\bi (?:decided|chose|recommended|argued|insisted|pushed|committed|concluded|proposed)\b",
    r"\bi (?:believe|believed|was convinced|am convinced|was confident|am confident)\b",
    r"\bmy (?:view|position|recommendation|call|stance) (?:is|was)\b",
    r"\bi(?:'d| would) (?:choose|pick|go with|push for|argue|recommend|do it again)\b",
    r"\bi made the (?:call|decision)\b",
    r"\bi (?:think|thought) (?:we|it|the|that) (?:should|was|is|had)\b",
    r"\bi stand by\b",
    r"\bi was (?:right|wrong)\b",
)

CHANGE_STOP = _any(
    r"\bi stopped\b",
    r"\bi no longer\b",
    r"\bi quit\b",
    r"\bi dropped\b",
    r"\bi cut out\b",
    r"\binstead of\b",
)
CHANGE_START = _any(
    r"\bi started\b",
    r"\bi began\b",
    r"\bnow i\b",
    r"\bi now\b",
    r"\bsince then\b",
    r"\bthese days i\b",
    r"\bi changed (?:how|the way)\b",
    r"\bi made a habit\b",
)

REFLECTION = _any(
    r"\bin hindsight\b",
    r"\blooking back\b",
    r"\bdifferently\b",
    r"\bnext time\b",
    r"\bi learned\b",
    r"\blessons?\b",
    r"\bi should have\b",
    r"\bi (?:under|over)estimated\b",
    r"\bif i (?:did|were to do|had to do) (?:it|that) again\b",
    r"\bi(?:'d| would) weigh?t?\b",
    r"\bmistake\b",
    r"\bi regret\b",
    r"\bi missed\b",
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
    r"weeks|months|k\b|million|billion|users|customers|people|engineers|points|dollars)"
    r"|\$\s?\d"
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

# Words frequent in any English answer; gibberish has almost none of them.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "am",
        "it",
        "this",
        "that",
        "these",
        "those",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "us",
        "my",
        "our",
        "your",
        "their",
        "his",
        "her",
        "them",
        "not",
        "no",
        "do",
        "did",
        "does",
        "have",
        "had",
        "has",
        "will",
        "would",
        "can",
        "could",
        "should",
        "about",
        "into",
        "than",
        "then",
        "there",
        "here",
        "what",
        "which",
        "who",
        "when",
        "where",
        "why",
        "how",
        "if",
        "because",
        "just",
        "very",
        "all",
        "some",
        "more",
        "most",
        "also",
        "out",
        "up",
    ]
)

# Everyday work vocabulary, so an answer that uses none of it nor the question's keywords
# is recognisably off topic.
WORK_WORDS = frozenset(
    [
        "team",
        "project",
        "manager",
        "customer",
        "customers",
        "product",
        "decision",
        "decided",
        "data",
        "engineer",
        "engineers",
        "engineering",
        "code",
        "system",
        "systems",
        "service",
        "launch",
        "deadline",
        "stakeholder",
        "stakeholders",
        "role",
        "company",
        "work",
        "worked",
        "working",
        "feedback",
        "users",
        "user",
        "design",
        "designed",
        "release",
        "business",
        "meeting",
        "plan",
        "lead",
        "led",
        "build",
        "built",
        "ship",
        "shipped",
        "goal",
        "goals",
        "problem",
        "issue",
        "incident",
        "colleague",
        "peer",
        "peers",
        "director",
        "report",
        "reports",
        "org",
        "organization",
        "career",
        "job",
        "interview",
        "netflix",
        "salary",
        "compensation",
        "offer",
        "pay",
        "money",
        "experience",
        "skills",
        "learn",
        "learned",
        "growth",
        "culture",
        "environment",
        "structure",
        "cache",
        "latency",
        "traffic",
        "video",
        "streaming",
        "test",
        "tests",
        "experiment",
        "metric",
        "metrics",
        "model",
        "algorithm",
    ]
)
