"""Errors meant for the user: the CLI prints them as one line, without a traceback."""


class UserError(Exception):
    """A problem the user can fix; the message says how."""

    exit_code = 2


class ContentError(UserError):
    """A file in prompts/ (or another data file) is malformed; the message names it."""
