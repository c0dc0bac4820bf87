"""Where a report's audio players get their sound: a relative link or an embedded data URI.

A report inside the session folder links `audio/...` so the folder can be zipped and shared as is;
a report written elsewhere links back to the session folder relative to itself; `--embed-audio`
puts the bytes into the page so the one file travels alone.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from interviewer.session.store import inside_folder

_MIME = {".wav": "audio/wav", ".ogg": "audio/ogg", ".mp3": "audio/mpeg", ".flac": "audio/flac"}


@dataclass(frozen=True)
class AudioRef:
    """One clip as the page sees it: `src` for the player, or why there is none."""

    path: str
    src: str | None
    missing: bool = False


class AudioLinker:
    """Turns the session-relative audio paths stored in events into player sources."""

    def __init__(self, session_folder: Path, report_dir: Path, embed: bool = False):
        self.session_folder = Path(session_folder).resolve()
        self.report_dir = Path(report_dir).resolve()
        self.embed = embed

    def ref(self, relative: str | None) -> AudioRef | None:
        """The player source for a stored audio path; None when the turn has no audio."""
        if not relative:
            return None
        clip = inside_folder(self.session_folder, relative)  # never `../../secret.txt`
        if clip is None or not clip.is_file():
            return AudioRef(relative, None, missing=True)
        if self.embed:
            return AudioRef(relative, data_uri(clip))
        link = Path(os.path.relpath(clip, self.report_dir)).as_posix()
        return AudioRef(relative, quote(link))

    @property
    def portable(self) -> bool:
        """True when links survive zipping the session folder (or the audio is embedded)."""
        return self.embed or self.report_dir.is_relative_to(self.session_folder)


def data_uri(path: Path) -> str:
    """The file as a base64 `data:` URI."""
    mime = _MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "audio/wav"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
