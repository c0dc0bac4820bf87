"""Public test doubles: fakes for the ports and a recording brain, with their recorded calls.

The fakes (`FakeSpeaker`, `FakeAnswers`, `FakeTranscriber`, `FakeMicrophone`) implement the
protocols in `interviewer.session.ports` and `interviewer.live.capture` exactly, play and record
nothing, and keep every call they receive in `calls`, so a test can drive the engine or an answer
source without a sound card and then assert on what happened. Subclass one when a test needs
special behaviour rather than writing another.

`RecordingBrain` is a brain that records each step it is asked and can fail chosen ones. The
random-weight Whisper builder is `interviewer.live.random_whisper`; word error rates are
`interviewer.live.word_errors`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.session.ports import Answer, Audio, Prompt, Transcript, Utterance, Word

if TYPE_CHECKING:
    from interviewer.live.capture import BlockHook, CapturedAudio

# -- fakes for the ports -------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakerCall:
    """One call a `FakeSpeaker` received: `action` is 'say', 'prepare' or 'start'."""

    action: str
    text: str
    voice: str | None = None
    rate: int | None = None
    save_to: Path | None = None


class FakeSpeaker:
    """A `PreparingSpeaker` that plays nothing and records every call, in order, in `calls`.

    `said`, `prepared` and `started` list the texts of each kind of call. With
    `talked_over=True` every line comes back interrupted, as when the candidate starts answering
    and barge-in stops the playback; `heard` is then the share of each line played before it
    stopped (unknown if None), out of `duration_s` seconds.
    """

    def __init__(self, *, talked_over: bool = False, heard: float | None = None,
                 duration_s: float = 2.0):
        self.talked_over = talked_over
        self.heard = heard
        self.duration_s = duration_s
        self.calls: list[SpeakerCall] = []

    def say(self, text: str, *, voice: str | None = None, rate: int | None = None,
            save_to: Path | None = None) -> Utterance:
        """Record the line; returns it as said (interrupted when `talked_over`)."""
        self.calls.append(SpeakerCall("say", text, voice, rate, save_to))
        heard = (self.heard * self.duration_s
                 if self.talked_over and self.heard is not None else None)
        return Utterance(text=text, duration_s=self.duration_s, interrupted=self.talked_over,
                         heard_s=heard)

    def prepare(self, text: str, *, voice: str | None = None, rate: int | None = None) -> None:
        """Record that `text` was to be rendered ahead of time."""
        self.calls.append(SpeakerCall("prepare", text, voice, rate))

    def start(self, text: str, *, voice: str | None = None, rate: int | None = None) -> None:
        """Record that `text` was started without waiting."""
        self.calls.append(SpeakerCall("start", text, voice, rate))

    def texts(self, action: str) -> list[str]:
        """The texts of the calls of one kind ('say', 'prepare' or 'start'), in order."""
        return [call.text for call in self.calls if call.action == action]

    @property
    def said(self) -> list[str]:
        """Every line said aloud, in order."""
        return self.texts("say")

    @property
    def prepared(self) -> list[str]:
        """Every line prepared ahead of time, in order."""
        return self.texts("prepare")

    @property
    def started(self) -> list[str]:
        """Every line started without waiting, in order."""
        return self.texts("start")


class FakeAnswers:
    """An `AnswerSource` that gives scripted answers in order, then None (the session ends).

    Each item is the answer's text (a typed answer), an `Answer` (for a voice answer, a cut-in,
    a problem or no answer) or an exception to raise instead, such as `InterruptedAnswer` for
    Ctrl-C mid-answer. With `partials=True` each answer's partial transcript is reported to the
    prompt's `on_partial` in two steps (its first half, then all of it), as live speech does.
    Every prompt asked is kept in `prompts` (its recorded calls), whether or not an answer was
    left; `closed` says whether `close()` was called.
    """

    def __init__(self, script: Iterable[str | Answer | BaseException], *,
                 partials: bool = False):
        self.script = list(script)
        self.partials = partials
        self.prompts: list[Prompt] = []
        self.closed = False

    def next_answer(self, prompt: Prompt) -> Answer | None:
        """The next scripted answer to `prompt`, or None when the script has run out."""
        self.prompts.append(prompt)
        if not self.script:
            return None
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        answer = Answer(text=item) if isinstance(item, str) else item
        if self.partials and prompt.on_partial is not None:
            words = answer.text.split()
            prompt.on_partial(" ".join(words[: len(words) // 2]))
            prompt.on_partial(answer.text)
        return answer

    def close(self) -> None:
        """Record that the session released its answer source."""
        self.closed = True


class FakeTranscriber:
    """A `Transcriber` that returns `text` for any audio and records what it was given.

    The transcript's words are `words` when given, else the whole text as one word spanning the
    audio. `delay` seconds are slept per call (a slow machine). Besides `calls` (the audio of
    each call), it notes the threads it ran on and whether two calls ever overlapped, for the
    tests of transcription in the background.
    """

    def __init__(self, text: str = "word", *, words: list[Word] | None = None,
                 delay: float = 0.0, language: str = "en"):
        self.text = text
        self.words = words
        self.delay = delay
        self.language = language
        self.calls: list[Audio] = []
        self.threads: set[str] = set()
        self.overlapped = False
        self._active = 0
        self._lock = threading.Lock()

    @property
    def sample_counts(self) -> list[int]:
        """How many samples each call was given, in order."""
        return [len(audio.samples) for audio in self.calls]

    def transcribe(self, audio: Audio) -> Transcript:
        """The scripted transcript, timed to `audio`."""
        with self._lock:
            self._active += 1
            self.overlapped |= self._active > 1
        try:
            self.calls.append(audio)
            self.threads.add(threading.current_thread().name)
            time.sleep(self.delay)
            words = list(self.words) if self.words is not None \
                else [Word(self.text, 0.0, audio.duration_s)]
            return Transcript(text=self.text, words=words, language=self.language,
                              duration_s=audio.duration_s)
        finally:
            with self._lock:
                self._active -= 1


@dataclass(frozen=True)
class ListenCall:
    """One `listen()` a `FakeMicrophone` received."""

    max_seconds: float
    no_speech_timeout: float | None = None


class FakeMicrophone:
    """A `ListeningMicrophone` that hands out prepared recordings (`CapturedAudio`) in order.

    Each `listen()` is kept in `calls`; `closed` says whether the device was released.
    """

    def __init__(self, *recordings: CapturedAudio):
        self.recordings = list(recordings)
        self.calls: list[ListenCall] = []
        self.closed = False

    def listen(self, *, max_seconds: float, no_speech_timeout: float | None = None,
               on_block: BlockHook | None = None, check_words: bool = False,
               early_until: float = 0.0) -> CapturedAudio:
        """The next recording (`on_block` is not called: the audio is not streamed)."""
        self.calls.append(ListenCall(max_seconds, no_speech_timeout))
        return self.recordings.pop(0)

    def close(self) -> None:
        """Record that the device was released."""
        self.closed = True


# -- a brain for tests ---------------------------------------------------------------------------


@dataclass
class BrainCall:
    """One step a `RecordingBrain` was asked: 'score', 'next_move', 'vote' or 'interject', with
    its context and how many times that step had been asked (1 for the first)."""

    step: str
    context: object
    count: int


class RecordingBrain:
    """A brain that records every call and answers it with `inner` (the offline brain unless
    given), under its own `name`.

    `fails(call)` may return an exception to raise instead of answering (a BrainError to make
    the session fall back, anything else to act like a crash); `after(call)` runs once a step
    is done, answered or not (to stop a server part way, say). `anticipates` overrides the inner
    brain's, e.g. to stand in for an LLM whose moves cannot be guessed.
    """

    def __init__(self, inner=None, *, name: str | None = None, anticipates: bool | None = None,
                 fails=None, after=None):
        if inner is None:
            from interviewer.brains.offline import OfflineBrain

            inner = OfflineBrain()
        self.inner = inner
        self.name = name or inner.name
        self.anticipates = inner.anticipates if anticipates is None else anticipates
        self.fails = fails
        self.after = after
        self.calls: list[BrainCall] = []

    def steps(self, step: str) -> list[BrainCall]:
        """The recorded calls of one step, in order."""
        return [call for call in self.calls if call.step == step]

    def score(self, context):
        """Score with the inner brain."""
        return self._answer("score", context, self.inner.score)

    def next_move(self, context):
        """The inner brain's move."""
        return self._answer("next_move", context, self.inner.next_move)

    def vote(self, context):
        """The inner brain's vote."""
        return self._answer("vote", context, self.inner.vote)

    def interject(self, context):
        """The inner brain's cut-in decision."""
        return self._answer("interject", context, self.inner.interject)

    def interjection_lines(self) -> list[str]:
        """The inner brain's interjection lines."""
        return self.inner.interjection_lines()

    def _answer(self, step: str, context, answer):
        call = BrainCall(step, context, len(self.steps(step)) + 1)
        self.calls.append(call)
        try:
            problem = self.fails(call) if self.fails is not None else None
            if problem is not None:
                raise problem
            return answer(context)
        finally:
            if self.after is not None:
                self.after(call)
