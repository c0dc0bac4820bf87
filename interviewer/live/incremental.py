"""Transcribing an answer while it is being spoken, so the end of the turn only waits for the tail.

Audio is fed in blocks as the microphone delivers it, with the Silero speech probability of each
32 ms window (the microphone already computes them for endpointing; if not given, they are
computed here). Whenever the candidate pauses after a long enough stretch of speech, the audio up
to the middle of the pause is handed to a background worker and transcribed. `finish()` then only
has to transcribe what came after the last cut: usually just the end-of-turn silence, which holds
no speech and is skipped, or the last few seconds when the candidate stopped without a pause.
Because any pause may end the turn, its first 0.1 s already hands the stretch over provisionally
(taken back if the candidate goes on too soon), so the last pass overlaps the end-of-turn decision.

Bounded work: at most one stretch waits while another is transcribed. A stretch that arrives
while one is already waiting is merged into it (one larger pass instead of two), so on a slow
machine the work degrades into fewer, longer passes and never queues up without bound. When the
measured transcription speed gets close to real time, the minimum stretch length grows as well.

Words are moved onto the answer's timeline (seconds from the start of the recording), so the
result has the same structure as transcribing the whole recording at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from interviewer.live.endpointing import SAMPLE_RATE, WINDOW, WINDOW_SECONDS, SpeechTracker
from interviewer.session.ports import Audio, Transcriber, Transcript, Word

SPEECH = 0.5  # a window at or above this probability is speech (Silero's onset threshold)


@dataclass
class IncrementalSettings:
    """When to cut the audio into stretches. Times in seconds."""

    pause: float = 0.3  # silence this long after speech is a natural place to cut
    min_stretch: float = 3.0  # do not cut stretches shorter than this (too little context)
    # A silence this long may be the end of the turn: cut whatever the stretch's length, so its
    # last words are transcribed during the end-of-turn wait instead of after it. (Were it the
    # tail, it would be transcribed alone all the same.)
    long_pause: float = 0.6
    long_pause_min_stretch: float = 1.0  # ...unless it is a word or two, which needs context
    # Any pause may be the end of the turn: once it has lasted this long (and no other stretch
    # waits) the stretch is transcribed provisionally, during the end-of-turn decision instead
    # of after it. Speech resuming before the pause would have been cut by the
    # rules above takes it back (the words then go into a longer stretch, with more context).
    # None: no provisional passes.
    early_pause: float | None = 0.1
    max_stretch: float = 20.0  # without a pause, cut at the quietest window anyway (< 30 s)
    busy_share: float = 0.7  # transcription slower than this share of real time: grow stretches


@dataclass
class IncrementalStats:
    """What the incremental transcription did for one answer."""

    passes: int = 0  # background passes over finished stretches
    provisional: int = 0  # passes started at the first silence, in case it ended the turn
    retracted: int = 0  # ...taken back because the candidate went on
    merged: int = 0  # stretches merged into one already waiting (the degrade path)
    background_seconds: float = 0.0  # audio seconds transcribed in the background
    busy_seconds: float = 0.0  # wall time the worker spent transcribing
    tail_samples: int = 0  # samples transcribed at the end of the turn
    tail_skipped: bool = False  # the tail held no speech, so it was not transcribed
    wait_seconds: float = 0.0  # finish(): waiting for the worker to be done
    tail_seconds: float = 0.0  # finish(): transcribing the tail
    min_stretch: float = 0.0  # the minimum stretch length in force at the end

    @property
    def finish_seconds(self) -> float:
        """Wall time `finish()` took: what the end of the turn waited for."""
        return self.wait_seconds + self.tail_seconds


@dataclass
class _Stretch:
    start: int  # sample offsets in the answer
    end: int
    result: Transcript | None = None
    dropped: bool = False  # a provisional pass taken back: its result is not used


@dataclass
class _Speech:
    """Window-by-window speech tracking over the whole answer."""

    probabilities: list[float] = field(default_factory=list)
    tracker: SpeechTracker = field(default_factory=lambda: SpeechTracker(SPEECH, SPEECH))
    speech_since_cut: bool = False

    @property
    def silence_run(self) -> int:
        """Windows of silence up to now."""
        return round(self.tracker.silence / WINDOW_SECONDS) if self.tracker.last_speech_at \
            is not None else len(self.probabilities)


class IncrementalTranscriber:
    """Feed blocks with `feed()` while the answer is spoken; `finish()` returns its Transcript.

    One instance per answer (or call `reset()`). `transcriber` is any Transcriber (a
    WhisperTranscriber in practice); it is called from one worker thread and, for the tail, from
    the thread that calls `finish()`, never from both at once.
    """

    def __init__(self, transcriber: Transcriber, settings: IncrementalSettings | None = None,
                 *, vad=None, on_slow: Callable[[float], None] | None = None):
        self.transcriber = transcriber
        self.settings = settings or IncrementalSettings()
        # Called with the share of real time a pass took, when it is over `busy_share`.
        self.on_slow = on_slow
        self._vad = vad
        self._lock = threading.Condition()
        self._blocks_lock = threading.Lock()  # feed() appends while the worker reads
        self._worker: threading.Thread | None = None
        self.reset()

    # -- feeding ------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the previous answer (waits for a stretch still being transcribed)."""
        if getattr(self, "_worker", None) is not None:
            self._stop_worker()
        self._blocks: list[np.ndarray] = []
        self._samples = 0
        self._speech = _Speech()
        self._cut = 0  # samples before this are handed to the worker
        self._done: list[_Stretch] = []
        self._waiting: _Stretch | None = None
        self._running: _Stretch | None = None
        self._provisional: _Stretch | None = None  # cut at the first silence, not yet kept
        self._error: BaseException | None = None
        self._closed = False
        self.stats = IncrementalStats(min_stretch=self.settings.min_stretch)
        self._min_stretch = self.settings.min_stretch
        if self._vad is not None:
            self._vad.reset()

    def feed(self, block: np.ndarray, probabilities: list[float] | None = None) -> None:
        """Add a block of 16 kHz mono samples, with the speech probability of each complete
        512-sample window it finished (as `StreamingVad.feed` returns them), if known."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if probabilities is None:
            probabilities = self._own_vad().feed(block)
        with self._blocks_lock:
            self._blocks.append(block)
            self._samples += len(block)
        for probability in probabilities:
            self._window(float(probability))

    def _own_vad(self):
        if self._vad is None:
            from interviewer.live.endpointing import StreamingVad

            self._vad = StreamingVad()
        return self._vad

    def _window(self, probability: float) -> None:
        s, speech = self.settings, self._speech
        speech.probabilities.append(probability)
        end = len(speech.probabilities) * WINDOW  # sample offset where this window ends
        if speech.tracker.update(probability):
            if self._provisional is not None:
                self._retract()
            speech.speech_since_cut = True
        pause_windows = max(int(round(s.pause * SAMPLE_RATE / WINDOW)), 1)
        long_windows = max(int(round(s.long_pause * SAMPLE_RATE / WINDOW)), pause_windows)
        if self._provisional is not None:  # kept once the rules below would have cut here
            stretch = (end - self._provisional.start) / SAMPLE_RATE
            if ((speech.silence_run == pause_windows and stretch >= self._min_stretch)
                    or (speech.silence_run == long_windows and stretch - long_windows * WINDOW
                        / SAMPLE_RATE >= s.long_pause_min_stretch)):
                self._provisional = None
            return
        stretch = (end - self._cut) / SAMPLE_RATE
        if (speech.speech_since_cut and speech.silence_run == pause_windows
                and stretch >= self._min_stretch):
            self._submit(end - pause_windows * WINDOW // 2)  # the middle of the pause
        elif (speech.speech_since_cut and speech.silence_run == long_windows
                and stretch - long_windows * WINDOW / SAMPLE_RATE >= s.long_pause_min_stretch):
            self._submit(end - pause_windows * WINDOW // 2)
        elif speech.speech_since_cut and stretch >= s.max_stretch:
            self._submit(self._quietest_cut(end))
        elif (s.early_pause is not None and speech.speech_since_cut
              and speech.silence_run == max(int(round(s.early_pause * SAMPLE_RATE / WINDOW)), 1)
              and self._nothing_waiting()):
            self._submit(end, provisional=True)

    def _nothing_waiting(self) -> bool:
        # A provisional stretch is never merged with a waiting one: taking it back would take
        # the waiting one back too.
        with self._lock:
            return self._waiting is None

    def _retract(self) -> None:
        """The candidate went on after a provisional cut: its words join the next stretch."""
        with self._lock:
            stretch, self._provisional = self._provisional, None
            stretch.dropped = True
            if self._waiting is stretch:
                self._waiting = None
            if stretch in self._done:  # already transcribed: it no longer counts
                self._done.remove(stretch)
                self.stats.passes -= 1
                self.stats.background_seconds -= (stretch.end - stretch.start) / SAMPLE_RATE
            self._cut = stretch.start
            self.stats.retracted += 1

    def _quietest_cut(self, end: int) -> int:
        """The end of the quietest window in the last third of the current stretch."""
        first = (self._cut + 2 * (end - self._cut) // 3) // WINDOW
        last = end // WINDOW
        window = first + int(np.argmin(self._speech.probabilities[first:last]))
        return (window + 1) * WINDOW

    # -- background work ----------------------------------------------------------------------

    def _submit(self, cut: int, *, provisional: bool = False) -> None:
        cut = min(cut, self._samples)
        if cut <= self._cut:
            return
        with self._lock:
            if self._waiting is not None:  # behind: one larger pass instead of a queue
                self._waiting.end = cut
                self.stats.merged += 1
            else:
                self._waiting = _Stretch(self._cut, cut)
            if provisional:
                self._provisional = self._waiting
                self.stats.provisional += 1
            self._cut = cut
            self._speech.speech_since_cut = False
            self._lock.notify_all()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="incremental-transcriber",
                                            daemon=True)
            self._worker.start()

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
            grown = self._min_stretch * min(share / self.settings.busy_share, 2.0)
            self._min_stretch = min(grown, self.settings.max_stretch)
        self.stats.min_stretch = round(self._min_stretch, 2)

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every handed-over stretch is transcribed (tests, benchmarks); True if so."""
        with self._lock:
            return self._lock.wait_for(lambda: self._waiting is None and self._running is None,
                                       timeout)

    def _stop_worker(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        if self._worker is not None:
            self._worker.join()
        self._worker = None

    # -- results ------------------------------------------------------------------------------

    def _audio(self, start: int, end: int) -> Audio:
        with self._blocks_lock:
            if len(self._blocks) > 1:
                self._blocks = [np.concatenate(self._blocks)]
            samples = self._blocks[0][start:end] if self._blocks else np.zeros(0, np.float32)
        return Audio(samples.copy(), SAMPLE_RATE)

    def audio(self) -> Audio:
        """Everything fed so far, as one recording."""
        return self._audio(0, self._samples)

    @property
    def duration_s(self) -> float:
        """Seconds fed so far."""
        return self._samples / SAMPLE_RATE

    def transcribed_until(self) -> float:
        """Seconds from the start of the answer up to which `partial_text()` is complete."""
        with self._lock:
            ends = sorted((s.start, s.end) for s in self._done if s.result is not None)
        reached = 0
        for start, end in ends:
            if start > reached:
                break
            reached = max(reached, end)
        return reached / SAMPLE_RATE

    def partial_text(self) -> str:
        """The text of the stretches transcribed so far (lags the speech by a stretch or two)."""
        return self.partial_transcript().text

    def partial_transcript(self) -> Transcript:
        """The stretches transcribed so far, words timed on the answer's clock."""
        with self._lock:
            done = sorted((s for s in self._done if s.result is not None), key=lambda s: s.start)
        return _joined(done, self.duration_s, self.transcriber.language)

    def finish(self) -> Transcript:
        """Transcribe what is left and return the whole answer's Transcript."""
        started = time.perf_counter()
        with self._lock:
            tail_start = self._cut
            if self._waiting is not None:  # not started yet: part of the tail pass instead
                tail_start, self._waiting = self._waiting.start, None
        self._stop_worker()
        waited = time.perf_counter()
        self.stats.wait_seconds = waited - started
        stretches = sorted(self._done, key=lambda s: s.start)
        for stretch in stretches:  # a failed background pass is retried here
            if stretch.result is None:
                stretch.result = self.transcriber.transcribe(self._audio(stretch.start,
                                                                         stretch.end))
        tail = _Stretch(tail_start, self._samples)
        self.stats.tail_samples = tail.end - tail.start
        if tail.end > tail.start and self._has_speech(tail.start, tail.end):
            tail.result = self.transcriber.transcribe(self._audio(tail.start, tail.end))
            stretches.append(tail)
        else:
            self.stats.tail_skipped = tail.end > tail.start
            self.stats.tail_samples = 0
        self.stats.tail_seconds = time.perf_counter() - waited
        if self.stats.tail_samples >= SAMPLE_RATE and self.on_slow is not None:
            share = self.stats.tail_seconds / (self.stats.tail_samples / SAMPLE_RATE)
            if share > self.settings.busy_share:
                self.on_slow(share)
        return _joined(stretches, self.duration_s, self.transcriber.language)

    def _has_speech(self, start: int, end: int) -> bool:
        probabilities = self._speech.probabilities[start // WINDOW:(end + WINDOW - 1) // WINDOW]
        unknown = end > len(self._speech.probabilities) * WINDOW + WINDOW
        return unknown or any(p >= SPEECH for p in probabilities)


def _joined(stretches: list[_Stretch], duration: float, language: str) -> Transcript:
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
