"""What the reports say, without a browser: quotes marked, Markdown parity, text sessions, files."""

from __future__ import annotations

import re
import stat

import pytest
from click.testing import CliRunner

import interviewer.cli.report  # noqa: F401  (registers `report` on the CLI group)
from interviewer.cli import cli
from interviewer.report.highlight import Segment, highlight
from interviewer.report.html import render_html
from interviewer.report.markdown import render_markdown
from interviewer.session.state import build_state
from tests.report.sessions import give_voice, scripted_session


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    root = tmp_path_factory.mktemp("loop")
    store, _ = give_voice(scripted_session(root, "loop", "--cold-start"), root / "s" / "loop")
    return store, build_state(store.read())


def test_quotes_are_found_despite_case_and_spacing_and_overlaps_carry_both_labels():
    text = "We shipped.  I Decided to roll back\nthe release. It worked."
    segments = highlight(text, [("i decided to roll back the release.", "Judgment 4/5"),
                                ("roll back", "Courage 3/5"), ("not in the text", "Impact")])
    assert "".join(s.text for s in segments) == text
    marked = [(s.text, s.labels) for s in segments if s.marked]
    assert marked == [("I Decided to ", ("Judgment 4/5",)),
                      ("roll back", ("Judgment 4/5", "Courage 3/5")),
                      ("\nthe release.", ("Judgment 4/5",))]
    assert highlight("plain", []) == [Segment("plain")]


def test_markdown_carries_the_page_content_without_charts_or_audio(loop):
    store, state = loop
    markdown = render_markdown(state, store)
    for turn in state.turns:
        assert f"### Turn {turn.asked.turn} (" in markdown
        assert turn.asked.text in markdown
    decision = state.decision.decision
    assert f"## Decision: {decision.outcome}" in markdown and f"Rule: {decision.rule}" in markdown
    for interview in state.interviews:
        assert interview.vote.vote.interviewer in markdown
    assert markdown.count("insufficient evidence") >= 1
    assert "| Turn | Interview | Words a minute |" in markdown  # delivery, as a table
    assert "only as good as the transcriber" in markdown  # and how far it can be trusted
    assert "<svg" not in markdown and "audio/" not in markdown
    assert "\n\n\n" not in markdown
    # The same evidence is marked in both: bold in Markdown, <mark> on the page.
    page = render_html(state, store, store.folder)
    for quote in {q for t in state.turns if t.latest_score for v in t.latest_score.values
                  for q in v.quotes}:
        assert f"**{quote}**" in markdown
        assert "<mark" in page and quote in page


def test_page_is_self_contained(loop):
    store, state = loop
    page = render_html(state, store, store.folder)
    assert '<meta name="viewport"' in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from the network
    assert "<script" not in page and "<link" not in page
    assert page.count("<svg") == 2
    assert 'id="delivery-reliability"' in page


def test_text_session_report_has_no_players_and_a_fillers_only_delivery_chart(tmp_path):
    store = scripted_session(tmp_path, "practice", "--stage", "manager", "--seed", "1")
    state = build_state(store.read())
    page = render_html(state, store, store.folder)
    assert "<audio" not in page
    assert "only fillers are shown" in page
    assert "delivery-reliability" not in page  # the note is about spoken answers
    assert len(re.findall(r'data-turn="\d+"', page)) == len(state.turns)


def test_report_command_writes_private_files(tmp_path):
    store = scripted_session(tmp_path, "practice", "--stage", "recruiter", "--seed", "3")
    (store.folder / "report.md").unlink()
    runner = CliRunner()
    result = runner.invoke(cli, ["report", store.session_id, "--sessions-dir",
                                 str(store.folder.parent)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((store.folder / "report.md").stat().st_mode) == 0o600
    result = runner.invoke(cli, ["report", str(store.folder), "--embed-audio"])
    assert result.exit_code != 0 and "--html" in result.output
    result = runner.invoke(cli, ["report", str(store.folder), "--html", f"{tmp_path}/out/"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((tmp_path / "out" / "report.html").stat().st_mode) == 0o600


def test_typed_answers_without_fillers_say_there_is_no_delivery_data(tmp_path):
    # QA 2026-12-02: a typed session's filler chart was all zeros, with nothing visible on it.
    from interviewer.report.markdown import render_markdown
    from interviewer.rubric.delivery import NO_DELIVERY_DATA
    from interviewer.session.store import list_sessions
    from tests.support import STRONG_STORY, run_cli, write_answers

    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 8)
    sessions = tmp_path / "typed"
    run_cli("practice", "--stage", "manager", "--answers", str(answers), "--sessions-dir",
            str(sessions), check=True)
    (store,) = list_sessions(sessions)
    state = build_state(store.read())
    page = render_html(state, store, store.folder)
    assert 'id="delivery-chart"' not in page and page.count("<svg") == 1  # the values chart
    assert 'id="no-delivery-data"' in page and NO_DELIVERY_DATA in page
    markdown = render_markdown(state, store)
    assert NO_DELIVERY_DATA in markdown and "| Fillers per 100 words |" not in markdown
