"""A declined answer ("I'd rather not answer that") is acknowledged, not scored as evasive.

QA 2026-12-02: a decline was scored 8/100 "evasive" into the vote, and "I'd prefer not to go into
that" was not recognised as a decline at all. Now the interviewer says it is fine and moves on,
the turn is recorded as declined with no score, and the vote treats the question as one it could
not assess: no strong yes after any decline, no yes after declining half the questions or more.
"""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.rubric.requests import request_of
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.voting import vote
from interviewer.session.engine import InterviewEngine
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers
from tests.support import STRONG_STORY, engine_parts, start_practice

DECLINES = ["I'd rather not answer that.", "I'd prefer not to go into that."]


@pytest.mark.parametrize("reply", DECLINES)
def test_a_decline_is_a_request_not_an_answer(reply):
    assert request_of(reply) == "declined"


def test_a_live_decline_is_acknowledged_and_left_unscored(tmp_path):
    store = start_practice(tmp_path)
    answers = FakeAnswers([DECLINES[1]] + [STRONG_STORY] * 12)
    parts = engine_parts(answers)
    InterviewEngine(store, parts).run()
    state = build_state(store.read())
    first, second = state.turns[0], state.turns[1]
    assert first.request == "declined" and first.latest_score is None
    assert first.move.move.action == "next_question" and first.move.move.gap == "declined"
    assert first.move.move.text  # said aloud: "That's fine, we can leave that one..."
    assert second.asked.kind == "question"  # not pressed with a follow-up


def _vote_for(answers: list[str]):
    content = default_content()
    (plan,) = plan_practice(content, "manager", 1)
    plan = plan.model_copy(update={"questions": plan.questions[:len(answers)]})
    views = []
    for i, (question, text) in enumerate(zip(plan.questions, answers, strict=True)):
        score = None if request_of(text) else score_answer(AnswerContext(
            stage="manager", question=question, asked=question.text, answer=text), content)
        views.append(TurnView(turn=i + 1, kind="question", asked=question.text, answer=text,
                              score=score))
    return vote(plan, views, content)


def test_declining_half_the_questions_cannot_earn_a_yes():
    strong = _vote_for([STRONG_STORY, STRONG_STORY])
    half = _vote_for([STRONG_STORY, DECLINES[0]])
    assert strong.vote in ("yes", "strong yes")
    assert half.vote in ("no", "strong no") and not half.keeper
    assert any("preferred not to answer 1 of 2" in r for r in half.reasons)
    # The decline is no evidence, not an evasive 8/100 pulling the mean down.
    assert half.exchange_scores == strong.exchange_scores[:1]


def test_declining_every_question_is_a_strong_no():
    assert _vote_for(DECLINES).vote == "strong no"


def test_questions_left_unanswered_count_like_declines():
    # Silent until the interviewer moved on: recorded with no text and no score.
    half = _vote_for([STRONG_STORY, ""])
    assert half.vote in ("no", "strong no") and not half.keeper
    assert any("gave no answer to 1 of 2" in r for r in half.reasons)
    assert half.exchange_scores == _vote_for([STRONG_STORY, STRONG_STORY]).exchange_scores[:1]
