"""The `interviewer` command line. Each command group lives in its own module here."""

from __future__ import annotations

import os
import sys
import warnings

import click

from interviewer import __version__
from interviewer.errors import UserError
from interviewer.session.files import disk_full

DEBUG_ENV = "INTERVIEWER_DEBUG"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interviewer")
def cli() -> None:
    """A voice mock interviewer for the Netflix loop: practise out loud, get probed, get scored."""


def _register() -> None:
    # Imported here so each module can add its commands without a central list growing stale.
    from interviewer.cli import doctor, interview, prep, report, scoring, sessions  # noqa: F401


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"warning: {message}", err=True)


def main() -> None:
    """Entry point: run the CLI; user errors print one line, never a traceback."""
    try:
        # Inside the try: Ctrl-C while the command modules load is a clean stop too.
        _register()
        warnings.showwarning = _show_warning
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UserError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except OSError as exc:
        if disk_full(exc):
            click.echo(f"error: the disk is full ({exc.filename or 'a write failed'}); "
                       "free some space and run the command again", err=True)
            sys.exit(1)
        _unexpected(exc)
    except Exception as exc:
        _unexpected(exc)


def _unexpected(exc: Exception) -> None:
    """Last resort: one line, not a traceback."""
    if os.environ.get(DEBUG_ENV):
        raise exc
    click.echo(
        f"error: unexpected {type(exc).__name__}: {exc}. Anything already said is saved; "
        f"set {DEBUG_ENV}=1 to see the details and please report it.",
        err=True,
    )
    sys.exit(1)
