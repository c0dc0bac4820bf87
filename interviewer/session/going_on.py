"""Letting the candidate go on: a follow-up they talk over early is withdrawn, not answered.

The end of an answer is a judgement (live/endpointing.py), and now and then a thinking pause is
taken for it: the interviewer's follow-up starts while the candidate still has more to say. A
person would stop and let them finish. So when the candidate starts talking before they can have
heard half of a follow-up, the line is withdrawn (`QuestionAsked.went_on`) and what they say is
read as the rest of the answer before it (`state.turn_views`): the brain sees one answer, and the
follow-up, never really heard, neither counts against the question's follow-ups nor stops the
interviewer from asking it again if the whole answer still leaves that gap open.
"""

from __future__ import annotations

from interviewer.session.ports import Utterance
from interviewer.session.state import TurnState

# A candidate who talks over a follow-up after hearing most of it is answering it; one who starts
# within its first half cannot have heard the question and is going on with their answer.
WENT_ON_BEFORE = 0.5  # share of the line played when the candidate started talking

WENT_ON_NOTE = "You went on, so the interviewer stopped to let you finish."


def went_on(kind: str, utterance: Utterance | None, before: TurnState | None) -> bool:
    """True when the candidate talked over this follow-up early, going on with an answer.

    Only follow-ups after a real answer qualify: a line repeated after "could you repeat
    that?", a question left unanswered, or a main question are never withdrawn.
    """
    if kind != "follow_up" or utterance is None or not utterance.interrupted:
        return False
    if utterance.heard_s is None or utterance.duration_s <= 0:
        return False
    if before is None or before.answer is None or before.answer.no_answer or before.request:
        return False
    return utterance.heard_s < WENT_ON_BEFORE * utterance.duration_s
