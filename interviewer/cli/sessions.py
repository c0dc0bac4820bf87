"""`sessions` and `replay`: looking at saved sessions."""

from __future__ import annotations

import json

import click

from interviewer.cli import cli
from interviewer.cli.options import resolve_sessions_dir, sessions_dir_option
from interviewer.render import replay_text
from interviewer.state import build_state
from interviewer.store import find_session, list_sessions
from interviewer.summary import session_overall, status


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@sessions_dir_option
def sessions(as_json: bool, sessions_dir) -> None:
    """List saved sessions, oldest first."""
    root = resolve_sessions_dir(sessions_dir)
    rows = []
    for store in list_sessions(root):
        try:
            state = build_state(store.read())
        except ValueError:
            continue  # a folder whose log does not start properly is not listed
        decision = state.decision
        rows.append(
            {
                "id": store.session_id,
                "path": str(store.folder),
                "stage": state.label,
                "mode": state.started.mode,
                "status": status(state),
                "overall": session_overall(state),
                "decision": decision.decision.outcome if decision else None,
                "started_at": state.started.at.isoformat(),
            }
        )
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo(
            f"No sessions in {root} yet. Start one: interviewer practice --stage manager --text"
        )
        return
    for row in rows:
        overall = "-" if row["overall"] is None else row["overall"]
        decision = f", {row['decision']}" if row["decision"] else ""
        click.echo(f"{row['id']}  {row['stage']:<9} {overall:>3}/100  {row['status']}{decision}")


@cli.command()
@click.argument("session")
@click.option("--no-audio", is_flag=True, help="Print the session instead of playing it.")
@click.option(
    "--from", "start", type=int, default=1, show_default=True, help="Start at this turn number."
)
@sessions_dir_option
def replay(session: str, no_audio: bool, start: int, sessions_dir) -> None:
    """Go through a saved session turn by turn with its scores."""
    store = find_session(session, resolve_sessions_dir(sessions_dir))
    state = build_state(store.read())
    click.echo(replay_text(state, store, start))
