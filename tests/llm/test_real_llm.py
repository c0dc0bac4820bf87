"""The LLM interviewer against a real local model: llama.cpp's server with SmolLM2-135M.

A 135M model is weak, so these judge the plumbing, not the wisdom: requests pass and the schema
is honoured (most steps are the model's own, not fallbacks), every step is bounded in time,
every follow-up spoken is a real question, every report string is checked, and stopping the
server mid-session costs seconds, not minutes. Kept short for CI: two answers, sized replies.
"""

from __future__ import annotations

import json
import time

from interviewer.brains.llm.checks import follow_up_problem, report_lines
from interviewer.brains.llm.factory import llm_brain_from_env
from interviewer.live.doctor import check_llm
from interviewer.session.events import AnswerRecorded, AnswerScored, MoveDecided, Note, VoteCast
from interviewer.session.store import SessionStore
from interviewer.testing import BrainCall, FakeSpeaker, RecordingBrain
from tests.llm.llm_support import STORY, run_session
from tests.llm.real_llm import MODEL_NAME
from tests.support import run_cli, write_answers

# On a busy 2-core machine a move takes SmolLM2 5-25 s (prompt processing dominates); the
# default budget (sized from the pace) stops at 15 s. The tests give the model room to answer so
# that its own moves are exercised, and check the budget holds.
MOVE_SECONDS = 40
TIMEOUT = 120
ANSWERS = [
    STORY,
    "The principle was that the person closest to the problem owns the call. I would make the "
    "same call again, but I would tell my director before rolling back, not after.",
    "We watched the error rate and session starts per region; failures fell from 12% to under "
    "1% within two hours, and the canary now catches that kind of release.",
    "Next time I would set up the two-region canary before the launch, not after the incident.",
]


def llm_env(server) -> dict[str, str]:
    return {"INTERVIEWER_LLM_BASE_URL": server.base_url, "INTERVIEWER_LLM_MODEL": MODEL_NAME,
            "INTERVIEWER_LLM_TIMEOUT": str(TIMEOUT), "INTERVIEWER_LLM_MAX_RETRIES": "0",
            "INTERVIEWER_LLM_MOVE_SECONDS": str(MOVE_SECONDS), "OPENAI_API_KEY": ""}


def own_share(events, kinds, revision: int = 0) -> tuple[int, int]:
    """(steps the LLM took itself, all such steps) among events of `kinds` in a revision."""
    steps = [e for e in events if isinstance(e, kinds) and getattr(e, "revision", 0) == revision]
    return sum(1 for e in steps if e.brain == "llm"), len(steps)


def assert_spoken_and_printed_text_checked(folder) -> None:
    """Every follow-up asked is a real question; every report string reads as a phrase."""
    transcript = json.loads((folder / "transcript.json").read_text())
    for turn in (t for i in transcript["interviews"] for t in i["turns"]):
        if turn["kind"] == "follow_up":
            assert follow_up_problem(turn["asked"]) is None, turn["asked"]
        if turn["score"]:
            for line in turn["score"]["strengths"] + turn["score"]["gaps"]:
                assert report_lines([line]) == [line], line


