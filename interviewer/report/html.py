"""`report --html`: the session as one self-contained page with charts and audio players."""

from __future__ import annotations

from pathlib import Path

from interviewer import __version__
from interviewer.report.audio import AudioLinker
from interviewer.report.charts import delivery_chart, values_chart
from interviewer.report.environment import render
from interviewer.report.output import write_page
from interviewer.report.view import build_view
from interviewer.rubric.content import default_content
from interviewer.rubric.delivery import NO_DELIVERY_DATA, RELIABILITY_NOTE
from interviewer.session.state import SessionState
from interviewer.session.store import SessionStore, write_private

DEFAULT_NAME = "report.html"


def render_html(
    state: SessionState, store: SessionStore, report_dir: Path, embed_audio: bool = False
) -> str:
    """The page for a report that will live in `report_dir` (audio links are relative to it)."""
    linker = AudioLinker(store.folder, report_dir, embed=embed_audio)
    view = build_view(state, store, linker)
    return render(
        "report.html.j2",
        v=view,
        values_svg=values_chart(view.coverage),
        delivery_svg=None if view.no_delivery_data else delivery_chart(view.delivery),
        delivery_note=RELIABILITY_NOTE,
        no_delivery_data=NO_DELIVERY_DATA,
        keeper=default_content().keeper,
        portable=linker.portable or not view.has_audio,
        version=__version__,
    )


def write_html(
    state: SessionState,
    store: SessionStore,
    path: Path | None = None,
    embed_audio: bool = False,
    force: bool = False,
) -> Path:
    """Write the page owner-only (default: report.html in the session folder); return its path.

    Another existing file at `path` is replaced only with `force` (see report/output.py).
    """
    target = Path(path) if path else store.folder / DEFAULT_NAME
    if target.is_dir() and not target.is_symlink():
        target = target / DEFAULT_NAME
    own = target.parent.resolve() == store.folder.resolve()
    page = render_html(state, store, target.parent, embed_audio)
    if own:
        write_private(target, page)  # the session's own page: always rewritten, never followed
        return target
    return write_page(target, page, force=force)
