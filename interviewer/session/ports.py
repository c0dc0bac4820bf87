"""The small interfaces that keep hardware, models and the network out of the core loop.

The engine only talks to these. Text mode, scripted answers, the microphone with Whisper and the
LLM interviewer are all implementations; tests use fakes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from interviewer.brains.contexts import InterjectContext
from interviewer.rubric.results import Interruption


@dataclass
class Utterance:
    """Something the interviewer said: its text and, when spoken, the WAV it was played from.

    `interrupted` marks a line the candidate talked over (barge-in stopped it); `heard_s` is how
    much of it had played by then, in seconds (None when unknown).
    """

    text: str
    audio_path: Path | None = None
    duration_s: float = 0.0
    interrupted: bool = False
    heard_s: float | None = None


@dataclass
class Audio:
    """Mono float32 samples in [-1, 1] at `sample_rate`."""

    samples: np.ndarray
    sample_rate: int = 16_000

    @property
    def duration_s(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


@dataclass
class Word:
    """A transcribed word with its timing in seconds from the start of the answer."""

    text: str
    start: float
    end: float
    probability: float = 1.0


@dataclass
class Transcript:
    """The text of an answer and, when it came from audio, its words with timestamps."""

    text: str
    words: list[Word] = field(default_factory=list)
    language: str = "en"
    duration_s: float = 0.0


@dataclass
class Answer:
    """One candidate answer as it reaches the interviewer.

    `audio_path` is where the recorded audio was saved (voice answers only); `words` carries
    timestamps for delivery metrics; `interrupted` marks an answer the interviewer cut into, and
    `cut_in` says how, when the answer source itself cut in (the engine asks that probe next);
    `problem` says what went wrong while it was recorded (the microphone stopped), for the log;
    `no_answer` marks a question the candidate left unanswered (silent to the waiting limit): it
    is recorded but not scored.
    """

    text: str
    source: str = "text"
    audio_path: Path | None = None
    duration_s: float | None = None
    words: list[Word] = field(default_factory=list)
    interrupted: bool = False
    cut_in: Interruption | None = None
    problem: str | None = None
    no_answer: bool = False


class InterruptedAnswer(KeyboardInterrupt):
    """Ctrl-C while the candidate was answering: `answer` holds what they said until then, for
    the engine to record before the session stops."""

    def __init__(self, answer: Answer):
        super().__init__("stopped during an answer")
        self.answer = answer


@dataclass
class Prompt:
    """What the engine passes to an answer source about the question being answered.

    `voice` and `rate` are the asking interviewer's, for anything said to the candidate during
    the answer. `on_partial`, when given, is called with the partial transcript as it grows, so
    the interviewer can prepare its reply while the candidate is still talking. `interject`
    asks the interviewer's brain whether to cut in now; a source that can cut in calls it as
    the answer goes on (unless told not to interrupt), renders `interjections` (every line it
    may return) before listening, and returns the cut-in on the answer (`Answer.cut_in`).
    """

    text: str
    stage: str
    turn: int
    kind: str = "question"
    answer_seconds: tuple[int, int] = (120, 180)
    # False in a round that is no value story (coding, design, product sense, portfolio): its
    # answers are not cut in on for a missing principle (rubric/round_kind.asks_for_principle).
    asks_principle: bool = True
    save_audio_to: Path | None = None
    voice: str | None = None
    rate: int | None = None
    on_partial: Callable[[str], None] | None = None
    interject: Callable[[InterjectContext], Interruption | None] | None = None
    interjections: tuple[str, ...] = ()


class Speaker(Protocol):
    """Says interviewer lines out loud (or just shows them, in text mode)."""

    def say(
        self,
        text: str,
        *,
        voice: str | None = None,
        rate: int | None = None,
        save_to: Path | None = None,
    ) -> Utterance:
        """Speak `text`; when `save_to` is given, keep the audio there."""
        ...


@runtime_checkable
class PreparingSpeaker(Speaker, Protocol):
    """A speaker that can render lines ahead of time and start one without waiting."""

    def prepare(self, text: str, *, voice: str | None = None, rate: int | None = None) -> None:
        """Render `text` in the background so a later `say` of it starts at once."""
        ...

    def start(self, text: str, *, voice: str | None = None, rate: int | None = None) -> None:
        """Start saying `text` now; the next `say` of the same text waits for it."""
        ...


class Microphone(Protocol):
    """Captures one spoken answer, ending it at silence, Enter or a maximum length."""

    def listen(self, *, max_seconds: float) -> Audio:
        """Record until the answer ends and return its audio (empty if nothing was said)."""
        ...

    def close(self) -> None:
        """Release the device (it may be kept open between answers)."""
        ...


class Transcriber(Protocol):
    """Turns audio into text with word timestamps, in `language` (a Whisper code, or 'auto')."""

    language: str

    def transcribe(self, audio: Audio) -> Transcript:
        """Transcribe one answer."""
        ...


class AnswerSource(Protocol):
    """Where candidate answers come from: keyboard, script file, microphone or WAV files."""

    def next_answer(self, prompt: Prompt) -> Answer | None:
        """The answer to `prompt`, or None when there are no more answers (the session ends)."""
        ...

    def close(self) -> None:
        """Release whatever the source holds (a microphone); called once when the session ends."""
        ...
