"""The microphone on real audio: speech, silence and noise played into the virtual microphone.

Needs the virtual audio setup (.ci/start-virtual-audio.sh); see tests/audio.py.
"""

from __future__ import annotations

import os
import pty
import subprocess
import threading
import time

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live.capture import SoundDeviceMicrophone
from interviewer.live.keys import EnterWatcher
from interviewer.live.wav import load_audio
from tests.audio import play, speech_span, write_wav

END_SILENCE = 1.5


def listen_while_playing(microphone_kwargs, path=None, delay=0.3, max_seconds=60.0):
    """Listen; once listening has begun, play `path` into the virtual microphone.

    Returns (audio, seconds from the end of playback to the end of listening).
    """
    played: dict[str, float] = {}

    def start_playing() -> None:
        def run() -> None:
            time.sleep(delay)
            if path is not None:
                played["end"] = play(path)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        played["thread"] = thread

    microphone = SoundDeviceMicrophone(on_listening=start_playing, enter_to_stop=False,
                                       **microphone_kwargs)
    audio = microphone.listen(max_seconds=max_seconds)
    finished = time.monotonic()
    played["thread"].join(timeout=30)
    lag = finished - played["end"] if "end" in played else None
    return audio, lag


def test_spoken_answer_is_captured_in_full_and_ends_after_the_silence(
        virtual_audio, spoken_answer, capfd):
    audio, lag = listen_while_playing({"end_silence": END_SILENCE}, spoken_answer)
    source = load_audio(spoken_answer)
    expected = speech_span(source.samples, source.sample_rate)
    assert audio.ended_by == "silence"
    assert audio.sample_rate == 16_000
    assert speech_span(audio.samples, 16_000) == pytest.approx(expected, abs=0.25)
    assert audio.speech_seconds > 0.6 * expected
    # paplay returns once the sound has been played; the answer must end by end_silence + 1 s.
    assert lag is not None and lag <= END_SILENCE + 1.0, lag
    err = capfd.readouterr().err
    assert "Listening" in err and "Stopped listening" in err


def test_silence_returns_empty_audio_after_the_no_speech_timeout(virtual_audio):
    started = time.monotonic()
    audio, _ = listen_while_playing({"end_silence": 1.0, "no_speech_timeout": 3.0})
    assert len(audio.samples) == 0
    assert audio.ended_by == "no_speech"
    assert time.monotonic() - started < 3.0 + 5.0  # device start-up plus the timeout


def test_noise_is_not_speech(virtual_audio, tmp_path):
    rng = np.random.default_rng(3)
    noise = rng.standard_normal(16_000 * 4).astype(np.float32) * 0.15
    path = write_wav(tmp_path / "noise.wav", noise)
    audio, _ = listen_while_playing({"end_silence": 1.0, "no_speech_timeout": 4.0}, path)
    assert audio.ended_by == "no_speech"
    assert len(audio.samples) == 0


def test_maximum_answer_length(virtual_audio, spoken_answer):
    audio, _ = listen_while_playing({"end_silence": 2.0}, spoken_answer, max_seconds=3.0)
    assert audio.ended_by == "max_length"
    assert audio.duration_s == pytest.approx(3.0, abs=0.1)


def test_device_that_stops_mid_answer_keeps_the_audio_so_far(virtual_audio, spoken_answer):
    def stall_later() -> None:
        time.sleep(2.5)
        subprocess.run(["pactl", "suspend-sink", virtual_audio["candidate"], "1"], check=True)

    stopper = threading.Thread(target=stall_later, daemon=True)
    try:
        microphone = SoundDeviceMicrophone(
            end_silence=2.0, enter_to_stop=False,
            on_listening=lambda: (threading.Thread(target=play, args=(spoken_answer,),
                                                   daemon=True).start(), stopper.start()))
        audio = microphone.listen(max_seconds=60)
    finally:
        stopper.join(timeout=10)
        subprocess.run(["pactl", "suspend-sink", virtual_audio["candidate"], "0"],
                       check=False)
    assert audio.ended_by == "device_lost"
    assert audio.device_error
    assert audio.duration_s > 1.5  # what was said before the device went away is kept
    assert speech_span(audio.samples, 16_000) > 1.0


