"""`score` on transcripts as people write them: follow-ups, recruiter questions, no answers."""

from __future__ import annotations

import json

from tests.support import run_cli

STORY = (
    "Interviewer: Tell me about a time you disagreed with your manager.\n"
    "Candidate: Last spring my manager wanted to launch the new billing page before the "
    "holidays. I thought the refund flow wasn't ready. I wrote a one-page doc with the failure "
    "rate from our staging tests, which was 4 percent, and asked for two more weeks.\n"
    "Interviewer: What happened?\n"
    "Candidate: We delayed by ten days, the failure rate dropped to 0.1 percent, and we "
    "launched. Looking back, I would have raised it a week earlier, because I sat on the data.\n"
)
MENTOR = (
    "Interviewer: What would you need from your manager here?\n"
    "Candidate: Honestly I'd need a lot of hand-holding at first, a mentor who sets my "
    "priorities every week.\n"
)


def _score(tmp_path, text: str, *args: str):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return run_cli("score", str(path), *args)


def test_a_short_interviewer_turn_that_points_back_is_a_follow_up(tmp_path):
    result = json.loads(_score(tmp_path, STORY + MENTOR, "--json").stdout)
    assert [a["exchange"] for a in result["answers"]] == [1, 1, 2]
    assert result["answers"][1]["kind"] == "follow_up"
    assert result["exchanges"][0]["turns"] == 2
    assert result["exchanges"][0]["overall"] > result["answers"][0]["overall"]


def test_a_labelled_follow_up_joins_the_exchange_before_it(tmp_path):
    text = STORY.replace("Interviewer: What happened?",
                         "Interviewer (follow-up): And how did your manager take the doc?")
    result = json.loads(_score(tmp_path, text, "--json").stdout)
    assert [a["exchange"] for a in result["answers"]] == [1, 1]
    assert not result["answers"][1]["question"].startswith("(follow-up)")


def test_a_mentorship_question_is_read_as_a_recruiter_question_at_any_stage(tmp_path):
    result = json.loads(_score(tmp_path, MENTOR, "--json").stdout)
    answer = result["answers"][0]
    assert answer["score"]["signals"]["mentorship_risk"] is True
    assert answer["next_move"]["gap"] == "mentorship_structure"
    assert "recruiter" in run_cli("score", "--help").stdout


def test_text_output_names_gaps_in_plain_words(tmp_path):
    out = _score(tmp_path, STORY + MENTOR).stdout
    assert "no_principle" not in out and "mentorship_structure" not in out
    assert "heavy structure" in out


def test_a_transcript_without_answers_is_a_clear_error(tmp_path):
    result = _score(tmp_path, "Interviewer: Tell me about a time.\nInterviewer: Another?\n")
    assert result.returncode != 0
    assert "no candidate answers" in result.stderr and "Traceback" not in result.stderr


def test_the_interviewer_repeating_the_question_stays_in_its_exchange(tmp_path):
    # QA 2026-12-02: a session's own "Sorry, could you repeat the question?" / "Of course.
    # <question>" read back with `score` made a 10/100 exchange of its own and halved the overall.
    question = "Looking at your last two roles, what part of the work did you grow into?"
    text = (f"Interviewer: {question}\nCandidate: Sorry, could you repeat the question?\n"
            f"Interviewer: Of course. {question}\n"
            "Candidate: I grew into owning data quality: I built the contract tests our "
            "pipelines run, and pipeline failures went from twelve a month to one.\n")
    result = json.loads(_score(tmp_path, text, "--json").stdout)
    assert len(result["exchanges"]) == 1
    assert [a["kind"] for a in result["answers"]] == ["question", "follow_up"]


def test_a_story_retold_to_the_next_question_is_asked_for_another(tmp_path):
    from tests.rubric.retold_stories import SAME

    first, again = SAME["kafka-migration"]
    text = ("Interviewer: Tell me about an important decision you made recently.\n"
            f"Candidate: {first}\n"
            "Interviewer: Describe a time you disagreed with someone more senior than you.\n"
            f"Candidate: {again}\n")
    result = json.loads(_score(tmp_path, text, "--json", "--stage", "manager").stdout)
    assert [a["exchange"] for a in result["answers"]] == [1, 2]
    assert result["answers"][0]["next_move"]["gap"] != "retold"
    assert result["answers"][1]["next_move"]["gap"] == "retold"
    assert result["answers"][1]["next_move"]["probe_id"] == "different-example"
