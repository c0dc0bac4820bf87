"""Letting the candidate go on: a line they talk over early is withdrawn, not answered.

The end of an answer is a judgement (live/endpointing.py), and now and then a thinking pause is
taken for it: the interviewer's next line starts while the candidate still has more to say. A
person would stop and let them finish. So when the candidate starts talking well before the end of
a follow-up or of the next question, the line is withdrawn (`QuestionAsked.went_on`)
and what they say is read as the rest of the answer before it, in that answer's exchange
(`brain_contexts.turn_views`): the brain sees one answer. A withdrawn follow-up, never really heard,
neither counts against the question's follow-ups nor stops the interviewer from asking it again
if the whole answer still leaves that gap open; a withdrawn question is asked again once the
answer before it is done.
"""

from __future__ import annotations

from interviewer.session.ports import Utterance
from interviewer.session.state import TurnState

# A candidate who cuts into the very end of a line has heard it and is answering it; one who
# starts earlier did not wait for it. After a thinking pause of 2-3 s, the candidate goes on
# 1.5-2.5 s into the interviewer's line (the benchmark's resumptions: about 65% of a 3 s line),
# and barge-in stops the line 0.3 s after that.
WENT_ON_BEFORE = 0.85  # share of the line played when barge-in stopped it

WENT_ON_NOTE = "You went on, so the interviewer stopped to let you finish."


def went_on(kind: str, utterance: Utterance | None, before: TurnState | None) -> bool:
    """True when the candidate talked over this line early, going on with the answer of
    `before` (the interview's last turn): a follow-up, or the next main question.

    Only a line after a real answer qualifies: one repeated after "could you repeat that?",
    or after a question left unanswered, is never withdrawn, nor an interview's first question.
    """
    if kind not in ("follow_up", "question") or not cut_in_early(utterance):
        return False
    return not (before is None or before.answer is None or before.answer.no_answer
                or before.request)


def cut_in_early(utterance: Utterance | None) -> bool:
    """True when the candidate talked over this line well before its end."""
    if utterance is None or not utterance.interrupted or utterance.heard_s is None:
        return False
    return utterance.heard_s < WENT_ON_BEFORE * utterance.duration_s
