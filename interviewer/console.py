"""What the candidate sees in the terminal while an interview runs."""

from __future__ import annotations

import shutil
import sys
import textwrap
import threading
import time
from typing import TextIO

import click

from interviewer.rubric.results import Decision, Vote

# Lines are wrapped at this width, or at the terminal's when it is narrower.
WIDTH = 88


def terminal_width(out: TextIO) -> int:
    """The width lines on `out` are wrapped at: the terminal's, at most WIDTH (not a terminal:
    WIDTH)."""
    try:
        tty = out.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty:
        return WIDTH
    return max(20, min(WIDTH, shutil.get_terminal_size((WIDTH, 24)).columns - 1))


class Console:
    """Prints interviewer lines, echoed answers and results; colour only on a terminal."""

    def __init__(self, out: TextIO | None = None, echo_answers: bool = False,
                 status: TextIO | None = None):
        self.out = out or sys.stdout
        self.echo_answers = echo_answers
        self.color = self.out.isatty()
        # Status lines that count up in place ("Thinking... 2.1 s") go where the listening and
        # transcribing status goes (stderr), so piped output only carries the transcript.
        self.status = status
        self._working: Working | None = None

    @property
    def width(self) -> int:
        """The width lines are wrapped at (read each time: a terminal can be resized)."""
        return terminal_width(self.out)

    def working(self, label: str) -> Working:
        """'<label>... N s' while a step the candidate waits for runs (a context manager)."""
        self._working = Working(label, self.status)
        return self._working

    def _print(self, text: str = "", **style: object) -> None:
        if self._working is not None:
            self._working.clear()  # a warning during a step starts on a clean line
        click.echo(click.style(text, **style) if self.color and style else text, file=self.out)

    def heading(self, text: str) -> None:
        """A section heading, e.g. the start of an interview."""
        self._print()
        self._print(f"== {text} ==", bold=True)

    def interviewer(self, name: str, text: str) -> None:
        """A line the interviewer says."""
        wrapped = textwrap.fill(text, width=self.width, subsequent_indent="  ")
        self._print(f"{name}: {wrapped}", fg="cyan")

    def answer(self, text: str) -> None:
        """Echo a scripted or transcribed answer so the screen reads like the transcript."""
        if self.echo_answers:
            body = text if text else "(no answer)"
            self._print(textwrap.indent(textwrap.fill(body, width=min(86, self.width - 4)), "  > "))

    def context(self, text: str) -> None:
        """Something said earlier, shown again for context (e.g. on resume)."""
        self._print(textwrap.fill(text, width=self.width, subsequent_indent="  "), dim=True)

    def info(self, text: str) -> None:
        """A status line."""
        self._print(text, dim=True)

    def warn(self, text: str) -> None:
        """Something the candidate should notice, wrapped to the terminal (a fallback note runs
        to about 200 characters)."""
        self._print(textwrap.fill(text, width=self.width, subsequent_indent="  "), fg="yellow")

    def vote(self, vote: Vote) -> None:
        """One interviewer's independent vote."""
        self._print(
            f"  {vote.interviewer} ({vote.role}): {vote.vote.upper()}, {vote.score}/100, "
            f"{vote.keeper_summary}",
            bold=True,
        )
        # Both keeper answers, each with what it rests on (the first names what held them back).
        if vote.keeper_reason:
            self._print(f"    - fight to keep? {vote.keeper_reason}")
        if vote.hire_again_reason:
            self._print(f"    - hire again? {vote.hire_again_reason}")
        for reason in vote.reasons:
            self._print(f"    - {reason}")

    def decision(self, decision: Decision) -> None:
        """The loop decision and the rule behind it."""
        self.heading(f"Decision: {decision.outcome.upper()}")
        self._print(textwrap.fill(decision.explanation, width=self.width))
        self._print(textwrap.fill(f"Rule: {decision.rule}", width=self.width), dim=True)


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
        self._lock = threading.Lock()  # a redraw never lands after the line was cleared
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
        with self._lock:
            self._done.set()
        self.seconds = time.monotonic() - self._started
        if self.live and self._shown:
            self._write("\r\033[K")
        elif not self.live and self.seconds >= self.after:
            self._write(f"{self.label} took {self.seconds:.1f} s.\n")

    def clear(self) -> None:
        """Clear the counting line now (something else is printed); it is redrawn after."""
        with self._lock:
            if self.live and self._shown and not self._done.is_set():
                self._write("\r\033[K")

    def _count(self) -> None:
        if self._done.wait(self.after):
            return
        while True:
            with self._lock:
                if self._done.is_set():
                    return
                self._shown = True
                self._write(f"\r  {self.label}... {time.monotonic() - self._started:.1f} s")
            self._done.wait(self.refresh)

    def _write(self, text: str) -> None:
        write_status(self.stream, text)


def write_status(stream, text: str) -> None:
    """Write a status line and flush it; a closed or broken stream only loses the status."""
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass
