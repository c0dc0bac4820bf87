"""`interviewer doctor` contacts the configured LLM endpoint: down, slow, wrong key, a model it
does not serve, or not an OpenAI server at all is a line with the fix, never "[ok]"."""

from __future__ import annotations

import pytest

from interviewer.brains.llm.reachability import serves
from interviewer.live.doctor import check_llm
from tests.llm.llm_support import (
    FAKE_KEY,
    MALFORMED_200,
    Reply,
    error,
    refused_url,
)


@pytest.fixture
def endpoint(server, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("INTERVIEWER_LLM_MODEL", "fake-model")
    return server


def test_a_server_that_serves_the_model_is_ok(endpoint):
    check = check_llm()
    assert check.ok and check.required, check.detail
    assert "serves the model" in check.detail and FAKE_KEY not in check.detail


def test_a_server_that_is_down_is_a_fix(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("INTERVIEWER_LLM_BASE_URL", refused_url())
    check = check_llm()
    assert not check.ok and check.required
    assert "nothing answers there" in check.detail and "INTERVIEWER_LLM_BASE_URL" in check.detail


def test_a_model_the_server_does_not_serve_is_a_fix_naming_what_it_serves(endpoint, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_LLM_MODEL", "no-such-model")
    check = check_llm()
    assert not check.ok
    assert "does not serve model 'no-such-model'" in check.detail
    assert "fake-model.gguf" in check.detail and "INTERVIEWER_LLM_MODEL" in check.detail


@pytest.mark.parametrize(("reply", "words"), [
    (error(401, "bad key"), "API key was rejected"),
    (error(503, "Loading model"), "still loading"),
    (Reply(body={"error": "x"}, delay=4.0), "within 3s"),
    (MALFORMED_200["html page"], "not answer like an OpenAI-compatible server"),
])
def test_other_failures_name_the_fix(endpoint, reply, words):
    endpoint.models = reply
    check = check_llm()
    assert not check.ok and words in check.detail, check.detail


def test_the_openai_api_is_contacted_only_when_asked(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    for name in ("INTERVIEWER_LLM_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    check = check_llm()
    assert check.ok and not check.required and "not contacted" in check.detail


def test_model_names_match_as_servers_list_them():
    assert serves(["/m/SmolLM2-135M-Instruct.Q4_1.gguf"], "SmolLM2-135M-Instruct.Q4_1")
    assert serves(["/m/SmolLM2-135M-Instruct.Q4_1.gguf"], "SmolLM2-135M-Instruct.Q4_1.gguf")
    assert serves(["llama3.2:latest"], "llama3.2")
    assert not serves(["llama3.2:latest"], "llama3.1")
