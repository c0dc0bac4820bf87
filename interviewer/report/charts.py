"""The report's charts, drawn with matplotlib and returned as inline SVG markup.

SVG keeps the page self-contained and sharp at any size; text stays text (`svg.fonttype: none`)
so it is small and searchable. matplotlib is imported here only, when a report is rendered.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

# Conversational speech runs ~110-160 words per minute; typical speech has ~6 fillers per 100 words.
CONVERSATIONAL_WPM = (110, 160)
TYPICAL_FILLERS_PER_100 = 6

_SCORED = "#2a7f62"
_INSUFFICIENT = "#b8b8b8"
_ACCENT = "#b20710"
_STYLE = {
    "svg.fonttype": "none",
    "font.size": 11,
    "font.family": "sans-serif",
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class DeliveryPoint:
    """How one answer was delivered; `words_per_minute` is None for typed answers (no timing).

    `interview` numbers the interview the answer belongs to; `stage` labels it on the chart.
    """

    turn: int
    interview: int
    stage: str
    words_per_minute: float | None
    fillers_per_100: float
    long_pauses: int


def values_chart(coverage: dict[str, int | None]) -> str:
    """Best evidence (1-5) per value; values without evidence get a hatched grey bar and a label."""
    import matplotlib

    with matplotlib.rc_context({**_STYLE, "svg.hashsalt": "values"}):
        from matplotlib.figure import Figure

        names = list(coverage)
        fig = Figure(figsize=(7, 0.42 * len(names) + 1.0), layout="constrained")
        ax = fig.add_subplot()
        rows = range(len(names))
        for row, name in zip(rows, names, strict=True):
            best = coverage[name]
            if best is None:
                ax.barh(row, 5, color="none", edgecolor=_INSUFFICIENT, hatch="///", linewidth=0.8)
                ax.text(0.1, row, "insufficient evidence", va="center", color="#555", fontsize=10)
            else:
                ax.barh(row, best, color=_SCORED)
                ax.text(best - 0.1, row, f"{best}/5", va="center", ha="right", color="white")
        ax.set_yticks(list(rows), names)
        ax.invert_yaxis()  # first value on top, in the rubric's order
        ax.set_xlim(0, 5)
        ax.set_xticks(range(6))
        ax.set_xlabel("best evidence heard (1-5)")
        return _svg(fig, "Evidence per value")


def delivery_chart(points: list[DeliveryPoint]) -> str | None:
    """Speaking rate, fillers per 100 words and long pauses per answer; None without answers.

    Typed answers carry no timing, so a session without any spoken answer gets the fillers panel
    only, rather than empty rate and pause panels.
    """
    if not points:
        return None
    import matplotlib

    with matplotlib.rc_context({**_STYLE, "svg.hashsalt": "delivery"}):
        from matplotlib.figure import Figure

        timed = [p for p in points if p.words_per_minute is not None]
        rows = 3 if timed else 1
        fig = Figure(figsize=(7, 2.0 * rows + 0.8), layout="constrained")
        axes = list(fig.subplots(rows, 1, sharex=True, squeeze=False)[:, 0])
        if timed:
            _rate_panel(axes[0], timed)
            _pause_panel(axes[2], timed)
        _filler_panel(axes[1] if timed else axes[0], points)
        axes[-1].set_xlabel("turn")
        axes[-1].xaxis.get_major_locator().set_params(integer=True)
        _stage_marks(axes, points)
        return _svg(fig, "Delivery per answer")


def _rate_panel(ax, timed: list[DeliveryPoint]) -> None:
    low, high = CONVERSATIONAL_WPM
    ax.axhspan(low, high, color=_SCORED, alpha=0.12, label=f"conversational ({low}-{high})")
    ax.plot([p.turn for p in timed], [p.words_per_minute for p in timed], "o-", color=_SCORED)
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    ax.set_ylabel("words / min")


def _filler_panel(ax, points: list[DeliveryPoint]) -> None:
    ax.bar([p.turn for p in points], [p.fillers_per_100 for p in points], color=_ACCENT, width=0.7)
    ax.axhline(TYPICAL_FILLERS_PER_100, color="#555", linestyle=":", linewidth=1)
    ax.text(
        0.99,
        TYPICAL_FILLERS_PER_100,
        "typical",
        transform=ax.get_yaxis_transform(),
        ha="right",
        va="bottom",
        color="#555",
        fontsize=9,
    )
    # Room above the typical line, so its label is never cut off at the top of the panel.
    highest = max((p.fillers_per_100 for p in points), default=0.0)
    ax.set_ylim(0, max(highest, TYPICAL_FILLERS_PER_100) * 1.25)
    ax.set_ylabel("fillers / 100 words")


def _pause_panel(ax, timed: list[DeliveryPoint]) -> None:
    ax.bar([p.turn for p in timed], [p.long_pauses for p in timed], color="#444", width=0.7)
    ax.yaxis.get_major_locator().set_params(integer=True)
    # A count starts at 0; with no long pauses at all the axis still runs 0-1, not -0.04..0.04.
    ax.set_ylim(0, max(1, max(p.long_pauses for p in timed)) * 1.1)
    ax.set_ylabel("long pauses")


def _stage_marks(axes: list, points: list[DeliveryPoint]) -> None:
    """Dotted lines where one interview gives way to the next, labelled on the top panel."""
    starts = [p for i, p in enumerate(points) if i == 0 or p.interview != points[i - 1].interview]
    if len(starts) < 2:
        return
    for p in starts:
        for ax in axes:
            ax.axvline(p.turn - 0.5, color="#999", linestyle=":", linewidth=0.8)
        axes[0].text(
            p.turn - 0.4,
            1.0,
            p.stage,
            transform=axes[0].get_xaxis_transform(),
            va="bottom",
            fontsize=8,
            color="#555",
            rotation=30,
        )


def _svg(fig, title: str) -> str:
    """The figure as SVG markup ready to inline: no XML prolog, scalable, labelled."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    markup = buffer.getvalue()
    markup = markup[markup.index("<svg") :]
    # Dropping the fixed size (the viewBox stays) lets CSS scale the chart to the screen.
    markup = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", markup, count=1)
    return markup.replace("<svg", f'<svg role="img" aria-label="{title}"', 1)
