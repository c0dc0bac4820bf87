"""One-line texts about a turn, shared by the printout, the reports, replay and `score`."""

from __future__ import annotations

from interviewer.rubric.requests import request_words
from interviewer.rubric.results import AnswerScore

KIND_LABELS = {"question": "Question", "follow_up": "Follow-up", "interruption": "Interruption"}


def score_line(score: AnswerScore) -> str:
    """A one-line summary of an answer's score."""
    s = score.signals
    marks = [
        f"principle {'yes' if s.named_principle else 'no'}",
        f"point of view {s.point_of_view}",
        f"reflection {'yes' if s.reflection else 'no'}",
        f"outcome {'yes' if s.outcome else 'no'}",
    ]
    if s.behaviour_change is not None:
        marks.append(f"behaviour change {'yes' if s.behaviour_change else 'no'}")
    if s.compensation is not None:
        marks.append(f"pay: {s.compensation.replace('_', ' ')}")
    return f"{score.overall}/100 ({', '.join(marks)})"


def request_line(reply: str | None) -> str:
    """What a turn that asked for something instead of answering is shown as (it is not scored)."""
    return f"Not an answer: you {request_words(reply)} (not scored)"
