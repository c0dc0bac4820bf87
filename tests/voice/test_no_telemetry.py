"""A voice session makes no network connection and leaves no Microsoft device id behind.

onnxruntime (Silero VAD) would otherwise write ~/.cache/Microsoft/... on import and connect to
mobile.events.data.microsoft.com seconds later. Every connect() of the process tree is recorded
with strace: only unix sockets (PulseAudio, the name service cache) and loopback are allowed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.audio import TEST_DECODE, espeak_wav, require
from tests.support import REPO

_CONNECT = re.compile(r"connect\(\d+, \{sa_family=(AF_\w+)(.*?)\}")
_LOOPBACK = re.compile(r'inet_(?:addr|pton)\((?:AF_INET6, )?"(127\.[\d.]+|::1|::ffff:127[\d.]+)"')


def _traced(command: list[str], home: Path, log: Path, timeout: float = 180,
            extra_env: dict[str, str] | None = None):
    require(shutil.which("strace") is not None, "strace is not installed (see .ci/setup)")
    dropped = ("XDG_CACHE_HOME", "ORT_DISABLE_TELEMETRY")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(HOME=str(home), PYTHONUNBUFFERED="1", **(extra_env or {}))
    result = subprocess.run(
        # -q, not -qq: the log keeps how each process ended ("+++ exited with 0 +++"), which
        # `_ended` shows when a session stops short.
        ["strace", "-f", "-q", "-e", "trace=connect", "-o", str(log), *command],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    require("Operation not permitted" not in result.stderr[:300], "strace cannot trace here")
    return result


def _ended(log: Path, sessions: Path) -> str:
    """How the traced processes ended and what the session logged: shown when a session
    stops short (once, in a full run, one ended after its last question with exit code 0 and
    without its closing lines)."""
    exits = [line for line in log.read_text().splitlines() if "+++" in line or "---" in line]
    events = [path.read_text().splitlines()[-3:] for path in sessions.glob("*/events.jsonl")]
    return f"process ends: {exits[-6:]}; last events: {events}"


def _outside_connects(log: Path) -> list[str]:
    bad = []
    for line in log.read_text().splitlines():
        match = _CONNECT.search(line)
        if not match:
            continue
        family, rest = match.groups()
        if family == "AF_UNIX" or (family in ("AF_INET", "AF_INET6") and _LOOPBACK.search(rest)):
            continue
        bad.append(line)
    return bad


def test_a_voice_session_connects_nowhere_and_writes_no_device_id(tmp_path, whisper_model_dir):
    answers = tmp_path / "answers"
    answers.mkdir()
    espeak_wav(answers / "01.wav", "I chose to roll back the launch because members were hurt.")
    espeak_wav(answers / "02.wav", "I learned to ask for dissent earlier, and I did.")
    home = tmp_path / "home"
    home.mkdir()
    log = tmp_path / "connects.txt"
    env_decode = json.dumps(dict(TEST_DECODE, beam_size=1))
    command = [sys.executable, "-m", "interviewer", "practice", "--stage", "manager", "--seed",
               "3", "--model", str(whisper_model_dir), "--audio-answers", str(answers)]
    os.environ["INTERVIEWER_WHISPER_OPTIONS"] = env_decode
    try:
        result = _traced(command, home, log)
    finally:
        del os.environ["INTERVIEWER_WHISPER_OPTIONS"]
    assert result.returncode == 0, result.stderr
    ended = _ended(log, Path(os.environ["INTERVIEWER_SESSIONS_DIR"]))
    assert "answers ran out" in result.stdout, f"{result.stdout}\n{ended}"
    assert log.read_text().count("connect(") > 0, "strace recorded the process tree"
    assert _outside_connects(log) == []
    assert not (home / ".cache" / "Microsoft").exists()


def test_onnxruntime_stays_quiet_long_after_a_vad_session_starts(tmp_path):
    """Its upload starts about 9 s after import, so this holds a VAD session for 12 s."""
    home = tmp_path / "home"
    home.mkdir()
    log = tmp_path / "connects.txt"
    script = (
        "import time, numpy; from interviewer.live.endpointing import StreamingVad; "
        "StreamingVad().feed(numpy.zeros(1024, dtype=numpy.float32)); time.sleep(12)"
    )
    result = _traced([sys.executable, "-c", script], home, log)
    assert result.returncode == 0, result.stderr
    assert _outside_connects(log) == []
    assert not (home / ".cache" / "Microsoft").exists()


def test_doctor_writes_no_device_id(tmp_path, whisper_model_dir):
    home = tmp_path / "home"
    home.mkdir()
    log = tmp_path / "connects.txt"
    doctor = [sys.executable, "-m", "interviewer", "doctor", "--model", str(whisper_model_dir)]
    result = _traced(doctor, home, log)
    assert "Silero VAD from faster-whisper" in result.stdout, result.stdout + result.stderr
    assert _outside_connects(log) == []
    assert not (home / ".cache" / "Microsoft").exists()


# Online as far as the tool can tell (no HF_HUB_OFFLINE), with an empty Hugging Face cache and
# every proxy pointing at an unroutable address: any download attempt would show as a connect.
UNREACHABLE = "http://192.0.2.1:9"
NO_HINTS = ("HF_HUB_OFFLINE", "HF_HOME", "HF_HUB_CACHE", "INTERVIEWER_MODEL")


def _online_looking_env(models: Path) -> dict[str, str]:
    return {"INTERVIEWER_MODELS_DIR": str(models), "HTTPS_PROXY": UNREACHABLE,
            "HTTP_PROXY": UNREACHABLE, "https_proxy": UNREACHABLE, "http_proxy": UNREACHABLE,
            "INTERVIEWER_WHISPER_OPTIONS": json.dumps(dict(TEST_DECODE, beam_size=1))}


def test_a_session_without_model_choice_uses_the_embedded_model_and_no_network(
        tmp_path, real_model_dir, monkeypatch):
    for name in NO_HINTS:
        monkeypatch.delenv(name, raising=False)
    answers = tmp_path / "answers"
    answers.mkdir()
    espeak_wav(answers / "01.wav", "I chose to roll back the launch because members were hurt.")
    home = tmp_path / "home"
    home.mkdir()
    log = tmp_path / "connects.txt"
    command = [sys.executable, "-m", "interviewer", "practice", "--stage", "manager", "--seed",
               "3", "--audio-answers", str(answers)]
    result = _traced(command, home, log, extra_env=_online_looking_env(real_model_dir.parent))
    assert result.returncode == 0, result.stderr
    assert "answers ran out" in result.stdout, result.stdout
    assert "Downloading" not in result.stderr and "warning" not in result.stderr.lower()
    (said,) = [line for line in result.stderr.splitlines() if "Whisper model" in line]
    assert "using the embedded tiny.en" in said and "--model base.en" in said
    assert _outside_connects(log) == []


def test_a_missing_answer_folder_is_reported_before_any_model_or_download(
        tmp_path, real_model_dir, monkeypatch):
    for name in NO_HINTS:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    log = tmp_path / "connects.txt"
    command = [sys.executable, "-m", "interviewer", "practice", "--stage", "manager",
               "--model", "base.en", "--audio-answers", str(tmp_path / "nope")]
    result = _traced(command, home, log, extra_env=_online_looking_env(real_model_dir.parent))
    assert result.returncode != 0
    assert result.stderr.strip() == f"error: --audio-answers {tmp_path / 'nope'}: no such folder"
    assert _outside_connects(log) == []
