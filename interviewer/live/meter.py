"""Showing the candidate that the interviewer is listening, and when it has stopped.

On a terminal: one live line with elapsed time and a level meter, redrawn in place. Otherwise
(logs, pipes, tests): a line when listening starts and a line when it stops. `Working` shows
what the interviewer is doing between the two (transcribing, thinking) with its elapsed time
once that passes a second, so a slow machine is never a silent one.
"""

from __future__ import annotations

import math
import sys
import threading
import time

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
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass


class Working:
    """'Transcribing your answer... 2.3 s' while a step runs (use as a context manager).

    Nothing is shown for steps shorter than `after` seconds. On a terminal the line counts up in
    place and is cleared at the end; elsewhere one line says how long the step took.
    """

    def __init__(self, label: str, stream=None, *, after: float = 1.0, refresh: float = 0.2):
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.after = after
        self.refresh = refresh
        self.seconds = 0.0
        self._done = threading.Event()
        self._shown = False
        try:
            self.live = self.stream.isatty()
        except (AttributeError, ValueError):
            self.live = False

    def __enter__(self) -> Working:
        self._started = time.monotonic()
        if self.live:
            threading.Thread(target=self._count, name="working-line", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self.seconds = time.monotonic() - self._started
        if self.live and self._shown:
            self._write("\r\033[K")
        elif not self.live and self.seconds >= self.after:
            self._write(f"{self.label} took {self.seconds:.1f} s.\n")

    def _count(self) -> None:
        if self._done.wait(self.after):
            return
        while not self._done.is_set():
            self._shown = True
            self._write(f"\r  {self.label}... {time.monotonic() - self._started:.1f} s")
            self._done.wait(self.refresh)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass
