"""The interviewer's voice: real WAVs from pyttsx3/espeak-ng, played into the virtual speaker."""

from __future__ import annotations

import stat
import subprocess
import threading
import time
import wave

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live.prepared import in_background
from interviewer.live.tts import Pyttsx3Speaker
from interviewer.live.wav import read_wav

QUESTION = "Tell me about a decision you made with incomplete data. What principle guided you?"


def test_question_audio_is_a_private_valid_wav(espeak, tmp_path):
    speaker = Pyttsx3Speaker(play=False)
    target = tmp_path / "session" / "audio" / "t001-1-question.wav"
    utterance = speaker.say(QUESTION, voice="female", rate=180, save_to=target)
    assert utterance.audio_path == target and utterance.text == QUESTION
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with wave.open(str(target)) as wav:
        assert wav.getnchannels() == 1 and wav.getnframes() > 0
        duration = wav.getnframes() / wav.getframerate()
    assert utterance.duration_s == pytest.approx(duration, abs=0.01)
    assert 2.0 < duration < 15.0


def test_persona_voice_and_rate_change_the_audio(espeak, tmp_path):
    speaker = Pyttsx3Speaker(play=False)
    slow = speaker.say(QUESTION, voice="female", rate=130, save_to=tmp_path / "slow.wav")
    fast = speaker.say(QUESTION, voice="female", rate=220, save_to=tmp_path / "fast.wav")
    assert slow.duration_s > fast.duration_s * 1.3
    assert speaker.voice_id("female") != speaker.voice_id("male")


def test_overrides_win_over_the_persona(espeak, tmp_path):
    speaker = Pyttsx3Speaker(voice="male", rate=240, play=False)
    persona = Pyttsx3Speaker(play=False)
    forced = speaker.say(QUESTION, voice="female", rate=120)
    normal = persona.say(QUESTION, voice="male", rate=240)
    assert forced.duration_s == pytest.approx(normal.duration_s, rel=0.05)
    with pytest.raises(UserError, match="--voice"):
        Pyttsx3Speaker(voice="no-such-voice-anywhere", play=False)


def test_playback_reaches_the_interviewer_sink(espeak, virtual_audio, tmp_path):
    recording = tmp_path / "heard.wav"
    recorder = subprocess.Popen(
        ["parecord", f"--device={virtual_audio['interviewer']}.monitor", "--file-format=wav",
         "--channels=1", "--rate=16000", str(recording)])
    try:
        time.sleep(1.0)
        utterance = Pyttsx3Speaker().say(QUESTION, voice="male", rate=200)
        time.sleep(0.5)
    finally:
        recorder.terminate()
        recorder.wait(timeout=10)
    assert not utterance.interrupted and utterance.heard_s is None
    samples, rate = read_wav(recording)
    loud = np.flatnonzero(np.abs(samples) > 0.02)
    assert len(loud) > 0, "nothing reached the interviewer sink"
    heard = (loud[-1] - loud[0]) / rate
    assert heard == pytest.approx(utterance.duration_s, abs=0.6)


def test_playback_can_be_stopped_mid_sentence(espeak, virtual_audio):
    speaker = Pyttsx3Speaker()
    long_line = " ".join([QUESTION] * 4)
    timer = threading.Timer(2.5, speaker.stop)
    started = time.monotonic()
    timer.start()
    utterance = speaker.say(long_line, voice="female")
    elapsed = time.monotonic() - started
    timer.join()
    assert utterance.interrupted
    assert utterance.duration_s > 15
    assert elapsed < 5.0
    # How much of the line was heard: less than the time since `say` began (synthesis came
    # first), not the whole line.
    assert 0.3 < utterance.heard_s < 2.5


def test_no_output_device_warns_once_and_carries_on(espeak, capsys):
    speaker = Pyttsx3Speaker()

    def broken(samples, rate):
        raise RuntimeError("Error opening OutputStream: Device unavailable")

    speaker.player.play = broken
    first = speaker.say("One.")
    second = speaker.say("Two.")
    assert not first.interrupted and not second.interrupted
    err = capsys.readouterr().err
    assert err.count("cannot play the interviewer's voice") == 1
    assert "--output-device" in err


def test_what_the_session_prints_while_a_line_renders_on_another_thread_is_kept(espeak, capsys):
    """Lines render on background threads while the session prints (its last lines went
    missing once when synthesis swapped sys.stdout for the whole process)."""
    speaker = Pyttsx3Speaker(play=False)
    lines = [f"Line {n}: tell me about a decision you made with incomplete data." for n in range(4)]
    rendering = in_background(lambda: [speaker.say(line) for line in lines], "render")
    printed = 0
    while not rendering.done():
        print(f"shown {printed}")
        printed += 1
        time.sleep(0.002)
    rendering.result()
    out = capsys.readouterr().out
    assert printed > 10, "the lines rendered before anything was printed"
    assert out.split("\n")[:printed] == [f"shown {n}" for n in range(printed)]
    assert "Audio saved" not in out
