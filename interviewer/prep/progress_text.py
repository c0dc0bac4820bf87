"""Progress as a compact terminal table: first, latest, trend and the recent history per metric."""

from __future__ import annotations

from pathlib import Path

from interviewer.prep.metrics import Series
from interviewer.prep.progress import Progress

HISTORY = 8  # sessions shown in the history column
GROUPS = (
    ("overall", "Overall (0-100)"),
    ("values", "Values (best evidence 1-5, - = not heard)"),
    ("unprompted", "Without being asked (share of main answers)"),
    ("caught", "Probes that still catch you out (share of questions that needed them)"),
    ("delivery", "Delivery"),
)
FIRST_RUN = """\
No scored practice sessions in {root} yet, so there is no progress to show.
Run your first mock; every session after it becomes a point here:
  interviewer practice --stage manager --text
Then build the story bank it will probe: interviewer stories add"""


def fmt(series: Series, value: float | None) -> str:
    """A figure the way the table shows it."""
    if value is None:
        return "-"
    if series.metric.percent:
        return f"{round(value * 100)}%"
    if series.metric.group in ("overall", "values") or series.metric.key == "words_per_minute":
        return f"{value:.0f}"
    return f"{value:g}"


def latest_cell(series: Series) -> str:
    """The latest figure, or '-' when only one session measured it (it is the first too)."""
    return fmt(series, series.latest) if len(series.measured) > 1 else "-"


def trend_cell(series: Series) -> str:
    """The trend, or '1 session' when there is a single measurement to go on."""
    return "1 session" if len(series.measured) == 1 else series.trend


def progress_table(progress: Progress, root: Path) -> str:
    """The whole table, or a first-run hint when there is nothing yet."""
    if not progress.sessions:
        return FIRST_RUN.format(root=root)
    first, last = progress.sessions[0], progress.sessions[-1]
    count = len(progress.sessions)
    lines = [
        f"Progress over {count} session{'s' if count != 1 else ''}: "
        f"{first.started_at:%Y-%m-%d} to {last.started_at:%Y-%m-%d} (from {root})",
    ]
    unfinished = sum(not p.finished for p in progress.sessions)
    roles = sorted({p.role for p in progress.sessions})
    if len(roles) > 1:
        lines.append(f"Roles practised: {', '.join(roles)} (the page labels each session).")
    if unfinished:
        lines.append(f"{unfinished} of them unfinished (answers ran out or stopped early): "
                     "their figures cover only what was answered.")
    width = max(len(s.metric.label) for s in progress.series) + 2
    lines.append(f"  {'':<{width}}{'first':>6}{'latest':>8}  {'trend':<10}history (oldest first)")
    for group, title in GROUPS:
        rows = progress.group(group)
        if group == "delivery":
            rows = [s for s in rows if s.measured]  # text-only sessions have no pace or pauses
        if not rows:
            continue
        lines += ["", title]
        for series in rows:
            recent = series.points[-HISTORY:]
            history = " ".join(fmt(series, p) for p in recent)
            lines.append(
                f"  {series.metric.label:<{width}}{fmt(series, series.first):>6}"
                f"{latest_cell(series):>8}  {trend_cell(series):<10}{history}"
            )
    lines += ["", *still_catching(progress)]
    return "\n".join(lines)


def still_catching(progress: Progress) -> list[str]:
    """One sentence on the probes that needed asking in the latest session, worst first."""
    caught = [s for s in progress.group("caught") if s.points[-1]]
    if not caught:
        return ["The latest session needed none of the probes above: keep it up."]
    caught.sort(key=lambda s: -(s.points[-1] or 0))
    parts = [f"{s.metric.label} ({fmt(s, s.points[-1])})" for s in caught[:3]]
    return [
        "Still catching you out in the latest session: " + "; ".join(parts) + ".",
        "Get a plan that drills them: interviewer plan --weeks 4",
    ]
