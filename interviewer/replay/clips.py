"""The sound of a clip: its saved recording, or a question re-synthesized by the TTS."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from interviewer.replay.plan import Clip

Sound = tuple[np.ndarray, int]
# (text, voice, rate, path): write the spoken text to `path` as a WAV.
Synthesize = Callable[[str, "str | None", "int | None", Path], None]


class ClipSource:
    """Loads recordings and, for questions without one, synthesizes them into a temp folder."""

    def __init__(self, synthesize: Synthesize | None = None):
        self.synthesize = synthesize
        self._workdir: Path | None = None
        self._count = 0

    def recording(self, clip: Clip) -> Sound | None:
        """The saved recording of `clip`, if it exists."""
        if clip.path is None or clip.missing:
            return None
        from interviewer.live.wav import read_wav

        return read_wav(clip.path)

    def spoken(self, clip: Clip) -> Sound | None:
        """`clip` re-synthesized with the interviewer's voice; None without a synthesizer."""
        if self.synthesize is None or not clip.text.strip():
            return None
        from interviewer.live.wav import read_wav

        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="interviewer-replay-"))
        self._count += 1
        path = self._workdir / f"line-{self._count}.wav"
        self.synthesize(clip.text, clip.voice, clip.rate, path)
        return read_wav(path)

    def close(self) -> None:
        """Remove the synthesized audio (it is not part of the session)."""
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None


def tts_synthesizer(output_device=None) -> Synthesize:
    """A Synthesize function backed by the voice layer's pyttsx3 speaker, which never plays."""
    from interviewer.live.tts import Pyttsx3Speaker

    speaker = Pyttsx3Speaker(output_device=output_device, play=False)

    def synthesize(text: str, voice: str | None, rate: int | None, path: Path) -> None:
        speaker.say(text, voice=voice, rate=rate, save_to=path)

    return synthesize
