"""Answers that are not honest attempts: text aimed at the scorer, other languages, gibberish,
and off-topic answers (by the everyday words they lack).
"""

from __future__ import annotations

import re

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
