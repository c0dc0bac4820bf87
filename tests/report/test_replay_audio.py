"""Replay with audio on the virtual PulseAudio devices: what reached the speaker, in what order.

Each recorded clip of the session is a tone of its own pitch; the test records the sink the replay
plays into and reads the pitches back, so "every clip, in order" is checked on real audio.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from tests.report.sessions import give_voice, scripted_session
from tests.support import REPO

RECORD_RATE = 16_000
WINDOW = 800  # 50 ms

PLAY = """
import sys
from pathlib import Path
from interviewer.replay import play_session
from interviewer.session.state import build_state
from interviewer.session.store import SessionStore
store = SessionStore(Path(sys.argv[1]))
done = play_session(build_state(store.read()), store, start=int(sys.argv[2]))
sys.exit(0 if done else 1)
"""


def replay_recorded(folder: Path, sink: str, env: dict, raw: Path, start: int = 1):
    """Replay the session at `folder` into `sink` while recording its monitor to `raw`."""
    recorder = subprocess.Popen(
        ["parecord", f"--device={sink}.monitor", "--raw", "--format=s16le",
         f"--rate={RECORD_RATE}", "--channels=1", "--latency-msec=20", str(raw)],
        env=env,
    )
    try:
        time.sleep(0.3)  # the recorder is connected before the first clip starts
        # stdin is not a terminal here, so keys are ignored and the replay runs straight through.
        result = subprocess.run(
            [sys.executable, "-c", PLAY, str(folder), str(start)],
            env=env, cwd=REPO, capture_output=True, text=True, timeout=180,
            stdin=subprocess.DEVNULL,
        )
        time.sleep(0.5)  # let the tail of the last clip reach the recording
    finally:
        recorder.terminate()
        recorder.wait(10)
    assert result.returncode == 0, result.stderr
    return result, np.fromfile(raw, dtype="<i2").astype(np.float32) / 32768


def tone_sequence(samples: np.ndarray) -> list[int]:
    """The pitches heard, in order, each run of the same pitch counted once."""
    runs: list[list[int]] = []
    frequencies = np.fft.rfftfreq(WINDOW, 1 / RECORD_RATE)
    taper = np.hanning(WINDOW)
    for start in range(0, len(samples) - WINDOW, WINDOW):
        window = samples[start : start + WINDOW]
        if np.sqrt(np.mean(window**2)) < 0.05:
            continue  # silence between clips
        pitch = int(round(frequencies[np.argmax(np.abs(np.fft.rfft(window * taper)))], -2))
        if runs and runs[-1][0] == pitch:
            runs[-1][1] += 1
        else:
            runs.append([pitch, 1])
    # A clip's fade-in or -out can land a lone window on a neighbouring pitch; real clips last
    # several windows.
    return [pitch for pitch, count in runs if count >= 3]


def test_replay_plays_every_saved_clip_in_order(tmp_path, private_sink):
    sink, env = private_sink
    source = scripted_session(tmp_path, "practice", "--stage", "manager", "--seed", "1")
    store, clips = give_voice(source, tmp_path / "voice" / "20260101-100000-manager", limit=3)

    result, heard = replay_recorded(store.folder, sink, env, tmp_path / "heard.raw")

    assert tone_sequence(heard) == [frequency for _, frequency in clips]
    assert len(clips) == 6  # three turns: a question and an answer each
    out = result.stdout
    # The transcript lines and the scores were shown along the way, turn by turn.
    assert out.index("[1]") < out.index("Score:") < out.index("[2]") < out.index("[3]")
    assert "> I led the migration of our billing service to a new queue." in out


def test_replay_from_a_turn_starts_there(tmp_path, private_sink):
    sink, env = private_sink
    source = scripted_session(tmp_path, "practice", "--stage", "manager", "--seed", "1")
    store, clips = give_voice(source, tmp_path / "voice" / "20260101-100000-manager", limit=3)

    result, heard = replay_recorded(store.folder, sink, env, tmp_path / "heard.raw", start=3)

    assert tone_sequence(heard) == [frequency for _, frequency in clips[4:]]
    assert "[1]" not in result.stdout and "[3]" in result.stdout


def test_text_session_questions_are_spoken_and_answers_shown(tmp_path, private_sink):
    sink, env = private_sink
    store = scripted_session(tmp_path, "practice", "--stage", "recruiter", "--seed", "2")
    from interviewer.session.state import build_state

    state = build_state(store.read())
    last = state.turns[-1].asked.turn

    result, heard = replay_recorded(store.folder, sink, env, tmp_path / "heard.raw",
                                    start=last - 1)

    # Two questions had no recording, so the TTS spoke them: there was speech on the speaker.
    loud = [heard[i : i + WINDOW] for i in range(0, len(heard) - WINDOW, WINDOW)]
    speaking = sum(1 for w in loud if np.sqrt(np.mean(w**2)) > 0.01) * WINDOW / RECORD_RATE
    assert speaking > 1.0, (len(heard), result.stdout, result.stderr)
    for turn in state.turns[-2:]:
        assert turn.asked.text.split()[0] in result.stdout
        if turn.answer and turn.answer.text:
            assert turn.answer.text.split(".")[0][:40] in result.stdout


def test_q_on_the_terminal_stops_the_replay(tmp_path, private_sink):
    sink, env = private_sink
    source = scripted_session(tmp_path, "practice", "--stage", "manager", "--seed", "1")
    store, clips = give_voice(source, tmp_path / "voice" / "20260101-100000-manager",
                              seconds=1.5, limit=3)
    leader, follower = pty.openpty()
    replay = subprocess.Popen(
        [sys.executable, "-u", "-c", PLAY, str(store.folder), "1"],
        env=env, cwd=REPO, stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    os.close(follower)
    try:
        # Wait for the first turn on screen: by then the terminal is in cbreak mode (a key sent
        # earlier would be flushed when the mode changes), and the first clip is playing.
        for line in replay.stdout:
            if line.startswith("[1]"):
                break
        time.sleep(0.3)
        os.write(leader, b"q")
        out, err = replay.communicate(timeout=20)
    finally:
        replay.kill()
        os.close(leader)
    assert replay.returncode == 1, err  # play_session reports that the listener quit
    assert "Stopped." in out and "[2]" not in out
