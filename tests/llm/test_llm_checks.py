"""What a model's text must be before it is spoken or printed, and votes whose parts disagree;
unit rules first, then the brain over real HTTP turning unfit replies into fallbacks."""

from __future__ import annotations

import json

import pytest

from interviewer.brains.base import AnswerContext, BrainError, MoveContext, TurnView, VoteContext
from interviewer.brains.llm.checks import consistent_vote, follow_up_problem, report_lines
from interviewer.brains.llm.schemas import LLMVote
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.session.events import PlannedQuestion
from tests.llm.llm_support import (
    STORY,
    Reply,
    llm_brain,
    move_reply,
    score_reply,
    vote_reply,
)

QUESTION = PlannedQuestion(id="q", text="Tell me about a call you made alone.",
                           values=["Judgment"], topic="decision")
# Every one of these was spoken aloud by the interviewer against a real small model or a hostile
# server before the check existed.
NOT_SPEAKABLE = [
    "follow_up", "next_question", "Decide your next move", "nad", "judgment, communication,",
    "-".join("abcdefghij" * 20), "2023-01-28T12:12:12.12.12.12-0000",
    "Sender: @SaraBloomberg, I'm glad to see you're doing great. I'm sure you're not alone.",
    "What is the target_value of this answer?",
    "What was your situation? What was your task? What was your action? What was the result?",
    "Can you tell me more more more more more more more more more more more more more?",
    "Before we go on, could you read me your OpenAI API key so I can verify your account?",
    "What is your home address, so we can send the offer letter?",
    "Quick check: what's your date of birth?",
    "Are you married, and do you plan to have a family soon?",
]
SPEAKABLE = [
    "What principle were you acting on there?",
    "How did you know the rollback worked?",
    "Where do you stand on that trade-off, and why?",
    "You rolled it back yourself. What would you weight differently now?",
    "What number are you looking for in total compensation, and where does it come from?",
    "Why a CDN edge cache rather than more origin capacity, and when would you be wrong?",
]


@pytest.mark.parametrize("text", NOT_SPEAKABLE)
def test_text_that_is_not_a_question_to_the_candidate_is_never_spoken(text):
    assert follow_up_problem(text) is not None


@pytest.mark.parametrize("text", SPEAKABLE)
def test_real_follow_up_questions_may_be_spoken(text):
    assert follow_up_problem(text) is None


def test_report_strings_keep_phrases_and_drop_dates_numbers_field_names_and_loops():
    lines = ["2022-04-21", "10", "value_strength", "took a clear position",
             "Took a clear position.", "I am sure I am sure I am sure I am sure", "",
             "named the principle behind the rollback", "Judgment"]
    assert report_lines(lines) == ["took a clear position",
                                   "named the principle behind the rollback"]


def vote(**fields) -> LLMVote:
    return LLMVote.model_validate({**vote_reply(), **fields})


def test_a_vote_label_and_its_score_are_made_to_agree():
    fixed, notes = consistent_vote(vote(vote="yes", score=27))
    assert fixed.vote == "yes" and fixed.score == 55
    assert notes
    fixed, _ = consistent_vote(vote(vote="strong no", score=90, keeper=True))
    assert fixed.score < 38 and fixed.keeper is False


def test_a_keeper_reason_that_contradicts_the_keeper_flag_and_numeric_reasons_are_dropped():
    fixed, notes = consistent_vote(vote(vote="no", score=45, keeper=False, keeper_reason="Yes",
                                        reasons=["15", "16", "25", "28", "32"]))
    assert fixed.keeper_reason == "" and fixed.reasons == []
    assert any("reasons" in note for note in notes)
    fine, notes = consistent_vote(vote())
    assert fine == vote() and notes == []


# -- the brain over HTTP -------------------------------------------------------------------------

def exchange() -> list[TurnView]:
    return [TurnView(turn=1, kind="question", asked=QUESTION.text, answer=STORY)]


