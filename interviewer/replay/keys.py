"""Keys that steer a replay, read one at a time from the terminal without waiting for Enter.

On a terminal, stdin goes into cbreak mode for the replay (Ctrl-C still works) and is restored
afterwards, even on an error. When stdin is not a terminal (a pipe, a test, CI) keys are ignored.
"""

from __future__ import annotations

import os
import select
import sys
import time
from enum import Enum


class Command(Enum):
    """What a key asks for."""

    PAUSE = "pause"  # toggles: the same key resumes
    SKIP = "skip"
    QUIT = "quit"


KEYMAP = {" ": Command.PAUSE, "p": Command.PAUSE, "n": Command.SKIP, "s": Command.SKIP,
          "q": Command.QUIT}
HELP = "Keys: space/p pause, n/s skip the turn, q quit."


class NoKeys:
    """Keys for a replay that nobody steers: `poll` only waits."""

    interactive = False

    def poll(self, timeout: float) -> Command | None:
        """Wait `timeout` seconds; never a command."""
        time.sleep(timeout)
        return None

    def __enter__(self) -> NoKeys:
        return self

    def __exit__(self, *exc) -> None:
        return None


class TerminalKeys:
    """Single keypresses from a terminal's stdin, as commands (use as a context manager)."""

    interactive = True

    def __init__(self, stream=None):
        self.stream = stream or sys.stdin
        self._saved = None

    def __enter__(self) -> TerminalKeys:
        import termios
        import tty

        fd = self.stream.fileno()
        self._saved = termios.tcgetattr(fd)
        tty.setcbreak(fd)  # keys arrive one by one, unechoed; Ctrl-C still interrupts
        return self

    def __exit__(self, *exc) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self._saved)
            self._saved = None

    def poll(self, timeout: float) -> Command | None:
        """The command of a key pressed within `timeout` seconds, if any (other keys: None)."""
        fd = self.stream.fileno()
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        key = os.read(fd, 1).decode("utf-8", "ignore").lower()
        return KEYMAP.get(key)


def terminal_keys() -> TerminalKeys | NoKeys:
    """TerminalKeys when stdin is a terminal, else NoKeys."""
    try:
        if sys.stdin is not None and sys.stdin.isatty():
            return TerminalKeys()
    except (AttributeError, ValueError):  # closed or replaced stdin
        pass
    return NoKeys()
