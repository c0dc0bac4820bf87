"""Shared test setup: every test writes only inside its own temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
AUDIO_RUNTIME = Path("/tmp/interviewer-audio-runtime")


def pytest_configure(config):
    """Start the virtual microphone and speaker (PulseAudio null sinks) for the voice tests.

    This makes the README's plain `python3 -m pytest -q` the whole test command: where PulseAudio
    is installed (`.ci/setup` installs it) the tests bring up their own audio devices, so no
    sound card is needed. Without PulseAudio the voice tests skip locally and fail in CI.
    """
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        return
    env = {**os.environ, "XDG_RUNTIME_DIR": os.environ.get("XDG_RUNTIME_DIR", str(AUDIO_RUNTIME))}
    started = subprocess.run(
        ["bash", str(REPO / ".ci" / "start-virtual-audio.sh")],
        env=env, capture_output=True, text=True, timeout=60,
    )
    if started.returncode == 0:
        # Every process of the test run (and those it starts) reaches the same server.
        os.environ["XDG_RUNTIME_DIR"] = env["XDG_RUNTIME_DIR"]
        os.environ.setdefault("PULSE_SERVER", f"unix:{env['XDG_RUNTIME_DIR']}/pulse/native")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Point sessions and the user dir at temporary folders for every test."""
    sessions = tmp_path / "sessions"
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_SESSIONS_DIR", str(sessions))
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    for name in ("INTERVIEWER_BRAIN", "INTERVIEWER_MODEL", "INTERVIEWER_LANGUAGE",
                 "INTERVIEWER_VOICE", "INTERVIEWER_RATE", "INTERVIEWER_END_SILENCE"):
        monkeypatch.delenv(name, raising=False)  # a developer's own settings stay out of tests
    return sessions


@pytest.fixture
def sessions_dir(isolated_dirs) -> Path:
    """The temporary sessions folder of this test."""
    return isolated_dirs


def run_cli(*args: str, input: str | None = None, timeout: float = 60, env=None):
    """Run `python -m interviewer ARGS` as a user would; returns the CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )


def write_answers(path: Path, answers: list[str]) -> Path:
    """A scripted-answers file: blocks separated by lines holding only ---."""
    path.write_text("\n---\n".join(answers) + "\n", encoding="utf-8")
    return path


STRONG_STORY = (
    "At my last company I owned the playback service. When our error rate doubled after a "
    "release, I decided to roll back the release myself instead of waiting for the weekly review, "
    "because the data showed 12% of sessions were failing in three regions. I was acting on the "
    "principle that the person with the most context should make the call and own it. I told my "
    "director directly, wrote the incident review, and we cut failures from 12% to under 1% within "
    "two hours. In hindsight I would weight the rollout plan differently: I underestimated how "
    "risky a single-region canary was, so now I insist on a two-region canary."
)
WEAK_STORY = (
    "We had a project that was kind of late. The team worked on it and we had a lot of meetings. "
    "It depends on how you look at it, but maybe it went okay in the end, I guess."
)
GIBBERISH = "asdf qwer zxcv hjkl plok mnbv trew qazx wsxc edcv"


def start_practice(root: Path, stage: str = "manager", seed: int = 1, input_name: str = "voice"):
    """A new practice session folder with its plan logged, ready for the engine."""
    from interviewer.rubric.content import default_content
    from interviewer.rubric.planning import plan_practice
    from interviewer.session.events import SessionStarted
    from interviewer.session.store import SessionStore

    store = SessionStore.create(root, stage)
    store.append(SessionStarted(session_id=store.session_id, mode="practice", seed=seed,
                                brain="offline", input=input_name,
                                interviews=plan_practice(default_content(), stage, seed)))
    return store


def engine_parts(answers, speaker=None, brain=None):
    """EngineParts with the offline interviewer (or `brain`), a silent console and `answers`."""
    import io

    from interviewer.brains.offline import OfflineBrain
    from interviewer.console import Console
    from interviewer.rubric.content import default_content
    from interviewer.session.engine import EngineParts

    content = default_content()
    offline = OfflineBrain(content)
    return EngineParts(brain=brain or offline, fallback=offline, answers=answers,
                       console=Console(out=io.StringIO()), content=content, speaker=speaker)
