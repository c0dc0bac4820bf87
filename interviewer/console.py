"""What the candidate sees in the terminal while an interview runs."""

from __future__ import annotations

import sys
import textwrap
from typing import TextIO

import click

from interviewer.rubric.results import Decision, Vote


class Console:
    """Prints interviewer lines, echoed answers and results; colour only on a terminal."""

    def __init__(self, out: TextIO | None = None, echo_answers: bool = False):
        self.out = out or sys.stdout
        self.echo_answers = echo_answers
        self.color = self.out.isatty()

    def _print(self, text: str = "", **style: object) -> None:
        click.echo(click.style(text, **style) if self.color and style else text, file=self.out)

    def heading(self, text: str) -> None:
        """A section heading, e.g. the start of an interview."""
        self._print()
        self._print(f"== {text} ==", bold=True)

    def interviewer(self, name: str, text: str) -> None:
        """A line the interviewer says."""
        wrapped = textwrap.fill(text, width=88, subsequent_indent="  ")
        self._print(f"{name}: {wrapped}", fg="cyan")

    def answer(self, text: str) -> None:
        """Echo a scripted or transcribed answer so the screen reads like the transcript."""
        if self.echo_answers:
            body = text if text else "(no answer)"
            self._print(textwrap.indent(textwrap.fill(body, width=86), "  > "))

    def context(self, text: str) -> None:
        """Something said earlier, shown again for context (e.g. on resume)."""
        self._print(textwrap.fill(text, width=88, subsequent_indent="  "), dim=True)

    def info(self, text: str) -> None:
        """A status line."""
        self._print(text, dim=True)

    def warn(self, text: str) -> None:
        """Something the candidate should notice."""
        self._print(text, fg="yellow")

    def vote(self, vote: Vote) -> None:
        """One interviewer's independent vote."""
        self._print(
            f"  {vote.interviewer} ({vote.role}): {vote.vote.upper()}, {vote.score}/100, "
            f"{vote.keeper_summary}",
            bold=True,
        )
        if vote.hire_again_reason:
            self._print(f"    - hire again? {vote.hire_again_reason}")
        for reason in vote.reasons:
            self._print(f"    - {reason}")

    def decision(self, decision: Decision) -> None:
        """The loop decision and the rule behind it."""
        self.heading(f"Decision: {decision.outcome.upper()}")
        self._print(textwrap.fill(decision.explanation, width=88))
        self._print(textwrap.fill(f"Rule: {decision.rule}", width=88), dim=True)
