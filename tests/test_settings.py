"""Settings given once: command line > environment > config file > default, with the source."""

from __future__ import annotations

import pytest

from interviewer import settings
from interviewer.errors import UserError
from interviewer.paths import user_dir
from tests.support import run_cli


def write_config(text: str):
    user_dir().mkdir(parents=True, exist_ok=True)
    path = user_dir() / "config.toml"
    path.write_text(text)
    return path


def test_without_anything_set_the_defaults_apply():
    assert settings.resolve("model") == settings.Resolved("model", "auto", "default")
    assert settings.value("end_silence") == 2.5
    assert settings.explicit("brain") is None


def test_command_line_beats_environment_beats_file(monkeypatch):
    path = write_config('model = "embedded"\nlanguage = "de"\nrate = 170\n')
    assert settings.resolve("model") == settings.Resolved("model", "embedded", str(path))
    monkeypatch.setenv("INTERVIEWER_MODEL", "small.en")
    assert settings.resolve("model") == settings.Resolved("model", "small.en",
                                                          "$INTERVIEWER_MODEL")
    assert settings.resolve("model", "tiny.en").source == "command line"
    assert settings.value("rate") == 170 and settings.value("language") == "de"


def test_tables_are_dotted_keys_and_fill_the_llm_environment(monkeypatch):
    monkeypatch.delenv("INTERVIEWER_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("INTERVIEWER_LLM_MODEL", "from-env")
    write_config('[llm]\nbase_url = "http://127.0.0.1:8080/v1"\nmodel = "from-file"\n')
    env = settings.environ_with_config()
    assert env["INTERVIEWER_LLM_BASE_URL"] == "http://127.0.0.1:8080/v1"
    assert env["INTERVIEWER_LLM_MODEL"] == "from-env"  # the environment still wins


@pytest.mark.parametrize("text, message", [
    ('[llm]\napi_key = "sk-abc"\n', "API keys are never read from a file"),
    ('openai_api_key = "sk-abc"\n', "API keys are never read from a file"),
    ('modle = "tiny.en"\n', "unknown setting 'modle'"),
    ('rate = "fast"\n', "rate in .*config.toml: 'fast' is not a whole number"),
    ('end_silence = 90\n', "end_silence in .*: 90 is outside 0.5-30"),
    ('brain = "gpt"\n', "'gpt' is not one of offline, llm"),
    ('model = \n', "is not valid TOML"),
])
def test_bad_files_are_one_clear_line(text, message):
    write_config(text)
    with pytest.raises(UserError, match=message) as caught:
        settings.in_effect()
    assert "\n" not in str(caught.value) and "sk-abc" not in str(caught.value)


def test_bad_environment_values_name_the_variable(monkeypatch):
    monkeypatch.setenv("INTERVIEWER_RATE", "quick")
    with pytest.raises(UserError, match=r"\$INTERVIEWER_RATE: 'quick' is not a whole number"):
        settings.value("rate")


def test_the_cli_reads_the_file_and_refuses_a_key_in_one_line(isolated_dirs):
    write_config('brain = "llm"\n[llm]\ntoken = "sk-secret-value"\n')
    done = run_cli("practice", "--stage", "manager", "--text", input="answer\n\n")
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "API keys are never read from a file" in lines[0]
    assert "sk-secret-value" not in done.stderr + done.stdout
