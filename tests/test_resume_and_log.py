"""The log survives crashes: SIGKILL keeps finished turns, resume finishes, damage is tolerated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from conftest import REPO, STRONG_STORY, run_cli, write_answers

from interviewer.session.events import AnswerRecorded
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions


def test_sigkill_mid_interview_keeps_finished_turns_and_resume_finishes(sessions_dir, tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "interviewer", "practice", "--stage", "manager", "--text",
         "--seed", "5"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=REPO, env=os.environ.copy(),
    )
    for _ in range(2):
        process.stdin.write(STRONG_STORY + "\n\n")
        process.stdin.flush()
    deadline = time.time() + 30
    answered = 0
    while time.time() < deadline and answered < 2:
        stores = list_sessions(sessions_dir)
        if stores:
            answered = sum(isinstance(e, AnswerRecorded) for e in stores[0].read())
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert answered == 2, "both typed answers reached the log before the kill"

    store = list_sessions(sessions_dir)[0]
    state = build_state(store.read())
    assert [t.answer.text for t in state.turns if t.answer] == [STRONG_STORY] * 2
    assert not state.complete

    answers = write_answers(tmp_path / "rest.txt", [STRONG_STORY] * 10)
    result = run_cli("resume", store.session_id, "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    state = build_state(store.read())
    assert state.complete
    assert state.interviews[0].vote is not None
    answers_in_order = [t.answer.text for t in state.turns if t.answer]
    assert answers_in_order[:2] == [STRONG_STORY] * 2
    turn_numbers = [t.asked.turn for t in state.turns]
    assert turn_numbers == sorted(set(turn_numbers)), "no turn asked twice"


def test_half_written_last_line_is_read_up_to_the_damage(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 2)
    run_cli("practice", "--stage", "manager", "--answers", str(answers))
    store = list_sessions(sessions_dir)[0]
    good = len(store.read())
    with open(store.events_path, "a", encoding="utf-8") as log:
        log.write('{"type": "answer_recorded", "turn": 9, "te')
    listed = run_cli("replay", store.session_id, "--no-audio")
    assert listed.returncode == 0
    assert "damaged" in listed.stderr and "Traceback" not in listed.stderr
    assert STRONG_STORY[:40] in listed.stdout
    resumed = run_cli("resume", store.session_id, "--answers", str(answers))
    assert resumed.returncode == 0, resumed.stderr
    events = store.read()
    assert len(events) > good
