"""Public test doubles: fakes for the ports, and a random-weight Whisper model.

The fakes (`FakeSpeaker`, `FakeAnswers`, `FakeTranscriber`, `FakeMicrophone`) implement the
protocols in `interviewer.session.ports` and `interviewer.live.capture` exactly, play and record
nothing, and keep every call they receive in `calls`, so a test can drive the engine or an answer
source without a sound card and then assert on what happened. Subclass one when a test needs
special behaviour rather than writing another.

`build_random_whisper` writes a random-weight Whisper model in CTranslate2 format, built without
torch or a download. Tests and benchmarks use it to run the real faster-whisper loading and
decoding path (features, VAD, beam search, word timestamps) on machines that cannot fetch real
weights. Its text is meaningless; only structure and timing can be asserted. The decoder
embeddings are scaled up on purpose: random logits then come out sharply peaked, so decoding is
"confident" (high average log-probability) like a real model's. That keeps the hallucination
guards honest in tests: they cannot pass just because random text looks unsure.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

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
    and barge-in stops the playback.
    """

    def __init__(self, *, talked_over: bool = False):
        self.talked_over = talked_over
        self.calls: list[SpeakerCall] = []

    def say(self, text: str, *, voice: str | None = None, rate: int | None = None,
            save_to: Path | None = None) -> Utterance:
        """Record the line; returns it as said (interrupted when `talked_over`)."""
        self.calls.append(SpeakerCall("say", text, voice, rate, save_to))
        return Utterance(text=text, interrupted=self.talked_over)

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
               on_block: BlockHook | None = None) -> CapturedAudio:
        """The next recording (`on_block` is not called: the audio is not streamed)."""
        self.calls.append(ListenCall(max_seconds, no_speech_timeout))
        return self.recordings.pop(0)

    def close(self) -> None:
        """Record that the device was released."""
        self.closed = True


# -- a random-weight Whisper model ---------------------------------------------------------------

N_MELS = 80
AUDIO_CTX = 1500  # encoder positions: 30 s of audio at 50 frames per second
TEXT_CTX = 448
SAMPLE_WORDS = (
    "the so we team data cache stream edge user test scale chose because I um uh like you know "
    "decided learned feedback changed stopped started principle judgment impact courage metric "
    "latency service outage launch customer priority tradeoff risk owner context candor"
).split()

# Whisper's special tokens, in its order, after the text vocabulary. English-only models (a
# vocabulary under 51865 entries) carry no language token in the start sequence.
SPECIAL_TOKENS = (
    "<|endoftext|>",
    "<|startoftranscript|>",
    "<|en|>",
    "<|translate|>",
    "<|transcribe|>",
    "<|startoflm|>",
    "<|startofprev|>",
    "<|nocaptions|>",
    "<|notimestamps|>",
)
TIMESTAMP_TOKENS = tuple(f"<|{i * 0.02:.2f}|>" for i in range(1501))

TINY_SHAPE = {"d_model": 384, "layers": 4, "heads": 6, "vocab_size": 51864}
TEST_SHAPE = {"d_model": 64, "layers": 1, "heads": 2, "vocab_size": 2000}


