"""Deciding when a spoken answer has ended, with the Silero VAD that faster-whisper ships.

`StreamingVad` runs the Silero ONNX model on 512-sample windows (32 ms at 16 kHz), carrying its
recurrent state and a 64-sample context from window to window, exactly as the batch code in
`faster_whisper.vad` does, but incrementally so it can run while the candidate speaks.

`SpeechTracker` is the one speech/silence state machine (hysteresis, minimum speech, pause
length) that endpointing, barge-in and incremental transcription all read.

`Endpointer` is the pure decision logic over those speech probabilities, so it can be tested
with made-up numbers. Once speech has begun, the answer ends:
- semantically (the default): after `finished_silence` the end-of-turn model is asked whether
  the thought sounds finished (`wants_judgement`, answered with `judged()`); finished, the answer
  ends there, or, with `check_words` (real-time transcription), once the transcript so far is
  ready and its words do not stop mid-phrase (`wants_words`, answered with `words()`; a late
  transcript is waited for until `words_wait`, then the verdict stands; words that read
  finished but end on a doubtful last word get `doubtful_share` of the patience); unfinished,
  the candidate gets `patience` seconds of silence before it ends, unless at `read_silence` the
  transcript so far reads as a finished sentence (`wants_reading`, answered with `read()`;
  real-time transcription supplies it);
- by silence alone (`--silence-only`, or no end-of-turn model): after `end_silence`;
and always at `max_seconds`. If nobody says anything it ends after `no_speech_timeout`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from interviewer.live.timing import (
    DEFAULT_END_SILENCE,
    DEFAULT_PATIENCE,
    DOUBTFUL_SHARE,
    EARLY_SILENCE,
    FINISHED_SILENCE,
    READ_SILENCE,
    WORDS_WAIT,
)

SAMPLE_RATE = 16_000
WINDOW = 512  # samples per VAD window at 16 kHz
CONTEXT = 64  # samples of the previous window the model sees
WINDOW_SECONDS = WINDOW / SAMPLE_RATE


class StreamingVad:
    """Speech probability for each 32 ms window of a 16 kHz stream, fed in blocks of any size."""

    def __init__(self):
        from interviewer.onnx_runtime import load_onnxruntime

        onnxruntime = load_onnxruntime()
        from faster_whisper.vad import get_assets_path

        options = onnxruntime.SessionOptions()
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = 1
        options.log_severity_level = 4
        self._session = onnxruntime.InferenceSession(
            f"{get_assets_path()}/silero_vad_v6.onnx",
            providers=["CPUExecutionProvider"], sess_options=options,
        )
        self.reset()

    def reset(self) -> None:
        """Start a new stream: clear the model state, context and any partial window."""
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def feed(self, samples: np.ndarray) -> list[float]:
        """Speech probabilities for every complete window now available."""
        self._pending = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        probabilities = []
        while len(self._pending) >= WINDOW:
            window, self._pending = self._pending[:WINDOW], self._pending[WINDOW:]
            batch = np.concatenate([self._context, window])[None, :]
            output, self._h, self._c = self._session.run(
                None, {"input": batch, "h": self._h, "c": self._c}
            )
            self._context = window[-CONTEXT:]
            probabilities.append(float(np.asarray(output).reshape(-1)[0]))
        return probabilities




@dataclass
class SpeechTracker:
    """Speech or silence, window by window, with hysteresis; when speech began and last sounded.

    A run starts at `speech_threshold` and holds down to `silence_threshold`; the answer counts
    as started after `min_speech` seconds of continuous speech (a cough or a click does not).
    """

    speech_threshold: float = 0.5  # Silero's usual onset threshold
    silence_threshold: float = 0.35  # below this counts as silence
    min_speech: float = 0.25
    elapsed: float = 0.0
    speech_seconds: float = 0.0
    first_speech_at: float | None = None
    last_speech_at: float | None = None
    in_speech: bool = False
    run: float = 0.0  # length of the current run of speech

    @property
    def started(self) -> bool:
        """True once the candidate has said something."""
        return self.first_speech_at is not None

    @property
    def silence(self) -> float:
        """Seconds since speech last sounded (since the start when there was none)."""
        return self.elapsed - (self.last_speech_at or 0.0)

    def update(self, probability: float, seconds: float = WINDOW_SECONDS) -> bool:
        """Account for one window; True when it is speech."""
        self.elapsed += seconds
        threshold = self.silence_threshold if self.in_speech else self.speech_threshold
        self.in_speech = probability >= threshold
        if self.in_speech:
            self.run += seconds
            self.speech_seconds += seconds
            self.last_speech_at = self.elapsed
            if self.first_speech_at is None and self.run >= self.min_speech - 1e-9:
                self.first_speech_at = self.elapsed - self.run
        else:
            self.run = 0.0
        return self.in_speech


@dataclass
class EndpointSettings:
    """When an answer ends. Times in seconds."""

    end_silence: float = DEFAULT_END_SILENCE
    no_speech_timeout: float = 8.0
    max_seconds: float = 300.0
    speech_threshold: float = 0.5
    silence_threshold: float = 0.35
    min_speech: float = 0.25
    semantic: bool = False  # ask the end-of-turn model (set when one is loaded)
    finished_silence: float = FINISHED_SILENCE
    read_silence: float = READ_SILENCE
    patience: float = DEFAULT_PATIENCE
    # A finished verdict waits for the transcript so far to say its words do not stop
    # mid-phrase (set by real-time transcription, which has that transcript); it waits no
    # longer than `words_wait` after the speech, then the verdict stands.
    check_words: bool = False
    words_wait: float = WORDS_WAIT
    doubtful_share: float = DOUBTFUL_SHARE
    # Until `early_until` seconds of speech (the start of a main answer, where a story is
    # told), the end-of-turn model is asked only after `early_silence`.
    early_until: float = 0.0
    early_silence: float = EARLY_SILENCE


class Endpointer:
    """Tracks speech and silence window by window and says when (and why) the answer ended.

    Reasons: 'finished' (the end-of-turn model heard a finished thought), 'silence',
    'max_length', 'no_speech'.
    """

    def __init__(self, settings: EndpointSettings):
        self.settings = settings
        self.speech = SpeechTracker(settings.speech_threshold, settings.silence_threshold,
                                    settings.min_speech)
        self.ended_by: str | None = None
        self.judgements = 0  # how often the end-of-turn model was asked
        # What ended a 'finished' answer: 'model', 'model and words', 'model, words late' or
        # 'transcript' (the reading at `read_silence`); benchmarks print it.
        self.finished_by: str | None = None
        self._judged_at: float | None = None  # last_speech_at of the pause already judged
        self._read_at: float | None = None  # ...and of the pause whose transcript was read
        self._heard_finished_at: float | None = None  # ...the model heard finished, words unread
        self._doubted_at: float | None = None  # ...words read finished, the last one doubtful

    @property
    def elapsed(self) -> float:
        """Seconds of audio seen."""
        return self.speech.elapsed

    @property
    def started(self) -> bool:
        """True once the candidate has said something."""
        return self.speech.started

    @property
    def in_speech(self) -> bool:
        """True while the candidate is speaking."""
        return self.speech.in_speech

    @property
    def first_speech_at(self) -> float | None:
        """When the answer's speech began."""
        return self.speech.first_speech_at

    @property
    def last_speech_at(self) -> float | None:
        """When speech last sounded."""
        return self.speech.last_speech_at

    @property
    def speech_seconds(self) -> float:
        """Seconds of speech heard."""
        return self.speech.speech_seconds

    @property
    def wants_judgement(self) -> bool:
        """True when the end-of-turn model should now be asked about this pause (once each)."""
        s = self.settings
        return (s.semantic and self.ended_by is None and self.started
                and self.speech.silence >= self.finished_silence - 1e-9
                and self._judged_at != self.speech.last_speech_at)

    @property
    def finished_silence(self) -> float:
        """The silence after which the end-of-turn model is asked about this pause: longer
        while the answer to a main question has only begun (`early_until`)."""
        s = self.settings
        if self.speech.speech_seconds < s.early_until:
            return max(s.finished_silence, s.early_silence)
        return s.finished_silence

    def judged(self, finished: bool) -> str | None:
        """The end-of-turn model's verdict on the current pause. Finished ends the answer, unless
        the words are checked first (`check_words`): then it waits for `words()`."""
        self._judged_at = self.speech.last_speech_at
        self.judgements += 1
        if finished and self.ended_by is None:
            if self.settings.check_words:
                self._heard_finished_at = self.speech.last_speech_at
            else:
                self.ended_by, self.finished_by = "finished", "model"
        return self.ended_by

    @property
    def wants_words(self) -> bool:
        """True when the model heard this pause as finished and the transcript of the answer so
        far should now say whether its words stop mid-phrase (once per pause)."""
        return (self.ended_by is None and self._heard_finished_at is not None
                and self._heard_finished_at == self.speech.last_speech_at)

    def words(self, unfinished: bool, *, doubtful: bool = False) -> str | None:
        """Whether the transcript of the answer so far stops mid-phrase (a dangling word, a
        trailing comma or "..."): if not, the model's finished verdict ends the answer; if so,
        the pause is an unfinished thought and patience applies. `doubtful` (the words read
        finished, but Whisper may have written the last one itself): neither sign is trusted,
        so the pause gets `doubtful_share` of the patience."""
        if self.wants_words:
            self._heard_finished_at = None
            self._read_at = self.speech.last_speech_at  # the words were read for this pause
            if doubtful and not unfinished:
                self._doubted_at = self.speech.last_speech_at
            elif not unfinished:
                self.ended_by, self.finished_by = "finished", "model and words"
        return self.ended_by

    @property
    def patience(self) -> float:
        """The silence that ends the answer at the current pause (semantic endpointing)."""
        s = self.settings
        if self._doubted_at is not None and self._doubted_at == self.speech.last_speech_at:
            return s.patience * s.doubtful_share
        return s.patience

    @property
    def wants_reading(self) -> bool:
        """True when the transcript so far should now be read for a finished sentence (once per
        pause, after the model heard the thought unfinished)."""
        s = self.settings
        return (s.semantic and self.ended_by is None and self.started
                and self._judged_at == self.speech.last_speech_at
                and self.speech.silence >= s.read_silence - 1e-9 and not self.wants_words
                and self._read_at != self.speech.last_speech_at)

    def read(self, finished: bool) -> str | None:
        """Whether the transcript of the answer so far ends a sentence; ends the answer if so."""
        self._read_at = self.speech.last_speech_at
        if finished and self.ended_by is None:
            self.ended_by, self.finished_by = "finished", "transcript"
        return self.ended_by

    def update(self, probability: float, seconds: float = WINDOW_SECONDS) -> str | None:
        """Account for one window; returns why the answer ended, or None to keep listening."""
        if self.ended_by is not None:
            return self.ended_by
        s = self.settings
        self.speech.update(probability, seconds)
        limit = self.patience if s.semantic else s.end_silence
        if self.elapsed >= s.max_seconds:
            self.ended_by = "max_length"
        elif self.started and self.speech.silence >= limit - 1e-9:
            self.ended_by = "silence"
        elif self.wants_words and self.speech.silence >= s.words_wait - 1e-9:
            # The transcript is late: the model's verdict stands.
            self.ended_by, self.finished_by = "finished", "model, words late"
        elif not self.started and self.elapsed >= s.no_speech_timeout:
            self.ended_by = "no_speech"
        return self.ended_by
