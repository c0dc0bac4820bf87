"""Fixtures for report and replay tests: headless Chromium and a private sink.

The voice-like sessions these tests read are made by `tests/report/sessions.py`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from tests.audio import require
from tests.report.browser import find_chromium


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary."""
    path = find_chromium()
    require(path is not None, "chromium is not installed")
    return path


@pytest.fixture(scope="session")
def pulse_env() -> dict[str, str]:
    """Environment that reaches the virtual PulseAudio server (started by .ci/run)."""
    require(bool(shutil.which("pactl") and shutil.which("parecord")),
            "PulseAudio tools (pactl, parecord) are not installed")
    candidates = [os.environ.get("XDG_RUNTIME_DIR"), "/tmp/interviewer-audio-runtime"]
    for runtime in [c for c in candidates if c]:
        env = {**os.environ, "XDG_RUNTIME_DIR": runtime}
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            return env
    require(False, "no PulseAudio server (start one with .ci/start-virtual-audio.sh)")


@pytest.fixture
def private_sink(pulse_env):
    """A null sink of this test's own, so parallel audio tests cannot leak into its recording.

    Yields (sink name, env): playing with that env (PULSE_SINK) goes to the sink, and
    `<sink>.monitor` records it.
    """
    name = f"replay_test_{os.getpid()}_{time.monotonic_ns()}"
    loaded = subprocess.run(
        ["pactl", "load-module", "module-null-sink", f"sink_name={name}", "rate=16000",
         "channels=1"],
        env=pulse_env, capture_output=True, text=True, check=True,
    )
    module = loaded.stdout.strip()
    try:
        yield name, {**pulse_env, "PULSE_SINK": name}
    finally:
        subprocess.run(["pactl", "unload-module", module], env=pulse_env, capture_output=True)
