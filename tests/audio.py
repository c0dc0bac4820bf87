"""Audio fixtures and helpers for the voice and real-time tests: the virtual microphone, a
random-weight Whisper model, speech.

The fixtures are registered for the whole suite by tests/conftest.py (`pytest_plugins`), so
tests/voice and tests/realtime share one copy (one pair of sinks, one model built per run);
test modules import the helpers from here (`from tests.audio import play, ...`).

Tests that need the virtual audio setup (.ci/start-virtual-audio.sh: PulseAudio with null sinks
`candidate`, whose monitor is the default source, and `interviewer`, the default sink) skip when
it is missing on a developer machine, and FAIL when $CI is set: in CI a skip must never stand in
for a test that should have run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from interviewer.live.random_whisper import build_random_whisper

# Tests decode with a cap and no temperature fallback: a random model otherwise decodes to the
# length limit at every temperature. Banning repeats keeps its gibberish from looking like a
# decoding loop (which the hallucination guard would rightly drop).
TEST_DECODE = {"max_new_tokens": 24, "temperature": 0.0, "no_repeat_ngram_size": 1}
SPOKEN_ANSWER = (
    "So, I chose to roll back the launch, because the data showed we were hurting members. "
    "I learned to ask for dissent earlier."
)


def require(condition: bool, reason: str) -> None:
    """Skip the test when `condition` is false, or fail it in CI."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def _pactl(*args: str) -> str:
    try:
        done = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout if done.returncode == 0 else ""


# Where .ci/start-virtual-audio.sh puts the server socket when XDG_RUNTIME_DIR was not set.
DEFAULT_SOCKET = Path("/tmp/interviewer-audio-runtime/pulse/native")


def virtual_audio_ready() -> str | None:
    """None when the virtual audio setup is up, else what is missing."""
    if shutil.which("pactl") is None or shutil.which("paplay") is None:
        return "pulseaudio-utils (pactl, paplay) not installed"
    sinks = _pactl("list", "short", "sinks")
    if not sinks and not os.environ.get("PULSE_SERVER") and DEFAULT_SOCKET.exists():
        # Started by the script in another shell: reach it without exporting anything.
        os.environ["PULSE_SERVER"] = f"unix:{DEFAULT_SOCKET}"
        sinks = _pactl("list", "short", "sinks")
    if not sinks:
        return ("no PulseAudio server (run .ci/start-virtual-audio.sh and export its "
                "XDG_RUNTIME_DIR)")
    names = {line.split("\t")[1] for line in sinks.splitlines() if "\t" in line}
    if not {"candidate", "interviewer"} <= names:
        return "PulseAudio has no candidate/interviewer sinks (run .ci/start-virtual-audio.sh)"
    if _pactl("get-default-source").strip() != "candidate.monitor":
        return "the default source is not candidate.monitor (run .ci/start-virtual-audio.sh)"
    try:
        import sounddevice  # noqa: F401
    except OSError:
        return "PortAudio (libportaudio2) is not installed"
    return None


# The sinks this test run uses. Each run gets its own pair of null sinks, made the defaults for
# this process and its children through PULSE_SOURCE / PULSE_SINK (read by libpulse, which the
# ALSA pulse plugin uses), so two test runs sharing one PulseAudio server never hear each other.
SINKS = {"candidate": "candidate", "interviewer": "interviewer"}


@pytest.fixture(scope="session")
def _audio_state():
    problem = virtual_audio_ready()
    modules = []
    if problem is None:
        for role in SINKS:
            name = f"{role}_{os.getpid()}"
            module = _pactl("load-module", "module-null-sink", f"sink_name={name}").strip()
            if module:
                modules.append(module)
                SINKS[role] = name
        os.environ["PULSE_SOURCE"] = f"{SINKS['candidate']}.monitor"
        os.environ["PULSE_SINK"] = SINKS["interviewer"]
    yield problem
    for module in modules:
        _pactl("unload-module", module)


