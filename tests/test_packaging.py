"""The wheel carries prompts/: built, installed in a fresh virtual environment outside the
checkout, it scores a transcript and runs a scripted interview.

Runs in CI like every other test (no marker skips it): it builds with `--no-deps` and installs
with `--no-deps` into a venv that sees the already-installed dependencies, so it needs no network
and stays under a minute (the isolated build fetches setuptools once, then pip caches it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import REPO, STRONG_STORY, write_answers

# What is copied to build from: the sources, never sessions or build leftovers.
SKIP = shutil.ignore_patterns(".git", "sessions", "build", "dist", "*.egg-info", "__pycache__",
                              ".venv", ".pytest_cache", ".ruff_cache", "tests", "benchmarks")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]}{result.stderr[-2000:]}"
    return result


def test_installed_wheel_finds_its_content_outside_the_checkout(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=SKIP)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "INTERVIEWER_PROMPTS_DIR")}
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps",
          "-q", "-w", str(wheels)], source, env)
    (wheel,) = wheels.glob("*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], tmp_path, env)
    python = str(venv / "bin" / "python")
    _run([python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], tmp_path, env)
    shutil.rmtree(source)  # nothing of the checkout may be left to lean on

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = _run([python, "-c", "import interviewer.paths as p; print(p.prompts_dir())"],
                 outside, env).stdout.strip()
    assert where.startswith(str(venv)) and Path(where, "stages.yaml").is_file(), where

    transcript = outside / "t.txt"
    transcript.write_text(
        f"Interviewer: Tell me about a decision you owned.\nCandidate: {STRONG_STORY}\n",
        encoding="utf-8",
    )
    scored = json.loads(_run([python, "-m", "interviewer", "score", "--json", str(transcript)],
                             outside, env).stdout)
    assert scored

    answers = write_answers(outside / "a.txt", [STRONG_STORY] * 8)
    sessions = outside / "sessions"
    result = _run([python, "-m", "interviewer", "practice", "--stage", "manager", "--text",
                   "--answers", str(answers), "--seed", "3", "--sessions-dir", str(sessions)],
                  outside, env)
    assert "Overall:" in result.stdout
    assert len(list(sessions.glob("*/events.jsonl"))) == 1
