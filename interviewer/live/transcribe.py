"""Local transcription with faster-whisper, with word timestamps and guards against invented text.

The model is loaded once per process (a module-level cache keyed by model and options) and can be
warmed up in a background thread while the interviewer speaks the first question, so the first
answer does not pay for loading.

Hallucination guards: Silero VAD drops non-speech before decoding, previous text never conditions
the next window, segments that look like silence or a decoding loop are dropped, and reading stops
at the end of the speech (see `END_OF_SPEECH_SLACK`).
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from interviewer.errors import UserError
from interviewer.live.whisper_models import DEFAULT_MODEL, english_only, resolve_model
from interviewer.session.ports import Audio, Transcript, Word

# Whisper drops "um" and "uh" unless its context shows them; delivery scoring needs them.
FILLER_PROMPT = "Um, so, uh, I think, like, you know, I mean, hmm, we decided to, uh, ship it."

# Whisper's own thresholds: a segment is silence only when the no-speech probability is above
# 0.6 AND its text is improbable (average log-probability below -1.0); confident text is kept
# whatever the no-speech head says (real speech after a pause often scores high there). A
# compression ratio above 2.4 is a decoding loop ("thank you thank you ..."), and text below
# -1.5 is less likely than Whisper's own fallback floor: both are dropped as invented.
NO_SPEECH_PROB = 0.6
LOW_LOGPROB = -1.0
VERY_LOW_LOGPROB = -1.5
MAX_COMPRESSION = 2.4

# With word timestamps, faster-whisper starts another 30 s window at the last word it timed
# unless the decoder closed the window itself. After an answer's last words that window holds
# only the VAD's padding, yet it costs a whole encoder and decoder pass (0.45 s of a 1.0 s pass
# on tiny.en and 2 cores, on the critical path of every end of turn) and is where Whisper
# invents a closing "Thank you.". So reading stops at the first segment that reaches the end of
# the speech Silero hears: its end minus this much, as Whisper times last words up to 0.3 s
# early (once 0.56 s, in 52 clips). A segment that stops short of it, as when a long answer
# needs a next window, is read on.
END_OF_SPEECH_SLACK = 0.4
_SPEECH_END_VAD = {"min_silence_duration_ms": 100, "speech_pad_ms": 0}  # the speech, unpadded

# Extra faster-whisper `transcribe` arguments as a JSON object, e.g. '{"beam_size": 1}': for
# tuning on slow machines, and for tests that run the CLI on a random-weight model.
OPTIONS_ENV = "INTERVIEWER_WHISPER_OPTIONS"

_MODELS: dict[tuple, object] = {}
_MODELS_LOCK = threading.Lock()


def machine_threads() -> int:
    """CPU cores this process may use (more threads than cores slows CTranslate2 down)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def speech_end(samples: np.ndarray) -> float | None:
    """Seconds from the start of 16 kHz `samples` to the end of the last speech Silero hears in
    them (faster-whisper's VAD, unpadded); None when it hears none."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    chunks = get_speech_timestamps(samples, VadOptions(**_SPEECH_END_VAD))
    return chunks[-1]["end"] / 16_000 if chunks else None


def keep_segment(no_speech_prob: float, avg_logprob: float, compression_ratio: float) -> bool:
    """False for segments that are probably not speech the candidate said (Whisper's rule)."""
    if compression_ratio > MAX_COMPRESSION or avg_logprob < VERY_LOW_LOGPROB:
        return False
    silence = no_speech_prob > NO_SPEECH_PROB and avg_logprob < LOW_LOGPROB
    return not silence


def options_from_env() -> dict:
    """Extra decoding options from $INTERVIEWER_WHISPER_OPTIONS, or {}."""
    raw = os.environ.get(OPTIONS_ENV, "").strip()
    if not raw:
        return {}
    try:
        options = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UserError(f"{OPTIONS_ENV} is not valid JSON ({exc.msg}); e.g. "
                        '{"beam_size": 1}') from exc
    if not isinstance(options, dict):
        raise UserError(f"{OPTIONS_ENV} must be a JSON object, e.g. {{\"beam_size\": 1}}")
    return options


def load_model(path: Path, cpu_threads: int, compute_type: str):
    """The faster-whisper model for `path`, loaded once per process."""
    key = (str(path), cpu_threads, compute_type)
    with _MODELS_LOCK:
        if key not in _MODELS:
            from faster_whisper import WhisperModel

            try:
                _MODELS[key] = WhisperModel(str(path), device="cpu", compute_type=compute_type,
                                            cpu_threads=cpu_threads)
            except (RuntimeError, ValueError, OSError) as exc:
                raise UserError(f"cannot load the Whisper model in {path}: {exc}") from exc
        return _MODELS[key]


@dataclass
class WhisperTranscriber:
    """Transcriber backed by faster-whisper on the CPU.

    `model` is `auto` (the default: base.en if cached, else the embedded tiny.en), a size name,
    `embedded` or a local CTranslate2 folder; `language` is a
    language code ('en' by default) or 'auto'. `decode_options` passes extra arguments to
    `WhisperModel.transcribe` (tests cap `max_new_tokens` and the temperature fallback).
    Without `decode_options`, they come from $INTERVIEWER_WHISPER_OPTIONS (a JSON object) if set.
    The model folder is resolved (and downloaded if needed) at construction, so a missing model
    is reported before the interview starts; loading happens on first use or in `warm_up()`.
    """

    model: str = DEFAULT_MODEL
    language: str = "en"
    cpu_threads: int = field(default_factory=machine_threads)
    compute_type: str = "int8"
    beam_size: int = 5
    initial_prompt: str | None = FILLER_PROMPT
    decode_options: dict = field(default_factory=dict)
    load_seconds: float | None = None

    def __post_init__(self) -> None:
        self.language = (self.language or "en").strip().lower()
        if not self.decode_options:
            self.decode_options = options_from_env()
        self.path = resolve_model(self.model)
        self._check_language()
        self._warm_thread: threading.Thread | None = None
        self._warm_error: BaseException | None = None

    def _check_language(self) -> None:
        from faster_whisper.tokenizer import _LANGUAGE_CODES

        if self.language != "auto" and self.language not in _LANGUAGE_CODES:
            raise UserError(f"--language {self.language!r} is not a Whisper language code "
                            "(e.g. en, de, fr, es, or auto)")
        english = english_only(self.path)
        if english is None:  # no vocabulary file to read: fall back to the usual name
            english = str(self.model).rstrip("/").endswith(".en")
        if english and self.language not in ("en", "auto"):
            raise UserError(f"the Whisper model {self.model!r} ({self.path}) only knows English "
                            f"(its vocabulary has no language tokens); for --language "
                            f"{self.language} use a multilingual one such as --model base")

    def whisper(self):
        """The loaded faster-whisper model (loads it on first call)."""
        warming = self._warm_thread
        if warming is not None and warming is not threading.current_thread():
            warming.join()
            self._warm_thread = None
            if self._warm_error is not None:
                error, self._warm_error = self._warm_error, None
                raise error
        started = time.perf_counter()
        model = load_model(self.path, self.cpu_threads, self.compute_type)
        if self.load_seconds is None:
            self.load_seconds = round(time.perf_counter() - started, 3)
        return model

    def warm_up(self) -> None:
        """Load the model and run it once on a second of near-silence, so the first answer is
        not slowed down by loading or first-run allocation."""
        model = self.whisper()
        quiet = (np.random.default_rng(0).standard_normal(16_000) * 1e-4).astype(np.float32)
        segments, _ = model.transcribe(quiet, language=self._language_arg(), beam_size=1,
                                       temperature=0.0, max_new_tokens=4, vad_filter=False,
                                       without_timestamps=True)
        for _ in segments:
            pass
        from faster_whisper.vad import get_vad_model

        get_vad_model()

    def warm_up_in_background(self) -> threading.Thread:
        """Start `warm_up()` on a daemon thread; the next transcription waits for it."""
        def run() -> None:
            try:
                self.warm_up()
            except BaseException as exc:  # handed to the caller on the next transcription
                self._warm_error = exc

        self._warm_thread = threading.Thread(target=run, name="whisper-warm-up", daemon=True)
        self._warm_thread.start()
        return self._warm_thread

    def transcribe(self, audio: Audio) -> Transcript:
        """Words with timestamps for one answer; empty when nothing was said."""
        duration = audio.duration_s
        if len(audio.samples) == 0:
            return Transcript(text="", words=[], language=self.language, duration_s=0.0)
        if audio.sample_rate != 16_000:
            from interviewer.live.wav import resample

            audio = Audio(resample(audio.samples, audio.sample_rate), 16_000)
        options = {
            "language": self._language_arg(),
            "beam_size": self.beam_size,
            "word_timestamps": True,
            "vad_filter": True,
            "condition_on_previous_text": False,
            "initial_prompt": self.initial_prompt,
            **self.decode_options,
        }
        samples = np.asarray(audio.samples, dtype=np.float32)
        segments, info = self.whisper().transcribe(samples, **options)
        speech_ends_at = speech_end(samples)
        texts: list[str] = []
        words: list[Word] = []
        for segment in segments:  # a lazy generator: decoding happens here
            if keep_segment(segment.no_speech_prob, segment.avg_logprob,
                            segment.compression_ratio):
                if segment.text.strip():
                    texts.append(segment.text.strip())
                words.extend(Word(text=word.word.strip(), start=round(float(word.start), 3),
                                  end=round(float(word.end), 3),
                                  probability=round(float(word.probability), 4))
                             for word in segment.words or [] if word.word.strip())
            if speech_ends_at is not None and \
                    segment.end >= speech_ends_at - END_OF_SPEECH_SLACK:
                break  # the next window would hold no speech (END_OF_SPEECH_SLACK)
        return Transcript(text=" ".join(texts), words=words,
                          language=info.language or self.language, duration_s=duration)

    def _language_arg(self) -> str | None:
        return None if self.language == "auto" else self.language
