"""Progress across generated sessions: trends, probes that still catch out, text/JSON/HTML."""

from __future__ import annotations

import sys

from interviewer.prep.progress import load_progress
from interviewer.prep.progress_html import progress_html
from interviewer.prep.progress_text import progress_table


def test_points_are_in_session_order_with_trends(improving_sessions):
    progress = load_progress(improving_sessions)
    assert len(progress.sessions) == 4
    overall = progress.get("overall")
    assert overall.points[0] < overall.points[-1] and overall.trend == "better"
    # The weak answers hedge ("it really depends", "either way"), so they are first asked where
    # the candidate stands; the strong ones are not.
    hedging = progress.get("caught:hedging")
    assert hedging is not None
    assert hedging.points[0] == 1.0 and hedging.latest < 1.0
    assert hedging.trend == "better"
    assert progress.get("named_principle").latest > progress.get("named_principle").first
    fillers = progress.get("fillers_per_100")
    assert fillers.first > fillers.latest and fillers.trend == "better"
    assert progress.get("words_per_minute").measured == []  # typed answers have no pace


def test_table_names_first_latest_trend_and_what_still_catches(improving_sessions):
    text = progress_table(load_progress(improving_sessions), improving_sessions)
    assert "Progress over 4 sessions" in text
    assert "no principle until asked" in text
    assert "better" in text
    assert "words per minute" not in text  # no voice sessions, so no empty pace row


def test_first_run_says_how_to_start(tmp_path):
    text = progress_table(load_progress(tmp_path / "none"), tmp_path / "none")
    assert "interviewer practice --stage manager" in text
    page, warning = progress_html(load_progress(tmp_path / "none"), tmp_path / "none")
    assert "interviewer practice" in page and warning is None


def test_html_has_an_inline_svg_chart(improving_sessions):
    page, warning = progress_html(load_progress(improving_sessions), improving_sessions)
    assert warning is None
    assert "<svg" in page and "<?xml" not in page
    assert "no principle until asked" in page


def test_html_without_matplotlib_still_has_the_tables(improving_sessions, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    page, warning = progress_html(load_progress(improving_sessions), improving_sessions)
    assert "matplotlib" in warning
    assert "<svg" not in page and "<table>" in page


def _progress(points, series):
    from interviewer.prep.progress import Progress

    return Progress(sessions=points, series=series)


def _point(n, role="engineer", finished=True, label="manager"):
    from datetime import datetime, timezone

    from interviewer.prep.progress import SessionPoint

    return SessionPoint(session_id=f"s{n}", started_at=datetime(2026, 1, n, tzinfo=timezone.utc),
                        label=label, answered=3, role=role, finished=finished)


def test_a_value_heard_once_says_one_session_not_first_and_latest():
    from interviewer.prep.metrics import Series, value_metric
    from interviewer.prep.progress_text import latest_cell, trend_cell

    once = Series(value_metric("Courage"), [None, None, 3.0])
    twice = Series(value_metric("Courage"), [2.0, None, 3.0])
    assert (latest_cell(once), trend_cell(once)) == ("-", "1 session")
    assert (latest_cell(twice), trend_cell(twice)) == ("3", twice.trend)
    page, _ = progress_html(_progress([_point(1), _point(2), _point(3)], [once]), "x")
    row = page.split("<td>Courage</td>")[1].split("</tr>")[0]
    assert "<td>3</td><td>-</td>" in row and "1 session" in row


def test_sessions_are_labelled_with_role_and_unfinished_ones_are_marked():
    from interviewer.prep.metrics import OVERALL, Series

    points = [_point(1), _point(2, role="product"), _point(3, role="design", finished=False)]
    overall = Series(OVERALL, [50.0, 60.0, 40.0])
    page, _ = progress_html(_progress(points, [overall]), "x")
    assert "manager, engineer</small>" in page and "manager, product</small>" in page
    assert "manager, design, unfinished</small>" in page
    text = progress_table(_progress(points, [overall]), "x")
    assert "Roles practised: design, engineer, product" in text and "1 of them unfinished" in text


def test_the_defend_probe_is_named_in_the_roles_words():
    from interviewer.prep.metrics import caught_metric

    assert caught_metric("defend_decision", {"engineer"}).label == "asked to defend a design choice"
    assert "product call" in caught_metric("defend_decision", {"product"}).label
    assert "design choice" not in caught_metric("defend_decision", {"design"}).label
    assert "design" not in caught_metric("defend_decision", {"product", "engineer"}).label


def test_equal_series_stay_visible_and_the_legend_sits_outside_the_plot():
    from matplotlib.figure import Figure

    from interviewer.prep.metrics import Series, caught_metric
    from interviewer.prep.progress_html import _lines

    same = [0.5, 0.5, 0.5]
    series = [Series(caught_metric("no_outcome"), same), Series(caught_metric("hedging"), same)]
    figure = Figure()
    ax = figure.subplots()
    _lines(ax, [1, 2, 3], ["1", "2", "3"], series, "Probes", (0, 100))
    first, second = ax.get_lines()
    assert list(first.get_xdata()) != list(second.get_xdata())
    assert first.get_marker() != second.get_marker()
    assert ax.get_legend() is None and figure.legends, "the legend is the figure's, not the plot's"
