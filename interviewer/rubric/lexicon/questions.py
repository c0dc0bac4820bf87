"""What a question asks for: feedback received, hindsight, an example, self-knowledge, values,
motivation, failures. Read on the question's text to decide which gaps matter most.
"""

from __future__ import annotations

import re

from interviewer.rubric.lexicon.patterns import any_of as _any

# Questions about feedback received, however it is put: the answer owes a behaviour change.
ASKS_FEEDBACK = _any(
    r"\bfeedback\b",
    r"\bcriticis\w*|\bcritique\w*|\bcoach(?:ed|ing)\b",
    r"\b(?:someone|a colleague|a peer|your manager|they) told you\b",
    r"\bhard to hear\b",
)

# Questions whose point is hindsight, self-knowledge, or a system that must survive failures.
ASKS_REFLECTION = re.compile(
    r"differently|revisit|mistake|wrong|learn|hindsight|again|didn'?t turn out|regret|look back"
)
ASKS_EXAMPLE = re.compile(
    r"tell me about a|give me an example|walk me through a (?:time|call|decision)|describe a time|"
    r"a time (?:you|when)|most useful|an occasion"
)
ASKS_SELF = re.compile(r"weak|strength|improv|working on|hard for you|find it hard|struggle")
# Recruiter questions about values invite the principle probe; the rest probe what they are for.
ASKS_VALUES = re.compile(r"value|culture|principle|believe|memo|and why\b(?! now)|why you\b")
ASKS_MOTIVATION = re.compile(
    r"why netflix|why (?:are|do) you|looking for|leav|what draws|motivat|next (?:chapter|role|step)"
    r"|career|interest(?:s|ed)? you|want to (?:join|work|spend|be known)"
    # Forward-looking questions about the move: there is no past occasion to ask for.
    r"|years? from now|next (?:two|few|\w+) years|why now|do well here|appeal to you"
    r"|turn down an offer|a year after you joined"
)
# Questions about pay: a question typed with --question is read as a pay question too.
ASKS_PAY = re.compile(
    r"\b(?:salary|salaries|compensation|pay|paid|earn(?:ing|ings)?|total (?:number|comp)|equity|"
    r"stock options|pay (?:range|expectations?))\b"
)
ASKS_FAILURE = re.compile(r"\bfail|outage|goes down|go down|disaster|degrad|resilien|chaos")
INFRASTRUCTURE = re.compile(
    r"region|outage|deliver|cdn|origin|launch|falling over|fail|availab|microservice|platform|"
    r"network|servers?\b|traffic|peak"
)
# A coding question about data arriving at volume (a stream, requests): its answer is sized.
ASKS_VOLUME = re.compile(r"\bstream|\brequests?\b|\bevents\b|\bmillions?\b|\bbillions?\b")
