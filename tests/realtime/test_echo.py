"""Echo cancellation for barge-in: the playback reference, the echo's lag, WebRTC AEC3 on a
synthetic echo (across lines, with a late reference), and the rule for cancelled audio."""

from __future__ import annotations

import math

import numpy as np
import pytest

from interviewer.live.bargein import BargeInSettings
from interviewer.live.cancelled_speech import CancelledSpeechDetector
from interviewer.live.echo import PlaybackReference, load_echo_canceller
from interviewer.live.echo_delay import estimate_lag
from interviewer.live.endpointing import WINDOW_SECONDS


def test_the_reference_is_silence_until_the_line_starts_then_what_was_played_in_order():
    reference = PlaybackReference()
    assert reference.take(4).tolist() == [0, 0, 0, 0]  # nothing pushed yet: the line's lead-in
    reference.push(np.arange(1, 6, dtype=np.float32))
    reference.push(np.arange(6, 9, dtype=np.float32))
    assert reference.take(3).tolist() == [1, 2, 3]
    # A late speaker: what there is, and no silence in place of what has not come yet.
    assert reference.take(7).tolist() == [4, 5, 6, 7, 8]
    assert len(reference.take(2)) == 0
    reference.push(np.ones(4, np.float32))
    reference.clear()
    assert reference.take(2).tolist() == [0, 0]


def test_an_underrun_is_reported_once_and_a_new_line_forgets_it():
    reference = PlaybackReference()
    assert not reference.gap_seen()
    reference.mark_gap()
    assert reference.gap_seen() and not reference.gap_seen()
    reference.mark_gap()
    reference.clear()
    assert not reference.gap_seen()


def test_the_reference_stays_bounded_when_nobody_reads_it():
    reference = PlaybackReference(max_seconds=1.0)
    for _ in range(100):
        reference.push(np.ones(1600, np.float32))
    assert len(reference.take(16_000 * 3)) <= 16_000


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


def speech_like(seconds: float, seed: int) -> np.ndarray:
    """Noise shaped into 0.2 s syllables: sharp correlation peaks, like speech."""
    rng = np.random.default_rng(seed)
    samples = rng.standard_normal(int(seconds * 16_000)).astype(np.float32) * 0.1
    envelope = (np.sin(np.arange(len(samples)) * np.pi / 3200) > 0).astype(np.float32)
    return samples * envelope


def test_the_echos_lag_is_found_from_a_quarter_second_of_speech():
    far = speech_like(1.0, 1)
    for lag in (1100, 1730, 4176):
        near = 0.12 * np.concatenate([np.zeros(lag, np.float32), far[:-lag]])
        found = estimate_lag(far, near)
        assert found is not None and found[0] == lag and found[1] > 0.9


def test_no_lag_is_claimed_without_an_echo_or_from_too_little_reference():
    far = speech_like(1.0, 2)
    candidate = speech_like(1.0, 3)  # headphones: only the candidate, unrelated to the line
    assert estimate_lag(far, candidate) is None
    assert estimate_lag(np.zeros(16_000, np.float32), candidate) is None  # nothing played
    lead_in = np.concatenate([np.zeros(3000, np.float32), far[:3000]])
    assert estimate_lag(lead_in, lead_in) is None  # under MIN_SIGNAL of reference yet


def cancel_line(canceller, near, far, block=512, late_at=None):
    """Feed a line in microphone-sized blocks; with `late_at`, the reference stalls there
    for 0.1 s and catches up after (as `PlaybackReference.take` hands it out)."""
    canceller.start_line()
    out, owed = [], np.zeros(0, np.float32)
    for start in range(0, len(near), block):
        piece = far[start:start + block]
        if late_at is not None and late_at <= start < late_at + 1600:
            owed, piece = np.concatenate([owed, piece]), piece[:0]
        elif len(owed):
            owed, piece = np.zeros(0, np.float32), np.concatenate([owed, piece])
        out.append(canceller.process(near[start:start + block], piece))
    return np.concatenate(out)


