"""`interviewer doctor`: is this machine ready for a voice interview? Each check says ok or the fix.

Checks never raise: a failing check is a line with the fix. Nothing secret is printed (for the
LLM only whether a key is set).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import UserError


@dataclass
class Check:
    """One line of the report. `required=False` checks (the LLM) do not fail the doctor."""

    name: str
    ok: bool
    detail: str
    required: bool = True


def _run(name: str, probe: Callable[[], str], required: bool = True) -> Check:
    try:
        return Check(name, True, probe(), required)
    except UserError as exc:
        return Check(name, False, str(exc), required)
    except Exception as exc:  # a check must report, never crash the doctor
        return Check(name, False, f"{type(exc).__name__}: {exc}", required)


def check_portaudio() -> str:
    """PortAudio loads."""
    from interviewer.live.portaudio import load_sounddevice

    return load_sounddevice().get_portaudio_version()[1]


def check_device(spec: str | None, kind: str) -> str:
    """The input or output device that would be used."""
    from interviewer.live.portaudio import find_device, load_sounddevice

    sd = load_sounddevice()
    index = find_device(spec, kind)
    if index is None:
        index = sd.default.device[0 if kind == "input" else 1]
    name = sd.query_devices(index)["name"]
    how = f"--{kind}-device" if spec is not None else "default"
    return f"{index}: {name} ({how}; choose another with --{kind}-device)"


def check_tts(voice: str | None) -> str:
    """pyttsx3 can synthesize a short line with the chosen voice."""
    from interviewer.live.tts import Pyttsx3Speaker

    speaker = Pyttsx3Speaker(voice=voice, play=False)
    with tempfile.TemporaryDirectory(prefix="interviewer-doctor-") as folder:
        utterance = speaker.say("Testing.", save_to=Path(folder) / "t.wav")
    female, male = speaker.voice_id("female"), speaker.voice_id("male")
    return (f"pyttsx3 speaks ({utterance.duration_s:.1f} s test line); voices: female "
            f"{female}, male {male}" + (f", --voice {speaker.voice_id(voice)}" if voice else ""))


def check_vad() -> str:
    """Silero VAD (shipped with faster-whisper) runs on onnxruntime."""
    import numpy as np

    from interviewer.live.endpointing import StreamingVad

    StreamingVad().feed(np.zeros(1024, dtype=np.float32))
    return "Silero VAD from faster-whisper, offline"


def check_model(model: str | None) -> str:
    """Which Whisper model a session would use (with `auto`: base.en if cached, else the embedded
    tiny.en and how to get base.en), or can download because the user asked for it."""
    from interviewer.live.whisper_models import model_status

    ok, detail = model_status(model)
    if not ok:
        raise UserError(detail)
    return detail


def check_turn_model() -> str:
    """The end-of-turn model is installed and intact (else answers end by silence alone)."""
    from interviewer.live.smart_turn import check_installed

    return f"Smart Turn v3.2 at {check_installed()}"


def check_echo_canceller() -> str:
    """WebRTC AEC3 for barge-in over loudspeakers (else a loudness rule stands in)."""
    from interviewer.live.echo import load_echo_canceller

    if load_echo_canceller() is None:
        raise UserError("pywebrtc-audio is not installed: barge-in falls back to a loudness "
                        "rule (pip install pywebrtc-audio, or use headphones)")
    return "WebRTC AEC3 (pywebrtc-audio)"


def check_llm(contact_openai: bool = False) -> Check:
    """The LLM interviewer (optional: the offline interviewer needs none). A configured endpoint
    is contacted; the OpenAI API only when asked (`doctor --llm`)."""
    from interviewer import settings as user_settings
    from interviewer.brains.llm.config import settings_from_env
    from interviewer.brains.llm.reachability import contact

    name = "LLM interviewer"
    try:
        settings = settings_from_env(user_settings.environ_with_config())
    except UserError as exc:
        return Check(name, False, f"not configured (only needed for --brain llm): {exc}", False)
    if settings.base_url is None and not contact_openai:
        return Check(name, True, f"{settings.describe()}; not contacted (`interviewer doctor "
                                 "--llm` checks that it answers)", False)
    return _run(name, lambda: contact(settings))


def run_checks(*, model: str | None = None, input_device: str | None = None,
               output_device: str | None = None, voice: str | None = None,
               contact_llm: bool = False) -> list[Check]:
    """Every check, in the order a user would fix them."""
    checks = [_run("PortAudio (sound I/O)", check_portaudio)]
    if checks[0].ok:
        checks.append(_run("microphone", lambda: check_device(input_device, "input")))
        checks.append(_run("speaker", lambda: check_device(output_device, "output")))
    else:
        checks.append(Check("microphone", False, "needs PortAudio (above), or use --text"))
        checks.append(Check("speaker", False, "needs PortAudio (above)"))
    checks.append(_run("text-to-speech voice", lambda: check_tts(voice)))
    checks.append(_run("voice activity detection", check_vad))
    checks.append(_run("Whisper model", lambda: check_model(model)))
    checks.append(_run("end-of-turn model", check_turn_model, required=False))
    checks.append(_run("echo cancellation", check_echo_canceller, required=False))
    checks.append(check_llm(contact_llm))
    return checks

