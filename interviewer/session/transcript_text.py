"""Reading a plain-text interview transcript: turns that start with a speaker label.

Labels: `Interviewer:`, `Q:` for the interviewer; `Candidate:`, `Interviewee:`, `A:` for the
candidate; any case. A turn runs until the next label, so it may span several lines.
`Interviewer (follow-up):` marks a follow-up of the question before it; its text comes back
prefixed with "(follow-up) " so the scorer can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.errors import UserError

_LABEL = re.compile(
    r"^\s*(interviewer|candidate|interviewee|q|a)\s*(\(follow[- ]?up\))?\s*:\s?(.*)$", re.IGNORECASE
)
_INTERVIEWER = {"interviewer", "q"}


@dataclass
class Exchange:
    """A question and the candidate's answer to it."""

    question: str
    answer: str


def parse_transcript(text: str, source: str = "transcript") -> list[Exchange]:
    """Pair each interviewer turn with the candidate turn(s) after it."""
    turns: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        match = _LABEL.match(line)
        if match:
            speaker = "interviewer" if match.group(1).lower() in _INTERVIEWER else "candidate"
            marked = speaker == "interviewer" and match.group(2) is not None
            turns.append((speaker, [("(follow-up) " if marked else "") + match.group(3)]))
        elif turns:
            turns[-1][1].append(line)
        elif line.strip():
            raise UserError(
                f"{source}: text before the first speaker label; start each turn with "
                "'Interviewer:' or 'Candidate:' (also Q:/A:/Interviewee:)"
            )
    exchanges: list[Exchange] = []
    question: str | None = None
    for speaker, lines in turns:
        body = " ".join(" ".join(lines).split())
        if speaker == "interviewer":
            question = body
            exchanges.append(Exchange(question=body, answer=""))
        elif question is None:
            exchanges.append(Exchange(question="", answer=body))
            question = ""
        else:
            last = exchanges[-1]
            last.answer = f"{last.answer} {body}".strip()
    exchanges = [e for e in exchanges if e.question or e.answer]
    if not any(e.answer for e in exchanges) and not exchanges:
        raise UserError(
            f"{source}: no turns found; each turn must start with a speaker label such as "
            "'Interviewer:' or 'Candidate:'"
        )
    return exchanges


def has_candidate_turn(text: str) -> bool:
    """Whether any line starts a candidate turn (an empty one still counts as an answer)."""
    for line in text.splitlines():
        match = _LABEL.match(line)
        if match and match.group(1).lower() not in _INTERVIEWER:
            return True
    return False
