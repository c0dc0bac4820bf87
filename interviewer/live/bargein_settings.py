"""When speech heard during playback counts as the candidate cutting in: barge-in's settings.

Shared by the level rule (`loud_speech`, without a canceller) and the rule for cancelled audio
(`cancelled_speech`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BargeInSettings:
    """When speech during playback counts as the candidate cutting in. Times in seconds."""

    min_speech: float = 0.28  # sustained speech needed; shorter blips (a cough, "mm") are ignored
    speech_threshold: float = 0.5  # Silero probability that starts a run of speech
    silence_threshold: float = 0.35  # ...and that keeps it going (hysteresis, as in Endpointer)
    learn_seconds: float = 0.5  # echo level learned from this much speech heard first...
    learn_timeout: float = 1.0  # ...or, if that much never came, from this much of the playback
    echo_factor: float = 2.0  # the candidate must be this many times louder than the echo
    loud_fraction: float = 0.75  # share of those windows that must be louder than the echo
    noise_floor: float = 0.002  # RMS; with no echo at all, speech must still beat 2x this
    pre_roll: float = 0.3  # audio kept from before the speech onset for the next listen()
    # With echo cancellation (CancelledSpeechDetector):
    echo_ratio: float = 0.35  # the share of the microphone's level the cancelled speech keeps
    cancelled_speech: float = 0.15  # this much such speech...
    cancelled_span: float = 0.3  # ...within this long is the candidate cutting in