@pytest.fixture
def virtual_audio(_audio_state):
    """The virtual microphone and speaker are available (else skip, or fail in CI).

    Returns the sink names: play into ["candidate"] to be heard by the microphone; the
    interviewer's voice goes to ["interviewer"].
    """
    require(_audio_state is None, f"virtual audio: {_audio_state}")
    subprocess.run(["pactl", "suspend-sink", SINKS["candidate"], "0"], capture_output=True)
    return dict(SINKS)


@pytest.fixture(scope="session")
def whisper_model_dir(tmp_path_factory) -> Path:
    """A tiny random-weight Whisper model in CTranslate2 format (built once per run)."""
    return build_random_whisper(tmp_path_factory.mktemp("whisper-random"))


@pytest.fixture(scope="session")
def transcriber(whisper_model_dir):
    """The real WhisperTranscriber on the random model, with decoding capped for speed."""
    from interviewer.live.transcribe import WhisperTranscriber

    return WhisperTranscriber(model=str(whisper_model_dir), beam_size=1,
                              decode_options=dict(TEST_DECODE))


@pytest.fixture(scope="session")
def real_model_dir() -> Path:
    """The real Whisper tiny.en that the set-up installs (its files checked by SHA-256)."""
    from interviewer.live import embedded_model

    require(embedded_model.is_installed(), "the embedded Whisper tiny.en is not installed (run "
            f"`{embedded_model.INSTALL_COMMAND}`, as .ci/setup does)")
    return embedded_model.checked_folder()


@pytest.fixture(scope="session")
def real_transcriber(real_model_dir):
    """The WhisperTranscriber on the real tiny.en, as a session uses it (prompt, beam 5)."""
    from interviewer.live.transcribe import WhisperTranscriber

    return WhisperTranscriber(model=str(real_model_dir), decode_options={"beam_size": 5})


def espeak_wav(path: Path, text: str, *, words_per_minute: int = 160) -> Path:
    """`text` spoken by espeak-ng into a WAV file."""
    require(shutil.which("espeak-ng") is not None, "espeak-ng is not installed")
    subprocess.run(["espeak-ng", "-s", str(words_per_minute), "-w", str(path), text],
                   check=True, capture_output=True)
    return path


@pytest.fixture
def espeak() -> None:
    """espeak-ng, which the interviewer's voice (pyttsx3) speaks through, is installed."""
    require(shutil.which("espeak-ng") is not None, "espeak-ng is not installed")


@pytest.fixture(scope="session")
def turn_model():
    """The Smart Turn end-of-turn model the set-up installs, loaded once."""
    from interviewer.errors import UserError
    from interviewer.live import smart_turn

    try:
        smart_turn.check_installed()
    except UserError as exc:
        require(False, f"the end-of-turn model is not installed: {exc}")
    return smart_turn.SmartTurn()


@pytest.fixture(scope="session")
def spoken_answer(tmp_path_factory) -> Path:
    """A spoken answer (espeak-ng), about 8 seconds long."""
    return espeak_wav(tmp_path_factory.mktemp("speech") / "answer.wav", SPOKEN_ANSWER)


def write_wav(path: Path, samples: np.ndarray, rate: int = 16_000, channels: int = 1) -> Path:
    """Float samples (frames x channels, or mono) as a 16-bit WAV."""
    data = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data.tobytes())
    return path


def speech_span(samples: np.ndarray, rate: int, threshold: float = 0.02) -> float:
    """Seconds from the first to the last sample louder than `threshold`."""
    loud = np.flatnonzero(np.abs(samples) > threshold)
    return 0.0 if len(loud) == 0 else (loud[-1] - loud[0]) / rate


def play(path: Path, sink: str | None = None) -> float:
    """Play a file into a sink (default: this run's candidate microphone) in real time; returns
    the monotonic time it ended."""
    device = sink or SINKS["candidate"]
    subprocess.run(["paplay", f"--device={device}", str(path)], check=True, timeout=120)
    return time.monotonic()
