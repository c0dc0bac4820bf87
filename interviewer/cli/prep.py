"""`progress` and `plan`: where the practice stands, and what to do with the days left.

The commands are thin: reading, checking and rendering live in `interviewer.prep`.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from interviewer.cli import cli
from interviewer.cli.choice import Choice
from interviewer.cli.options import resolve_sessions_dir, sessions_dir_option
from interviewer.cli.stories import bank_file, bank_option
from interviewer.prep.bank import load_bank
from interviewer.prep.coverage import coverage
from interviewer.report.output import write_page


@cli.command()
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write an HTML page with charts to this file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--force", is_flag=True, help="With --html FILE: replace an existing file that is not a page "
    "this program wrote."
)
@sessions_dir_option
def progress(html_path, as_json, force, sessions_dir) -> None:
    """How your scores moved across sessions, and which probes still catch you out."""
    from interviewer.prep.progress import load_progress
    from interviewer.prep.progress_text import progress_table

    root = resolve_sessions_dir(sessions_dir)
    result = load_progress(root)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(progress_table(result, root))
    if html_path:
        from interviewer.prep.progress_html import progress_html

        page, warning = progress_html(result, root)
        # Private, in a private folder if it is new; another file is kept unless --force (a
        # typo once replaced /etc/passwd). The page itself is rewritten freely.
        write_page(html_path, page, force=force)
        if warning:
            click.echo(f"warning: {warning}", err=True)
        click.echo(f"Wrote {html_path}", err=as_json)


@cli.command()
@click.option(
    "--weeks",
    type=Choice(["2", "3", "4", "8"]),
    default="4",
    show_default=True,
    help="Weeks until the interviews.",
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="First day of the plan (YYYY-MM-DD), to print dates.",
)
@click.option(
    "--no-technical",
    is_flag=True,
    help="Skip technical rounds (for roles without a coding or design screen).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@bank_option
@sessions_dir_option
def plan(weeks, start, no_technical, as_json, bank_path, sessions_dir) -> None:
    """A day-by-day study plan built from your story bank, your sessions and the time left."""
    from interviewer.prep.gaps import find_gaps
    from interviewer.prep.plan import build_plan
    from interviewer.prep.plan_text import plan_text
    from interviewer.prep.progress import load_progress

    gaps = find_gaps(
        coverage(load_bank(bank_file(bank_path))), load_progress(resolve_sessions_dir(sessions_dir))
    )
    first: date | None = start.date() if start else None
    result = build_plan(gaps, int(weeks), technical=not no_technical, start=first)
    click.echo(json.dumps(result.as_dict(), indent=2) if as_json else plan_text(result))
