"""The keeper test has two questions; votes carry both answers and every view shows them."""

from __future__ import annotations

import io

from interviewer.console import Console
from interviewer.report.derived import replay_text
from interviewer.report.markdown import render_markdown
from interviewer.rubric.content import default_content
from interviewer.rubric.results import Vote
from interviewer.session.events import VoteCast
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.support import STRONG_STORY, run_cli, write_answers


def _vote(**fields) -> Vote:
    return Vote(interviewer="Ana", role="staff engineer", stage="onsite", vote="yes",
                keeper=True, score=72, **fields)


def test_both_keeper_answers_in_words():
    assert _vote().keeper_summary == "would fight to keep"  # an older vote: one question
    both = _vote(hire_again=False, hire_again_reason="the story did not hold up")
    assert both.keeper_summary == "would fight to keep; would not hire again"
    assert both.keeper_short == "keeper: yes, hire again: no"
    out = io.StringIO()
    Console(out).vote(both)
    assert "would not hire again" in out.getvalue()
    assert "the story did not hold up" in out.getvalue()


def test_reports_show_the_second_question_and_its_answer(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 8)
    assert run_cli("practice", "--stage", "manager", "--answers", str(answers)).returncode == 0
    (store,) = list_sessions(sessions_dir)
    events = store.read()
    cast = next(e for e in events if isinstance(e, VoteCast))
    answered = cast.vote.model_copy(update={"hire_again": True,
                                            "hire_again_reason": "clear ownership again"})
    events.append(VoteCast(interview=cast.interview, brain="test", revision=1, vote=answered))
    state = build_state(events)
    report = render_markdown(state, store)
    keeper = default_content().keeper
    assert keeper.hire_again in report and keeper.fight.split()[0] in report
    assert "would hire again" in report and "clear ownership again" in report
    assert "hire again: yes" in replay_text(state, store)
