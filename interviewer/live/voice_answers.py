"""Spoken answers: from the microphone (`VoiceAnswers`) or from WAV files (`AudioFileAnswers`).

Both save the answer's audio in the session (16-bit PCM, 16 kHz, owner-only) and transcribe it
with the real transcriber, returning words with timestamps; the engine turns those into delivery
metrics (speaking rate, fillers, pauses, length).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from interviewer.errors import UserError
from interviewer.live.wav import load_audio, save_wav
from interviewer.session.ports import (
    Answer,
    Audio,
    Microphone,
    Prompt,
    Speaker,
    Transcriber,
)

NOTHING_HEARD = "I didn't catch anything; take your time, and answer when you're ready."
DEFAULT_MAX_ANSWER = 300.0
AUDIO_SUFFIXES = (".wav",)


def _transcribed(audio: Audio, transcriber: Transcriber, path: Path | None,
                 source: str) -> Answer:
    transcript = transcriber.transcribe(audio)
    return Answer(text=transcript.text, source=source, audio_path=path,
                  duration_s=round(audio.duration_s, 2), words=list(transcript.words))


class VoiceAnswers:
    """Answers spoken into the microphone.

    When nothing is heard, the candidate is prompted once (aloud if a speaker is given) and
    listened to again; if there is still nothing, the answer is empty and the interview moves on.
    `max_answer` caps one answer in seconds (`--max-answer`).
    """

    def __init__(self, microphone: Microphone, transcriber: Transcriber, *,
                 speaker: Speaker | None = None, max_answer: float = DEFAULT_MAX_ANSWER,
                 out=None):
        if max_answer <= 0:
            raise UserError("--max-answer must be more than 0 seconds")
        self.microphone = microphone
        self.transcriber = transcriber
        self.speaker = speaker
        self.max_answer = max_answer
        self.out = out if out is not None else sys.stderr

    # Ways an empty recording can end that are deliberate, so the candidate is not nudged.
    NO_NUDGE: tuple[str, ...] = ("enter",)

    def next_answer(self, prompt: Prompt) -> Answer:
        """Listen, save, transcribe; an empty answer when the candidate says nothing twice."""
        audio = self._listen(prompt)
        if len(audio.samples) == 0 and getattr(audio, "ended_by", None) not in self.NO_NUDGE:
            self._nudge()
            audio = self._listen(prompt)
        if len(audio.samples) == 0:
            self._tell("Nothing recorded; moving on.")
            return Answer(text="", source="voice", audio_path=None, duration_s=0.0)
        path = save_wav(prompt.save_audio_to, audio) if prompt.save_audio_to else None
        error = getattr(audio, "device_error", None)
        problem = None
        if error:
            where = f" in {path}" if path else ""
            problem = (f"the microphone stopped ({error}); kept the {audio.duration_s:.1f} s "
                       "recorded so far")
            self._tell(f"warning: {problem}{where}.")
        answer = self._transcribe(audio, path)
        answer.problem = problem
        return answer

    def close(self) -> None:
        """Release the microphone (kept open between answers when barge-in is on)."""
        self.microphone.close()

    def _listen(self, prompt: Prompt) -> Audio:
        """Record one answer (subclasses listen differently, e.g. transcribing as they go)."""
        return self.microphone.listen(max_seconds=self.max_answer)

    def _transcribe(self, audio: Audio, path: Path | None) -> Answer:
        """The answer from its recorded audio."""
        return _transcribed(audio, self.transcriber, path, "voice")

    def _nudge(self) -> None:
        self._tell(NOTHING_HEARD)
        if self.speaker is not None:
            self.speaker.say(NOTHING_HEARD)

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

    def skip(self, count: int) -> None:
        """Skip files already used (when resuming a session with the same folder)."""
        self.position = min(len(self.files), self.position + count)
