"""Spoken answers: from the microphone (`VoiceAnswers`) or from WAV files (`AudioFileAnswers`).

Both save the answer's audio in the session (16-bit PCM, 16 kHz, owner-only) and transcribe it
with the real transcriber, returning words with timestamps; the engine turns those into delivery
metrics (speaking rate, fillers, pauses, length).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from interviewer.console import Working
from interviewer.errors import UserError
from interviewer.live.capture import CapturedAudio, ListeningMicrophone
from interviewer.live.timing import DEFAULT_WAIT, EARLY_SHARE, FIRST_NUDGE, SECOND_NUDGE
from interviewer.live.wav import SAMPLE_RATE, load_audio, save_wav, wav_bytes
from interviewer.session.ports import (
    Answer,
    Audio,
    InterruptedAnswer,
    Prompt,
    Speaker,
    Transcriber,
)

NOTHING_HEARD = "Take your time; there's no rush. Answer whenever you're ready."
STILL_NOTHING = ("Still thinking? That's fine. If it helps, start with the situation, and we'll "
                 "go from there.")
MOVING_ON = "No answer recorded; moving on."
DEFAULT_MAX_ANSWER = 300.0


@dataclass(frozen=True)
class Waiting:
    """How long the interviewer waits for an answer that has not started, in seconds of silence
    since the question: a gentle nudge at `first_nudge`, another at `second_nudge`, and moving on
    (recorded as no answer, not scored) at `give_up` (`--wait-for-answer`)."""

    first_nudge: float = FIRST_NUDGE
    second_nudge: float = SECOND_NUDGE
    give_up: float = DEFAULT_WAIT

    def steps(self) -> list[tuple[float, str | None]]:
        """(seconds of silence to wait, the nudge to say then; None: move on) in order."""
        nudges = [(at, line) for at, line in ((self.first_nudge, NOTHING_HEARD),
                                              (self.second_nudge, STILL_NOTHING))
                  if at < self.give_up]
        steps, waited = [], 0.0
        for at, line in [*nudges, (self.give_up, None)]:
            steps.append((at - waited, line))
            waited = at
        return steps
AUDIO_SUFFIXES = (".wav",)


def early_until(prompt: Prompt) -> float:
    """Seconds of speech during which a pause that sounds finished is still taken as one between
    sentences: the start of the answer to a main question, where a story is expected to run on
    (a follow-up or a reply may be one sentence)."""
    return EARLY_SHARE * prompt.answer_seconds[0] if prompt.kind == "question" else 0.0


def _transcribed(audio: Audio, transcriber: Transcriber, path: Path | None,
                 source: str) -> Answer:
    transcript = transcriber.transcribe(audio)
    return Answer(text=transcript.text, source=source, audio_path=path,
                  duration_s=round(audio.duration_s, 2), words=list(transcript.words))


class VoiceAnswers:
    """Answers spoken into the microphone.

    While nothing is heard, the candidate is nudged gently (aloud if a speaker is given) as
    `waiting` says and listened to again; only after its `give_up` limit does the interview move
    on, with the turn recorded as no answer. `max_answer` caps one answer in seconds
    (`--max-answer`). Ctrl-C while the candidate speaks keeps what they said: it is transcribed
    and raised as `InterruptedAnswer`, so the engine logs it before stopping.
    """

    def __init__(self, microphone: ListeningMicrophone, transcriber: Transcriber, *,
                 speaker: Speaker | None = None, max_answer: float = DEFAULT_MAX_ANSWER,
                 waiting: Waiting | None = None, out=None):
        if max_answer <= 0:
            raise UserError("--max-answer must be more than 0 seconds")
        self.microphone = microphone
        self.transcriber = transcriber
        self.speaker = speaker
        self.max_answer = max_answer
        self.waiting = waiting or Waiting()
        self.out = out if out is not None else sys.stderr

    # Ways an empty recording can end that are deliberate, so the candidate is not nudged.
    NO_NUDGE: tuple[str, ...] = ("enter",)

    def next_answer(self, prompt: Prompt) -> Answer:
        """Listen, save, transcribe; no answer when the candidate stays silent to the limit."""
        audio = None
        for wait, nudge in self.waiting.steps():
            audio = self._listen(prompt, wait)
            if len(audio.samples) or audio.ended_by in (*self.NO_NUDGE, "ctrl_c") \
                    or nudge is None:
                break
            self._nudge(nudge, prompt)
        if audio is None or len(audio.samples) == 0:
            if audio is not None and audio.ended_by == "ctrl_c":
                raise KeyboardInterrupt
            self._tell(MOVING_ON)
            return Answer(text="", source="voice", audio_path=None, duration_s=0.0,
                          no_answer=True)
        path = save_wav(prompt.save_audio_to, audio) if prompt.save_audio_to else None
        problem = self._problem(audio, path)
        with Working("Transcribing your answer", self.out):
            answer = self._transcribe(audio, path)
        answer.problem = problem
        if audio.ended_by == "ctrl_c":
            raise InterruptedAnswer(answer)
        return answer

    def _problem(self, audio: CapturedAudio, path: Path | None) -> str | None:
        """What went wrong while recording, for the log (and said now)."""
        if audio.ended_by == "ctrl_c":
            return (f"stopped with Ctrl-C during the answer; kept the {audio.duration_s:.1f} s "
                    "said so far")
        if not audio.device_error:
            return None
        where = f" in {path}" if path else ""
        problem = (f"the microphone stopped ({audio.device_error}); kept the "
                   f"{audio.duration_s:.1f} s recorded so far")
        self._tell(f"warning: {problem}{where}.")
        return problem

    def close(self) -> None:
        """Release the microphone (kept open between answers when barge-in is on)."""
        self.microphone.close()

    def _listen(self, prompt: Prompt, wait: float) -> CapturedAudio:
        """Record one answer, waiting `wait` s for a first word (subclasses listen differently,
        e.g. transcribing as they go)."""
        return self.microphone.listen(max_seconds=self.max_answer, no_speech_timeout=wait,
                                      early_until=early_until(prompt))

    def _transcribe(self, audio: Audio, path: Path | None) -> Answer:
        """The answer from its recorded audio."""
        return _transcribed(audio, self.transcriber, path, "voice")

    def _nudge(self, line: str, prompt: Prompt) -> None:
        self._tell(line)
        if self.speaker is not None:
            self.speaker.say(line, voice=prompt.voice, rate=prompt.rate)

    def _tell(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            print(line, file=self.out, flush=True)


class AudioFileAnswers:
    """Answers read from the WAV files in a folder, in name order (`--audio-answers DIR`).

    Each file is converted to 16 kHz mono, copied into the session's audio folder and
    transcribed like a live answer. Returns None when the files run out, which ends the session.
    """

    def __init__(self, folder: Path, transcriber: Transcriber):
        self.folder = Path(folder).expanduser()
        self.transcriber = transcriber
        if not self.folder.is_dir():
            raise UserError(f"--audio-answers {folder}: no such folder")
        self.files = sorted(p for p in self.folder.iterdir()
                            if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES)
        if not self.files:
            raise UserError(f"--audio-answers {folder}: no .wav files in it")
        self.position = 0
        self._converted: dict[Path, bytes] = {}  # each file as the session saves it

    def next_answer(self, prompt: Prompt) -> Answer | None:
        """The next file's answer, or None when there are no more files."""
        if self.position >= len(self.files):
            return None
        source = self.files[self.position]
        self.position += 1
        audio = load_audio(source)
        path = save_wav(prompt.save_audio_to, audio) if prompt.save_audio_to else None
        return _transcribed(audio, self.transcriber, path, "audio-file")

    def close(self) -> None:
        """Nothing to release: files are read whole."""

    def skip_used(self, recorded: Sequence[Path | None]) -> int:
        """Skip the files the session already answered with, and say how many.

        `recorded` is the session's copies of its audio-file answers, in order. A file was used
        when its copy is the session's, byte for byte (the copy is the file as 16 kHz mono, which
        is what the session saved). As with `resume --answers FILE`, the used files are the
        longest run of the folder's first files that ends the session's answers: the same
        folder carries on after them, a different one starts at its first file.
        """
        longest = min(len(self.files), len(recorded))
        used = next((k for k in range(longest, 0, -1)
                     if all(self._same(self.files[i], copy)
                            for i, copy in enumerate(recorded[-k:]))), 0)
        self.position = used
        return used

    def _same(self, source: Path, copy: Path | None) -> bool:
        if copy is None:
            return False
        try:
            saved = Path(copy).read_bytes()
        except OSError:
            return False
        if source not in self._converted:
            self._converted[source] = wav_bytes(load_audio(source).samples, SAMPLE_RATE)
        return self._converted[source] == saved
