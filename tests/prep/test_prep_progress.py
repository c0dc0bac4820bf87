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
