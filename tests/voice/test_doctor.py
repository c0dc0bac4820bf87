"""`interviewer doctor`: every check reports ok or a fix, and never shows the API key."""

from __future__ import annotations

from click.testing import CliRunner

import interviewer.cli.doctor  # noqa: F401  (registers the command)
from interviewer.cli import cli
from interviewer.live.doctor import run_checks

SECRET = "sk-test-do-not-print-0123456789"


def test_all_required_checks_pass_on_the_virtual_audio_setup(virtual_audio, whisper_model_dir):
    checks = run_checks(model=str(whisper_model_dir))
    names = [c.name for c in checks]
    assert names == ["PortAudio (sound I/O)", "microphone", "speaker", "text-to-speech voice",
                     "voice activity detection", "Whisper model", "end-of-turn model",
                     "echo cancellation", "LLM interviewer"]
    failed = [c for c in checks if c.required and not c.ok]
    assert failed == []
    by_name = {c.name: c for c in checks}  # the set-up installs both
    assert by_name["end-of-turn model"].ok and by_name["echo cancellation"].ok


def test_failures_name_the_fix(virtual_audio, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "no-models"))
    checks = {c.name: c for c in run_checks(model="tiny.en", input_device="no such mic")}
    assert not checks["microphone"].ok and "--input-device" in checks["microphone"].detail
    assert not checks["Whisper model"].ok and "--model PATH" in checks["Whisper model"].detail


def test_command_prints_one_line_per_check_and_hides_the_key(virtual_audio, whisper_model_dir,
                                                             monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    result = CliRunner().invoke(cli, ["doctor", "--model", str(whisper_model_dir)])
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output
    assert "API key set" in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("[")]
    assert len(lines) == 9


def test_command_exits_non_zero_when_something_needs_fixing(virtual_audio, whisper_model_dir):
    result = CliRunner().invoke(cli, ["doctor", "--model", str(whisper_model_dir),
                                      "--output-device", "no such speaker"])
    assert result.exit_code == 1
    assert "[FIX] speaker" in result.output and "--output-device" in result.output


def test_command_shows_every_setting_and_where_it_came_from(virtual_audio, whisper_model_dir,
                                                            monkeypatch, home):
    home.mkdir()
    (home / "config.toml").write_text('rate = 170\n[llm]\nmodel = "llama3.1"\n'
                                      'base_url = "http://user:pw@127.0.0.1:8080/v1"\n')
    monkeypatch.setenv("INTERVIEWER_LANGUAGE", "en")
    result = CliRunner().invoke(cli, ["doctor", "--model", str(whisper_model_dir)])
    # The configured LLM server is contacted, and nothing listens there: a line to fix.
    assert result.exit_code == 1, result.output
    assert "[FIX] LLM interviewer: model llama3.1 at http://127.0.0.1:8080/v1: nothing answers" \
        in result.output
    shown = {line.split()[0]: line for line in result.output.splitlines()
             if line.startswith("  ")}
    assert shown["model"].endswith("from command line")
    assert shown["language"].endswith("from $INTERVIEWER_LANGUAGE")
    assert "170" in shown["rate"] and shown["rate"].endswith(str(home / "config.toml"))
    assert shown["end_silence"].endswith("from default")
    assert "llama3.1" in shown["llm.model"]
    assert "pw" not in result.output and "127.0.0.1:8080" in shown["llm.base_url"]
    assert "model llama3.1 at http://127.0.0.1:8080/v1" in result.output  # the LLM check too


def test_a_key_in_the_config_file_is_a_fix_line_not_a_crash(virtual_audio, whisper_model_dir,
                                                             home):
    home.mkdir()
    (home / "config.toml").write_text(f'[llm]\napi_key = "{SECRET}"\n')
    result = CliRunner().invoke(cli, ["doctor", "--model", str(whisper_model_dir)])
    assert result.exit_code == 1
    assert "[FIX] settings" in result.output and "OPENAI_API_KEY" in result.output
    assert SECRET not in result.output


def test_doctor_says_a_session_would_use_the_embedded_model_and_how_to_get_base_en(
        virtual_audio, tmp_path, monkeypatch, real_model_dir):
    """Nothing chose a model and base.en is not downloaded: ready, but honestly with tiny.en."""
    models = tmp_path / "models" / "whisper-tiny.en"
    models.mkdir(parents=True)
    for file in real_model_dir.iterdir():
        (models / file.name).symlink_to(file)
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "empty-hf"))
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if "Whisper model" in line]
    assert line.startswith("[ok ]") and "a session uses the embedded tiny.en" in line
    assert "--model base.en" in line and "INTERVIEWER_MODEL=base.en" in line
    assert result.output.rstrip().endswith(
        "Ready for a voice interview; speech model: the embedded tiny.en.")
