"""LLM settings: from the environment, CLI overrides win, the key is never shown or kept."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from interviewer.brains.llm.config import (
    DEFAULT_MODEL,
    LOCAL_PLACEHOLDER_KEY,
    MOVE_BUDGET_CEILING,
    MOVE_BUDGET_FLOOR,
    LLMSettings,
    Secret,
    settings_from_env,
)
from interviewer.brains.llm.factory import llm_brain_from_env
from interviewer.errors import UserError

KEY = "sk-config-test-4b1e0c"


def test_defaults_need_a_key_for_the_openai_api():
    with pytest.raises(UserError, match="OPENAI_API_KEY") as caught:
        settings_from_env({})
    assert "INTERVIEWER_LLM_BASE_URL" in str(caught.value)  # the fix for local servers


def test_environment_and_overrides():
    env = {
        "OPENAI_API_KEY": KEY,
        "INTERVIEWER_LLM_MODEL": "llama3.1:8b",
        "OPENAI_BASE_URL": "http://127.0.0.1:1/v1",
        "INTERVIEWER_LLM_BASE_URL": "http://127.0.0.1:11434/v1/",
        "INTERVIEWER_LLM_TIMEOUT": "12.5",
        "INTERVIEWER_LLM_MAX_RETRIES": "4",
    }
    settings = settings_from_env(env)
    assert (settings.model, settings.base_url, settings.timeout, settings.max_retries) == (
        "llama3.1:8b", "http://127.0.0.1:11434/v1", 12.5, 4
    )
    assert settings.api_key.reveal() == KEY
    override = settings_from_env(env, model="qwen2.5", timeout=3, max_retries=0)
    assert (override.model, override.timeout, override.max_retries) == ("qwen2.5", 3.0, 0)
    assert settings_from_env({"OPENAI_API_KEY": KEY}).model == DEFAULT_MODEL


def test_local_server_without_a_key_gets_a_placeholder():
    settings = settings_from_env({"INTERVIEWER_LLM_BASE_URL": "http://localhost:8080/v1"})
    assert settings.api_key.reveal() == LOCAL_PLACEHOLDER_KEY
    assert "API key none" in settings.describe()


@pytest.mark.parametrize(
    ("name", "value", "match"),
    [
        ("INTERVIEWER_LLM_TIMEOUT", "soon", "INTERVIEWER_LLM_TIMEOUT"),
        ("INTERVIEWER_LLM_TIMEOUT", "0", "INTERVIEWER_LLM_TIMEOUT"),
        ("INTERVIEWER_LLM_MAX_RETRIES", "-1", "INTERVIEWER_LLM_MAX_RETRIES"),
        ("INTERVIEWER_LLM_MAX_RETRIES", "two", "INTERVIEWER_LLM_MAX_RETRIES"),
        ("INTERVIEWER_LLM_BASE_URL", "localhost:11434", "http"),
        ("INTERVIEWER_LLM_MODEL", "  ", "INTERVIEWER_LLM_MODEL"),
    ],
)
def test_invalid_settings_name_the_variable(name, value, match):
    with pytest.raises(UserError, match=match):
        settings_from_env({"OPENAI_API_KEY": KEY, name: value})


def test_the_key_is_never_shown():
    settings = settings_from_env({"OPENAI_API_KEY": KEY, "INTERVIEWER_LLM_BASE_URL":
                                  "http://user:pw@127.0.0.1:9/v1"})
    for text in (repr(settings), str(settings), settings.describe(), repr(settings.api_key),
                 str(settings.api_key), f"{settings.api_key}"):
        assert KEY not in text
    assert "pw" not in settings.describe()
    with pytest.raises(TypeError):
        pickle.dumps(settings)
    assert "api_key" not in repr(LLMSettings())


def test_factory_reports_missing_configuration_as_a_user_error(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(UserError, match="OPENAI_API_KEY"):
        llm_brain_from_env({})
    brain = llm_brain_from_env({"INTERVIEWER_LLM_BASE_URL": "http://127.0.0.1:9/v1"})
    assert brain.name == "llm"
    assert Secret("x") == Secret("x") and not Secret("")


def test_openai_is_not_imported_until_a_request_is_made():
    code = (
        "import sys, os\n"
        "os.environ['INTERVIEWER_LLM_BASE_URL'] = 'http://127.0.0.1:9/v1'\n"
        "import interviewer.cli, interviewer.brains.llm.brain, interviewer.brains.llm.client\n"
        "import interviewer.brains.llm.guard, interviewer.session.rescoring\n"
        "assert 'openai' not in sys.modules, 'openai imported at import time'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_move_budget_is_sized_from_the_pace_unless_the_user_set_it():
    local = {"INTERVIEWER_LLM_BASE_URL": "http://127.0.0.1:9/v1"}
    sized = settings_from_env(local)
    assert sized.move_budget is None and "by the server's speed" in sized.describe()
    assert sized.move_budget_for(None) == MOVE_BUDGET_FLOOR  # nothing timed yet
    assert sized.move_budget_for(0.8) == MOVE_BUDGET_FLOOR  # a fast server
    assert sized.move_budget_for(7.04) == 7.0
    assert sized.move_budget_for(600) == MOVE_BUDGET_CEILING  # the candidate waits at most this
    for chosen in (settings_from_env({**local, "INTERVIEWER_LLM_MOVE_SECONDS": "40"}),
                   settings_from_env(local, move_budget=40)):
        assert chosen.move_budget == 40 and "next move within 40s" in chosen.describe()
        assert {chosen.move_budget_for(n) for n in (None, 0.8, 600)} == {40}
    with pytest.raises(UserError, match="INTERVIEWER_LLM_MOVE_SECONDS"):
        settings_from_env({**local, "INTERVIEWER_LLM_MOVE_SECONDS": "0"})
