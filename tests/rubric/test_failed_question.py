"""A question clearly failed is what held the interviewer back, whatever the mean.

A vote was the mean of the exchange scores in fixed bands. So three strong answers and "I'm
flexible" on pay (22/100) made a strong yes that would fight hard to keep them, and that vote's
keeper sentence named no weakness at all. A real interviewer remembers the answer that failed.
Now an exchange below FAILED_BELOW rules out a strong yes, and the keeper answers name it with its
score. Two failed questions or more, with the questions not assessed half of them or more, rule
out a yes; one failed question alone does not (one misread answer is not a verdict).
"""

from __future__ import annotations

from interviewer.rubric.voting import NO_AT, STRONG_YES_AT, YES_AT
from tests.rubric.screen_answers import (
    CHANGE,
    DECLINED,
    PAY_FLEXIBLE,
    PAY_RESEARCHED,
    RULE,
    RULE_SHRUG,
    TURN_DOWN,
    offline_vote,
)

PAY_QUESTION = "on \"We pay most of our compensation as salary, and you can...\""


def test_one_failed_answer_rules_out_a_strong_yes_and_is_what_held_them_back():
    cast = offline_vote("recruiter", [CHANGE, TURN_DOWN, RULE, PAY_FLEXIBLE])
    failed = [s for s in cast.exchange_scores if s < NO_AT]
    assert len(failed) == 1 and cast.score >= STRONG_YES_AT  # the mean alone is a strong yes
    assert cast.vote == "yes" and cast.keeper
    assert "failed 1 of 4 questions" in " ".join(cast.reasons)
    held_back = cast.keeper_reason.split("what held me back: ")[1]
    assert held_back.startswith("'flexible' on pay")
    assert f"{PAY_QUESTION}, scored {failed[0]}/100" in held_back
    # Fight to keep what was strong, but not hire again past the answer that failed.
    assert cast.hire_again is False and PAY_QUESTION in cast.hire_again_reason


def test_the_same_interview_with_the_pay_question_answered_is_a_strong_yes():
    cast = offline_vote("recruiter", [CHANGE, TURN_DOWN, RULE, PAY_RESEARCHED])
    assert min(cast.exchange_scores) >= NO_AT
    assert cast.vote == "strong yes" and cast.hire_again
    assert not any("failed" in reason for reason in cast.reasons)


def test_a_failed_answer_does_not_turn_a_yes_into_a_no():
    cast = offline_vote("recruiter", [CHANGE, TURN_DOWN, RULE_SHRUG])
    assert cast.vote == "yes" and cast.keeper
    assert "failed 1 of 3 questions" in " ".join(cast.reasons)
    # The shrug has no flag or gap to name it: the keeper answer still says which answer it was.
    assert "(on \"Tell me about a workplace rule or habit you found...\", scored" in (
        cast.keeper_reason)


def test_half_the_questions_failed_rule_out_a_yes():
    cast = offline_vote("recruiter", [CHANGE, TURN_DOWN, RULE_SHRUG, PAY_FLEXIBLE])
    assert cast.score >= YES_AT  # the mean alone is a yes
    assert cast.vote == "no" and not cast.keeper and cast.hire_again is False
    assert "failed 2 of 4 questions" in " ".join(cast.reasons)


def test_one_failed_and_one_declined_question_hold_back_a_strong_yes_not_a_yes():
    cast = offline_vote("recruiter", [CHANGE, DECLINED, RULE, PAY_FLEXIBLE])
    assert cast.score >= YES_AT
    assert cast.vote == "yes" and cast.hire_again is False
    reasons = " ".join(cast.reasons)
    assert "preferred not to answer 1 of 4 questions" in reasons
    assert "failed 1 of 4 questions" in reasons


def test_a_declined_question_is_what_held_back_a_vote_with_no_weakness_heard():
    # Every answered question strong, one declined: the decline caps the vote, and the keeper
    # answer names it instead of "no clear weakness" beside a capped yes (or a no).
    capped = offline_vote("recruiter", [CHANGE, TURN_DOWN, RULE, DECLINED])
    assert capped.vote == "yes" and min(capped.exchange_scores) >= YES_AT
    assert capped.keeper_reason.split("what held me back: ")[1].startswith(
        f"a question declined ({PAY_QUESTION})")
    assert capped.hire_again  # no evidence is not evidence against the hire
    half = offline_vote("recruiter", [CHANGE, DECLINED])
    assert half.vote == "no" and "what held me back: a question declined" in half.keeper_reason
