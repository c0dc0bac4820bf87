"""Progress as a standalone HTML page: the terminal's tables plus charts as inline SVG.

matplotlib is imported only here and only when a chart is drawn, so the rest of the tool never
pays for it; without it the page is still written, with a note where the charts would be.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

from interviewer.prep.progress import Progress, Series
from interviewer.prep.progress_text import GROUPS, fmt, still_catching

INSTALL_HINT = "pip install matplotlib"
# Phones: the charts scale to the screen and wide tables scroll inside their own box.
_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
svg { max-width: 100%; height: auto; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th small { display: block; font-weight: normal; color: #555; }
th { white-space: nowrap; }
th, td { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.better { color: #1a7f37; } .worse { color: #b42318; }
.note { background: #fff8e1; padding: .5rem 1rem; }
"""


SECTIONS = (("loop", "Full loops"), ("practice", "Single-stage practices"))


class ChartUnavailable(Exception):
    """matplotlib is not installed."""


def progress_html(progress: Progress, root: Path) -> tuple[str, str | None]:
    """The page, and a warning when the charts could not be drawn."""
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<title>Interview practice progress</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Interview practice progress</h1>",
    ]
    warning = None
    if not progress.sessions:
        parts.append(
            f"<p>No scored practice sessions in {html.escape(str(root))} yet. Run your first "
            "mock: <code>interviewer practice --stage manager --text</code></p>"
        )
        return "\n".join([*parts, "</body></html>"]), None
    for mode, heading in SECTIONS:
        part = progress.only(mode)
        if not part.sessions:
            continue
        parts.append(f"<section class='{mode}'><h2>{heading} ({len(part.sessions)})</h2>")
        try:
            parts.append(chart_svg(part))
        except ChartUnavailable:
            warning = f"the charts need matplotlib ({INSTALL_HINT}); the page has the tables only"
            parts.append(
                f"<p class='note'>Charts need matplotlib: <code>{INSTALL_HINT}</code></p>"
            )
        parts.append(f"<p>{html.escape(' '.join(still_catching(part)[:1]))}</p>")
        for group, title in GROUPS:
            rows = [s for s in part.group(group) if s.measured or group != "delivery"]
            if rows:
                parts += [f"<h3>{html.escape(title)}</h3>", _table(part, rows)]
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts), warning


def _table(progress: Progress, rows: list[Series]) -> str:
    # Number, date and time, and what was practised: two sessions on one day are told apart,
    # and the numbers match the charts' x-axis.
    dates = "".join(
        f"<th>#{n} {p.started_at:%m-%d %H:%M}<small>{html.escape(p.label)}</small></th>"
        for n, p in enumerate(progress.sessions, start=1)
    )
    out = [f"<div class='scroll'><table><tr><th></th><th>first</th><th>latest</th>"
           f"<th>trend</th>{dates}</tr>"]
    for series in rows:
        cells = "".join(f"<td>{fmt(series, p)}</td>" for p in series.points)
        out.append(
            f"<tr><td>{html.escape(series.metric.label)}</td><td>{fmt(series, series.first)}</td>"
            f"<td>{fmt(series, series.latest)}</td>"
            f"<td class='{series.trend}'>{series.trend}</td>{cells}</tr>"
        )
    out.append("</table></div>")
    return "\n".join(out)


def chart_svg(progress: Progress) -> str:
    """Four small charts in one inline SVG: overall, values, probes needed, fillers."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ChartUnavailable(str(exc)) from None
    xs = list(range(1, len(progress.sessions) + 1))
    labels = [f"{i} ({p.started_at:%m-%d} {p.label})"
              for i, p in enumerate(progress.sessions, start=1)]
    # Figure (not pyplot) needs no GUI backend; a fixed hash salt keeps the SVG reproducible.
    with matplotlib.rc_context({"svg.hashsalt": "interviewer", "svg.fonttype": "none"}):
        figure = Figure(figsize=(10, 7), layout="constrained")
        axes = figure.subplots(2, 2)
        _lines(axes[0][0], xs, labels, [progress.get("overall")], "Overall score", (-3, 103))
        _values(axes[0][1], progress, labels)
        _lines(axes[1][0], xs, labels, progress.group("caught"), "Probes needed (%)", (-3, 103))
        delivery = [progress.get("fillers_per_100")]
        _lines(axes[1][1], xs, labels, delivery, "Fillers per 100 words", (0, None))
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog so it can sit inside HTML


def _lines(ax, xs, labels, series_list, title, ylim) -> None:
    for series in series_list:
        if series is None:
            continue
        scale = 100 if series.metric.percent else 1
        points = [(x, p * scale) for x, p in zip(xs, series.points, strict=True) if p is not None]
        if points:
            ax.plot(*zip(*points, strict=True), marker="o", label=series.metric.label)
    ax.set_title(title)
    ax.set_xticks(xs, labels, rotation=45, fontsize=8)
    if ylim:
        ax.set_ylim(bottom=ylim[0], top=ylim[1])
    if len(series_list) > 1 and ax.lines:
        ax.legend(fontsize=7)


def _values(ax, progress: Progress, labels: list[str]) -> None:
    """Values x sessions as a grid: darker is stronger evidence, blank is not heard."""
    rows = progress.group("values")
    grid = [[p if p is not None else float("nan") for p in s.points] for s in rows]
    ax.imshow(grid, vmin=1, vmax=5, cmap="Greens", aspect="auto")
    ax.set_yticks(range(len(rows)), [s.metric.label for s in rows], fontsize=8)
    ax.set_xticks(range(len(labels)), labels, rotation=45, fontsize=8)
    ax.set_title("Value evidence (1-5)")
