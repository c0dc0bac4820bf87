"""Session folders on disk: an append-only, fsynced `events.jsonl` plus derived files and audio.

Every event is flushed and synced as it happens, so a crash, Ctrl-C or SIGKILL loses nothing that
was already said. Folders are 0700 and files 0600: candidates' stories and pay are private.
"""

from __future__ import annotations

import json
import os
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from interviewer.errors import UserError
from interviewer.session.events import SCHEMA_VERSION, Event, parse_event
from interviewer.session.files import (
    PRIVATE_DIR,
    PRIVATE_FILE,
    append_synced,
    make_private_dir,
    make_private_tree,
    read_plain,
    sync_dir,
    write_private,
)
from interviewer.session.lock import exclusive

__all__ = ["PRIVATE_DIR", "PRIVATE_FILE", "make_private_dir", "write_private"]

EVENTS_FILE = "events.jsonl"
DAMAGED_FILE = "events.damaged.jsonl"
LOCK_FILE = ".lock"
# A spoken loop with word timings is a few MB at most; far larger is not a log we wrote, and
# parsing it would take minutes and gigabytes.
MAX_LOG_BYTES = 32_000_000
_BOM = b"\xef\xbb\xbf"


LATEST = "latest"


class DamagedLogWarning(UserWarning):
    """Lines of the events file could not be read; every other line was read."""


class SessionLogError(UserError, ValueError):
    """The log cannot be used as a session (empty, or not starting with its plan)."""


@dataclass
class LogReading:
    """What reading events.jsonl found: the events, and the lines it had to skip."""

    events: list[Event] = field(default_factory=list)
    damaged: list[tuple[int, bytes]] = field(default_factory=list)
    duplicates: int = 0


class SessionStore:
    """One session folder: append events, read them back, hold derived files and audio."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._tail_checked = False

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
        """Where question and answer audio go (created on first use, never through a symlink)."""
        audio = self.folder / "audio"
        if audio.is_symlink():
            raise UserError(f"{audio} is a symlink; a session's audio folder must be a real one")
        return make_private_tree(audio)

    def inside(self, relative: str | None) -> Path | None:
        """The file a session-relative path names, or None if it leads outside the folder.

        Paths in events.jsonl come from a folder that may have been shared by someone else, so
        `../../secret.txt` or a symlink out of the folder must never be read.
        """
        return inside_folder(self.folder, relative)

    @classmethod
    def create(cls, root: Path, label: str) -> SessionStore:
        """Make a new, uniquely named session folder under `root`."""
        make_private_tree(root)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for attempt in range(100):
            suffix = "" if attempt == 0 else f"-{attempt + 1}"
            folder = root / f"{stamp}-{label}{suffix}"
            try:
                folder.mkdir(mode=PRIVATE_DIR)
            except FileExistsError:
                continue
            except OSError as exc:
                raise UserError(
                    f"cannot create a session folder in {root}: {exc.strerror}"
                ) from None
            os.chmod(folder, PRIVATE_DIR)
            sync_dir(root)
            return cls(folder)
        raise UserError(f"could not create a session folder in {root}; is it writable?")

    @contextmanager
    def writing(self):
        """Hold the session's writer lock: a second writer is refused with a clear message."""
        busy = (
            f"session {self.session_id} is in use by another interviewer command; let it "
            "finish (or stop it) and try again"
        )
        with exclusive(self.folder / LOCK_FILE, busy):
            yield self

    def append(self, event: Event) -> None:
        """Append one event and make sure it is on disk before returning."""
        self.append_all([event])

    def append_all(self, events: list[Event]) -> None:
        """Append events in one write: after a crash all of them are in the log or none is."""
        body = "".join(event.model_dump_json() + "\n" for event in events)
        append_synced(self.events_path, body.encode("utf-8"))

    def read(self) -> list[Event]:
        """Every readable event; damaged lines are skipped with a warning, never refused."""
        reading = self.read_log()
        if reading.damaged:
            numbers = ", ".join(str(n) for n, _ in reading.damaged[:5])
            more = "" if len(reading.damaged) <= 5 else f" and {len(reading.damaged) - 5} more"
            warnings.warn(
                f"{self.events_path}: skipped {len(reading.damaged)} damaged line(s) "
                f"(line {numbers}{more}) and read the {len(reading.events)} good events; "
                f"resuming keeps a copy of the damaged lines in {DAMAGED_FILE}",
                DamagedLogWarning,
                stacklevel=2,
            )
        return reading.events

    def read_log(self) -> LogReading:
        """Parse the log line by line; refuses only events from a newer program version."""
        try:
            raw = read_plain(self.events_path, MAX_LOG_BYTES)
        except FileNotFoundError:
            raise UserError(
                f"{self.folder} has no {EVENTS_FILE}; it is not a session folder"
            ) from None
        reading = LogReading()
        seen: set[bytes] = set()
        for number, line in enumerate(raw.removeprefix(_BOM).split(b"\n"), start=1):
            line = line.strip()
            if not line:
                continue
            if line in seen:
                reading.duplicates += 1  # a copied line is one event, not two
                continue
            seen.add(line)
            event = _parse_line(line, self.events_path, number)
            if event is None:
                reading.damaged.append((number, line))
            else:
                reading.events.append(event)
        return reading

    def set_aside_damage(self) -> int:
        """Copy the damaged lines to events.damaged.jsonl; the log itself is never rewritten."""
        damaged = self.read_log().damaged
        if damaged:
            body = b"".join(line + b"\n" for _, line in damaged)
            write_private(self.folder / DAMAGED_FILE, body)
        return len(damaged)


