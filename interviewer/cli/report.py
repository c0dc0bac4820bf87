"""`report`: write a saved session's report as Markdown (report.md) or as one HTML page."""

from __future__ import annotations

import os
from pathlib import Path

import click

from interviewer.cli import cli
from interviewer.cli.options import resolve_sessions_dir, sessions_dir_option
from interviewer.session.state import load_state
from interviewer.session.store import find_session

# `--html` alone means "report.html in the session folder"; click needs a non-empty marker.
_DEFAULT_HTML = "<session>/report.html"


@cli.command()
@click.argument("session")
@click.option(
    "--html",
    "html_path",
    is_flag=False,
    flag_value=_DEFAULT_HTML,
    default=None,
    metavar="[PATH]",
    help="Write one self-contained HTML page with charts and audio players. PATH is a file or "
    "a folder (default: report.html in the session folder). Put --html after SESSION.",
)
@click.option(
    "--embed-audio",
    is_flag=True,
    help="With --html: put the audio inside the page, so the one file can be shared alone "
    "(it grows by 2-4 MB per minute of recording).",
)
@click.option(
    "--force", is_flag=True, help="With --html PATH: replace an existing file at PATH."
)
@sessions_dir_option
def report(
    session: str, html_path: str | None, embed_audio: bool, force: bool, sessions_dir
) -> None:
    """Write SESSION's report: report.md, or with --html a page to open in a browser."""
    store = find_session(session, resolve_sessions_dir(sessions_dir))
    state = load_state(store)
    if html_path is None:
        if embed_audio:
            raise click.UsageError("--embed-audio only applies with --html")
        from interviewer.report.markdown import write_markdown

        click.echo(f"Wrote {write_markdown(state, store)}")
        return
    from interviewer.report.html import write_html

    target = None if html_path == _DEFAULT_HTML else Path(html_path).expanduser()
    if target is not None and html_path.endswith(("/", os.sep)):
        target = target / "report.html"  # a folder that does not exist yet
    written = write_html(state, store, target, embed_audio=embed_audio, force=force)
    click.echo(f"Wrote {written}")
    has_audio = any(t.asked.audio or (t.answer and t.answer.audio) for t in state.turns)
    outside = not written.resolve().parent.is_relative_to(store.folder.resolve())
    if has_audio and outside and not embed_audio:
        click.echo(
            "Its audio players link back to the session folder; use --embed-audio to make a page "
            "that works on its own.",
            err=True,
        )
