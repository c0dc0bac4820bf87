"""The log survives crashes: SIGKILL keeps finished turns, resume finishes, damage is tolerated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from interviewer.rubric.content import default_content
from interviewer.session.events import AnswerRecorded
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.support import REPO, STRONG_STORY, WEAK_STORY, run_cli, write_answers


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


def test_resumed_output_has_no_repeated_handover_or_empty_progress_lines(sessions_dir, tmp_path):
    # A loop stopped inside the manager call, in a follow-up after its first question: a full
    # run elsewhere shows how many answers come before such a follow-up (the plan is seeded).
    answers = write_answers(tmp_path / "all.txt", [WEAK_STORY] * 60)
    scratch = tmp_path / "scratch"
    run_cli("loop", "--cold-start", "--seed", "3", "--answers", str(answers),
            "--sessions-dir", str(scratch))
    full = build_state(list_sessions(scratch)[0].read())
    cut = next(n for n, t in enumerate(full.turns)
               if t.asked.interview == 1 and t.asked.question_index >= 1
               and t.asked.kind != "question")
    first = write_answers(tmp_path / "first.txt", [WEAK_STORY] * cut)
    run_cli("loop", "--cold-start", "--seed", "3", "--answers", str(first))
    store = list_sessions(sessions_dir)[0]
    state = build_state(store.read())
    pending = [t for t in state.turns if t.answer is None]
    assert pending and pending[-1].asked.kind != "question", "stopped inside a follow-up"
    question = state.interviews[1].plan.questions[pending[-1].asked.question_index].text

    rest = write_answers(tmp_path / "rest.txt", [STRONG_STORY] * 3)
    out = run_cli("resume", store.session_id, "--answers", str(rest)).stdout
    lines = out.splitlines()
    assert "Next, the hiring manager" not in out, "the handover into the manager call was shown"
    # QA 2026-12-02: resume said nothing about which session it picked up, or where.
    plan = state.interviews[1].plan
    title = default_content().stage_title(plan.stage, plan.style)
    assert lines[0] == (f"Resuming session {store.session_id}: {title} ({plan.interviewer_name}), "
                        f"question {pending[-1].asked.question_index + 1} of "
                        f"{len(plan.questions)} in a follow-up.")
    progress = [i for i, line in enumerate(lines) if " · question " in line]
    assert progress and all(
        " · question " not in lines[i + 1] for i in progress if i + 1 < len(lines)
    ), "every progress line is followed by something asked"
    assert "question 1 of 3" not in lines[progress[0]], "done questions are not announced again"
    context = next(i for i, line in enumerate(lines) if line.startswith("The question was:"))
    shown = " ".join(line.strip() for line in lines[context:context + 4])
    assert question[:60] in shown
    assert pending[-1].asked.text[:40] in "\n".join(lines[context + 1:context + 8])


def test_latest_is_the_session_written_last_when_two_start_in_the_same_second(tmp_path):
    import os

    from interviewer.session.store import find_session

    older = tmp_path / "20261202-050000-recruiter"
    newer = tmp_path / "20261202-050000-manager"  # sorts first by its label
    for rank, folder in enumerate((older, newer)):
        folder.mkdir()
        log = folder / "events.jsonl"
        log.write_text("{}\n")
        os.utime(log, ns=(1_000_000_000 * (rank + 1),) * 2)
    assert find_session("latest", tmp_path).folder == newer


def test_a_path_that_is_not_a_session_says_what_it_is_and_what_to_give(tmp_path):
    sessions = tmp_path / "sessions"
    folder = tmp_path / "not-a-session"
    folder.mkdir()
    session = sessions / "20261202-050000-manager"
    session.mkdir(parents=True)
    (session / "events.jsonl").write_text("{}\n")
    expected = {
        str(tmp_path / "gone"): "does not exist",
        str(folder): "is not a session folder (it has no events.jsonl)",
        str(session / "events.jsonl"): f"is the session's log; give its folder instead: {session}",
    }
    for given, reason in expected.items():
        result = run_cli("replay", given, "--no-audio", "--sessions-dir", str(sessions))
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"error: {given} {reason}"), result.stderr
        assert f"in {sessions}" not in result.stderr  # the sessions folder was not what they gave
        assert "Traceback" not in result.stderr
