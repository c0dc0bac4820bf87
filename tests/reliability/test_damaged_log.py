"""A damaged events.jsonl costs at most the damaged lines: nothing valid is dropped or rewritten."""

from __future__ import annotations

import json

import pytest

from interviewer.session.events import AnswerRecorded, QuestionAsked
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.support import STRONG_STORY, WEAK_STORY, run_cli, write_answers

DAMAGED_FILE = "events.damaged.jsonl"  # where resume keeps a copy of unreadable lines

pytestmark = pytest.mark.filterwarnings("ignore::interviewer.session.store.DamagedLogWarning")

DAMAGE = {
    "garbage bytes": b"\xff\xfe\x00garbage\x9c\x01",
    "wrong-schema JSON": b'{"type": "answer_recorded", "turn": "seven", "text": 5}',
    "NULs": b"\x00" * 40,
    "unknown event type": b'{"v": 1, "type": "mood_swing", "at": "2026-01-01T00:00:00Z"}',
}


def _stopped_session(sessions_dir, tmp_path, answers: int = 4):
    """A practice session stopped after `answers` scripted answers (about 20 log lines)."""
    script = write_answers(tmp_path / "first.txt", [STRONG_STORY, WEAK_STORY] * (answers // 2))
    result = run_cli("practice", "--stage", "manager", "--seed", "3", "--answers", str(script))
    assert result.returncode == 0, result.stderr
    return list_sessions(sessions_dir)[0]


def _answers(store) -> list[str]:
    return [e.text for e in store.read() if isinstance(e, AnswerRecorded)]


def _insert(store, damage: bytes, where: str) -> bytes:
    lines = store.events_path.read_bytes().splitlines(keepends=True)
    at = len(lines) // 2 if where == "middle" else len(lines)
    lines.insert(at, damage + b"\n")
    body = b"".join(lines)
    store.events_path.write_bytes(body)
    return body


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_middle_line_costs_only_that_line_on_resume(sessions_dir, tmp_path, kind):
    store = _stopped_session(sessions_dir, tmp_path)
    before_answers = _answers(store)
    asked_before = [e.turn for e in store.read() if isinstance(e, QuestionAsked)]
    damaged = _insert(store, DAMAGE[kind], "middle")
    assert len(damaged.splitlines()) >= 18

    rest = write_answers(tmp_path / "rest.txt", [STRONG_STORY] * 12)
    result = run_cli("resume", store.session_id, "--answers", str(rest))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "damaged" in result.stderr

    after = store.events_path.read_bytes()
    assert after.startswith(damaged), "nothing already in the log is rewritten"
    assert (store.folder / DAMAGED_FILE).read_bytes().strip() == DAMAGE[kind].strip()
    assert _answers(store)[: len(before_answers)] == before_answers
    state = build_state(store.read())
    assert state.complete
    asked_after = [t.asked.turn for t in state.turns]
    assert asked_after[: len(asked_before)] == asked_before
    assert len(asked_after) == len(set(asked_after)), "no answered question is asked again"


@pytest.mark.parametrize("where", ["middle", "end"])
def test_events_from_a_newer_version_are_refused_with_upgrade_advice(sessions_dir, tmp_path, where):
    store = _stopped_session(sessions_dir, tmp_path, answers=2)
    newer = json.dumps({"v": 99, "type": "answer_recorded", "turn": 1, "text": "x", "source": "s"})
    damaged = _insert(store, newer.encode(), where)
    for command in (["resume", store.session_id, "--text"], ["replay", store.session_id,
                                                            "--no-audio"]):
        result = run_cli(*command, input="")
        assert result.returncode == 2, result.stderr
        assert "newer version" in result.stderr and "upgrade" in result.stderr
        assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert store.events_path.read_bytes() == damaged


def test_a_half_written_last_line_can_still_be_rescored(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path, answers=2)
    with open(store.events_path, "ab") as log:
        log.write(b'{"type": "answer_scored", "turn": 1, "bra')
    result = run_cli("replay", store.session_id, "--rescore", "--no-audio")
    assert result.returncode == 0, result.stderr
    assert "revision 1" in result.stdout
    state = build_state(store.read())
    assert all(t.score_at(1).revision == 1 for t in state.turns if t.answer)


def test_bom_empty_folder_and_damaged_first_line_are_explained(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path, answers=2)
    body = store.events_path.read_bytes()
    store.events_path.write_bytes(b"\xef\xbb\xbf" + body)
    result = run_cli("replay", store.session_id, "--no-audio")
    assert result.returncode == 0, result.stderr
    assert STRONG_STORY[:30] in result.stdout

    cases = {
        "empty": lambda path: path.write_bytes(b""),
        "first line damaged": lambda path: path.write_bytes(b"{oops\n" + body.split(b"\n", 1)[1]),
    }
    for name, damage in cases.items():
        damage(store.events_path)
        result = run_cli("replay", store.session_id, "--no-audio")
        assert result.returncode == 2, (name, result.stderr)
        assert "unexpected" not in result.stderr and "Traceback" not in result.stderr, name
        assert str(store.events_path) in result.stderr, name
        listing = run_cli("sessions")
        assert listing.returncode == 0 and "unexpected" not in listing.stderr, name

    store.events_path.unlink()
    store.events_path.mkdir()
    result = run_cli("replay", str(store.folder), "--no-audio")
    assert result.returncode == 2 and "is a folder" in result.stderr, result.stderr


def test_duplicated_events_show_each_turn_once(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path, answers=2)
    once = run_cli("replay", store.session_id, "--no-audio").stdout
    store.events_path.write_bytes(store.events_path.read_bytes() * 2)
    twice = run_cli("replay", store.session_id, "--no-audio")
    assert twice.returncode == 0, twice.stderr
    assert twice.stdout == once


def test_an_out_of_range_interview_index_breaks_no_listing(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path, answers=2)
    bad = [
        {"v": 1, "type": "interview_started", "interview": 7},
        {"v": 1, "type": "question_asked", "turn": 40, "interview": 0, "question_index": 99,
         "kind": "question", "text": "?"},
    ]
    with open(store.events_path, "a", encoding="utf-8") as log:
        log.write("".join(json.dumps(event) + "\n" for event in bad))
    for command in (["sessions"], ["progress"], ["replay", store.session_id, "--no-audio"]):
        result = run_cli(*command)
        assert result.returncode == 0, (command, result.stderr)
        assert "unexpected" not in result.stderr, command
        assert "skipped" in result.stderr, command


def test_resume_warns_about_a_damaged_line_once(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path, answers=2)
    _insert(store, DAMAGE["garbage bytes"], "middle")
    rest = write_answers(tmp_path / "rest.txt", [STRONG_STORY] * 12)
    result = run_cli("resume", store.session_id, "--answers", str(rest))
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == 1 and "damaged line" in warned[0], result.stderr
