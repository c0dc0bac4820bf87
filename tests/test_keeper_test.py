"""The keeper test has two questions; votes carry both answers and every view shows them.

The offline vote answered only the first. Now it answers "knowing everything I know today, would
I hire them again?" too (rubric/keeper_answers.py): never beside a no, and not beside a yes when
the interview showed something against the candidate (a red flag, a question failed).
"""

from __future__ import annotations

import io
import shutil

import pytest

from interviewer.console import Console
from interviewer.errors import ContentError
from interviewer.paths import prompts_dir
from interviewer.report.derived import replay_text
from interviewer.report.markdown import render_markdown
from interviewer.rubric.content import default_content, load_content
from interviewer.rubric.results import Vote
from interviewer.session.events import VoteCast
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.rubric.retold_stories import RETOLD_STRONG_STORY
from tests.rubric.screen_answers import (
    CHANGE,
    DECLINED,
    PAY_RESEARCHED,
    RULE,
    TURN_DOWN_WITH_MENTOR,
    offline_vote,
)
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


def test_the_keeper_answer_follows_the_vote_band_and_names_the_evidence():
    # QA 2026-12-02: a 56/100 recruiter vote said "they showed clear judgment" while its reasons
    # said "hedged when asked for a position".
    answers = default_content().keeper.answers
    seen = set()
    for chosen in (STRONG_STORIES, [*STRONG_STORIES[:2], HEDGED],
                   [STRONG_STORY, HEDGED, HEDGED], [HEDGED] * 3):
        cast = offline_vote("recruiter", chosen)
        seen.add(cast.vote)
        band = answers.for_vote(cast.vote)
        assert cast.keeper_reason.startswith(band.split("{")[0])
        assert "clear judgment" not in cast.keeper_reason
        if any("hedged" in r for r in cast.reasons) and cast.vote != "strong yes":
            assert "hedged (on \"" in cast.keeper_reason  # the weakness the reasons name
        if cast.vote != "strong no":
            assert "named the principle behind the decision (on \"" in cast.keeper_reason
    assert seen == {"strong yes", "yes", "no", "strong no"}


@pytest.mark.parametrize("stage, answers, voted, again", [
    ("recruiter", STRONG_STORIES, "strong yes", True),
    # HEDGED is a question failed (25/100): a yes that would not hire again.
    ("recruiter", [*STRONG_STORIES[:2], HEDGED], "yes", False),
    ("recruiter", [STRONG_STORY, HEDGED, HEDGED], "no", False),
    ("recruiter", [HEDGED] * 3, "strong no", False),
    ("manager", [""] * 3, "strong no", False),
], ids=["strong-yes", "yes-failed", "no", "strong-no", "unanswered"])
def test_the_second_keeper_answer_never_hires_beside_a_no(stage, answers, voted, again):
    texts = default_content().keeper.hire_again_answers
    cast = offline_vote(stage, answers)
    assert (cast.vote, cast.hire_again) == (voted, again)
    if voted in ("no", "strong no"):
        assert cast.hire_again_reason == texts.no
    elif again:
        assert cast.hire_again_reason == texts.yes
    else:
        assert cast.hire_again_reason.startswith(texts.yes_with_evidence_against.split("{")[0])
        assert "hedged (on \"" in cast.hire_again_reason


def test_a_yes_with_a_red_flag_would_fight_to_keep_but_not_hire_again():
    cast = offline_vote("recruiter", [CHANGE, TURN_DOWN_WITH_MENTOR, RULE, PAY_RESEARCHED])
    assert (cast.vote, cast.keeper, cast.hire_again) == ("yes", True, False)
    assert cast.keeper_summary == "would fight to keep; would not hire again"
    named = ("asks for heavy structure or mentorship (on \"What would have to be true about this "
             "team for you to...\")")
    assert cast.hire_again_reason.startswith("No: knowing what I know today")
    assert named in cast.hire_again_reason and named in cast.keeper_reason


@pytest.mark.parametrize("stage, answers", [
    ("recruiter", [CHANGE, DECLINED, RULE, PAY_RESEARCHED]),
    ("manager", [STRONG_STORY, *RETOLD_STRONG_STORY]),
], ids=["declined", "retold"])
def test_missing_evidence_holds_back_the_vote_but_not_the_hire_again(stage, answers):
    # A question declined or a story told again is no evidence about breadth, not evidence
    # against: it rules out a strong yes, and it is no reason to regret the hire.
    cast = offline_vote(stage, answers)
    assert (cast.vote, cast.keeper, cast.hire_again) == ("yes", True, True)
    assert cast.hire_again_reason == default_content().keeper.hire_again_answers.yes


@pytest.mark.parametrize("said, written, needle", [
    # The sentence for a yes vote with evidence against must say what the evidence was.
    ("what I cannot put aside:\n    {weakest}.", "what I cannot put aside: that answer.",
     "must use {weakest}"),
    # {weakest} outside it could be the offline vote's own weakest thing (a story told again),
    # which the LLM vote's second answer does not see.
    ("in the first place.", "in the first place: {weakest}.", "unknown placeholder {weakest}"),
], ids=["evidence-unnamed", "weakest-in-no"])
def test_the_hire_again_sentences_are_checked_on_load(tmp_path, said, written, needle):
    root = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), root)
    keeper = root / "keeper.yaml"
    text = keeper.read_text(encoding="utf-8")
    assert said in text
    keeper.write_text(text.replace(said, written), encoding="utf-8")
    with pytest.raises(ContentError, match="keeper.yaml") as error:
        load_content(root)
    assert needle in str(error.value)
