"""The `interviewer` command line. Each command group lives in its own module here."""

from __future__ import annotations

import importlib
import os
import sys
import warnings

import click

from interviewer import __version__
from interviewer.errors import UserError
from interviewer.session.files import disk_full

DEBUG_ENV = "INTERVIEWER_DEBUG"


# Each command's module and its one-line help. `interviewer --help` lists the commands from this
# table without importing their modules (which pull in pydantic, numpy and the content), so it
# starts at once; a command's module is imported only when that command runs. A test keeps the
# table in step with the commands themselves (each text is its docstring's first line).
COMMANDS: dict[str, tuple[str, str]] = {
    "doctor": ("doctor", "Check that this machine is ready for voice interviews; each line is ok "
                         "or the fix."),
    "loop": ("interview", "The whole loop: recruiter, hiring manager, technical screen, onsite "
                          "panel, decision."),
    "plan": ("prep", "A day-by-day study plan built from your story bank, your sessions and the "
                     "time left."),
    "practice": ("interview", "One interview of the loop: recruiter, manager, technical, or the "
                              "onsite panel."),
    "progress": ("prep", "How your scores moved across sessions, and which probes still catch "
                         "you out."),
    "replay": ("sessions", "Go through a saved session turn by turn with its scores."),
    "report": ("report", "Write SESSION's report: report.md, or with --html a page to open in a "
                         "browser."),
    "resume": ("interview", "Continue an interrupted session from its first unanswered question."),
    "score": ("scoring", "Score a transcript whose turns start with Interviewer:/Candidate: (or "
                         "Q:/A:)."),
    "sessions": ("sessions", "List saved sessions, oldest first."),
    "stories": ("stories", "Your story bank: stories mapped to the nine values, checked by the "
                        "interviewer's scorer."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, without importing any command module."""
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing the module that defines it on first use."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"interviewer.cli.{COMMANDS[cmd_name][0]}")
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands with their one-line help from the table."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in sorted(COMMANDS)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interviewer")
def cli() -> None:
    """A voice mock interviewer for the Netflix loop: practise out loud, get probed, get scored."""


_WARNED: set[str] = set()


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    # A damaged log line is reported by each reader of the log, and resume reads it twice (to
    # check the session, then to run it): say each warning once. (The "once" filter cannot do
    # it: libraries imported in between change the filters, which resets what it has seen.)
    if str(message) in _WARNED:
        return
    _WARNED.add(str(message))
    click.echo(f"warning: {message}", err=True)


def main() -> None:
    """Entry point: run the CLI; user errors print one line, never a traceback."""
    try:
        # Inside the try: Ctrl-C while a command's module loads is a clean stop too.
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
