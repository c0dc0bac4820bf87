"""Phrase patterns the offline interviewer listens for. Lower-case regular expressions.

Kept apart from the logic so they can be tuned without touching how they are used, and split by
what the words detect (a stance, a story, reflection, non-answers, the recruiter screen, technical
answers, gaming) and what a question asks for. Callers read them as
`from interviewer.rubric import lexicon as lx; lx.HEDGES`.
"""

from __future__ import annotations

from interviewer.rubric.lexicon.follow_ups import (
    BUT,
    HINDSIGHT_REPLY,
    NO_CHANGE,
    NO_PRINCIPLE,
    OUTCOME_REPLY,
    PRINCIPLE_REPLY,
)
from interviewer.rubric.lexicon.gaming import (
    FOREIGN_WORDS,
    FUNCTION_WORDS,
    STEERING,
    WORK_WORDS,
)
from interviewer.rubric.lexicon.questions import (
    ASKS_EXAMPLE,
    ASKS_FAILURE,
    ASKS_FEEDBACK,
    ASKS_MOTIVATION,
    ASKS_PAY,
    ASKS_REFLECTION,
    ASKS_SELF,
    ASKS_VALUES,
    ASKS_VOLUME,
    INFRASTRUCTURE,
)
from interviewer.rubric.lexicon.reflection import (
    ALL_STRENGTHS,
    CHANGE_START,
    CHANGE_STOP,
    LIMITS,
    OUTCOME_COMPARE,
    REFLECTION,
)
from interviewer.rubric.lexicon.replies import (
    ASKS_MEANING,
    ASKS_REPEAT,
    ASKS_TIME,
    DECLINES,
    EVASIVE,
    NON_ANSWER_MAX_WORDS,
)
from interviewer.rubric.lexicon.screen import (
    COMP_BARE_FIGURE,
    COMP_BARE_MAX_WORDS,
    COMP_FLEXIBLE,
    COMP_NUMBER,
    COMP_NUMBER_SAID,
    COMP_SOURCE,
    MENTORSHIP,
)
from interviewer.rubric.lexicon.stance import (
    HEDGES,
    POSITIONS,
    PRINCIPLE,
    PRINCIPLE_WORDS,
    STRONG_HEDGES,
)
from interviewer.rubric.lexicon.story import (
    ACTION,
    CLAIMS,
    EVERYDAY_WORDS,
    FIRST_PLURAL,
    FIRST_SINGULAR,
    GENERIC,
    OUTCOME_MEASURE,
    OUTCOME_WORDS,
    PAST_STORY,
    SITUATION,
    TIME_MARKERS,
)
from interviewer.rubric.lexicon.technical import (
    ALTERNATIVE,
    COMPLEXITY,
    EDGE_CASES,
    FAILURE,
    REASON,
    SCALE,
    TRADEOFF_COMPARISON,
    TRADEOFF_REASON,
)

__all__ = [
    "BUT",
    "HINDSIGHT_REPLY",
    "NO_CHANGE",
    "NO_PRINCIPLE",
    "OUTCOME_REPLY",
    "PRINCIPLE_REPLY",
    "ASKS_REFLECTION",
    "ASKS_EXAMPLE",
    "ASKS_SELF",
    "ASKS_VALUES",
    "ASKS_MOTIVATION",
    "ASKS_PAY",
    "ASKS_FAILURE",
    "INFRASTRUCTURE",
    "ASKS_VOLUME",
    "PRINCIPLE",
    "PRINCIPLE_WORDS",
    "STRONG_HEDGES",
    "HEDGES",
    "POSITIONS",
    "CHANGE_STOP",
    "OUTCOME_COMPARE",
    "CHANGE_START",
    "REFLECTION",
    "LIMITS",
    "ALL_STRENGTHS",
    "OUTCOME_MEASURE",
    "OUTCOME_WORDS",
    "FIRST_SINGULAR",
    "FIRST_PLURAL",
    "SITUATION",
    "ACTION",
    "TIME_MARKERS",
    "PAST_STORY",
    "CLAIMS",
    "EVERYDAY_WORDS",
    "GENERIC",
    "ASKS_FEEDBACK",
    "ASKS_REPEAT",
    "ASKS_MEANING",
    "ASKS_TIME",
    "DECLINES",
    "NON_ANSWER_MAX_WORDS",
    "EVASIVE",
    "COMP_NUMBER",
    "COMP_BARE_FIGURE",
    "COMP_BARE_MAX_WORDS",
    "COMP_NUMBER_SAID",
    "COMP_SOURCE",
    "COMP_FLEXIBLE",
    "MENTORSHIP",
    "TRADEOFF_COMPARISON",
    "TRADEOFF_REASON",
    "REASON",
    "ALTERNATIVE",
    "SCALE",
    "FAILURE",
    "COMPLEXITY",
    "EDGE_CASES",
    "STEERING",
    "FOREIGN_WORDS",
    "FUNCTION_WORDS",
    "WORK_WORDS",
]