def erle(near, out, seconds: slice) -> float:
    part = slice(int(seconds.start * 16_000), int(seconds.stop * 16_000))
    return 10 * np.log10(np.mean(near[part] ** 2) / np.mean(out[part] ** 2))


def test_a_new_lag_on_the_next_line_is_matched_so_the_learned_filter_fits_at_once():
    canceller = load_echo_canceller()
    far = speech_like(6.0, 4)
    near = 0.12 * np.concatenate([np.zeros(1730, np.float32), far[:-1730]])
    cancel_line(canceller, near, far)
    assert canceller.lag == 1730 and canceller.settled
    near = 0.12 * np.concatenate([np.zeros(1100, np.float32), far[:-1100]])  # 40 ms sooner
    out = cancel_line(canceller, near, far)
    assert canceller.lag == 1100
    assert len(out) >= len(near) - 160  # held back at the start, then all of it
    assert erle(near, out, slice(0.3, 1.0)) > 20  # from the line's start, not after 1.5 s


def test_a_late_reference_is_waited_for_not_filled_with_silence():
    canceller = load_echo_canceller()
    far = speech_like(6.0, 5)
    near = 0.12 * np.concatenate([np.zeros(1400, np.float32), far[:-1400]])
    cancel_line(canceller, near, far)
    out = cancel_line(canceller, near, far, late_at=16_000 * 2)
    assert canceller.lag == 1400  # the pairing did not shift
    assert erle(near, out, slice(1.5, 4.0)) > 20


def test_after_an_underrun_the_moved_lag_is_measured_again_and_distrusted_until_then():
    canceller = load_echo_canceller()
    far = speech_like(6.0, 7)
    lag, gap, stall = 1400, 16_000 * 3, 1600
    near = 0.12 * np.concatenate([np.zeros(lag, np.float32), far[:-lag]])
    cancel_line(canceller, near, far)
    assert canceller.trusted
    # The device runs dry for 0.1 s at reference sample `gap`: the rest plays 0.1 s later.
    played = np.concatenate([far[:gap], np.zeros(stall, np.float32), far[gap:-stall]])
    near = 0.12 * np.concatenate([np.zeros(lag, np.float32), played[:-lag]])
    canceller.start_line()
    out, trusted = [], []
    for start in range(0, len(near), 512):
        if start <= gap - lag < start + 512:  # the speaker notices as the reference is taken
            canceller.playback_gap()
        out.append(canceller.process(near[start:start + 512], far[start:start + 512]))
        trusted.append(canceller.trusted)
    blocks_after = (gap - lag) // 512 + 1
    assert not trusted[blocks_after]  # the echo moved: cancelled audio is not judged
    assert trusted[-1] and canceller.lag == lag + stall  # measured once, taken at once
    assert erle(near, np.concatenate(out), slice(4.5, 5.8)) > 20


def test_the_canceller_is_not_trusted_before_it_has_heard_enough_echo():
    canceller = load_echo_canceller()
    far = speech_like(1.0, 6)
    near = 0.12 * np.concatenate([np.zeros(1100, np.float32), far[:-1100]])
    cancel_line(canceller, near, far)
    assert not canceller.settled  # under a second of echo: a fresh filter lets echo through
    cancel_line(canceller, near, far)
    assert canceller.settled


def test_flush_hands_out_all_the_audio_held_back():
    canceller = load_echo_canceller()
    canceller.start_line()
    held = canceller.process(np.ones(2000, np.float32) * 0.01, np.zeros(2000, np.float32))
    assert len(held) == 0  # the lag is not known yet
    assert len(held) + len(canceller.flush()) == 2000


def windows(seconds: float) -> int:
    return int(round(seconds / WINDOW_SECONDS))


