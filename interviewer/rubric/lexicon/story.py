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
    r"\bi(?:'m| am) (?:the (?:kind of |type of |sort of )?person who|an? (?:extremely|very|really) "
    r"\w+ person|(?:someone|somebody|a person|the kind of person|the type of person) who)\b",
    # Self-descriptions from a CV, said instead of what happened.
    r"\bi(?:'m| am)(?: (?:very|really|quite|such))? an? (?:team player|hard worker|people person|"
    r"problem solver|self[- ]starter|go-getter|quick learner|fast learner|perfectionist|"
    r"natural leader|positive person)\b",
    r"\bi (?:like|love|enjoy|thrive on|welcome) (?:a (?:good )?)?challenges?\b",
    r"\bi (?:always )?(?:work hard|stay positive|give (?:it )?(?:my|a hundred|110))\b",
    r"\bi always\b", r"\bi never\b", r"\bcountless\b", r"\bevery team\b", r"\bthe best\b",
    r"\bi know (?:all|exactly|everything)\b", r"\bmassive scale\b", r"\bthe right way\b",
    r"\bpeople know\b", r"\bno matter\b", r"\bextensive\b",
)
# Talk about how one generally works, rather than what happened once.
GENERIC = _any(
    r"\bi (?:usually|generally|normally|typically|often|tend to|try to|like to|always)\b",
    r"\bin general\b", r"\bi would (?:probably |usually )?(?:just )?(?:say|think|try)\b",
    r"\byou (?:would|should|need to|have to|want to|can)\b", r"\bit'?s important to\b",
)

# Words any story from work is told with: two stories that share them are not one story told
# twice. Names, systems, numbers and the events themselves are what a retelling repeats.
EVERYDAY_WORDS = frozenset(
    """
    week weeks month months year years day days hour hours minute minutes morning afternoon
    evening night today yesterday tomorrow weekend quarter time times moment while period
    people person everybody somebody someone anyone nobody folks guys colleagues manager
    managers boss leadership senior junior peer partner partners teammate teammates group
    thing things stuff kind sort part parts piece pieces whole rest side sides point points
    place case fact idea ideas question questions answer answers reason reasons problem problems
    going gonna wanna wanted want wants needed need needs make makes making made sure ended
    back well like just really quite little bit lots couple first second third last next
    previous earlier later early late before after during until since again still already
    around across over under without within know knew known think thought feel felt seem
    seemed look looked looking come came coming take took taken taking give gave given getting
    said says saying told tell telling asked asking talk talked talking start started starting
    finish finished happen happened happening keep kept turn turned find found call called
    calls mean means meant able other others another same different each both many much such
    also even ever only once enough instead rather though although however anyway whether else
    new old big small long short hard easy quick quickly slow fast main real clear clearly
    basically actually literally honestly probably maybe okay yeah right pretty totally
    definitely obviously especially exactly mostly simply certainly happy upset worried
    sense idea help helped helping move moved moving change changed changing changes try tried
    trying work worked works working job jobs role plan plans planned goal goals meeting
    meetings email emails conversation conversations discussion discussed decide deciding
    choose chose chosen choice option options went goes done doing does understand understood
    explain explained agreed agree disagreed disagree wrong worse worst important useful
    everyone anything everything nothing something somewhere anyway least less more most
    remember remembered figure figured realised realized noticed learned learnt lesson lessons
    whole entire full half quite number numbers lead leading company companies org business
    through throughout write wrote writing written added adding date dates page pages
    couldn't didn't wasn't weren't don't doesn't isn't wouldn't shouldn't can't won't haven't
    hadn't i'd i've i'll we'd we've we'll they'd he'd she'd that's there's it's
    """.split()
)
