"""Ending an answer with Enter: a small thread that watches standard input while listening.

Only used when stdin is a terminal (piped input belongs to whoever piped it). The thread polls
with `select` so it can be stopped cleanly when the answer ends some other way.
"""

from __future__ import annotations

import os
import select
import sys
import threading


class EnterWatcher:
    """Sets `pressed` when the user presses Enter; a context manager that starts and stops it."""

    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream if stream is not None else sys.stdin
        self.enabled = enabled
        self.pressed = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def active(self) -> bool:
        """True when Enter can end the answer (stdin is a terminal)."""
        try:
            return self.enabled and self.stream.isatty()
        except (AttributeError, ValueError):
            return False

    def __enter__(self) -> EnterWatcher:
        if self.active:
            self._thread = threading.Thread(target=self._watch, name="enter-watcher",
                                            daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)

    def _watch(self) -> None:
        fd = self.stream.fileno()
        while not self._stop.is_set():
            try:
                readable, _, _ = select.select([fd], [], [], 0.1)
                if readable and b"\n" in os.read(fd, 4096):
                    self.pressed.set()
                    return
            except (OSError, ValueError):
                return