def inside_folder(folder: Path, relative: str | None) -> Path | None:
    """`folder / relative` resolved (symlinks too), or None if that leads outside `folder`."""
    if not relative:
        return None
    root = Path(folder).resolve()
    target = (root / relative).resolve()
    return target if target.is_relative_to(root) and target != root else None


def _parse_line(line: bytes, path: Path, number: int) -> Event | None:
    """The event on one line, None if the line is damaged; newer-version events are refused."""
    try:
        event = parse_event(line.decode("utf-8"))
    except (ValidationError, UnicodeDecodeError, ValueError):
        event = None
    version = event.v if event is not None else _declared_version(line)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise UserError(
            f"{path} line {number} was written by a newer version of interviewer (log format "
            f"{version}, this one reads up to {SCHEMA_VERSION}); upgrade interviewer to open it"
        )
    return event


def _declared_version(line: bytes):
    try:
        data = json.loads(line)
    except ValueError:
        return None
    return data.get("v") if isinstance(data, dict) else None


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
    if _looks_like_path(name):
        raise UserError(_not_a_session(candidate))
    raise UserError(f"no session {name!r} in {root}; `interviewer sessions` lists them")


def _looks_like_path(name: str) -> bool:
    """Whether the user gave a path rather than a session's name (names never hold a slash)."""
    return "/" in name or os.sep in name or name.startswith(("~", "."))


def _not_a_session(path: Path) -> str:
    """Why a path given as a session cannot be opened, and what to give instead."""
    fix = "give a session folder (one holding events.jsonl) or a name from `interviewer sessions`"
    if not path.exists():
        return f"{path} does not exist; {fix}"
    if path.is_file() and path.name == EVENTS_FILE:
        return f"{path} is the session's log; give its folder instead: {path.parent}"
    if path.is_file():
        return f"{path} is a file, not a session folder; {fix}"
    return f"{path} is not a session folder (it has no {EVENTS_FILE}); {fix}"


def list_sessions(root: Path) -> list[SessionStore]:
    """Every session folder under `root`, oldest first."""
    if not root.is_dir():
        return []
    try:
        folders = [p for p in root.iterdir() if (p / EVENTS_FILE).is_file()]
    except OSError:
        return []
    return [SessionStore(p) for p in sorted(folders, key=_creation_order)]


def _creation_order(folder: Path) -> tuple[str, int, str]:
    """Folders sort by their name's timestamp; two started in the same second (a script, a
    test) by when their log was last written, not by their labels' alphabet."""
    stamp = folder.name[: len("YYYYmmdd-HHMMSS")]
    try:
        written = (folder / EVENTS_FILE).stat().st_mtime_ns
    except OSError:
        written = 0
    return stamp, written, folder.name
