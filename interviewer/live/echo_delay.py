"""How far the interviewer's echo lags the samples handed to the speaker, by cross-correlation.

The echo canceller pairs each microphone block with the samples played, but what a block's
reference holds depends on when the watcher happened to read it: measured on PulseAudio, the
echo lagged its reference by 69-113 ms, different for every line and shifting by ~8 ms within a
line after a stall. AEC3 finds such a lag itself, but re-converging takes it 0.5-1.5 s per line,
and meanwhile 5-10 dB of the echo remain, which looks like a candidate. Measuring the lag here
(a correlation peak is sharp for speech) and feeding AEC3 a reference shifted to match keeps the
echo path the same on every line, so the filter AEC3 learned on earlier lines fits at once.
"""

from __future__ import annotations

import numpy as np

SAMPLE_RATE = 16_000
MAX_LAG = int(0.4 * SAMPLE_RATE)  # output plus input latency; PulseAudio's stays well under
MIN_CORRELATION = 0.5  # normalised peak that counts as the echo found (noise gives < 0.15)
MIN_SIGNAL = SAMPLE_RATE // 4  # reference since its onset needed: a shorter one fits anything
MIN_SEARCH = int(0.15 * SAMPLE_RATE)  # no estimate before lags up to this can be tried
ONSET = 0.1  # the reference's onset: its first sample above this share of its peak


def estimate_lag(reference: np.ndarray, microphone: np.ndarray,
                 max_lag: int = MAX_LAG) -> tuple[int, float] | None:
    """(lag, correlation) with `microphone[t] ~ reference[t - lag]`, or None if no echo is seen.

    Both arrays cover the same samples (index for index). Lags are tried up to `max_lag`, or
    as far as leaves MIN_SIGNAL of the reference from its onset to compare (so early in a line
    the range is shorter). The correlation is the peak normalised by the energies of the parts
    that overlap at that lag, so 1.0 is a clean, undistorted echo; below MIN_CORRELATION
    (headphones, only the candidate, too little heard yet) is None.
    """
    reference = np.asarray(reference, np.float64)
    microphone = np.asarray(microphone, np.float64)
    count = min(len(reference), len(microphone))
    peak = float(np.max(np.abs(reference[:count]))) if count else 0.0
    if peak < 1e-4:
        return None
    onset = int(np.argmax(np.abs(reference[:count]) > ONSET * peak))
    max_lag = min(max_lag, count - onset - MIN_SIGNAL)
    if max_lag < MIN_SEARCH:
        return None
    reference, microphone = reference[:count - max_lag], microphone[:count]
    size = 1 << int(np.ceil(np.log2(count + len(reference))))
    spectrum = np.fft.rfft(microphone, size) * np.conj(np.fft.rfft(reference, size))
    correlation = np.fft.irfft(spectrum, size)[:max_lag + 1]
    lag = int(np.argmax(np.abs(correlation)))
    heard = microphone[lag:lag + len(reference)]
    norm = np.sqrt(np.sum(reference * reference) * np.sum(heard * heard))
    score = float(abs(correlation[lag]) / norm) if norm > 0 else 0.0
    return (lag, score) if score >= MIN_CORRELATION else None
