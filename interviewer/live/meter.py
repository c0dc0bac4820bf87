"""Showing the candidate that the interviewer is listening, and when it has stopped.

On a terminal: one live line with elapsed time and a level meter, redrawn in place. Otherwise
(logs, pipes, tests): a line when listening starts and a line when it stops. What the
interviewer does after that (transcribing, thinking) is shown by `interviewer.console.Working`.
"""

from __future__ import annotations

import math
import sys
import time

from interviewer.console import write_status

REASONS = {
    "finished": "you finished",
    "silence": "you paused",
    "ctrl_c": "Ctrl-C",
    "enter": "Enter pressed",
    "max_length": "maximum answer length reached",
    "no_speech": "nothing heard",
    "device_lost": "the microphone stopped delivering audio",
}
BAR = 20


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def level_bar(rms: float) -> str:
    """A fixed-width bar for an RMS level, on a log scale from -60 dBFS to 0."""
    db = 20 * math.log10(max(rms, 1e-6))
    filled = max(0, min(BAR, int(round((db + 60) / 60 * BAR))))
    return "#" * filled + " " * (BAR - filled)


class ListeningDisplay:
    """Status lines on stderr (or `stream`) for one answer being recorded."""

    def __init__(self, stream=None, enter_hint: bool = False, refresh: float = 0.1):
        self.stream = stream if stream is not None else sys.stderr
        self.enter_hint = enter_hint
        self.refresh = refresh
        self._last_draw = 0.0
        try:
            self.live = self.stream.isatty()
        except (AttributeError, ValueError):
            self.live = False

    def start(self) -> None:
        """Listening has begun (audio is flowing)."""
        hint = "; press Enter when you are done" if self.enter_hint else ""
        if self.live:
            self._write(f"Listening{hint}.\n")
        else:
            self._write(f"Listening... (speak now{hint})\n")

    def update(self, elapsed: float, rms: float, speaking: bool) -> None:
        """Redraw the live line (terminals only, at most every `refresh` seconds)."""
        if not self.live:
            return
        now = time.monotonic()
        if now - self._last_draw < self.refresh:
            return
        self._last_draw = now
        dot = "\u25cf" if speaking else "\u25cb"
        self._write(f"\r  {dot} {_clock(elapsed)} [{level_bar(rms)}]")

    def finish(self, reason: str, seconds: float) -> None:
        """Listening has stopped; say why."""
        why = REASONS.get(reason, reason)
        line = f"Stopped listening after {seconds:.1f} s ({why})."
        self._write(f"\r\033[K  {line}\n" if self.live else f"{line}\n")

    def _write(self, text: str) -> None:
        write_status(self.stream, text)
