"""Shared test setup: the virtual audio devices, and every test writing only inside its own
temporary folders.

Helpers for tests are in `tests/support.py` (import them from there, not from a conftest); the
audio fixtures shared by the voice and real-time tests are in `tests/audio.py`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import REPO

pytest_plugins = ("tests.audio",)  # the audio fixtures, for tests/voice and tests/realtime

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


@pytest.fixture
def home(isolated_dirs) -> Path:
    """The temporary user dir of this test (`INTERVIEWER_HOME`; not created yet)."""
    return isolated_dirs.parent / "home"
