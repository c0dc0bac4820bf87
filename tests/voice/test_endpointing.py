"""Endpointing: the decision logic on made-up probabilities, and the streaming Silero VAD."""

from __future__ import annotations

import numpy as np

from interviewer.live.endpointing import (
    WINDOW,
    WINDOW_SECONDS,
    Endpointer,
    EndpointSettings,
    StreamingVad,
)
from interviewer.live.wav import load_audio


def feed(endpointer: Endpointer, probabilities) -> str | None:
    for probability in probabilities:
        reason = endpointer.update(probability)
        if reason:
            return reason
    return None


def windows(seconds: float) -> int:
    return int(round(seconds / WINDOW_SECONDS))


def test_answer_ends_after_end_silence_once_speech_began():
    endpointer = Endpointer(EndpointSettings(end_silence=2.0))
    assert feed(endpointer, [0.0] * windows(1) + [0.9] * windows(3)) is None
    assert feed(endpointer, [0.1] * windows(1.9)) is None  # a thinking pause is not the end
    assert feed(endpointer, [0.1] * windows(0.2)) == "silence"
    assert abs(endpointer.elapsed - endpointer.last_speech_at - 2.0) < 2 * WINDOW_SECONDS
    assert abs(endpointer.speech_seconds - 3.0) < 2 * WINDOW_SECONDS


def test_pauses_shorter_than_end_silence_keep_listening():
    endpointer = Endpointer(EndpointSettings(end_silence=2.5))
    pattern = ([0.9] * windows(2) + [0.05] * windows(2)) * 5
    assert feed(endpointer, pattern) is None


def test_nothing_said_ends_at_the_no_speech_timeout():
    endpointer = Endpointer(EndpointSettings(no_speech_timeout=8.0))
    assert feed(endpointer, [0.05] * windows(7.9)) is None
    assert feed(endpointer, [0.05] * windows(0.2)) == "no_speech"
    assert not endpointer.started


def test_a_click_does_not_start_an_answer():
    endpointer = Endpointer(EndpointSettings(no_speech_timeout=3.0, min_speech=0.25))
    probabilities = [0.05] * 20 + [0.95] * 3 + [0.05] * windows(3)
    assert feed(endpointer, probabilities) == "no_speech"


def test_maximum_length_wins_over_ongoing_speech():
    endpointer = Endpointer(EndpointSettings(max_seconds=5.0))
    assert feed(endpointer, [0.9] * windows(6)) == "max_length"
    assert abs(endpointer.elapsed - 5.0) < 2 * WINDOW_SECONDS


def test_hysteresis_keeps_speech_going_between_thresholds():
    endpointer = Endpointer(EndpointSettings(end_silence=1.0))
    feed(endpointer, [0.9] * 10)
    assert feed(endpointer, [0.4] * windows(2)) is None  # above 0.35 once speaking: still speech
    assert endpointer.in_speech


def test_streaming_vad_matches_faster_whispers_batch_vad(spoken_answer):
    from faster_whisper.vad import get_vad_model

    samples = load_audio(spoken_answer).samples
    samples = samples[: len(samples) // WINDOW * WINDOW]
    batch = np.asarray(get_vad_model()(samples.copy())).reshape(-1)
    vad = StreamingVad()
    streamed: list[float] = []
    for start in range(0, len(samples), 700):  # odd block sizes, as a device delivers them
        streamed.extend(vad.feed(samples[start:start + 700]))
    assert len(streamed) == len(batch)
    np.testing.assert_allclose(streamed, batch, atol=1e-4)
    assert np.mean(np.array(streamed) > 0.5) > 0.5  # mostly speech


def test_streaming_vad_hears_no_speech_in_silence_or_noise():
    vad = StreamingVad()
    silence = vad.feed(np.zeros(16_000 * 2, dtype=np.float32))
    vad.reset()
    noise = np.random.default_rng(1).standard_normal(16_000 * 3).astype(np.float32) * 0.1
    assert max(silence) < 0.5
    assert max(vad.feed(noise)) < 0.5
