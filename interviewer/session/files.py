"""Private, crash-safe file primitives: owner-only folders, atomic writes, synced appends.

Sessions and story banks hold candidates' stories and pay, and session folders get zipped and
shared, so every write here is owner-only, never follows a symlink planted where a file should
be, and is synced (file and folder) before it counts as done. A full disk costs only the write
that failed: temp files are removed and a half-appended line is cut off again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from interviewer.errors import UserError

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
NO_SPACE = (errno.ENOSPC, errno.EDQUOT)


class DiskFullError(UserError):
    """A write failed for lack of space; what was written before it is intact."""


def disk_full(exc: BaseException) -> bool:
    """True for 'no space left' and 'quota exceeded' errors."""
    return isinstance(exc, OSError) and exc.errno in NO_SPACE


def make_private_dir(path: Path) -> Path:
    """Create `path` and any missing parents readable by the owner only (whatever the umask).

    Folders that already exist are left as they are: a report written into /tmp or the user's
    Documents must not change that folder's permissions.
    """
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir() and probe not in missing:
        raise UserError(f"{probe} is a file, so the folder {path} cannot be made there")
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            pass
        except NotADirectoryError:
            raise UserError(f"{folder.parent} is a file, so {path} cannot be made there") from None
        os.chmod(folder, PRIVATE_DIR)
        sync_dir(folder.parent)
    return path


def make_private_tree(path: Path) -> Path:
    """Like make_private_dir, and also make an existing `path` itself owner-only (a folder this
    program owns, such as the sessions folder; never a folder the user merely writes into)."""
    make_private_dir(path)
    if path.is_dir() and not path.is_symlink():
        os.chmod(path, PRIVATE_DIR)
    return path


def sync_dir(folder: Path) -> None:
    """fsync a folder so a file just created or renamed in it survives a power cut."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # not every filesystem lets a folder be opened; the data itself is synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_private(path: Path, data: str | bytes) -> None:
    """Write a file atomically with owner-only permissions.

    The temp file has a unique name created exclusively (so two writers never share it and a
    symlink planted in its place is never followed), and the rename replaces whatever sits at
    `path` (a symlink there is replaced, not written through).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), PRIVATE_FILE)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        _remove(tmp)
        if disk_full(exc):
            raise DiskFullError(f"the disk is full: could not write {path}") from None
        raise
    sync_dir(path.parent)


def append_synced(path: Path, data: bytes) -> None:
    """Append `data` to `path` (created owner-only) and fsync it before returning.

    A symlink at `path` is refused. If the file ends in a half-written line (a crash mid-write),
    a newline goes first so the new data starts a line of its own. If the write fails part way
    (a full disk), the file is cut back to its old length, so no half line is left behind.
    """
    created = not os.path.lexists(path)
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW
    try:
        fd = os.open(path, flags, PRIVATE_FILE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(f"{path} is a symlink; a session log must be a plain file") from None
        raise
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        try:
            _write_all(fd, data)
            os.fsync(fd)
        except OSError as exc:
            os.ftruncate(fd, size)
            if disk_full(exc):
                raise DiskFullError(f"the disk is full: could not write to {path}") from None
            raise
    finally:
        os.close(fd)
    if created:
        sync_dir(Path(path).parent)


def read_plain(path: Path, limit: int, what: str = "session log") -> bytes:
    """The bytes of a regular file (no symlink followed) of at most `limit` bytes.

    `what` names the file in the message when it is larger: such a file is not one this program
    wrote, and reading it whole would take minutes and gigabytes.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(f"{path} is a symlink; it must be a plain file") from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = "a folder" if stat.S_ISDIR(mode) else "not a plain file"
        raise UserError(f"{path} is {kind}; it must be a plain file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UserError(
            f"{path} is larger than {limit / 1_000_000:g} MB, far more than any {what} holds; "
            f"check that it is the right file"
        )
    return data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
