"""Looking back and changing: behaviour change after feedback, hindsight, known limits, and
the claim of having no weakness.
"""

from __future__ import annotations

from interviewer.rubric.lexicon.patterns import any_of as _any

CHANGE_STOP = _any(
    r"\bi (?:stopped|no longer|quit|dropped|cut out|gave up|don'?t .{1,30} any ?more)\b",
    r"\binstead of\b",
    r"\bi used to\b",
)
OUTCOME_COMPARE = _any(
    r"\b(?:before|after|against|instead|down|up|fewer|less|more|within|under|over|since|"
    r"dropped|fell|went|came|now|saved|cut|reduced|increased|grew|halved|doubled|result|"
    r"afterwards|cutting|reducing|halving)\b",
    # "from 9 hours to 3": the before and the after in one phrase.
    r"\bfrom (?:about |around )?\d[\d.,]*\s*\w* (?:\w+ )?to (?:about |around )?\d",
)
CHANGE_START = _any(
    r"\bi (?:started|began|now|changed (?:how|the way)|made a habit|switched|moved to|"
    r"always .{1,30} now)\b",
    r"\bnow i\b",
    r"\bsince then\b",
    r"\bthese days i\b",
    r"\bfrom then on\b",
    r"\bwhat i do (?:now|today|these days|instead)\b",
    r"\bevery (?:time|week|sprint|review|update) (?:since|now)\b",
)

REFLECTION = _any(
    r"\bin hindsight\b",
    r"\blooking back\b",
    r"\bdifferently\b",
    r"\bnext time\b",
    r"\bi (?:learned|learnt|realised|realized)\b",
    r"\bwhat i took (?:away )?(?:from|out of) (?:it|that|this)\b",
    r"\blessons?\b",
    r"\bi should(?:'ve| have)\b",
    r"\bi (?:under|over)estimated\b",
    r"\bif i (?:did|were to do|had to do|could do|were doing) (?:it|that|this) (?:again|over)\b",
    # "If I started again I'd...", "if I had it to do over"
    r"\bif i (?:started|began|were starting|could start|had to start) (?:it |that |this )?"
    r"(?:again|over)\b",
    r"\bif i had (?:it|that|this) to do (?:again|over)\b",
    r"\b(?:today|now|these days),? i(?:'d| would)\b",
    r"\bi(?:'d| would) (?:have|weigh?t?|start|ask|do|push|go|involve|raise|write|put|check|"
    r"tell|bring|spend|move|add|make|set|talk) .{0,60}\b(?:earlier|sooner|first|differently|"
    r"again|instead|before|from (?:day|the start))\b",
    r"\bi wish i\b",
    r"\bi(?:'d| would) now\b",
    r"\bnow i (?:care|think|know|weigh|put|ask|check|set|start|write|send)\b",
    # The same change said the other way round: "what I do now is send the agenda".
    r"\bwhat i do (?:now|today|these days|instead)\b",
    r"\b(?:too much|too little|more|less) weight (?:on|to)\b",
    r"\bi (?:gave|put) (?:too much|too little) (?:weight|emphasis)\b",
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
