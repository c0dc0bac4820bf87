"""Telling what happened: outcomes, first person, situation and action, dates; and what stands
in for a story (claims about oneself, talk of how one generally works).
"""

from __future__ import annotations

import re

from interviewer.rubric.lexicon.patterns import any_of as _any

OUTCOME_MEASURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|times\b|ms\b|milliseconds|seconds|minutes|hours|days|"
    r"weeks|months|k\b|million|billion|users|customers|people|engineers|points|dollars|"
    r"incidents|pages|tickets|bugs|errors|alerts|orders|calls|complaints)"
    r"|\$\s?\d|\bfrom (?:about |around )?\d[\d.,]*\s*\w* (?:\w+ )?to (?:about |around )?\d"
)
OUTCOME_WORDS = _any(
    r"\b(?:reduced|increased|cut|grew|improved|saved|shipped|launched|dropped|rose|doubled|"
    r"halved|tripled|recovered|retained|delivered|fell|lowered|raised|cutting|reducing|"
    r"halving)\b",
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
