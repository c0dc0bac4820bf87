"""One writer at a time: an advisory lock on a file next to what is being written.

Two `resume` of one session, or two `stories add` at once, would otherwise interleave their
writes. The lock is `flock` on a small file, so it is released by the kernel when the holder
exits, even on SIGKILL: a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from interviewer.errors import UserError
from interviewer.session.files import PRIVATE_FILE


class LockedError(UserError):
    """Another process holds the lock; the message says who and what to do."""


@contextmanager
def exclusive(lock_path: Path, busy_message: str, wait_seconds: float = 0.0):
    """Hold an exclusive lock on `lock_path` for the block.

    Waits up to `wait_seconds` for another holder to finish (short jobs like saving a story bank
    wait; a whole interview does not), then raises LockedError with `busy_message`.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, PRIVATE_FILE)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockedError(busy_message) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock
