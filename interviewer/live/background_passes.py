"""Transcribing the stretches of an answer on one worker thread, with bounded work.

At most one stretch waits while another is transcribed. A stretch handed over while one is
already waiting is merged into it (one larger pass instead of two), so on a slow machine the
work degrades into fewer, longer passes and never queues up without bound. When the measured
transcription speed gets close to real time, the minimum stretch length grows as well.
`joined()` puts the stretches' words back on the answer's timeline.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.live.endpointing import SAMPLE_RATE
from interviewer.live.incremental_settings import IncrementalSettings, IncrementalStats
from interviewer.session.ports import Audio, Transcriber, Transcript, Word


@dataclass
class Stretch:
    """A stretch of the answer handed over for transcription, and its result once there."""

    start: int  # sample offsets in the answer
    end: int
    result: Transcript | None = None
    dropped: bool = False  # a provisional pass taken back: its result is not used


class BackgroundPasses:
    """One worker thread transcribing handed-over stretches of one answer.

    `audio(start, end)` gives the samples of a stretch; `stats` is updated as passes finish.
    """

    def __init__(self, transcriber: Transcriber, audio: Callable[[int, int], Audio],
                 settings: IncrementalSettings, stats: IncrementalStats,
                 on_slow: Callable[[float], None] | None = None):
        self.transcriber = transcriber
        self.settings = settings
        self.stats = stats
        self.on_slow = on_slow
        # The minimum stretch length in force: grows when transcription nears real time.
        self.min_stretch = settings.min_stretch
        self._audio = audio
        self._lock = threading.Condition()
        self._worker: threading.Thread | None = None
        self._done: list[Stretch] = []
        self._waiting: Stretch | None = None
        self._running: Stretch | None = None
        self._error: BaseException | None = None
        self._closed = False

    def hand_over(self, start: int, end: int) -> Stretch:
        """Transcribe samples `start` to `end`; merged into the stretch still waiting, if any,
        which is then the one returned."""
        with self._lock:
            if self._waiting is not None:  # behind: one larger pass instead of a queue
                self._waiting.end = end
                self.stats.merged += 1
            else:
                self._waiting = Stretch(start, end)
            stretch = self._waiting
            self._lock.notify_all()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="incremental-transcriber",
                                            daemon=True)
            self._worker.start()
        return stretch

    def nothing_waiting(self) -> bool:
        """True when no stretch waits for the worker."""
        with self._lock:
            return self._waiting is None

    def take_back(self, stretch: Stretch) -> None:
        """Drop a handed-over stretch: not transcribed if it still waits, not counted if done."""
        with self._lock:
            stretch.dropped = True
            if self._waiting is stretch:
                self._waiting = None
            if stretch in self._done:  # already transcribed: it no longer counts
                self._done.remove(stretch)
                self.stats.passes -= 1
                self.stats.background_seconds -= (stretch.end - stretch.start) / SAMPLE_RATE

    def take_waiting(self) -> Stretch | None:
        """The stretch not started yet, if any, which the worker will now not transcribe."""
        with self._lock:
            stretch, self._waiting = self._waiting, None
            return stretch

    def transcribed(self) -> list[Stretch]:
        """The stretches transcribed so far (in the order they finished)."""
        with self._lock:
            return [s for s in self._done if s.result is not None]

    def done(self) -> list[Stretch]:
        """Every stretch the worker kept, by start; a failed pass has no result."""
        with self._lock:
            return sorted(self._done, key=lambda s: s.start)

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every handed-over stretch is transcribed; True if so."""
        with self._lock:
            return self._lock.wait_for(lambda: self._waiting is None and self._running is None,
                                       timeout)

    def stop(self) -> None:
        """Let the worker finish the stretch it is on and end."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        if self._worker is not None:
            self._worker.join()
        self._worker = None

    def _work(self) -> None:
        while True:
            with self._lock:
                while self._waiting is None and not self._closed:
                    self._lock.wait()
                if self._waiting is None:
                    return
                stretch, self._waiting = self._waiting, None
                self._running = stretch
            started = time.perf_counter()
            try:
                stretch.result = self.transcriber.transcribe(self._audio(stretch.start,
                                                                         stretch.end))
            except BaseException as exc:  # handed to finish(), which transcribes it again
                with self._lock:
                    self._error = exc
            busy = time.perf_counter() - started
            with self._lock:
                self._running = None
                seconds = (stretch.end - stretch.start) / SAMPLE_RATE
                self.stats.busy_seconds += busy
                self._adapt(busy, seconds)
                if not stretch.dropped:
                    self._done.append(stretch)
                    self.stats.passes += 1
                    self.stats.background_seconds += seconds
                self._lock.notify_all()

    def _adapt(self, busy: float, seconds: float) -> None:
        """Grow the minimum stretch when transcription gets close to real time."""
        if seconds <= 0:
            return
        share = busy / seconds
        if share > self.settings.busy_share and self.on_slow is not None:
            self.on_slow(share)
        if share > self.settings.busy_share:
            grown = self.min_stretch * min(share / self.settings.busy_share, 2.0)
            self.min_stretch = min(grown, self.settings.max_stretch)
        self.stats.min_stretch = round(self.min_stretch, 2)


def joined(stretches: list[Stretch], duration: float, language: str) -> Transcript:
    """One Transcript of the stretches' results, words moved onto the answer's timeline."""
    texts: list[str] = []
    words: list[Word] = []
    for stretch in stretches:
        result = stretch.result
        if result is None:
            continue
        offset = stretch.start / SAMPLE_RATE
        if result.text.strip():
            texts.append(result.text.strip())
        words.extend(Word(w.text, round(w.start + offset, 3), round(w.end + offset, 3),
                          w.probability) for w in result.words)
    return Transcript(text=" ".join(texts), words=words, language=language or "en",
                      duration_s=duration)
