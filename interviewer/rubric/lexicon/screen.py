"""The recruiter screen: a pay number and its source, "flexible" on pay, asks for mentorship."""

from __future__ import annotations

import re

from interviewer.rubric.lexicon.patterns import any_of as _any

# Read on the plain form of an answer (rubric/spoken.py): "480 thousand", "four hundred eighty
# thousand" and "half a million" arrive as digits, "three eighty" as "380".
_FIGURE = r"\$?\d{2,3}(?:\.\d+)?k?\b(?!\s*(?:percent|%|people|engineers|days|weeks|months|years))"
COMP_NUMBER = _any(
    r"\$\s?\d",
    r"\b\d{2,3}(?:[.,]\d+)?\s?k\b",
    r"\b\d+(?:\.\d+)?\s?(?:m|mil|million)\b",
    r"\b\d{3}[, ]?\d{3}\b|\b\d{5,7}\b",
    # Whisper writes "two hundred and ten thousand dollars" as "200 and 10,000 dollars".
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d[\d,.]*\s?(?:dollars|euros|pounds|bucks|grand)\b",
)
# A figure said without its thousands, beside what it is: "300 base plus equity", "380 total",
# "150 in stock", "a base of 300", "targeting 480", "between 450 and 520". Pay only when pay was
# asked about ("from 300 to 120 ms" is a latency).
COMP_NUMBER_SAID = _any(
    r"\b\d{2,3}k?\s+(?:(?:in|of|for|as)\s+)?(?:base|total|salary|cash|equity|stock|rsus?|tc\b"
    r"|comp\b|compensation|a year|per year|annually|all[- ]in)",
    r"\b(?:base|total|salary|tc|comp|compensation|package|number|figure)"
    r"(?:\s+(?:of|is|at|around|about|near|roughly|like|closer to|more like|would be|somewhere))"
    r"{0,2}\s+" + _FIGURE,
    r"\b(?:targeting|target is|aiming (?:for|at)|asking for|looking for|expecting|hoping for|"
    r"i want|i need|i'?d need|i would need|easy yes at|comfortable at|land at|landing at)"
    r"(?:\s+(?:about|around|roughly|at least|something like|somewhere around|close to))?\s+"
    + _FIGURE,
    r"\b\d{3}k?\s*(?:-|to|and)\s*\d{3}(?:k|\d{3})?\b",
)
# A figure on its own, the whole of a short reply about pay ("Four eighty.", "Around 480.").
COMP_BARE_FIGURE = re.compile(r"\b(?<!\.)" + _FIGURE)
COMP_BARE_MAX_WORDS = 8
COMP_SOURCE = _any(
    r"\blevels(?:\.fyi| fyi)?\b",
    r"\boffers?\b",
    r"\bsurvey",
    r"\bmarket data\b",
    r"\bglassdoor\b|\bpayscale\b|\bblind\b|\bh-?1b\b",
    r"\bbenchmark",
    r"\bcomparable\b",
    r"\bpeers?\b",
    r"\bdata (?:from|on)\b|\bdata points?\b",
    r"\bresearch(?:ed)?\b",
    r"\bpay (?:bands?|ranges?|transparency)\b|\bposted range\b|\bjob (?:posting|listing)\b",
    r"\bcurrently (?:make|earn|at|on|making|earning|get|getting)\b",
    r"\bi (?:make|earn)\b|\bi'?m (?:making|earning)\b",
    r"\bmy current (?:total|base|comp|package|salary|pay)\b",
    r"\brecruiters?\b",
    # People asked: "two friends' offers", "former colleagues in similar roles".
    r"\bfriends?\b|\bcolleagues?\b|\bco-?workers?\b|\bpeople i know\b",
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
