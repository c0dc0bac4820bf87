"""A click choice whose "missing option" error is one line, like every other error here."""

from __future__ import annotations

import click


class Choice(click.Choice):
    """`click.Choice` that lists the choices on one line when the option is missing.

    Click's own message puts each choice on its own tab-indented line, which reads as broken
    output next to the one-line errors the rest of the tool prints.
    """

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        """'Choose from: a, b, c.'"""
        return f"Choose from: {', '.join(str(choice) for choice in self.choices)}."
