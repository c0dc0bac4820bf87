"""Made-up speech patterns shared by the real-time tests (the fakes are in interviewer.testing)."""

from __future__ import annotations

import numpy as np

from interviewer.live.endpointing import WINDOW


def windows(pattern: str, seconds_per_char: float = 1.0) -> tuple[np.ndarray, list[float]]:
    """Samples and speech probabilities from a pattern: 's' a second of speech, '.' of silence."""
    per_char = int(round(seconds_per_char * 16_000 / WINDOW))
    probabilities = [0.9 if c == "s" else 0.05 for c in pattern for _ in range(per_char)]
    samples = np.zeros(len(probabilities) * WINDOW, np.float32)
    return samples, probabilities


def feed_in_blocks(incremental, samples, probabilities, block_windows: int = 4,
                   keep_up: bool = True) -> None:
    """Feed like a microphone: a few windows at a time, with their probabilities. With
    `keep_up`, the worker finishes each stretch before more audio arrives (a fast machine)."""
    for first in range(0, len(probabilities), block_windows):
        chunk = samples[first * WINDOW:(first + block_windows) * WINDOW]
        incremental.feed(chunk, probabilities[first:first + block_windows])
        if keep_up:
            assert incremental.drain(timeout=10)
