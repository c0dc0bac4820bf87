"""Whole sessions with the LLM interviewer over real HTTP: its moves are spoken, every fault falls
back to the offline interviewer for that step, the session finishes and says which turns fell back,
and the API key is in no file the session writes."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from interviewer.session.events import (
    AnswerRecorded,
    AnswerScored,
    MoveDecided,
    Note,
    QuestionAsked,
    SessionEnded,
    VoteCast,
)
from interviewer.testing import FakeSpeaker
from tests.llm.llm_support import (
    FAKE_KEY,
    MALFORMED_200,
    STORY,
    Reply,
    answers_in,
    error,
    files_containing,
    llm_brain,
    refused_url,
    run_session,
)

ANSWERS = [f"{STORY} (Answer number {n}.)" for n in range(1, 40)]
FAST_RETRY = {"retry-after-ms": "1"}


def events_of(run, kind):
    return [e for e in run.store.read() if isinstance(e, kind)]


def assert_saved_and_finished(run):
    assert run.finished
    assert [e.reason for e in events_of(run, SessionEnded)] == ["completed"]
    for name in ("events.jsonl", "transcript.json", "report.md"):
        assert (run.store.folder / name).is_file()
    recorded = [e.text for e in events_of(run, AnswerRecorded)]
    assert recorded == ANSWERS[: len(recorded)]  # nothing the candidate said is lost
    assert files_containing(run.store.folder, FAKE_KEY) == []


def test_the_follow_up_the_server_chose_is_the_one_spoken(server, tmp_path):
    speaker = FakeSpeaker()
    run = run_session(tmp_path, llm_brain(server.base_url), ANSWERS, speaker=speaker)
    assert_saved_and_finished(run)
    follow_ups = [e for e in events_of(run, QuestionAsked) if e.kind == "follow_up"]
    assert [e.text for e in follow_ups] == [
        f"LLM probe {n}: what principle guided you?" for n in range(1, len(follow_ups) + 1)
    ]
    assert all(e.probe_id == "llm" for e in follow_ups)
    for event in follow_ups:
        assert event.text in speaker.said
        assert event.text in run.console
    assert {(e.brain, e.fallback) for e in events_of(run, AnswerScored)} == {("llm", False)}
    assert {(e.brain, e.fallback) for e in events_of(run, MoveDecided)} == {("llm", False)}
    assert {e.brain for e in events_of(run, VoteCast)} == {"llm"}
    assert events_of(run, Note) == []
    # The requests carried the schema and the candidate's words only inside the data tags.
    assert {r.mode for r in server.requests} == {"json_schema"}
    for request in server.requests:
        assert answers_in(request.user), "every request carries the candidate's words"
        outside = re.sub(r"<candidate_answer>\n.*?\n</candidate_answer>", "", request.user,
                         flags=re.DOTALL)
        assert "Answer number" not in outside and "playback service" not in outside


FAULTS = {
    "timeout": (Reply(content="{}", delay=0.6), dict(timeout=0.15)),
    "429": (error(429, "slow down", FAST_RETRY), dict(retries=1)),
    "500": (error(500, "boom", FAST_RETRY), dict(retries=1)),
    "malformed JSON": (Reply(content='{"action": "follow_up", "probe": "What'), {}),
    "truncated JSON": (Reply(content='{"values": [{"val', finish_reason="length"), {}),
    "refusal": (Reply(content=None, refusal="I can't help with that."), {}),
    "connection refused": (None, {}),
    **{f"HTTP 200 with {name}": (reply, {}) for name, reply in MALFORMED_200.items()},
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_every_fault_ends_in_a_finished_session_that_marks_the_fallback_turns(
    server, tmp_path, fault
):
    reply, options = FAULTS[fault]
    url = refused_url() if reply is None else server.base_url
    server.always = reply
    run = run_session(tmp_path, llm_brain(url, **options), ANSWERS)
    assert_saved_and_finished(run)
    scored = events_of(run, AnswerScored)
    assert scored and {(e.brain, e.fallback) for e in scored} == {("offline", True)}
    assert {(e.brain, e.fallback) for e in events_of(run, MoveDecided)} <= {("offline", True)}
    notes = events_of(run, Note)
    # Each reason is told once (in the log and on the console), not once per step: the steps
    # themselves carry the fallback mark.
    assert notes and len({n.text for n in notes}) == len(notes)
    assert all("offline interviewer took this step" in n.text for n in notes)
    warnings = [line for line in run.console.splitlines() if "unavailable for the" in line]
    assert len(warnings) == len(set(warnings)) == len(notes)
    transcript = json.loads((run.store.folder / "transcript.json").read_text())
    turns = [t for i in transcript["interviews"] for t in i["turns"] if t["score"]]
    assert turns and all(t["fallback"] and t["scored_by"] == "offline" for t in turns)
    assert len(transcript["notes"]) == len(notes)
    report = (run.store.folder / "report.md").read_text()
    assert "took this step" in report and "fallback" in report


def test_one_failed_step_falls_back_and_the_llm_carries_on(server, tmp_path):
    server.script = [error(500, "blip")]  # only the very first request fails
    run = run_session(tmp_path, llm_brain(server.base_url), ANSWERS)
    assert_saved_and_finished(run)
    scored = events_of(run, AnswerScored)
    assert (scored[0].brain, scored[0].fallback) == ("offline", True)
    assert {(e.brain, e.fallback) for e in scored[1:]} == {("llm", False)}
    (note,) = events_of(run, Note)
    assert note.turn == scored[0].turn and "HTTP 500" in note.text


def test_each_onsite_interviewer_sees_only_its_own_interview(server, tmp_path):
    run = run_session(tmp_path, llm_brain(server.base_url), ANSWERS, stage="onsite", seed=11)
    assert_saved_and_finished(run)
    events = run.store.read()
    interview_of_turn = {e.turn: e.interview for e in events if isinstance(e, QuestionAsked)}
    interview_of_answer = {
        e.text: interview_of_turn[e.turn] for e in events if isinstance(e, AnswerRecorded)
    }
    plans = run.state.started.interviews
    assert len(plans) >= 4
    votes = [r for r in server.requests if r.schema_name == "LLMVote"]
    assert len(votes) == len(plans)
    for request in server.requests:
        owners = {interview_of_answer[text] for text in answers_in(request.user)}
        assert len(owners) == 1, "a request mixed answers from two interviews"
    for index, request in enumerate(votes):
        own = [t for t, i in interview_of_answer.items() if i == index]
        assert Counter(answers_in(request.user)) == Counter(own)
        others = [p.interviewer_name for i, p in enumerate(plans) if i != index]
        text = request.system + request.user
        assert plans[index].interviewer_name in request.system
        assert not any(name in text for name in others)
