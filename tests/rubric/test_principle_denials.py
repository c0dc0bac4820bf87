"""Saying there was no principle is not naming one.

Asked "What principle were you acting on there?", "honestly I didn't really have a principle, I
just did it" was read as filling the gap: the reply alone was rejected (gap_fill.py knew some
denials), but the whole exchange was read again and the word "principle" named one, so the
exchange rose as much as for a real principle and the principle was never asked for again.
Denials in their spoken forms now name no principle anywhere: in a follow-up, in the exchange,
in a main answer and in what the cut-in listens for. A disclaimer followed by a belief still
names the belief.
"""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.exchange import Turn, exchange_signals, score_exchange
from interviewer.rubric.interrupting import names_a_principle
from interviewer.rubric.probing import next_move
from interviewer.rubric.scoring import score_answer
from interviewer.session.events import PlannedInterview, PlannedQuestion

CONTENT = default_content()
BANK = CONTENT.find_question("ons-selflessness-1")
assert BANK is not None
QUESTION = PlannedQuestion(id=BANK.id, text=BANK.text, values=BANK.values, topic=BANK.topic)
PROBE = "What principle were you acting on there?"
MAIN = (
    "So, um, last year our team rebuilt the alerting for on-call, and it cut false pages by "
    "about seventy percent. I was the lead, so I was the one presenting it at the all-hands. But "
    "the piece that actually made it work, the deduplication, was designed by Priya, who'd "
    "joined like six months before. So I put her name on that slide, I asked her to present that "
    "part herself, and afterwards I wrote to our director that the key idea was hers. Two other "
    "teams picked up her approach, and she was promoted later that year."
)
DENIALS = [
    "Honestly, I didn't really have a principle. I just did it.",
    "Um, honestly I didn't really have a principle, I just, I just did it.",
    "honestly i didnt really have a principle i just did it",
    "There wasn't really a principle behind it, to be honest. It just felt like the normal thing.",
    "I wouldn't call it a principle. I mean, it was just the normal thing to do at the time.",
    "Uh, I'm not sure I had a principle in mind. It was more of a gut thing.",
    "To be honest I can't name a principle, I just did what seemed right at the time.",
]
BELIEFS = [
    "I wouldn't call it a principle exactly, but I believe credit should go to whoever had the "
    "idea, not whoever happens to be presenting it.",
    "I don't think I had one in mind at the time. Looking back, what I care about is that the "
    "person who did the work is the one people ask, so they get the next chance.",
]


def _plan() -> PlannedInterview:
    return PlannedInterview(stage="onsite", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style="behavioural", questions=[QUESTION])


def _exchange(reply: str):
    turns = [Turn("question", MAIN), Turn("follow_up", reply, "no_principle")]
    signals, filled = exchange_signals(turns, stage=CONTENT.stage("onsite"), question=QUESTION,
                                       keywords=CONTENT.keywords(QUESTION.id))
    context = AnswerContext(stage="onsite", question=QUESTION, asked=QUESTION.text, answer=MAIN,
                            interviewer=_plan())
    return signals, filled, score_exchange(turns, context, CONTENT).overall


def _main_only() -> int:
    context = AnswerContext(stage="onsite", question=QUESTION, asked=QUESTION.text, answer=MAIN,
                            interviewer=_plan())
    return score_exchange([Turn("question", MAIN)], context, CONTENT).overall


def _next_gap(reply: str) -> str | None:
    views = [TurnView(turn=1, kind="question", asked=QUESTION.text, answer=MAIN),
             TurnView(turn=2, kind="follow_up", asked=PROBE, answer=reply, probe_id="principle",
                      gap="no_principle")]
    return next_move(MoveContext(stage="onsite", question=QUESTION, exchange=views,
                                 follow_ups_left=2, variant=0, interviewer=_plan()), CONTENT).gap


@pytest.mark.parametrize("reply", DENIALS)
def test_a_reply_that_denies_a_principle_does_not_fill_the_gap(reply):
    signals, filled, overall = _exchange(reply)
    assert "no_principle" not in filled
    assert not signals.named_principle, signals.principle_quote
    # It was 14 points up on the main answer, as much as a real principle; now it stays below
    # the exchange of any reply that names a belief.
    assert overall < min(_exchange(belief)[2] for belief in BELIEFS)
    assert _next_gap(reply) == "no_principle"


@pytest.mark.parametrize("reply", BELIEFS)
def test_a_disclaimer_followed_by_a_belief_fills_the_gap(reply):
    signals, filled, overall = _exchange(reply)
    assert "no_principle" in filled
    assert signals.named_principle
    assert overall >= _main_only() + 5


def test_a_main_answer_that_denies_a_principle_names_none():
    answer = MAIN + " Honestly I didn't really have a principle there, I just did it."
    score = score_answer(AnswerContext(stage="onsite", question=QUESTION, asked=QUESTION.text,
                                       answer=answer, interviewer=_plan()), CONTENT)
    assert not score.signals.named_principle
    assert score.components["principle"] == 0
    assert not names_a_principle(answer)
    assert names_a_principle(MAIN + " " + BELIEFS[0])
