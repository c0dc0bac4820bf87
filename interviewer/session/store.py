"""Session folders on disk: an append-only, fsynced `events.jsonl` plus derived files and audio.

Every event is flushed and synced as it happens, so a crash, Ctrl-C or SIGKILL loses nothing that
was already said. Folders are 0700 and files 0600: candidates' stories and pay are private.
"""

from __future__ import annotations

import os
import warnings
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from interviewer.errors import UserError
from interviewer.session.events import Event, parse_event

EVENTS_FILE = "events.jsonl"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


LATEST = "latest"


class DamagedLogWarning(UserWarning):
    """The events file was damaged (e.g. a half-written last line); it was read up to the damage."""


def make_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, PRIVATE_DIR)
    return path


def write_private(path: Path, data: str | bytes) -> None:
    """Write a file atomically with owner-only permissions."""
    tmp = path.with_name(f".{path.name}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(tmp, flags, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, PRIVATE_FILE)
    os.replace(tmp, path)


class SessionStore:
    """One session folder: append events, read them back, hold derived files and audio."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @property
    def session_id(self) -> str:
        """The folder name, which is also the id users type."""
        return self.folder.name

    @property
    def events_path(self) -> Path:
        """The append-only event log."""
        return self.folder / EVENTS_FILE

    @property
    def audio_dir(self) -> Path:
        """Where question and answer audio go (created on first use)."""
        return make_private_dir(self.folder / "audio")

    @classmethod
    def create(cls, root: Path, label: str) -> SessionStore:
        """Make a new, uniquely named session folder under `root`."""
        make_private_dir(root)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for attempt in range(100):
            suffix = "" if attempt == 0 else f"-{attempt + 1}"
            folder = root / f"{stamp}-{label}{suffix}"
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            os.chmod(folder, PRIVATE_DIR)
            return cls(folder)
        raise UserError(f"could not create a session folder in {root}; is it writable?")

    def append(self, event: Event) -> None:
        """Append one event and make sure it is on disk before returning."""
        line = event.model_dump_json() + "\n"
        fd = os.open(self.events_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)

    def read(self) -> list[Event]:
        """All events, read up to the first damaged line (with a warning), never refused."""
        try:
            raw = self.events_path.read_bytes()
        except FileNotFoundError:
            raise UserError(
                f"{self.folder} has no {EVENTS_FILE}; it is not a session folder"
            ) from None
        events: list[Event] = []
        lines = raw.split(b"\n")
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                events.append(parse_event(line.decode("utf-8")))
            except (ValidationError, UnicodeDecodeError, ValueError):
                rest = sum(1 for later in lines[number:] if later.strip())
                warnings.warn(
                    f"{self.events_path}: line {number} is damaged; read the {len(events)} events "
                    f"before it and ignored it{f' and {rest} later lines' if rest else ''}",
                    DamagedLogWarning,
                    stacklevel=2,
                )
                break
        return events

    def repair(self, events: list[Event]) -> None:
        """Rewrite the log with only `events` (used before resuming a damaged session)."""
        body = "".join(event.model_dump_json() + "\n" for event in events)
        write_private(self.events_path, body)


def find_session(name: str, root: Path) -> SessionStore:
    """Resolve a session given as a path, a folder name, a unique prefix of one, or `latest`
    (the newest session, what the study plan's "replay the loop" step names)."""
    if name == LATEST:
        newest = list_sessions(root)
        if newest:
            return newest[-1]
        raise UserError(f"no sessions in {root} yet; start one with `interviewer loop --text`")
    candidate = Path(name).expanduser()
    if (candidate / EVENTS_FILE).exists():
        return SessionStore(candidate)
    if (root / name / EVENTS_FILE).exists():
        return SessionStore(root / name)
    matches = [s for s in list_sessions(root) if s.session_id.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise UserError(
            f"{name!r} matches {len(matches)} sessions; give more of the name "
            "(see `interviewer sessions`)"
        )
    raise UserError(f"no session {name!r} in {root}; `interviewer sessions` lists them")


def list_sessions(root: Path) -> list[SessionStore]:
    """Every session folder under `root`, oldest first."""
    if not root.is_dir():
        return []
    folders = [p for p in root.iterdir() if (p / EVENTS_FILE).is_file()]
    return [SessionStore(p) for p in sorted(folders, key=lambda p: p.name)]
