"""report.md: the Markdown report, the same content as the HTML page minus charts and audio."""

from __future__ import annotations

from pathlib import Path

from interviewer.report.environment import render
from interviewer.report.view import build_view
from interviewer.rubric.content import default_content
from interviewer.rubric.delivery import NO_DELIVERY_DATA, RELIABILITY_NOTE
from interviewer.session.state import SessionState
from interviewer.session.store import SessionStore, write_private

DEFAULT_NAME = "report.md"


def render_markdown(state: SessionState, store: SessionStore) -> str:
    """The Markdown report of a session."""
    text = render("report.md.j2", v=build_view(state, store),
                  keeper=default_content().keeper, delivery_note=RELIABILITY_NOTE,
                  no_delivery_data=NO_DELIVERY_DATA)
    # Template blocks leave runs of blank lines; Markdown needs at most one.
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n"


def write_markdown(state: SessionState, store: SessionStore, path: Path | None = None) -> Path:
    """Write report.md (owner-only) into the session folder, or to `path`; return where."""
    target = Path(path) if path else store.folder / DEFAULT_NAME
    write_private(target, render_markdown(state, store))
    return target
