"""`interviewer practice --brain llm` end to end: a real CLI process, a real server on 127.0.0.1."""

from __future__ import annotations

import json

from tests.llm.llm_support import (
    FAKE_KEY,
    STORY,
    files_containing,
    refused_url,
)
from tests.support import run_cli, write_answers


def _practice(tmp_path, sessions_dir, base_url):
    answers = write_answers(tmp_path / "answers.txt", [STORY] * 12)
    env = {"INTERVIEWER_LLM_BASE_URL": base_url, "INTERVIEWER_LLM_MAX_RETRIES": "0",
           "INTERVIEWER_LLM_TIMEOUT": "5"}
    result = run_cli("practice", "--stage", "manager", "--answers", str(answers),
                     "--brain", "llm", "--seed", "5", env=env)
    (folder,) = [p for p in sessions_dir.iterdir() if p.is_dir()]
    return result, folder


def test_practice_with_the_llm_brain(server, tmp_path, sessions_dir):
    result, folder = _practice(tmp_path, sessions_dir, server.base_url)
    assert result.returncode == 0, result.stderr
    assert "LLM probe 1: what principle guided you?" in result.stdout
    transcript = json.loads((folder / "transcript.json").read_text())
    assert transcript["brain"] == "llm"
    scored_by = {t["scored_by"] for i in transcript["interviews"] for t in i["turns"] if t["score"]}
    assert scored_by == {"llm"}
    assert FAKE_KEY not in result.stdout + result.stderr
    assert files_containing(folder, FAKE_KEY) == []
    assert all(r.path == "/v1/chat/completions" for r in server.requests)


def test_practice_when_the_endpoint_is_down(tmp_path, sessions_dir, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    result, folder = _practice(tmp_path, sessions_dir, refused_url())
    assert result.returncode == 0, result.stderr
    assert "offline interviewer took this step" in result.stdout
    transcript = json.loads((folder / "transcript.json").read_text())
    assert transcript["status"] and transcript["notes"]
    assert files_containing(folder, FAKE_KEY) == []


def test_missing_key_is_a_one_line_user_error(tmp_path, sessions_dir, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("INTERVIEWER_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    answers = write_answers(tmp_path / "answers.txt", [STORY])
    result = run_cli("practice", "--stage", "manager", "--answers", str(answers), "--brain", "llm")
    assert result.returncode == 2
    assert "OPENAI_API_KEY" in result.stderr and "Traceback" not in result.stderr


def test_rescore_and_replay_show_which_brain_took_each_step(tmp_path, sessions_dir, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    result, folder = _practice(tmp_path, sessions_dir, refused_url())
    assert result.returncode == 0, result.stderr
    env = {"INTERVIEWER_LLM_BASE_URL": refused_url(), "INTERVIEWER_LLM_MAX_RETRIES": "0"}
    rescored = run_cli("replay", folder.name, "--rescore", "--no-audio", "--brain", "llm",
                       "--sessions-dir", str(sessions_dir), env=env)
    assert rescored.returncode == 0, rescored.stderr
    assert "Re-scored by the llm" not in rescored.stdout  # every step fell back: never hidden
    assert "steps fell back to the offline interviewer" in rescored.stdout
    assert "Score by offline interviewer (fallback):" in rescored.stdout
    assert "Next move by offline interviewer (fallback):" in rescored.stdout
    assert "Vote by offline interviewer (fallback):" in rescored.stdout
    # One line when the endpoint is switched off, not one warning per step.
    warnings = [line for line in result.stdout.splitlines() if "unavailable for the" in line]
    assert len(warnings) == len(set(warnings)) <= 2
