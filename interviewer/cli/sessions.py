"""`sessions` and `replay`: looking at saved sessions."""

from __future__ import annotations

import json

import click

from interviewer.cli import cli
from interviewer.cli.hints import printable
from interviewer.cli.options import (
    brain_option,
    make_brains,
    resolve_sessions_dir,
    sessions_dir_option,
)
from interviewer.errors import UserError
from interviewer.report.derived import replay_text, write_derived
from interviewer.session.state import SessionState, load_state
from interviewer.session.store import find_session, list_sessions
from interviewer.session.summary import session_overall, status


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@sessions_dir_option
def sessions(as_json: bool, sessions_dir) -> None:
    """List saved sessions, oldest first."""
    root = resolve_sessions_dir(sessions_dir)
    rows = []
    for store in list_sessions(root):
        try:
            state = load_state(store)
        except UserError as exc:
            click.echo(f"warning: {exc}", err=True)  # one unreadable folder hides no others
            continue
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
    click.echo(session_table(rows))


def session_table(rows: list[dict]) -> str:
    """The sessions as aligned columns under a header (ids and labels vary in length)."""
    table = [("SESSION", "STAGE", "OVERALL", "STATUS")]
    for row in rows:
        overall = "-" if row["overall"] is None else f"{row['overall']}/100"
        decision = f", {row['decision']}" if row["decision"] else ""
        table.append((printable(row["id"]), row["stage"], overall, f"{row['status']}{decision}"))
    widths = [max(len(line[col]) for line in table) for col in range(3)]
    return "\n".join(
        f"{sid:<{widths[0]}}  {stage:<{widths[1]}}  {overall:>{widths[2]}}  {state}"
        for sid, stage, overall, state in table
    )


@cli.command()
@click.argument("session")
@click.option(
    "--no-audio",
    is_flag=True,
    help="Print the session instead of playing it. Playing: space/p pauses, n/s skips a turn, "
    "q quits.",
)
@click.option(
    "--from", "start", type=int, default=1, show_default=True, help="Start at this turn number."
)
@click.option(
    "--rescore",
    is_flag=True,
    help="Score the session again as a new revision; the original scores are kept.",
)
@brain_option
@sessions_dir_option
def replay(session: str, no_audio: bool, start: int, rescore: bool, brain, sessions_dir) -> None:
    """Go through a saved session turn by turn with its scores."""
    store = find_session(session, resolve_sessions_dir(sessions_dir))
    if rescore:
        from interviewer.session.rescoring import rescore as rescore_session
        from interviewer.session.rescoring import revision_summary

        chosen, fallback = make_brains(brain or load_state(store).started.brain)
        revision = rescore_session(store, chosen, fallback)
        write_derived(store, load_state(store))
        summary = revision_summary(store.read(), revision, chosen.name)
        click.echo(f"{summary}; earlier revisions stay in the session log.")
    state = load_state(store)
    _check_start(state, start)
    if no_audio:
        click.echo(replay_text(state, store, start))
        return
    from interviewer.replay import play_session  # lazy: loads the audio stack only to play

    play_session(state, store, start)


def _check_start(state: SessionState, start: int) -> None:
    """`--from` past the last turn would replay nothing: say how many turns there are."""
    turns = [t.asked.turn for t in state.turns]
    if turns and not min(turns) <= start <= max(turns):
        raise UserError(
            f"this session has {len(turns)} turn{'s' if len(turns) != 1 else ''} "
            f"(numbered {min(turns)} to {max(turns)}); give --from a number in that range"
        )
