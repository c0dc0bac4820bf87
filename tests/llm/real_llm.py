"""A real local LLM for the tests: llama.cpp's server (xllamacpp) with SmolLM2-135M-Instruct.

The server runs as a child process (`python -m interviewer.brains.llm.local_server`) on 127.0.0.1
and a free port, with one thread (on 2 shared cores one thread generates several times faster
than two) and a small context, so a test can stop it mid-session to prove the fallbacks.
`.ci/setup` installs both pinned packages; the model file is checked by SHA-256 before use.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from interviewer.brains.llm.local_server import SMOLLM2_FILE, smollm2_path
from interviewer.errors import UserError
from tests.support import REPO

MODEL_NAME = Path(SMOLLM2_FILE).stem  # what the server lists (by file name)
START_SECONDS = 120


class RealServer:
    """llama.cpp's OpenAI-compatible server in a child process; start, stop and start again."""

    def __init__(self, model: Path, log: Path):
        self.model = model
        self.log = log
        self.port = _free_port()
        self._process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> RealServer:
        """Start the server and wait until its model is loaded."""
        command = [sys.executable, "-m", "interviewer.brains.llm.local_server", "--model",
                   str(self.model), "--port", str(self.port), "--threads", "1",
                   "--context", "4096"]
        with open(self.log, "ab") as log:
            self._process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=log,
                                             env={**os.environ, "PYTHONPATH": str(REPO)})
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the llama.cpp server exited: {self.log.read_text()[-2000:]}")
            if self.healthy():
                return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the llama.cpp server did not load in {START_SECONDS}s")

    def healthy(self) -> bool:
        """True when /health says ok (the model is loaded)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/health", timeout=2) as r:
                return json.load(r).get("status") == "ok"
        except (OSError, ValueError, urllib.error.URLError):
            return False

    def stop(self) -> None:
        """Stop the server (as a crash or a closed laptop lid would, from the client's side)."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None


def real_model_or_skip() -> Path:
    """The pinned, checked SmolLM2 file; outside CI a missing install skips, in CI it fails."""
    problem = None
    if importlib.util.find_spec("xllamacpp") is None:
        problem = "xllamacpp is not installed (.ci/setup installs it)"
    else:
        try:
            return smollm2_path()
        except UserError as exc:
            problem = str(exc)
    if os.environ.get("CI"):
        pytest.fail(f"the real-LLM tests need their server: {problem}")
    pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