def build_random_whisper(
    folder: Path,
    *,
    d_model: int = 64,
    layers: int = 1,
    heads: int = 2,
    vocab_size: int = 2000,
    seed: int = 0,
) -> Path:
    """Write a random-weight Whisper model to `folder` and return it.

    `vocab_size` is the total vocabulary including special and timestamp tokens (Whisper
    tiny.en has 51864). The folder holds model.bin, config.json, vocabulary.json,
    tokenizer.json and preprocessor_config.json, like a converted real model.
    """
    from ctranslate2.specs import whisper_spec

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokens = _vocabulary(vocab_size)
    rng = np.random.default_rng(seed)
    spec = whisper_spec.WhisperSpec(layers, heads, layers, heads)
    _fill_encoder(spec.encoder, d_model, layers, rng)
    _fill_decoder(spec.decoder, d_model, layers, len(tokens), rng)
    spec.config.suppress_ids = []
    spec.config.suppress_ids_begin = [tokens.index("<|endoftext|>")]
    spec.config.lang_ids = [tokens.index("<|en|>")]
    spec.config.alignment_heads = [[layers // 2, h] for h in range(heads)]
    spec.register_vocabulary(tokens)
    spec.validate()
    spec.save(str(folder))
    _write_tokenizer(folder / "tokenizer.json", tokens)
    (folder / "preprocessor_config.json").write_text(json.dumps({
        "chunk_length": 30, "feature_size": N_MELS, "hop_length": 160, "n_fft": 400,
        "n_samples": 480000, "nb_max_frames": 3000, "sampling_rate": 16000,
    }))
    return folder


def _vocabulary(vocab_size: int) -> list[str]:
    """Byte-level text tokens, some whole words, then Whisper's special and timestamp tokens."""
    from tokenizers.pre_tokenizers import ByteLevel

    byte_chars = sorted(ByteLevel.alphabet())
    text_size = vocab_size - len(SPECIAL_TOKENS) - len(TIMESTAMP_TOKENS)
    if text_size < len(byte_chars) + len(SAMPLE_WORDS):
        raise ValueError(f"vocab_size {vocab_size} is too small for Whisper's special tokens")
    words = [f"\u0120{word}" for word in SAMPLE_WORDS]
    fillers = [f"\u0120w{i}" for i in range(text_size - len(byte_chars) - len(words))]
    return byte_chars + words + fillers + list(SPECIAL_TOKENS) + list(TIMESTAMP_TOKENS)


def _write_tokenizer(path: Path, tokens: list[str]) -> None:
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

    first_special = tokens.index(SPECIAL_TOKENS[0])
    vocab = {token: index for index, token in enumerate(tokens[:first_special])}
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens(
        [AddedToken(token, special=True) for token in tokens[first_special:]]
    )
    for index, token in enumerate(tokens):
        if tokenizer.token_to_id(token) != index:
            raise RuntimeError(f"tokenizer id mismatch for {token!r}")
    tokenizer.save(str(path))


def _normal(rng, *shape, scale: float = 0.02) -> np.ndarray:
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def _layer_norm(spec, d_model: int) -> None:
    spec.gamma = np.ones(d_model, dtype=np.float32)
    spec.beta = np.zeros(d_model, dtype=np.float32)


def _linear(spec, rng, out_dim: int, in_dim: int) -> None:
    spec.weight = _normal(rng, out_dim, in_dim, scale=in_dim**-0.5)
    spec.bias = np.zeros(out_dim, dtype=np.float32)


def _attention(spec, rng, d_model: int, cross: bool = False) -> None:
    _layer_norm(spec.layer_norm, d_model)
    if cross:  # query, then fused key/value over the encoder output, then output
        _linear(spec.linear[0], rng, d_model, d_model)
        _linear(spec.linear[1], rng, 2 * d_model, d_model)
        _linear(spec.linear[2], rng, d_model, d_model)
    else:  # fused query/key/value, then output
        _linear(spec.linear[0], rng, 3 * d_model, d_model)
        _linear(spec.linear[1], rng, d_model, d_model)


def _ffn(spec, rng, d_model: int) -> None:
    _layer_norm(spec.layer_norm, d_model)
    _linear(spec.linear_0, rng, 4 * d_model, d_model)
    _linear(spec.linear_1, rng, d_model, 4 * d_model)


def _sinusoids(length: int, channels: int) -> np.ndarray:
    scales = np.exp(-np.log(10000) / (channels // 2 - 1) * np.arange(channels // 2))
    angles = np.arange(length)[:, None] * scales[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def _fill_encoder(spec, d_model: int, layers: int, rng) -> None:
    spec.conv1.weight = _normal(rng, d_model, N_MELS, 3, scale=0.1)
    spec.conv1.bias = np.zeros(d_model, dtype=np.float32)
    spec.conv2.weight = _normal(rng, d_model, d_model, 3, scale=0.05)
    spec.conv2.bias = np.zeros(d_model, dtype=np.float32)
    spec.position_encodings.encodings = _sinusoids(AUDIO_CTX, d_model)
    _layer_norm(spec.layer_norm, d_model)
    for layer in spec.layer[:layers]:
        _attention(layer.self_attention, rng, d_model)
        _ffn(layer.ffn, rng, d_model)


def _fill_decoder(spec, d_model: int, layers: int, vocab: int, rng) -> None:
    # Large embeddings (tied to the output projection) make the random logits peaked.
    embeddings = _normal(rng, vocab, d_model, scale=1.0)
    spec.embeddings.weight = embeddings
    spec.position_encodings.encodings = _normal(rng, TEXT_CTX, d_model, scale=0.02)
    _layer_norm(spec.layer_norm, d_model)
    spec.projection.weight = embeddings
    for layer in spec.layer[:layers]:
        _attention(layer.self_attention, rng, d_model)
        _attention(layer.attention, rng, d_model, cross=True)
        _ffn(layer.ffn, rng, d_model)


_WORD = re.compile(r"[a-z0-9']+")


def words(text: str) -> list[str]:
    """Lower-case words without punctuation, for comparing transcripts fairly."""
    return _WORD.findall(text.lower())


def word_errors(reference: str, hypothesis: str) -> int:
    """Substitutions + deletions + insertions between two texts (Levenshtein over words)."""
    ref, hyp = words(reference), words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, 1):
        current = [i]
        for j, hyp_word in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ref_word != hyp_word)))
        previous = current
    return previous[-1]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word errors divided by the reference's word count (0.0 is a perfect transcript)."""
    return word_errors(reference, hypothesis) / max(len(words(reference)), 1)


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
