"""The recruiter screen: a pay number and its source, "flexible" on pay, asks for mentorship."""

from __future__ import annotations

import re

from interviewer.rubric.lexicon.patterns import any_of as _any

COMP_NUMBER = re.compile(
    r"\$\s?\d|\b\d{2,3}(?:[.,]\d+)?\s?(?:k\b|thousand)|\b\d{3}[, ]?\d{3}\b"
    r"|\b\d(?:\.\d+)?\s?(?:m\b|million)"
    # Whisper writes "two hundred and ten thousand dollars" as "200 and 10,000 dollars".
    r"|\b\d{1,3}(?:,\d{3})+\b|\b\d[\d,.]*\s?(?:dollars|euros|pounds)\b"
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
