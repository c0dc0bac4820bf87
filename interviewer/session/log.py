"""The session's log as an interview writes it: each event appended to disk first, then folded
into the state the next step reads, so a crash never loses what the state already showed."""

from __future__ import annotations

from pathlib import Path

from interviewer.session.events import Event
from interviewer.session.state import SessionState, build_state
from interviewer.session.store import SessionStore


class SessionLog:
    """The events of one session and the state folded from them."""

    def __init__(self, store: SessionStore):
        self.store = store
        self.events: list[Event] = store.read()
        self.state: SessionState = build_state(self.events)

    def emit(self, event: Event) -> None:
        """Write an event to disk, then fold it into the state."""
        self.store.append(event)
        self.events.append(event)
        self.state = build_state(self.events)

    def audio_path(self, turn: int, what: str) -> Path:
        """Where the audio of `turn` is kept: the question (or probe) first, then the answer."""
        order = "2" if what == "answer" else "1"
        return self.store.folder / "audio" / f"t{turn:03d}-{order}-{what}.wav"

    def relative(self, path: Path | None) -> str | None:
        """`path` as the log records it: relative to the session folder when inside it."""
        if path is None:
            return None
        try:
            return str(Path(path).relative_to(self.store.folder))
        except ValueError:
            return str(path)