def test_enter_ends_the_answer(virtual_audio, spoken_answer):
    leader, follower = pty.openpty()
    with os.fdopen(follower, "r") as terminal:
        def press_enter() -> None:
            threading.Thread(target=play, args=(spoken_answer,), daemon=True).start()
            threading.Timer(2.0, os.write, args=(leader, b"\n")).start()

        microphone = SoundDeviceMicrophone(end_silence=3.0, stdin=terminal,
                                           on_listening=press_enter)
        audio = microphone.listen(max_seconds=60)
    os.close(leader)
    assert audio.ended_by == "enter"
    assert 1.5 < audio.duration_s < 4.0


def test_enter_watcher_ignores_stdin_that_is_not_a_terminal(tmp_path):
    with open(tmp_path / "input.txt", "w+") as piped, EnterWatcher(piped) as watcher:
        assert not watcher.active
        assert not watcher.pressed.wait(0.2)


def test_unknown_input_device_names_the_option_and_doctor(virtual_audio):
    microphone = SoundDeviceMicrophone(device="no such microphone")
    with pytest.raises(UserError) as caught:
        microphone.listen(max_seconds=5)
    assert "--input-device" in str(caught.value) and "interviewer doctor" in str(caught.value)


def test_missing_portaudio_is_a_user_error_with_the_fix(monkeypatch):
    import builtins
    import sys

    from interviewer.live import portaudio

    real_import = builtins.__import__

    def no_portaudio(name, *args, **kwargs):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    with pytest.raises(UserError, match="apt-get install libportaudio2"):
        portaudio.load_sounddevice()


def test_working_line_says_how_long_a_slow_step_took_and_nothing_for_a_quick_one():
    import io

    from interviewer.console import Working

    out = io.StringIO()
    with Working("Transcribing your answer", out, after=0.05):
        time.sleep(0.1)
    with Working("Transcribing your answer", out, after=5):
        pass
    assert out.getvalue().count("Transcribing your answer took") == 1


def spoken_with_pause(tmp_path, first: str, pause: float, rest: str | None = None):
    from tests.audio import espeak_wav

    parts = [load_audio(espeak_wav(tmp_path / "first.wav", first)).samples]
    if rest is not None:
        parts += [np.zeros(int(pause * 16_000), np.float32),
                  load_audio(espeak_wav(tmp_path / "rest.wav", rest)).samples]
    return write_wav(tmp_path / "answer.wav", np.concatenate(parts) * 0.7)


def test_a_thinking_pause_after_an_unfinished_phrase_is_not_the_end(virtual_audio, tmp_path,
                                                                  turn_model):
    path = spoken_with_pause(tmp_path, "The reason I made that call myself, instead of "
                             "waiting for my manager, was", 3.0,
                             "that the launch window closed that night.")
    audio, lag = listen_while_playing({"end_silence": 1.0, "turn_detector": turn_model.is_complete,
                                       "patience": 6.0}, path)
    # One answer holding both halves: the 3 s pause (longer than end_silence) did not end it.
    clip = load_audio(path)
    # (The virtual device can stretch playback a little; nothing may be missing.)
    assert speech_span(audio.samples, 16_000) >= speech_span(clip.samples, clip.sample_rate) - 0.3
    assert audio.ended_by in ("finished", "silence")


def test_a_finished_answer_ends_after_a_short_silence(virtual_audio, tmp_path, turn_model):
    path = spoken_with_pause(tmp_path, "I learned to ask for dissent much earlier in the "
                             "project.", 0)
    audio, lag = listen_while_playing({"end_silence": 2.5, "turn_detector": turn_model.is_complete,
                                       "patience": 6.0}, path)
    assert audio.ended_by == "finished"
    assert lag < 1.5  # well before the 2.5 s a silence-only end would wait (functional bound)


def test_ctrl_c_while_answering_keeps_the_audio_said_so_far(virtual_audio, spoken_answer):
    blocks = []

    def on_block(block, probabilities, endpointer):
        blocks.append(block)
        if endpointer.started and endpointer.elapsed > endpointer.first_speech_at + 2.0:
            raise KeyboardInterrupt  # what Ctrl-C raises in the listening thread

    microphone = SoundDeviceMicrophone(enter_to_stop=False, on_listening=lambda: threading.Thread(
        target=play, args=(spoken_answer,), daemon=True).start())
    audio = microphone.listen(max_seconds=60, on_block=on_block)
    assert audio.ended_by == "ctrl_c"
    assert 2.0 < audio.duration_s < 6.0 and speech_span(audio.samples, 16_000) > 1.5
