"""A session folder from someone else cannot read, overwrite or run anything of the recipient's."""

from __future__ import annotations

import base64
import json
import os
import shlex
import stat
import subprocess

from interviewer.session.store import list_sessions
from tests.support import STRONG_STORY, WEAK_STORY, run_cli, write_answers


def _stopped_session(sessions_dir, tmp_path, *extra):
    script = write_answers(tmp_path / "a.txt", [STRONG_STORY, WEAK_STORY])
    result = run_cli("practice", "--stage", "manager", "--answers", str(script), *extra)
    assert result.returncode == 0, result.stderr
    return result


def test_audio_paths_in_a_log_cannot_leave_the_session_folder(sessions_dir, tmp_path):
    _stopped_session(sessions_dir, tmp_path)
    store = list_sessions(sessions_dir)[0]
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"the recipient's private key material")
    outside = os.path.relpath(secret, store.folder)
    (store.folder / "audio").mkdir()
    (store.folder / "audio" / "link.wav").symlink_to(secret)
    lines = []
    paths = iter([outside, "audio/link.wav"])
    for line in store.events_path.read_text().splitlines():
        event = json.loads(line)
        if event["type"] == "answer_recorded":
            event["audio"] = next(paths)
        lines.append(json.dumps(event))
    store.events_path.write_text("\n".join(lines) + "\n")

    page = tmp_path / "out" / "page.html"
    result = run_cli("report", store.session_id, "--html", str(page), "--embed-audio")
    assert result.returncode == 0, result.stderr
    html = page.read_text()
    assert base64.b64encode(secret.read_bytes()).decode() not in html


def test_a_planted_temp_symlink_does_not_overwrite_its_target(sessions_dir, tmp_path):
    _stopped_session(sessions_dir, tmp_path)
    store = list_sessions(sessions_dir)[0]
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (store.folder / ".report.md.tmp").symlink_to(victim)
    (store.folder / ".transcript.json.tmp").symlink_to(victim)
    result = run_cli("report", store.session_id)
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "precious"


def test_report_html_refuses_non_regular_targets_and_needs_force(sessions_dir, tmp_path):
    _stopped_session(sessions_dir, tmp_path)
    store = list_sessions(sessions_dir)[0]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    for target in (fifo, link):
        result = run_cli("report", store.session_id, "--html", str(target))
        assert result.returncode == 2, result.stderr
        assert "not a regular file" in result.stderr or "symlink" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()

    other = tmp_path / "notes.html"
    other.write_text("my own notes")
    refused = run_cli("report", store.session_id, "--html", str(other))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert other.read_text() == "my own notes"
    forced = run_cli("report", store.session_id, "--html", str(other), "--force")
    assert forced.returncode == 0, forced.stderr
    again = run_cli("report", store.session_id, "--html", str(other))
    assert again.returncode == 0, "a page this program wrote may be rewritten"


def test_new_report_folders_are_private_whatever_the_umask(sessions_dir, tmp_path):
    _stopped_session(sessions_dir, tmp_path)
    store = list_sessions(sessions_dir)[0]
    target = tmp_path / "new" / "deeper" / "report.html"
    script = (
        f"import os, sys; os.umask(0); sys.argv = ['interviewer', 'report', "
        f"{store.session_id!r}, '--html', {str(target)!r}]; "
        "from interviewer.cli import main; main()"
    )
    result = subprocess.run(["python3", "-c", script], capture_output=True, text=True,
                            env=os.environ.copy(), timeout=60)
    assert result.returncode == 0, result.stderr
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    page = run_cli("report", store.session_id, "--html", str(shared / "r.html"))
    assert page.returncode == 0, page.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755, "an existing folder keeps its mode"


def test_hints_are_shell_quoted_and_name_a_custom_sessions_dir(tmp_path):
    custom = tmp_path / "my sessions"
    result = _stopped_session(None, tmp_path, "--sessions-dir", str(custom))
    store = list_sessions(custom)[0]
    hint = next(line for line in result.stdout.splitlines() if "Continue later" in line)
    command = hint.split(": ", 1)[1]
    assert shlex.split(command)[2:] == [store.session_id, "--sessions-dir", str(custom)]

    hostile = custom / "x;y $(touch PWN)"
    store.folder.rename(hostile)
    rest = write_answers(tmp_path / "rest.txt", [WEAK_STORY])
    resumed = run_cli("resume", str(hostile), "--answers", str(rest))
    hint = next(line for line in resumed.stdout.splitlines() if "Continue later" in line)
    words = shlex.split(hint.split(": ", 1)[1])
    assert words[2] == hostile.name and words[3:] == ["--sessions-dir", str(custom)]


def test_a_session_name_with_a_newline_stays_on_one_row(sessions_dir, tmp_path):
    _stopped_session(sessions_dir, tmp_path)
    _stopped_session(sessions_dir, tmp_path)
    first = list_sessions(sessions_dir)[0]
    first.folder.rename(first.folder.with_name("odd\nname"))
    listing = run_cli("sessions")
    assert listing.returncode == 0, listing.stderr
    rows = listing.stdout.strip().splitlines()[1:]  # under the header
    assert len(rows) == 2 and any(row.startswith("odd\\nname") for row in rows), rows
