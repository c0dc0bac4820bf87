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

from interviewer.live.echo_delay import MAX_LAG, estimate_lag

SAMPLE_RATE = 16_000
FRAME = SAMPLE_RATE // 100  # AEC3 works on 10 ms frames
MARGIN_MS = 5  # the shifted reference still leads the echo by this much; AEC3 finds the rest
MEASURE_STEP = SAMPLE_RATE // 10  # at a line's start the lag is tried every 0.1 s...
RECHECK_WINDOW = SAMPLE_RATE // 2
AGREE = SAMPLE_RATE // 1000  # two lags within 1 ms are the same
SETTLE_SECONDS = 1.5  # echo a fresh AEC3 needs before it takes 20+ dB off
SILENT = 1e-3  # RMS of a reference stretch with nothing played
HOLD_SECONDS = 1.0  # ...for at most this long (with no echo it is never found)
RECHECK_SECONDS = 0.25  # then re-measured this often, on the last half second


class PlaybackReference:
    """What the speaker is playing, at 16 kHz, waiting to be paired with the microphone."""

    def __init__(self, max_seconds: float = 5.0):
        self._chunks: deque[np.ndarray] = deque()
        self._held = 0
        self._limit = int(max_seconds * SAMPLE_RATE)
        self._lock = threading.Lock()
        self._started = False  # the line's first samples were pushed
        self._gap = False  # the output device ran dry since the last `gap_seen()`

    def mark_gap(self) -> None:
        """The output device ran dry (an underrun): what follows plays, and echoes, later."""
        self._gap = True

    def gap_seen(self) -> bool:
        """True once after each `mark_gap()`: the echo's lag has moved by an unknown amount."""
        gap, self._gap = self._gap, False
        return gap

    def push(self, samples: np.ndarray) -> None:
        """Add 16 kHz samples just handed to the output device."""
        chunk = np.asarray(samples, dtype=np.float32).reshape(-1)
        with self._lock:
            self._started = True
            self._chunks.append(chunk)
            self._held += len(chunk)
            while self._held > self._limit and self._chunks:  # nobody reading: keep it bounded
                self._held -= len(self._chunks.popleft())

    def take(self, count: int) -> np.ndarray:
        """The next `count` samples played, or fewer if the speaker has not pushed them yet.

        Silence until the line's first push (the microphone is heard before playback starts);
        after it, never: measured under load, filling a late push with silence shifted the
        echo against its reference by 25-30 ms and let it through the canceller, so a late
        reference is waited for instead (`EchoCanceller` pairs them sample for sample).
        """
        with self._lock:
            if not self._started:
                return np.zeros(count, dtype=np.float32)
            out = np.zeros(min(count, self._held), dtype=np.float32)
            filled = 0
            while filled < len(out):
                chunk = self._chunks[0]
                used = min(len(out) - filled, len(chunk))
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
            self._started = False
        self._gap = False


