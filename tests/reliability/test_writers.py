"""One writer at a time: sessions, story banks and re-scoring revisions never interleave."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from interviewer.brains.offline import OfflineBrain
from interviewer.prep.bank import load_bank
from interviewer.session.events import AnswerScored, Event, QuestionAsked
from interviewer.session.rescoring import rescore
from interviewer.session.store import list_sessions, write_private
from interviewer.testing import RecordingBrain
from tests.support import REPO, STRONG_STORY, WEAK_STORY, run_cli, write_answers


def _stopped_session(sessions_dir, tmp_path):
    script = write_answers(tmp_path / "a.txt", [STRONG_STORY, WEAK_STORY])
    assert run_cli("practice", "--stage", "manager", "--answers", str(script)).returncode == 0
    return list_sessions(sessions_dir)[0]


def test_a_second_writer_of_a_session_is_refused_clearly(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path)
    before = store.events_path.read_bytes()
    rest = write_answers(tmp_path / "rest.txt", [STRONG_STORY] * 10)
    with store.writing():  # as if another `resume` were running
        second = run_cli("resume", store.session_id, "--answers", str(rest))
        rescored = run_cli("replay", store.session_id, "--rescore", "--no-audio")
    for result in (second, rescored):
        assert result.returncode == 2, result.stderr
        assert "in use by another interviewer command" in result.stderr
    assert store.events_path.read_bytes() == before
    assert run_cli("resume", store.session_id, "--answers", str(rest)).returncode == 0


def test_three_resumes_at_once_make_one_clean_record(sessions_dir, tmp_path):
    script = write_answers(tmp_path / "a.txt", [STRONG_STORY, WEAK_STORY])
    assert run_cli("loop", "--seed", "2", "--answers", str(script)).returncode == 0
    store = list_sessions(sessions_dir)[0]
    rest = write_answers(tmp_path / "rest.txt", [STRONG_STORY, WEAK_STORY] * 40)
    command = [sys.executable, "-m", "interviewer", "resume", store.session_id,
               "--answers", str(rest)]
    runs = [subprocess.Popen(command, cwd=REPO, env=os.environ.copy(), text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    results = [(run.wait(timeout=240), run.stderr.read()) for run in runs]
    assert sorted(code for code, _ in results)[0] == 0, results
    assert all(code in (0, 2) for code, _ in results), results
    turns = [e.turn for e in store.read() if isinstance(e, QuestionAsked)]
    assert turns == sorted(set(turns)), "no turn asked twice"
    state = _state(store)
    assert state.complete
    assert all(len(interview.votes) == 1 for interview in state.interviews)


def _state(store):
    from interviewer.session.state import build_state

    return build_state(store.read())


def test_concurrent_story_adds_keep_every_story(tmp_path):
    bank = tmp_path / "bank.yaml"
    adds = 12
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "interviewer", "stories", "add", "--bank", str(bank),
             "--title", f"Story number {n}", "--situation", "s", "--action", "a"],
            cwd=REPO, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for n in range(adds)
    ]
    codes = [run.wait(timeout=120) for run in runs]
    errors = [run.stderr.read().decode() for run in runs]
    assert codes == [0] * adds, errors
    titles = sorted(story.title for story in load_bank(bank).stories)
    assert titles == sorted(f"Story number {n}" for n in range(adds))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_private_writes_use_unique_temp_files_and_never_follow_symlinks(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    folder = tmp_path / "session"
    folder.mkdir()
    (folder / ".report.md.tmp").symlink_to(victim)
    (folder / "report.md").symlink_to(victim)
    write_private(folder / "report.md", "new report")
    assert victim.read_text() == "precious"
    assert (folder / "report.md").read_text() == "new report"
    assert not (folder / "report.md").is_symlink()
    assert oct((folder / "report.md").stat().st_mode & 0o777) == "0o600"


def test_a_revision_is_complete_or_absent(sessions_dir, tmp_path):
    store = _stopped_session(sessions_dir, tmp_path)
    before = store.events_path.read_bytes()
    with pytest.raises(RuntimeError):
        # The brain dies (not a BrainError: like a kill) part way through re-scoring.
        rescore(store, RecordingBrain(fails=lambda call: RuntimeError("killed")
                                      if (call.step, call.count) == ("score", 2) else None))
    assert store.events_path.read_bytes() == before, "no half revision left in the log"
    revision = rescore(store, OfflineBrain())
    revised: list[Event] = [e for e in store.read() if isinstance(e, AnswerScored) and e.revision]
    assert revision == 1 and len(revised) == 2