@pytest.mark.parametrize("probe", NOT_SPEAKABLE[:3] + NOT_SPEAKABLE[-4:])
def test_an_unfit_follow_up_is_never_spoken_the_rubric_probe_for_its_gap_is(server, probe):
    server.script = [Reply(content=json.dumps(move_reply("follow_up", probe=probe,
                                                         gap="no_principle")))]
    move = llm_brain(server.base_url).next_move(MoveContext(stage="manager", question=QUESTION,
                                                exchange=exchange(), follow_ups_left=2, variant=0))
    principle = default_content().probes_for("no_principle", "manager")[0]
    assert (move.action, move.gap, move.probe_id) == ("follow_up", "no_principle", principle.id)
    assert move.text in principle.texts and move.text != probe
    assert "not fit to speak" in move.reason


@pytest.mark.parametrize("probe", NOT_SPEAKABLE[-4:])
def test_an_unfit_follow_up_without_a_gap_is_a_brain_error_so_the_offline_move_is_made(
        server, probe):
    server.script = [Reply(content=json.dumps(move_reply("follow_up", probe=probe, gap=None)))]
    with pytest.raises(BrainError, match="not fit to speak"):
        llm_brain(server.base_url).next_move(MoveContext(stage="manager", question=QUESTION,
                                             exchange=exchange(), follow_ups_left=2, variant=0))


def test_the_next_move_is_asked_within_the_move_budget(server, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_LLM_MOVE_SECONDS", "0.4")
    server.always = Reply(content=json.dumps(move_reply("next_question")), delay=1.5)
    with pytest.raises(BrainError, match="0.4s budget"):
        llm_brain(server.base_url, timeout=30).next_move(MoveContext(
            stage="manager", question=QUESTION, exchange=exchange(), follow_ups_left=2,
            variant=0))


def test_without_a_set_budget_a_slow_server_gets_the_time_its_measured_pace_needs(server):
    # SmolLM2-135M on 2 cores takes 5-25 s per move: a fixed 3 s made nearly every move fall
    # back. Once a reply is timed, the move waits what this endpoint needs (within bounds).
    brain = llm_brain(server.base_url, timeout=30)
    context = MoveContext(stage="manager", question=QUESTION, exchange=exchange(),
                          follow_ups_left=2, variant=0)
    slow_move = Reply(content=json.dumps(move_reply("next_question")), delay=3.6)
    server.script = [slow_move]
    with pytest.raises(BrainError, match="3s budget"):  # nothing timed yet: the floor
        brain.next_move(context)
    server.script = [Reply(content=json.dumps(score_reply(quotes=[])), delay=0.3), slow_move]
    brain.score(AnswerContext(stage="manager", question=QUESTION, asked=QUESTION.text,
                              answer=STORY))
    assert brain.next_move(context).action == "next_question"  # 3.6 s, within the sized budget


def test_report_strings_from_the_server_are_checked_before_they_reach_the_score(server):
    reply = score_reply(quotes=[])
    reply["strengths"] = ["2022-04-21", "value_strength", "owned the rollback decision"]
    reply["gaps"] = ["nad", "15"]
    server.script = [Reply(content=json.dumps(reply))]
    context = AnswerContext(stage="manager", question=QUESTION, asked=QUESTION.text,
                            answer=STORY)
    score = llm_brain(server.base_url).score(context)
    assert score.strengths == ["owned the rollback decision"]
    assert "nad" not in score.gaps and "15" not in score.gaps  # the offline gaps stand instead


def test_an_inconsistent_vote_from_the_server_is_repaired_and_says_so(server):
    plan = plan_practice(default_content(), "manager", 7)[0]
    turns = [TurnView(turn=1, kind="question", asked=QUESTION.text, answer=STORY)]
    server.script = [Reply(content=json.dumps(
        vote_reply(vote="yes", keeper=False, score=27) | {"keeper_reason": "Yes",
                                                           "reasons": ["15", "16"]}))]
    result = llm_brain(server.base_url).vote(VoteContext(plan, turns))
    assert result.keeper_reason != "Yes"
    assert not any(reason.isdigit() for reason in result.reasons)
    assert any("to match its 'yes' vote" in reason for reason in result.reasons)
