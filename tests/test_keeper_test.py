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
from tests.support import STRONG_STORIES, STRONG_STORY, run_cli, write_answers


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


HEDGED = ("I think maybe it depends, I'm not sure. It could go either way and I would probably "
          "look at both sides, I guess, before deciding anything about it with the team.")


def _offline_vote(stage: str, answers: list[str]) -> Vote:
    from interviewer.brains.base import AnswerContext, TurnView
    from interviewer.rubric.planning import plan_practice
    from interviewer.rubric.scoring import score_answer
    from interviewer.rubric.voting import vote

    content = default_content()
    (plan,) = plan_practice(content, stage, 1)
    questions = plan.questions[:len(answers)]
    views = [TurnView(turn=i + 1, kind="question", asked=q.text, answer=a,
                      score=score_answer(AnswerContext(stage=stage, question=q, asked=q.text,
                                                       answer=a), content))
             for i, (q, a) in enumerate(zip(questions, answers, strict=True))]
    return vote(plan.model_copy(update={"questions": questions}), views, content)


def test_the_keeper_answer_follows_the_vote_band_and_names_the_evidence():
    # QA 2026-12-02: a 56/100 recruiter vote said "they showed clear judgment" while its reasons
    # said "hedged when asked for a position".
    answers = default_content().keeper.answers
    seen = set()
    for chosen in (STRONG_STORIES, [*STRONG_STORIES[:2], HEDGED],
                   [STRONG_STORY, HEDGED, HEDGED], [HEDGED] * 3):
        cast = _offline_vote("recruiter", chosen)
        seen.add(cast.vote)
        band = answers.for_vote(cast.vote)
        assert cast.keeper_reason.startswith(band.split("{")[0])
        assert "clear judgment" not in cast.keeper_reason
        if any("hedged" in r for r in cast.reasons) and cast.vote != "strong yes":
            assert "hedged (on \"" in cast.keeper_reason  # the weakness the reasons name
        if cast.vote != "strong no":
            assert "named the principle behind the decision (on \"" in cast.keeper_reason
    assert seen == {"strong yes", "yes", "no", "strong no"}