class EchoCanceller:
    """Microphone blocks in, the same blocks with the interviewer's echo removed out.

    The reference is shifted to the echo's measured lag (`estimate_lag`) before AEC3 sees it,
    so AEC3 meets the same echo path on every line and its filter, learned on earlier lines,
    fits at once. At a line's start (`start_line`) the microphone is held back until the lag is
    found, about 0.4 s after the line begins, or for at most `hold_seconds` (no echo at all:
    headphones); then the held audio is cancelled in one go. The lag is re-measured every
    `recheck_seconds`, as a stall can shift it mid-line. An underrun of the output device
    (`playback_gap`) certainly shifts it: the lag is then measured afresh on the audio heard
    since, and until it is found the cancelled audio is not to be trusted (`trusted`).

    AEC3 zero-pads a partial 10 ms frame on every call, which would corrupt a stream, so blocks
    are cancelled in whole frames: the output lags the input by less than 10 ms once the lag is
    known.
    """

    def __init__(self, backend_class, *, margin_ms: int = MARGIN_MS,
                 hold_seconds: float = HOLD_SECONDS, recheck_seconds: float = RECHECK_SECONDS):
        self._aec = backend_class(sample_rate=SAMPLE_RATE, num_channels=1,
                                  stream_delay_ms=int(margin_ms))
        self._margin = int(margin_ms * SAMPLE_RATE / 1000)
        self._hold = int(hold_seconds * SAMPLE_RATE)
        self._recheck = int(recheck_seconds * SAMPLE_RATE)
        self.lag: int | None = None  # samples the echo lags the reference; kept across lines
        self.lag_found = False  # this line's lag has been measured (or given up on)
        self._learned = 0  # samples of heard echo cancelled with a measured lag, all lines
        self.start_line()

    @property
    def settled(self) -> bool:
        """True once AEC3 has had `SETTLE_SECONDS` of echo to learn the room from.

        Until then a fresh filter lets 6-12 dB of the echo through, which looks like a
        candidate; the lines after that start with the filter already fitted.
        """
        return self._learned >= SETTLE_SECONDS * SAMPLE_RATE

    @property
    def trusted(self) -> bool:
        """True when the cancelled audio can be judged: `settled`, no underrun pending, and
        the last lag measured agreeing with the lag in use.

        Measured: after an underrun the echo came through at the microphone's own level until
        the lag was measured again, which stopped about one line in 15 under load; once, with no
        underrun reported, the lag moved by 140 ms and the echo came through until a second
        measurement confirmed it. A stray peak costs only the cancelled rule's ear until the
        next measurement (the level rule on the microphone still listens).
        """
        return self.settled and self._gap_at is None and self._moved is None

    def playback_gap(self) -> None:
        """The output ran dry just now: re-measure the lag on the reference played after it.

        The reference already taken reaches about one lag past the microphone (it was queued
        on the device before the underrun, so its echo keeps the old lag); only what follows it
        is measured.
        """
        self._gap_at = self._tried = self._base + len(self._near) + (self.lag or 0)

    def start_line(self) -> None:
        """A new line starts: the lag is measured afresh (the AEC3 filter is kept)."""
        self._near = np.zeros(0, np.float32)  # this line's microphone and reference, from
        self._far = np.zeros(0, np.float32)  # sample `_base` of the line on
        self._base = 0
        self._done = 0  # samples of the line cancelled so far
        self._tried = 0  # line length at the last lag measurement
        self.lag_found = False
        self._moved: int | None = None  # a different lag measured once, until measured again
        self._measured = False  # the lag was found on this line (not taken from the last)
        self._gap_at: int | None = None  # line sample of an underrun whose lag is not yet found

    def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
        """Echo-cancelled microphone audio for `near` (microphone) given `far` (played).

        The reference may come short (the speaker is late) and catch up later: the two are
        paired sample for sample. May return fewer samples than given (held back at a line's
        start, waiting for the reference, or to whole frames) and more later; in total, sample
        for sample what came in.
        """
        self._near = np.concatenate([self._near, np.asarray(near, np.float32).reshape(-1)])
        self._far = np.concatenate([self._far, np.asarray(far, np.float32).reshape(-1)])
        self._measure()
        if not self.lag_found:
            return np.zeros(0, np.float32)
        return self._cancel(final=False)

    def flush(self) -> np.ndarray:
        """Cancel whatever is still held back (barge-in decided on the microphone itself)."""
        if not self.lag_found:
            self.lag_found = True  # with the last line's lag, or none
        return self._cancel(final=True)

    def _measure(self) -> None:
        paired = min(len(self._near), len(self._far))
        end = self._base + paired
        fresh = not self.lag_found or self._gap_at is not None  # nothing to agree with
        if end - self._tried < (MEASURE_STEP if fresh else self._recheck):
            return
        self._tried = end
        span = paired if not self.lag_found else min(paired, RECHECK_WINDOW + MAX_LAG)
        if self._gap_at is not None:  # only what was heard since the underrun
            span = min(span, end - self._gap_at)
        found = estimate_lag(self._far[paired - span:paired], self._near[paired - span:paired])
        if self._gap_at is not None:
            if found is not None:
                self.lag, self._moved = found[0], None
            if found is not None or end - self._gap_at >= self._hold:
                self._gap_at = None  # found, or no echo heard to find it on
        elif found is not None and self.lag_found and abs(found[0] - (self.lag or 0)) > AGREE:
            # A moved lag must be measured twice: one stray peak would cost 40 dB meanwhile.
            # Until then the cancelled audio is not trusted (the echo may have moved).
            if self._moved is not None and abs(found[0] - self._moved) <= AGREE:
                self.lag, self._moved = found[0], None
            else:
                self._moved = found[0]
        elif found is not None:
            self.lag, self.lag_found, self._moved = found[0], True, None
            self._measured = True
        elif not self.lag_found and end >= self._hold:
            self.lag_found = True  # no echo to be found: go on with the last line's lag
        keep = MAX_LAG + RECHECK_WINDOW + self._hold
        if paired > 2 * keep:  # bounded, but long enough to measure and to shift
            cut = paired - keep
            cut = min(cut, self._done - self._base - MAX_LAG)  # the shift reaches back
            self._near, self._far = self._near[cut:], self._far[cut:]
            self._base += cut

    def _cancel(self, *, final: bool) -> np.ndarray:
        shift = max(0, (self.lag or 0) - self._margin)
        end = self._base + len(self._near)
        if not final:  # only as far as the reference reaches, in whole frames
            end = min(end, self._base + len(self._far) + shift)
        count = end - self._done
        if not final:
            count = count // FRAME * FRAME
        if count <= 0:
            return np.zeros(0, np.float32)
        start = self._done - self._base
        near = self._near[start:start + count]
        far = np.zeros(count, np.float32)
        first = start - shift  # where this stretch's reference starts in `_far`
        lo, hi = max(first, 0), min(first + count, len(self._far))
        if hi > lo:
            far[lo - first:hi - first] = self._far[lo:hi]
        self._done += count
        if self._measured and float(np.sqrt(np.mean(far * far))) > SILENT:
            self._learned += count
        padded = -count % FRAME  # only when flushing: AEC3 would pad the frame anyway
        if padded:
            near = np.concatenate([near, np.zeros(padded, np.float32)])
            far = np.concatenate([far, np.zeros(padded, np.float32)])
        out = np.asarray(self._aec.process(near, far), dtype=np.float32)
        return out[:count]


def load_echo_canceller() -> EchoCanceller | None:
    """WebRTC AEC3 if `pywebrtc-audio` is installed, else None (the level heuristic is used)."""
    try:
        from pywebrtc_audio import EchoCanceller as Aec3
    except (ImportError, OSError):
        return None
    return EchoCanceller(Aec3)
