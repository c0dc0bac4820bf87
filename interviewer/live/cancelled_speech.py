"""Barge-in judged on echo-cancelled audio: what of the speech survived the canceller.

Once AEC3 has the echo's path, the interviewer's voice loses 40-50 dB on the virtual loopback
(15-25 dB in a room), while a candidate as loud as the echo keeps most of their level. So a
window is the candidate's when the VAD hears speech (`BargeIn` takes the higher probability of
the microphone's VAD and the cancelled audio's) and the cancelled level is still `echo_ratio`
of the microphone's. No learning period and no "twice as loud".

Unlike the level rule on the raw microphone, no unbroken run of speech is asked for: measured on
real speech under the echo, the VAD's probability on cancelled audio dips below the silence
threshold in the gaps between a candidate's first syllables, and a run of 0.28 s was first
complete 0.5-2.4 s after they started. Here `cancelled_speech` seconds of the candidate's
windows within the last `cancelled_span` are enough, which a first word gives.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from interviewer.live.endpointing import WINDOW_SECONDS

if TYPE_CHECKING:
    from interviewer.live.bargein_settings import BargeInSettings


class CancelledSpeechDetector:
    """Window by window: has the candidate started talking, judged on cancelled audio?

    Pure logic over (speech probability, cancelled RMS, microphone RMS), so tests can drive it
    with made-up numbers. A microphone RMS of `math.inf` marks a window the canceller could not
    be trusted on yet (a fresh filter): it never counts.
    """

    def __init__(self, settings: BargeInSettings):
        self.settings = settings
        self.elapsed = 0.0
        self.onset_at: float | None = None  # second of playback the candidate's speech began
        self._recent: deque[tuple[float, float, bool]] = deque()  # (start, seconds, theirs)

    @property
    def triggered(self) -> bool:
        """True once barge-in has been detected."""
        return self.onset_at is not None

    def update(self, probability: float, rms: float, microphone_rms: float,
               seconds: float = WINDOW_SECONDS) -> bool:
        """Account for one window; True when the candidate has barged in (and from then on)."""
        if self.triggered:
            return True
        s = self.settings
        start = self.elapsed
        self.elapsed += seconds
        theirs = (probability >= s.silence_threshold
                  and rms > max(s.echo_ratio * microphone_rms, s.echo_factor * s.noise_floor))
        self._recent.append((start, seconds, theirs))
        while self._recent and self._recent[0][0] < self.elapsed - s.cancelled_span - 1e-9:
            self._recent.popleft()
        heard = sum(length for _, length, counts in self._recent if counts)
        if heard >= s.cancelled_speech - 1e-9:
            self.onset_at = next(begin for begin, _, counts in self._recent if counts)
        return self.triggered
