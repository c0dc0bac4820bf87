"""A principle said in everyday words is a principle; a belief about a fact or a slogan is not.

Candidates rarely say "principle": "my view is the person closest to the data should make the
call", "I'm a big believer in shipping the small version first", "the lesson I took is that you
should say a risk while it's cheap". The reading knew a few fixed phrases, so 12 of 40 such
sentences counted and the interviewer asked "what principle were you acting on?" of a candidate
who had just said it. It also took "I believe in the end we got it done", "I think we should have
started earlier" and "I believe it was the right call" (as the reply to that very probe) for a
principle. The table is in principle_statements.py.
"""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.exchange import Turn, exchange_signals
from interviewer.rubric.probing import next_move
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.signals import read_signals
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.rubric.principle_statements import NEAR_MISSES, PRINCIPLES, asr_form

CONTENT = default_content()
BANK = CONTENT.find_question("mgr-decision-2")
assert BANK is not None
QUESTION = PlannedQuestion(id=BANK.id, text=BANK.text, values=BANK.values, topic=BANK.topic)
PROBE = "What principle were you acting on there?"
# A clean STAR story that says what was done and why in this case, but no belief behind it.
STORY = (
    "So on a Friday evening we released our checkout service, and about twenty minutes later "
    "errors went from under half a percent to about four percent, only on Android. I was on "
    "call, and a payment provider had announced maintenance that same evening, so I didn't know "
    "which one it was. I checked their status page, saw their window started an hour later, and "
    "I rolled back the release. Errors were back to normal within five minutes. On Monday we "
    "found a serialization bug that only older Android clients hit, and we redeployed on Tuesday."
)
FORMS = {"spoken": lambda said: said, "asr": asr_form}


def _plan() -> PlannedInterview:
    return PlannedInterview(stage="manager", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style="behavioural", questions=[QUESTION])


def _names(text: str) -> bool:
    return read_signals(text, stage=CONTENT.stage("manager"), question=QUESTION,
                        keywords=[]).named_principle


def _first_probe(answer: str) -> str | None:
    views = [TurnView(turn=1, kind="question", asked=QUESTION.text, answer=answer)]
    views[0].score = score_answer(AnswerContext(stage="manager", question=QUESTION,
                                                asked=QUESTION.text, answer=answer,
                                                interviewer=_plan()), CONTENT)
    return next_move(MoveContext(stage="manager", question=QUESTION, exchange=views,
                                 follow_ups_left=2, variant=0, interviewer=_plan()), CONTENT).gap


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("said", PRINCIPLES)
def test_a_principle_in_everyday_words_is_named(said, form):
    assert _names(FORMS[form](said))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("said", NEAR_MISSES)
def test_a_belief_about_a_fact_a_hedge_or_a_slogan_names_none(said, form):
    assert not _names(FORMS[form](said))


def test_the_story_alone_is_probed_for_its_principle():
    assert _first_probe(STORY) == "no_principle"


@pytest.mark.parametrize("said", PRINCIPLES[::5])
def test_a_story_with_its_principle_in_everyday_words_is_not_asked_for_one(said):
    for answer in (STORY + " " + said, asr_form(STORY + " " + said)):
        assert _first_probe(answer) != "no_principle", answer


@pytest.mark.parametrize("said", NEAR_MISSES[::4])
def test_a_near_miss_in_a_story_earns_no_principle(said):
    for answer in (STORY + " " + said, asr_form(STORY + " " + said)):
        score = score_answer(AnswerContext(stage="manager", question=QUESTION,
                                           asked=QUESTION.text, answer=answer,
                                           interviewer=_plan()), CONTENT)
        assert score.components["principle"] == 0, score.signals.principle_quote


@pytest.mark.parametrize("said", [
    "I believe the provider's window was at nine, and I think in the end it took about twenty "
    "minutes.",
    "I think we should have caught it in staging. I believe in the end it was one field.",
])
def test_a_story_with_beliefs_about_facts_is_still_asked_for_its_principle(said):
    assert _first_probe(STORY + " " + said) == "no_principle"


@pytest.mark.parametrize(("reply", "fills"), [
    ("I mean, I believe it was the right call. The errors were at four percent and climbing.",
     False),
    ("Um, the way I see it, customers shouldn't pay for what I don't know yet, so I put things "
     "back first and look later.", True),
])
def test_the_reply_to_what_principle_fills_the_gap_only_with_a_belief_about_working(reply, fills):
    turns = [Turn("question", STORY), Turn("follow_up", reply, "no_principle")]
    _, filled = exchange_signals(turns, stage=CONTENT.stage("manager"), question=QUESTION,
                                 keywords=CONTENT.keywords(QUESTION.id))
    assert ("no_principle" in filled) is fills
