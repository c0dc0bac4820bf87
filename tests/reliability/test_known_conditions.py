"""Known conditions get one line saying what to do, never "unexpected ..., please report it"."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest

from interviewer.session.events import AnswerRecorded
from interviewer.session.state import build_state
from interviewer.session.store import SessionStore, list_sessions
from tests.support import REPO, STRONG_STORY, WEAK_STORY, run_cli, write_answers


def _clean_error(result, *words):
    assert result.returncode != 0
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_progress_html_into_a_missing_folder(sessions_dir, tmp_path):
    target = tmp_path / "charts" / "progress.html"
    result = run_cli("progress", "--html", str(target))
    assert result.returncode == 0, result.stderr
    assert target.is_file() and stat.S_IMODE(target.parent.stat().st_mode) == 0o700


def test_progress_html_keeps_a_file_it_did_not_write_unless_forced(sessions_dir, tmp_path):
    document = tmp_path / "notes.txt"
    document.write_text("my own notes\n")
    _clean_error(run_cli("progress", "--html", str(document)), "already exists", "--force")
    assert document.read_text() == "my own notes\n"
    page = tmp_path / "progress.html"
    for _ in range(2):  # its own page is rewritten without --force
        assert run_cli("progress", "--html", str(page)).returncode == 0
    forced = run_cli("progress", "--html", str(document), "--force")
    assert forced.returncode == 0, forced.stderr
    assert document.read_text().startswith("<!doctype html>")


def test_a_sessions_dir_under_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    script = write_answers(tmp_path / "a.txt", [STRONG_STORY])
    result = run_cli("practice", "--stage", "manager", "--answers", str(script),
                     "--sessions-dir", str(blocker / "sessions"))
    _clean_error(result, str(blocker))
    listing = run_cli("sessions", "--sessions-dir", str(blocker / "sessions"))
    assert listing.returncode == 0 and "unexpected" not in listing.stderr


@pytest.mark.parametrize("damage", ["binary", "utf-16", "placeholder"])
def test_a_broken_prompt_file_is_named(tmp_path, damage):
    prompts = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", prompts)
    stages = prompts / "stages.yaml"
    text = stages.read_text(encoding="utf-8")
    if damage == "binary":
        stages.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00" + os.urandom(64))
    elif damage == "utf-16":
        stages.write_text(text, encoding="utf-16")
    else:
        stages.write_text(text.replace("I'm {name}", "I'm {nmae}"), encoding="utf-8")
    script = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 6)
    result = run_cli("practice", "--stage", "manager", "--answers", str(script),
                     env={"INTERVIEWER_PROMPTS_DIR": str(prompts)})
    _clean_error(result, "stages.yaml")
    if damage == "placeholder":
        assert "{nmae}" in result.stderr


def test_size_limits_give_a_clear_message_quickly(sessions_dir, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1_000_000)  # 5 MB of "answer"
    started = time.monotonic()
    _clean_error(run_cli("score", str(big)), "larger than")
    _clean_error(run_cli("practice", "--stage", "manager", "--answers", str(big)), "larger than")

    bank = tmp_path / "bank.yaml"
    bank.write_bytes(b"stories: []\n" + b"# padding\n" * 300_000)
    _clean_error(run_cli("stories", "list", "--bank", str(bank)), "larger than")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text('a: &a ["x","x","x","x","x","x","x","x","x"]\n'
                    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nstories: [*d,*d,*d,*d,*d,*d,*d,*d]\n")
    result = run_cli("stories", "list", "--bank", str(bomb))
    _clean_error(result, "aliases")
    assert len(result.stderr) < 1000

    script = write_answers(tmp_path / "a.txt", [STRONG_STORY])
    assert run_cli("practice", "--stage", "manager", "--answers", str(script)).returncode == 0
    store = list_sessions(sessions_dir)[0]
    with open(store.events_path, "ab") as log:
        log.truncate(40_000_000)
    _clean_error(run_cli("replay", store.session_id, "--no-audio"), "larger than")
    assert time.monotonic() - started < 60


def test_typed_answers_have_a_size_limit(sessions_dir):
    result = run_cli("practice", "--stage", "manager", "--text", input="word " * 30_000 + "\n\n")
    _clean_error(result)
    assert "characters" in result.stdout and "interviewer resume" in result.stdout


def test_sigint_during_start_up_prints_no_traceback(tmp_path):
    script = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 3)
    for delay in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0):
        process = subprocess.Popen(
            [sys.executable, "-m", "interviewer", "practice", "--stage", "manager",
             "--answers", str(script)],
            cwd=REPO, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        if "init_import_site" in stderr:
            continue  # Python itself was still starting: no code of ours had run yet
        assert "Traceback" not in stderr, (delay, stderr)


def test_a_new_session_folder_and_log_are_fsynced_with_their_folder(tmp_path, monkeypatch):
    from interviewer.session import files

    synced_dirs = []
    real_fsync = os.fsync

    def recording_fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced_dirs.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", recording_fsync)
    store = SessionStore.create(tmp_path / "root", "manager")
    assert str(tmp_path / "root") in synced_dirs
    synced_dirs.clear()
    store.append(AnswerRecorded(turn=1, text="x", source="typed"))
    assert synced_dirs == [str(store.folder)], "the folder is synced once the log is created"
    synced_dirs.clear()
    store.append(AnswerRecorded(turn=2, text="y", source="typed"))
    assert synced_dirs == []


def _run_main(args, monkeypatch, capsys) -> tuple[int, str, str]:
    from interviewer.cli import main

    monkeypatch.setattr(sys, "argv", ["interviewer", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out = capsys.readouterr()
    return exit_info.value.code, out.out, out.err


def test_disk_full_keeps_every_finished_turn_and_says_how_to_resume(
    sessions_dir, tmp_path, monkeypatch, capsys
):
    from interviewer.session import files

    script = write_answers(tmp_path / "a.txt", [STRONG_STORY, WEAK_STORY] * 6)
    real_write = os.write
    calls = {"n": 0}

    def filling_write(fd, data):
        calls["n"] += 1
        if calls["n"] == 12:
            return real_write(fd, bytes(data)[: len(data) // 2])  # half a line fits...
        if calls["n"] > 12:
            raise OSError(errno.ENOSPC, "No space left on device")  # ...then nothing does
        return real_write(fd, data)

    monkeypatch.setattr(files.os, "write", filling_write)
    code, out, err = _run_main(
        ["practice", "--stage", "manager", "--seed", "4", "--answers", str(script)],
        monkeypatch, capsys,
    )
    monkeypatch.setattr(files.os, "write", real_write)
    assert code == 2, err
    assert "disk is full" in err and "interviewer resume" in err, err
    store = list_sessions(sessions_dir)[0]
    body = store.events_path.read_bytes()
    assert body.endswith(b"\n") and body.count(b"\n") == 11, "no half line left behind"
    kept = [e.text for e in store.read() if isinstance(e, AnswerRecorded)]
    assert kept, "finished answers are on disk"
    assert not [p.name for p in store.folder.iterdir() if p.name.endswith(".tmp")]

    result = run_cli("resume", store.session_id, "--answers", str(script))
    assert result.returncode == 0, result.stderr
    state = build_state(store.read())
    assert state.complete
    assert [t.answer.text for t in state.turns if t.answer][: len(kept)] == kept


def test_resume_with_the_same_answers_file_continues_after_the_used_answers(
    sessions_dir, tmp_path
):
    answers = [f"{STRONG_STORY} Answer number {n}." for n in range(12)]
    script = write_answers(tmp_path / "a.txt", answers)
    first = write_answers(tmp_path / "first.txt", answers[:2])
    assert run_cli("practice", "--stage", "manager", "--answers", str(first)).returncode == 0
    store = list_sessions(sessions_dir)[0]
    result = run_cli("resume", store.session_id, "--answers", str(script))
    assert result.returncode == 0, result.stderr
    given = [t.answer.text for t in build_state(store.read()).turns if t.answer]
    assert given == answers[: len(given)], "each block used once, in order"
    assert len(given) > 2