def test_with_cancelled_audio_a_first_word_cuts_in_without_waiting_for_the_echo_level():
    detector = CancelledSpeechDetector(BargeInSettings())
    for _ in range(windows(2.0)):  # the echo: speech to the VAD, but 40 dB down after cancelling
        assert not detector.update(0.95, 0.0002, 0.02)
    fed = 0  # a first word: it keeps most of its level through the canceller
    while not detector.update(0.6, 0.015, 0.025) and fed < windows(1.0):
        fed += 1
    assert detector.triggered and (fed + 1) * WINDOW_SECONDS <= 0.2
    assert detector.onset_at == pytest.approx(windows(2.0) * WINDOW_SECONDS)


def test_with_cancelled_audio_syllable_gaps_do_not_restart_the_count():
    detector = CancelledSpeechDetector(BargeInSettings(cancelled_speech=0.15,
                                                       cancelled_span=0.3))
    syllables = [(0.9, 0.015, 0.02)] * 3 + [(0.2, 0.0003, 0.02)] * 2 + [(0.9, 0.015, 0.02)] * 2
    assert [detector.update(*window) for window in syllables][-1]


def test_with_cancelled_audio_a_knock_or_an_untrusted_canceller_is_not_a_barge_in():
    detector = CancelledSpeechDetector(BargeInSettings())
    for _ in range(windows(1.0)):  # a fresh canceller: levels not to be trusted
        assert not detector.update(0.95, 0.02, math.inf)
    for _ in range(3):  # a knock: loud, kept through the canceller, too short
        assert not detector.update(0.95, 0.05, 0.06)
    for _ in range(windows(1.0)):
        assert not detector.update(0.95, 0.0002, 0.02)
    for _ in range(windows(1.0)):  # room noise the VAD does not call speech
        assert not detector.update(0.1, 0.01, 0.01)


def test_with_cancelled_audio_the_echo_alone_never_cuts_in():
    detector = CancelledSpeechDetector(BargeInSettings())
    rng = np.random.default_rng(3)
    for level in rng.uniform(0.5, 1.5, windows(20)):
        # The echo is speech to the VAD, but the canceller took 15-25 dB off it.
        assert not detector.update(0.95, 0.002 * level, 0.02 * level)


def test_the_player_queues_a_deep_buffer_and_reports_an_underrun_to_the_reference(monkeypatch):
    import sounddevice

    from interviewer.live.playback import OUTPUT_LATENCY, Player

    opened = {}

    class DryOnce:  # runs dry before its third write, as a stalled playing thread would
        def __init__(self, **options):
            opened.update(options)
            self.writes = 0

        def write(self, data):
            self.writes += 1
            return self.writes == 3

        def start(self):
            pass

        stop = abort = close = start

    monkeypatch.setattr(sounddevice, "OutputStream", DryOnce)
    player = Player()
    player.reference = PlaybackReference()
    assert player.play(np.zeros(16_000, np.float32), 16_000)
    assert opened["latency"] == OUTPUT_LATENCY >= 0.1  # 35 ms ran dry several times a line
    assert player.reference.gap_seen() and not player.reference.gap_seen()


def test_a_lag_that_moves_without_an_underrun_is_distrusted_until_measured_twice():
    canceller = load_echo_canceller()
    far = speech_like(6.0, 8)
    lag, moved_at, shift = 1300, 16_000 * 3, 2200  # measured once: 140 ms, nothing reported
    near = 0.12 * np.concatenate([np.zeros(lag, np.float32), far[:-lag]])
    cancel_line(canceller, near, far)
    played = np.concatenate([far[:moved_at], np.zeros(shift, np.float32), far[moved_at:-shift]])
    near = 0.12 * np.concatenate([np.zeros(lag, np.float32), played[:-lag]])
    canceller.start_line()
    trusted = []
    for start in range(0, len(near), 512):
        canceller.process(near[start:start + 512], far[start:start + 512])
        trusted.append((start, canceller.trusted, canceller.lag))
    assert all(ok for start, ok, _ in trusted if start < moved_at)
    assert any(not ok and found == lag for _, ok, found in trusted)  # moved, not yet confirmed
    assert trusted[-1][1] and trusted[-1][2] == lag + shift
