"""Replay keeps ALSA's "underrun occurred" lines off the terminal and shows other ALSA errors."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys

from interviewer.live.alsa_messages import alsa_message
from tests.audio import require

# Through libasound itself: the handler it now calls is ours (an unknown PCM name makes ALSA
# report an error; calling its error hook with an underrun report stands in for a starved card).
PROBE = r"""
import ctypes, ctypes.util
from interviewer.live.alsa_messages import quiet_underruns
assert quiet_underruns()
lib = ctypes.CDLL(ctypes.util.find_library("asound"))
hook = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                        ctypes.c_char_p)(ctypes.c_void_p.in_dll(lib, "snd_lib_error").value)
hook(b"pcm.c", 8740, b"snd_pcm_recover", -32, b"underrun occurred")
hook(b"pcm.c", 8570, b"snd_pcm_recover", -32, b"%s occurred")
pcm = ctypes.c_void_p()
lib.snd_pcm_open(ctypes.byref(pcm), b"no_such_device_here", 0, 0)
"""


def test_underruns_are_dropped_and_other_errors_kept():
    assert alsa_message(b"pcm.c", 8740, b"snd_pcm_recover", -32, b"underrun occurred") is None
    # What libasound really passes: the format, "underrun"/"overrun" being its argument.
    assert alsa_message(b"pcm.c", 8570, b"snd_pcm_recover", -32, b"%s occurred") is None
    kept = alsa_message(b"conf.c", 5, b"snd_config_load", -2, b"cannot open file")
    assert kept == "ALSA lib conf.c:5:(snd_config_load) cannot open file"


def test_libasound_reports_go_through_the_filter():
    require(ctypes.util.find_library("asound") is not None, "libasound is not installed")
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stderr
    assert "underrun" not in result.stderr and "occurred" not in result.stderr
    assert "ALSA lib" in result.stderr  # the unknown device is still reported


def test_voice_sessions_install_the_filter_before_the_voice_parts(monkeypatch, tmp_path):
    """Live sessions (not only replay) keep xrun lines off the interview screen."""
    from interviewer.cli import session_inputs
    from interviewer.live import alsa_messages, options

    order = []
    monkeypatch.setattr(alsa_messages, "quiet_underruns", lambda: order.append("filter"))

    def fake_build_voice(settings):
        order.append("voice")
        return options.VoiceParts(speaker=None, answers=None, transcriber=None)

    monkeypatch.setattr(session_inputs, "build_voice", fake_build_voice)
    session_inputs.build_inputs(False, None, options.VoiceSettings(model="embedded"))
    assert order == ["filter", "voice"]
