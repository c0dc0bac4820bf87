"""The LLM's vote is held to the offline vote's caps (QA 2026-12-02).

The offline vote rules out a strong yes after a declined, unanswered or clearly failed question,
or a story told again without a different example, and rules out a yes when half the questions
or more went unassessed or failed. The LLM's vote was only kept within one step of the offline
vote, so a capped yes could come back from the model as a strong yes. Now the same caps apply to
it, with the same reasons in its text, and its answer to the keeper test's second question
follows the offline rule on its own vote.
"""

from __future__ import annotations

import json

import pytest

from interviewer.brains.base import AnswerContext, TurnView, VoteContext
from interviewer.brains.llm.guard import NOT_A_KEEPER
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.rubric.requests import request_of
from interviewer.rubric.scoring import score_answer
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.llm.llm_support import Reply, llm_brain, vote_reply
from tests.rubric.retold_stories import RETOLD_STRONG_STORY
from tests.rubric.screen_answers import CHANGE, PAY_FLEXIBLE, RULE, TURN_DOWN
from tests.support import STRONG_STORIES, STRONG_STORY

CONTENT = default_content()
QUESTIONS = [
    "Tell me about a call you made without waiting for permission.",
    "Describe a time you disagreed with someone more senior than you. What did you do?",
    "Tell me about the piece of work you're proudest of in terms of results.",
]
DECLINED = "I'd rather not answer that."


def _plan(count: int) -> PlannedInterview:
    questions = [PlannedQuestion(id=f"q{i}", text=text, values=["Judgment"], topic="general")
                 for i, text in enumerate(QUESTIONS[:count])]
    return PlannedInterview(stage="onsite", interviewer_id="x", interviewer_name="Dana",
                            interviewer_role="Engineering Manager", style="behavioural",
                            questions=questions)


def _context(answers: list[str], plan: PlannedInterview | None = None) -> VoteContext:
    """One question per answer, scored offline as the engine records it (a request unscored);
    the questions are the onsite ones above unless `plan` is given."""
    plan = plan or _plan(len(answers))
    turns = []
    for number, (question, answer) in enumerate(zip(plan.questions, answers, strict=True), 1):
        score = None if request_of(answer) or not answer.strip() else score_answer(
            AnswerContext(stage=plan.stage, question=question, asked=question.text,
                          answer=answer), CONTENT)
        turns.append(TurnView(turn=number, kind="question", asked=question.text, answer=answer,
                              score=score))
    return VoteContext(plan, turns)


def _votes(server, answers: list[str], claimed: str, keeper: bool = True, score: int = 90,
           plan: PlannedInterview | None = None):
    """The offline vote and the LLM brain's vote, the server having voted `claimed`."""
    context = _context(answers, plan)
    reply = {**vote_reply(claimed, keeper=keeper, score=score), "keeper_reason": "owns hard calls"}
    server.script = [Reply(content=json.dumps(reply))]
    return OfflineBrain(CONTENT).vote(context), llm_brain(server.base_url).vote(context)


@pytest.mark.parametrize("unassessed", [DECLINED, ""], ids=["declined", "unanswered"])
def test_a_question_not_assessed_rules_out_the_models_strong_yes(server, unassessed):
    offline, vote = _votes(server, [STRONG_STORIES[0], unassessed, STRONG_STORIES[2]],
                           "strong yes")
    assert offline.vote == "yes"  # capped: the two answers alone are a strong yes
    assert vote.vote == "yes" and vote.keeper
    assert vote.keeper_reason == "owns hard calls"  # still a keeper: the model's reason stands
    said = ("preferred not to answer 1 of 3 questions: no evidence for them" if unassessed
            else "gave no answer to 1 of 3 questions: no evidence for them")
    assert said in offline.reasons and said in vote.reasons
    assert "owned the call" in vote.reasons  # the model's own reasons are kept


def test_half_the_questions_declined_rules_out_the_models_yes(server):
    offline, vote = _votes(server, [STRONG_STORY, DECLINED], "yes")
    assert offline.vote == "no"
    assert vote.vote == "no"  # one step above the offline vote, but not under its cap
    assert not vote.keeper and vote.keeper_reason == NOT_A_KEEPER
    assert "preferred not to answer 1 of 2 questions: no evidence for them" in vote.reasons


def test_a_retold_story_rules_out_the_models_strong_yes(server):
    offline, vote = _votes(server, [STRONG_STORY, *RETOLD_STRONG_STORY], "strong yes")
    assert offline.vote == "yes"
    assert vote.vote == "yes"
    said = ("told a story already told for 2 of 3 questions: evidence about one situation, "
            "not about breadth")
    assert said in offline.reasons and said in vote.reasons


def test_the_caps_lower_but_never_raise_the_models_vote(server):
    offline, vote = _votes(server, [STRONG_STORY, *RETOLD_STRONG_STORY], "no", keeper=False,
                           score=50)
    assert (offline.vote, vote.vote, vote.keeper) == ("yes", "no", False)
    assert vote.hire_again is False  # the model's no is a no to the second question too


def test_without_a_cap_the_models_strong_yes_stands_with_no_cap_reason(server):
    offline, vote = _votes(server, STRONG_STORIES, "strong yes")
    assert offline.vote == "strong yes" and vote.vote == "strong yes"
    assert vote.reasons == ["owned the call"]


def test_a_reason_the_model_gave_back_is_not_said_twice(server):
    context = _context([STRONG_STORIES[0], DECLINED, STRONG_STORIES[2]])
    said = "preferred not to answer 1 of 3 questions: no evidence for them"
    server.script = [Reply(content=json.dumps({**vote_reply("strong yes", score=90),
                                               "reasons": ["owned the call", said]}))]
    vote = llm_brain(server.base_url).vote(context)
    assert vote.reasons.count(said) == 1


def test_a_failed_question_rules_out_the_models_strong_yes(server):
    (screen,) = plan_practice(CONTENT, "recruiter", 1)
    offline, vote = _votes(server, [CHANGE, TURN_DOWN, RULE, PAY_FLEXIBLE], "strong yes",
                           plan=screen)
    assert offline.vote == "yes" and vote.vote == "yes" and vote.keeper
    said = next(r for r in offline.reasons if r.startswith("failed 1 of 4 questions"))
    assert said in vote.reasons
    # The second keeper question reads as the offline vote's: not past the answer that failed.
    assert vote.hire_again is False and vote.hire_again_reason == offline.hire_again_reason


def test_the_model_may_not_fight_to_keep_a_yes_it_would_hire_again(server):
    offline, vote = _votes(server, STRONG_STORIES, "yes", keeper=False, score=70)
    assert offline.hire_again and (vote.vote, vote.keeper, vote.hire_again) == ("yes", False, True)
    assert vote.keeper_summary == "would not fight to keep; would hire again"
    assert vote.hire_again_reason == CONTENT.keeper.hire_again_answers.yes