def test_practice_and_rescore_with_the_real_model(real_server, tmp_path, sessions_dir,
                                                 monkeypatch):
    for name, value in llm_env(real_server).items():
        monkeypatch.setenv(name, value)
    doctor = check_llm()
    assert doctor.ok, doctor.detail

    answers = write_answers(tmp_path / "answers.txt", ANSWERS[:2])
    started = time.monotonic()
    result = run_cli("practice", "--stage", "manager", "--answers", str(answers), "--brain",
                     "llm", "--seed", "5", timeout=900)
    practice_seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    (folder,) = [p for p in sessions_dir.iterdir() if p.is_dir()]
    events = SessionStore(folder).read()
    notes = [n.text for n in events if isinstance(n, Note)]
    # The requests pass and the schema is honoured: most scores are the model's own. (Its
    # moves are counted but not required: SmolLM2-135M's wording is mostly unfit to speak.)
    own, total = own_share(events, AnswerScored)
    assert total == 2 and own > total / 2, notes
    moves_own, moves = own_share(events, MoveDecided)
    assert_spoken_and_printed_text_checked(folder)
    # Time per step is bounded: the move by its budget, a score by the learned timeout.
    answered = {e.turn: e.at for e in events if isinstance(e, AnswerRecorded)}
    scored = {e.turn: e.at for e in events if isinstance(e, AnswerScored)}
    for move in (e for e in events if isinstance(e, MoveDecided)):
        assert (scored[move.turn] - answered[move.turn]).total_seconds() <= TIMEOUT * 2 + 5
        assert (move.at - scored[move.turn]).total_seconds() <= MOVE_SECONDS * 2 + 5
    print(f"\npractice: {own}/{total} scores and {moves_own}/{moves} moves by the model in "
          f"{practice_seconds:.0f}s")

    started = time.monotonic()
    rescored = run_cli("replay", folder.name, "--rescore", "--no-audio", "--brain", "llm",
                       timeout=900)
    assert rescored.returncode == 0, rescored.stderr
    events = SessionStore(folder).read()
    own, total = own_share(events, AnswerScored, revision=1)
    assert total == 2 and own > total / 2, rescored.stdout
    if own == total:
        assert "Re-scored by the llm interviewer as revision 1" in rescored.stdout
    else:
        assert f"{own} of {total} steps by the llm interviewer" in rescored.stdout
    assert "Score by llm interviewer:" in rescored.stdout
    print(f"rescore: {own}/{total} steps by the model in {time.monotonic() - started:.0f}s")


def test_a_short_interview_ends_in_the_models_own_vote(real_server, tmp_path, monkeypatch):
    for name, value in llm_env(real_server).items():
        monkeypatch.setenv(name, value)
    brain = llm_brain_from_env()
    speaker = FakeSpeaker()
    started = time.monotonic()
    run = run_session(tmp_path, brain, ANSWERS, questions=1, speaker=speaker)
    seconds = time.monotonic() - started
    assert run.finished
    events = run.store.read()
    own, total = own_share(events, (AnswerScored, MoveDecided, VoteCast))
    assert own > total / 2, [n.text for n in events if isinstance(n, Note)]
    (vote,) = [e for e in events if isinstance(e, VoteCast)]
    assert vote.brain == "llm"
    assert report_lines(vote.vote.reasons) == vote.vote.reasons
    assert_spoken_and_printed_text_checked(run.store.folder)
    for text in speaker.said:
        assert text.strip()
    print(f"\nshort interview: {own}/{total} steps by the model in {seconds:.0f}s; "
          f"{brain.client.pace.describe()}")


def test_stopping_the_server_mid_session_falls_back_in_seconds(real_server, tmp_path,
                                                              monkeypatch):
    for name, value in llm_env(real_server).items():
        monkeypatch.setenv(name, value)
    stopped_at: list[float] = []

    def stop_after_the_first_score(call: BrainCall) -> None:
        if call.step == "score" and not stopped_at:
            real_server.stop()
            stopped_at.append(time.monotonic())

    # The LLM brain, with the server stopped right after it scored the first answer.
    brain = RecordingBrain(llm_brain_from_env(), after=stop_after_the_first_score)
    speaker = FakeSpeaker()
    try:
        run = run_session(tmp_path, brain, ANSWERS, questions=1, speaker=speaker)
        after_stop = time.monotonic() - stopped_at[0]
    finally:
        real_server.start()  # for any test after this one
    assert run.finished
    events = run.store.read()
    first_answer = min(e.turn for e in events if isinstance(e, AnswerRecorded))
    later = [e for e in events if isinstance(e, (MoveDecided, VoteCast))
             or (isinstance(e, AnswerScored) and e.turn != first_answer)]
    assert later and {e.brain for e in later} == {"offline"}
    assert any("could not connect" in e.text for e in events if isinstance(e, Note))
    # A stopped server is noticed at once: no timeout is waited out after it.
    assert after_stop < 30, after_stop
    assert all(text.strip() for text in speaker.said)
    print(f"\nafter the server stopped the session finished in {after_stop:.1f}s")
