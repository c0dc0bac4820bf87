"""Echo cancellation for barge-in: the playback reference, WebRTC AEC3 on a synthetic echo, and
the detector's rule for cancelled audio."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.live.bargein import BargeInDetector, BargeInSettings
from interviewer.live.echo import PlaybackReference, load_echo_canceller
from interviewer.live.endpointing import WINDOW_SECONDS


def test_the_reference_hands_out_what_was_played_in_order_then_silence():
    reference = PlaybackReference()
    reference.push(np.arange(5, dtype=np.float32))
    reference.push(np.arange(5, 8, dtype=np.float32))
    assert reference.take(3).tolist() == [0, 1, 2]
    assert reference.take(7).tolist() == [3, 4, 5, 6, 7, 0, 0]
    reference.push(np.ones(4, np.float32))
    reference.clear()
    assert not reference.take(2).any()


def test_the_reference_stays_bounded_when_nobody_reads_it():
    reference = PlaybackReference(max_seconds=1.0)
    for _ in range(100):
        reference.push(np.ones(1600, np.float32))
    assert np.count_nonzero(reference.take(16_000 * 3)) <= 16_000


def test_aec3_removes_a_delayed_echo_and_keeps_the_near_talker():
    canceller = load_echo_canceller()
    assert canceller is not None, "pywebrtc-audio is a dependency"
    rng = np.random.default_rng(0)
    far = (rng.standard_normal(16_000 * 6) * 0.1).astype(np.float32)
    echo = np.concatenate([np.zeros(800, np.float32), 0.5 * far[:-800]])
    talker = np.zeros_like(far)
    talker[16_000 * 4:] = np.sin(np.arange(16_000 * 2) * 2 * np.pi * 300 / 16_000) * 0.05
    near = echo + talker
    out = np.concatenate([canceller.process(near[i:i + 512], far[i:i + 512])
                          for i in range(0, len(far), 512)])
    settled = slice(16_000 * 2, 16_000 * 4)
    erle = 10 * np.log10(np.mean(near[settled] ** 2) / np.mean(out[settled] ** 2))
    assert erle > 10  # the echo alone loses more than 10 dB
    assert len(out) == pytest.approx(len(near), abs=160)


def windows(seconds: float) -> int:
    return int(round(seconds / WINDOW_SECONDS))


def test_with_cancelled_audio_a_candidate_cuts_in_without_waiting_for_the_echo_level():
    detector = BargeInDetector(BargeInSettings(learn_seconds=2.0, learn_timeout=5.0,
                                               cancel_settle=0.5))
    for _ in range(windows(0.6)):  # the canceller settles on the echo of the line's start
        assert not detector.update(0.9, 0.002, microphone_rms=0.02)
    fed = 0  # then speech that kept most of its level through the canceller
    while not detector.update(0.9, 0.02, microphone_rms=0.025) and fed < windows(1.0):
        fed += 1
    assert detector.triggered and detector.echo_level is None  # still learning: not needed
    assert fed * WINDOW_SECONDS < 0.4


def test_with_cancelled_audio_the_echo_alone_never_cuts_in():
    detector = BargeInDetector()
    rng = np.random.default_rng(3)
    for level in rng.uniform(0.5, 1.5, windows(20)):
        # The echo is speech to the VAD, but the canceller took 15-25 dB off it.
        assert not detector.update(0.95, 0.002 * level, microphone_rms=0.02 * level)
