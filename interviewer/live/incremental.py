"""Transcribing an answer while it is being spoken, so the end of the turn only waits for the tail.

Audio is fed in blocks as the microphone delivers it, with the Silero speech probability of each
32 ms window (the microphone already computes them for endpointing; if not given, they are
computed here). Whenever the candidate pauses after a long enough stretch of speech, the audio up
to the middle of the pause is handed to a background worker and transcribed. `finish()` then only
has to transcribe what came after the last cut: usually just the end-of-turn silence, which holds
no speech and is skipped, or the last few seconds when the candidate stopped without a pause.
Because any pause may end the turn, its first 0.1 s already hands the stretch over provisionally
(taken back if the candidate goes on too soon), so the last pass overlaps the end-of-turn decision.

The stretches are transcribed with bounded work, on one worker thread (`background_passes`);
when to cut is set in `incremental_settings`.

Words are moved onto the answer's timeline (seconds from the start of the recording), so the
result has the same structure as transcribing the whole recording at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from interviewer.live.background_passes import BackgroundPasses, Stretch, joined
from interviewer.live.endpointing import SAMPLE_RATE, WINDOW, WINDOW_SECONDS, SpeechTracker
from interviewer.live.incremental_settings import IncrementalSettings, IncrementalStats
from interviewer.session.ports import Audio, Transcriber, Transcript

SPEECH = 0.5  # a window at or above this probability is speech (Silero's onset threshold)


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
        self._blocks_lock = threading.Lock()  # feed() appends while the worker reads
        self._passes: BackgroundPasses | None = None
        self.reset()

    # -- feeding ------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the previous answer (waits for a stretch still being transcribed)."""
        if self._passes is not None:
            self._passes.stop()
        self._blocks: list[np.ndarray] = []
        self._samples = 0
        self._speech = _Speech()
        self._cut = 0  # samples before this are handed to the worker
        self._provisional: Stretch | None = None  # cut at the first silence, not yet kept
        self.stats = IncrementalStats(min_stretch=self.settings.min_stretch)
        self._passes = BackgroundPasses(self.transcriber, self._audio, self.settings, self.stats,
                                        self.on_slow)
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
            if ((speech.silence_run == pause_windows and stretch >= self._passes.min_stretch)
                    or (speech.silence_run == long_windows and stretch - long_windows * WINDOW
                        / SAMPLE_RATE >= s.long_pause_min_stretch)):
                self._provisional = None
            return
        stretch = (end - self._cut) / SAMPLE_RATE
        if (speech.speech_since_cut and speech.silence_run == pause_windows
                and stretch >= self._passes.min_stretch):
            self._submit(end - pause_windows * WINDOW // 2)  # the middle of the pause
        elif (speech.speech_since_cut and speech.silence_run == long_windows
                and stretch - long_windows * WINDOW / SAMPLE_RATE >= s.long_pause_min_stretch):
            self._submit(end - pause_windows * WINDOW // 2)
        elif speech.speech_since_cut and stretch >= s.max_stretch:
            self._submit(self._quietest_cut(end))
        elif (s.early_pause is not None and speech.speech_since_cut
              and speech.silence_run == max(int(round(s.early_pause * SAMPLE_RATE / WINDOW)), 1)
              # A provisional stretch is never merged with a waiting one: taking it back would
              # take the waiting one back too.
              and self._passes.nothing_waiting()):
            self._submit(end, provisional=True)

    def _retract(self) -> None:
        """The candidate went on after a provisional cut: its words join the next stretch."""
        stretch, self._provisional = self._provisional, None
        self._passes.take_back(stretch)
        self._cut = stretch.start
        self.stats.retracted += 1

    def _quietest_cut(self, end: int) -> int:
        """The end of the quietest window in the last third of the current stretch."""
        first = (self._cut + 2 * (end - self._cut) // 3) // WINDOW
        last = end // WINDOW
        window = first + int(np.argmin(self._speech.probabilities[first:last]))
        return (window + 1) * WINDOW

    def _submit(self, cut: int, *, provisional: bool = False) -> None:
        cut = min(cut, self._samples)
        if cut <= self._cut:
            return
        stretch = self._passes.hand_over(self._cut, cut)
        if provisional:
            self._provisional = stretch
            self.stats.provisional += 1
        self._cut = cut
        self._speech.speech_since_cut = False

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until every handed-over stretch is transcribed (tests, benchmarks); True if so."""
        return self._passes.drain(timeout)

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
        ends = sorted((s.start, s.end) for s in self._passes.transcribed())
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
        done = sorted(self._passes.transcribed(), key=lambda s: s.start)
        return joined(done, self.duration_s, self.transcriber.language)

    def finish(self) -> Transcript:
        """Transcribe what is left and return the whole answer's Transcript."""
        started = time.perf_counter()
        waiting = self._passes.take_waiting()  # not started yet: part of the tail pass instead
        tail_start = waiting.start if waiting is not None else self._cut
        self._passes.stop()
        waited = time.perf_counter()
        self.stats.wait_seconds = waited - started
        stretches = self._passes.done()
        for stretch in stretches:  # a failed background pass is retried here
            if stretch.result is None:
                stretch.result = self.transcriber.transcribe(self._audio(stretch.start,
                                                                         stretch.end))
        tail = Stretch(tail_start, self._samples)
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
        return joined(stretches, self.duration_s, self.transcriber.language)

    def _has_speech(self, start: int, end: int) -> bool:
        probabilities = self._speech.probabilities[start // WINDOW:(end + WINDOW - 1) // WINDOW]
        unknown = end > len(self._speech.probabilities) * WINDOW + WINDOW
        return unknown or any(p >= SPEECH for p in probabilities)
