"""Progress as a standalone HTML page: the terminal's tables plus charts as inline SVG.

matplotlib is imported only here and only when a chart is drawn, so the rest of the tool never
pays for it; without it the page is still written, with a note where the charts would be.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

from interviewer import __version__
from interviewer.prep.metrics import Series
from interviewer.prep.progress import Progress
from interviewer.prep.progress_text import GROUPS, fmt, latest_cell, still_catching, trend_cell

INSTALL_HINT = "pip install matplotlib"
# Phones: the charts scale to the screen and wide tables scroll inside their own box.
_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
svg { max-width: 100%; height: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 1rem; }
.charts figure { margin: 0; min-width: 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
th small { display: block; font-weight: normal; color: #555; white-space: nowrap; }
th.session small.what { white-space: normal; min-width: 4.5rem; }
th { white-space: nowrap; vertical-align: bottom; }
th, td { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; position: sticky; left: 0; background: #fff;
       white-space: normal; min-width: 8rem; }
.better { color: #1a7f37; } .worse { color: #b42318; }
.note { background: #fff8e1; padding: .5rem 1rem; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; }
  .charts { grid-template-columns: 1fr; }
  th, td { padding: .2rem .25rem; font-size: .85rem; }
  th:first-child, td:first-child { min-width: 5.5rem; max-width: 6.5rem; }
}
"""


SECTIONS = (("loop", "Full loops"), ("practice", "Single-stage practices"))


class ChartUnavailable(Exception):
    """matplotlib is not installed."""


def progress_html(progress: Progress, root: Path) -> tuple[str, str | None]:
    """The page, and a warning when the charts could not be drawn."""
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        # The mark `progress --html` looks for before replacing a file without --force.
        f'<meta name="generator" content="interviewer {__version__}">',
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
            figures = "".join(f"<figure>{svg}</figure>" for svg in chart_svgs(part))
            parts.append(f"<div class='charts'>{figures}</div>")
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
        f"<th class='session'>#{n}<small>{p.started_at:%m-%d %H:%M}</small>"
        f"<small class='what'>{html.escape(p.title)}</small></th>"
        for n, p in enumerate(progress.sessions, start=1)
    )
    out = [f"<div class='scroll'><table><tr><th></th><th>first</th><th>latest</th>"
           f"<th>trend</th>{dates}</tr>"]
    for series in rows:
        cells = "".join(f"<td>{fmt(series, p)}</td>" for p in series.points)
        out.append(
            f"<tr><td>{html.escape(series.metric.label)}</td><td>{fmt(series, series.first)}</td>"
            f"<td>{latest_cell(series)}</td>"
            f"<td class='{series.trend}'>{trend_cell(series)}</td>{cells}</tr>"
        )
    out.append("</table></div>")
    return "\n".join(out)


# Series that share a chart get their own marker and a small sideways offset, so two series with
# equal values stay visible instead of one hiding the other.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")
SPREAD = 0.24


def chart_svgs(progress: Progress) -> list[str]:
    """Four charts, each its own inline SVG so a phone can stack them full width: overall,
    values, probes needed, fillers."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ChartUnavailable(str(exc)) from None
    xs = list(range(1, len(progress.sessions) + 1))
    labels = [f"{i} ({p.started_at:%m-%d} {p.title})"
              for i, p in enumerate(progress.sessions, start=1)]
    charts = [
        lambda ax: _lines(ax, xs, labels, [progress.get("overall")], "Overall score", (-3, 103)),
        lambda ax: _values(ax, progress, labels),
        lambda ax: _lines(ax, xs, labels, progress.group("caught"), "Probes needed (%)",
                          (-3, 103)),
        lambda ax: _lines(ax, xs, labels, [progress.get("fillers_per_100")],
                          "Fillers per 100 words", (0, None)),
    ]
    svgs = []
    # Figure (not pyplot) needs no GUI backend; a fixed hash salt keeps the SVG reproducible.
    with matplotlib.rc_context({"svg.hashsalt": "interviewer", "svg.fonttype": "none"}):
        for draw in charts:
            figure = Figure(figsize=(5.5, 4.2), layout="constrained")
            draw(figure.subplots())
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
            svg = buffer.getvalue()
            svgs.append(svg[svg.index("<svg") :])  # no XML prolog, so it can sit inside HTML
    return svgs


def _lines(ax, xs, labels, series_list, title, ylim) -> None:
    shown = [s for s in series_list if s is not None and s.measured]
    for n, series in enumerate(shown):
        scale = 100 if series.metric.percent else 1
        offset = (n - (len(shown) - 1) / 2) * SPREAD / max(1, len(shown) - 1) if len(shown) > 1 \
            else 0.0
        points = [(x + offset, p * scale)
                  for x, p in zip(xs, series.points, strict=True) if p is not None]
        ax.plot(*zip(*points, strict=True), marker=MARKERS[n % len(MARKERS)], markersize=5,
                label=series.metric.label, alpha=0.85)
    ax.set_title(title)
    ax.set_xticks(xs, labels, rotation=45, ha="right", fontsize=8)
    ax.set_xlim(0.5, len(xs) + 0.5)
    if ylim:
        ax.set_ylim(bottom=ylim[0], top=ylim[1])
    if len(shown) > 1:
        # Below the whole chart, outside the plot, so it never covers a point.
        ax.figure.legend(fontsize=7, loc="outside lower center", ncol=2, frameon=False)


def _values(ax, progress: Progress, labels: list[str]) -> None:
    """Values x sessions as a grid: darker is stronger evidence, blank is not heard."""
    rows = progress.group("values")
    ax.set_title("Value evidence (1-5)")
    if not rows:
        ax.set_axis_off()
        return
    grid = [[p if p is not None else float("nan") for p in s.points] for s in rows]
    ax.imshow(grid, vmin=1, vmax=5, cmap="Greens", aspect="auto")
    ax.set_yticks(range(len(rows)), [s.metric.label for s in rows], fontsize=8)
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
