"""The report's "What to work on": the gaps the interviewers had to probe, where, and the drill."""

from __future__ import annotations

import json
import re

import pytest

from interviewer.prep.plan_content import default_plan_content
from interviewer.report.html import render_html
from interviewer.report.markdown import render_markdown
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.report.browser import Browser
from tests.support import run_cli, write_answers

# A clean story with no principle, no hindsight and no outcome: the manager probes each in turn.
BARE_STORY = (
    "Our deploys took two days because every change needed a manual sign-off from the release "
    "team. I wrote a script that checked the change against the rollout rules and posted the "
    "result in the release channel, and I ran it on my team's changes for a month."
)
DECLINED = "I'd rather not answer that one."


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    root = tmp_path_factory.mktemp("work-on")
    answers = write_answers(root / "answers.txt", [DECLINED] + [BARE_STORY] * 30)
    result = run_cli("practice", "--stage", "manager", "--seed", "3", "--answers", str(answers),
                     "--sessions-dir", str(root / "s"), timeout=120, check=True)
    (store,) = list_sessions(root / "s")
    return store, build_state(store.read()), result.stdout


def _probed(state) -> dict[str, list[int]]:
    """Per gap, the follow-up turns that asked for it, read straight from the log."""
    probed: dict[str, list[int]] = {}
    for turn in state.turns:
        if turn.asked.kind == "follow_up" and turn.asked.gap not in (None, "declined"):
            probed.setdefault(turn.asked.gap, []).append(turn.asked.turn)
    return probed


def test_page_opens_with_the_gaps_probed_their_turns_and_the_drill(session):
    store, state, _ = session
    probed = _probed(state)
    assert probed, "the bare story should have drawn follow-ups"
    page = render_html(state, store, store.folder)
    section = page[page.index('<section id="work-on">'):]
    section = section[: section.index("</section>")]
    assert page.index('id="work-on"') < page.index('id="values"')  # read before the details
    assert '<a href="#work-on">What to work on</a>' in page
    drills = default_plan_content().drills
    listed = re.findall(r'data-gap="(\w+)"', section)
    assert listed and set(listed) <= set(probed)
    for gap in listed:
        assert drills[gap].text in section
        for turn in probed[gap]:
            assert f'href="#turn-{turn}"' in section  # each place it came up is one click away


def test_counts_questions_not_probes_and_leaves_the_declined_one_out(session):
    store, state, _ = session
    answered = {t.asked.question_index for t in state.turns
                if t.asked.kind == "question" and t.answer.text != DECLINED}
    markdown = render_markdown(state, store)
    assert "## What to work on" in markdown
    assert f"out of {len(answered)} questions answered" in markdown
    lines = [ln for ln in markdown.splitlines() if "asked for in" in ln]
    assert lines
    for gap, turns in _probed(state).items():
        label = default_plan_content().drills[gap].label.capitalize()
        questions = {t.asked.question_index for t in state.turns if t.asked.turn in turns}
        (line,) = [ln for ln in lines if f"**{label}**" in ln]
        assert f"asked for in {len(questions)} of {len(answered)} questions" in line
    assert "`interviewer plan --weeks 2`" in markdown


def test_the_session_ends_by_saying_what_to_work_on_and_how_to_open_the_report(session):
    store, state, printed = session
    tail = printed[printed.index("Overall:"):]
    assert "What to work on" in tail
    top = default_plan_content().drills[next(iter(_probed(state)))].label.capitalize()
    assert f"1. {top} (asked for in" in tail
    assert f"interviewer report {store.session_id} --html" in tail


PHONE = """JSON.stringify({
  scale: document.querySelector('#scale').getBoundingClientRect().width,
  work: document.querySelector('#work-on').getBoundingClientRect().right,
  page: document.documentElement.scrollWidth, screen: innerWidth})"""


def test_on_a_phone_the_headline_and_the_section_use_the_screen_width(session, chromium):
    store, state, _ = session
    page = store.folder / "phone.html"
    page.write_text(render_html(state, store, store.folder), encoding="utf-8")
    with Browser(chromium) as browser:
        browser.open(page.resolve().as_uri(), 390, 844, True)
        seen = json.loads(browser.evaluate(PHONE))
    assert seen["page"] <= seen["screen"] and seen["work"] <= seen["screen"]
    # The score scale wraps under the score rather than squeezing into a column beside it.
    assert seen["scale"] >= 0.8 * seen["screen"], seen
