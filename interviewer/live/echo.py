"""Cancelling the interviewer's own voice from the microphone, so barge-in hears the candidate.

Without headphones the microphone hears the interviewer's line as well as the candidate. An
acoustic echo canceller subtracts it, given the exact samples being played: the speaker's
`Player` pushes every chunk it writes into a `PlaybackReference`, and the barge-in watcher takes
the same number of samples from it for every microphone block it reads, so the reference runs
ahead of the echo by the output and input latency, which the canceller's delay estimator finds.

The canceller is WebRTC's AEC3 through `pywebrtc-audio` (Apache-2.0 bindings, BSD WebRTC code,
prebuilt wheels). When it is not installed, `load_echo_canceller()` returns None and barge-in
falls back to its loudness heuristic.
"""

from __future__ import annotations

import threading
from collections import deque

import numpy as np

SAMPLE_RATE = 16_000
FRAME = SAMPLE_RATE // 100  # AEC3 works on 10 ms frames
STREAM_DELAY_MS = 60  # a starting guess for output + input latency; AEC3 refines it


class PlaybackReference:
    """What the speaker is playing, at 16 kHz, waiting to be paired with the microphone."""

    def __init__(self, max_seconds: float = 5.0):
        self._chunks: deque[np.ndarray] = deque()
        self._held = 0
        self._limit = int(max_seconds * SAMPLE_RATE)
        self._lock = threading.Lock()

    def push(self, samples: np.ndarray) -> None:
        """Add 16 kHz samples just handed to the output device."""
        chunk = np.asarray(samples, dtype=np.float32).reshape(-1)
        with self._lock:
            self._chunks.append(chunk)
            self._held += len(chunk)
            while self._held > self._limit and self._chunks:  # nobody reading: keep it bounded
                self._held -= len(self._chunks.popleft())

    def take(self, count: int) -> np.ndarray:
        """The next `count` samples played (silence where nothing was)."""
        out = np.zeros(count, dtype=np.float32)
        filled = 0
        with self._lock:
            while filled < count and self._chunks:
                chunk = self._chunks[0]
                used = min(count - filled, len(chunk))
                out[filled:filled + used] = chunk[:used]
                filled += used
                if used == len(chunk):
                    self._chunks.popleft()
                else:
                    self._chunks[0] = chunk[used:]
            self._held -= filled
        return out

    def clear(self) -> None:
        """Forget what was played (a new line starts)."""
        with self._lock:
            self._chunks.clear()
            self._held = 0


class EchoCanceller:
    """Microphone blocks in, the same blocks with the interviewer's echo removed out.

    AEC3 zero-pads a partial 10 ms frame on every call, which would corrupt a stream, so blocks
    are buffered to whole frames: the output lags the input by less than 10 ms.
    """

    def __init__(self, backend_class, *, stream_delay_ms: int = STREAM_DELAY_MS):
        self._aec = backend_class(sample_rate=SAMPLE_RATE, num_channels=1,
                                  stream_delay_ms=int(stream_delay_ms))
        self._near = np.zeros(0, np.float32)
        self._far = np.zeros(0, np.float32)

    def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
        """Echo-cancelled microphone audio for `near` (microphone) given `far` (played)."""
        self._near = np.concatenate([self._near, np.asarray(near, np.float32).reshape(-1)])
        self._far = np.concatenate([self._far, np.asarray(far, np.float32).reshape(-1)])
        whole = len(self._near) // FRAME * FRAME
        if whole == 0:
            return np.zeros(0, np.float32)
        near_now, self._near = self._near[:whole], self._near[whole:]
        far_now, self._far = self._far[:whole], self._far[whole:]
        return np.asarray(self._aec.process(near_now, far_now), dtype=np.float32)


def load_echo_canceller() -> EchoCanceller | None:
    """WebRTC AEC3 if `pywebrtc-audio` is installed, else None (the level heuristic is used)."""
    try:
        from pywebrtc_audio import EchoCanceller as Aec3
    except (ImportError, OSError):
        return None
    return EchoCanceller(Aec3)
