"""Stories told in practice sessions become drafts in the bank."""

from __future__ import annotations

import pytest

from interviewer.errors import UserError
from interviewer.prep.coverage import coverage
from interviewer.prep.importer import drafts_from_session, exchanges
from interviewer.prep.story import StoryBank
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions


@pytest.fixture(scope="module")
def strong_state(improving_sessions):
    return build_state(list_sessions(improving_sessions)[-1].read())


def test_exchanges_become_drafts_with_checked_values(strong_state):
    bank = StoryBank()
    result = drafts_from_session(strong_state, bank)
    assert result.drafts, result.skipped
    first = result.drafts[0]
    assert first.source.session == strong_state.started.session_id
    assert first.source.turns[0] == 1
    assert "40%" in first.outcome
    assert first.principle and first.differently and first.action
    assert first.values  # the values the scorer heard
    for draft in result.drafts:
        bank.add(draft)
    cov = coverage(bank)
    for draft in result.drafts:  # the offline scorer confirms what it found at the time
        assert cov.checks[draft.id].confirmed == draft.values


def test_import_is_idempotent(strong_state):
    bank = StoryBank()
    for draft in drafts_from_session(strong_state, bank).drafts:
        bank.add(draft)
    again = drafts_from_session(strong_state, bank)
    assert again.drafts == []
    assert all("already in the bank" in r or "not" in r for r in again.skipped)


def test_one_turn_only(strong_state):
    result = drafts_from_session(strong_state, StoryBank(), turn=2)
    assert len(result.drafts) == 1 and 2 in result.drafts[0].source.turns
    with pytest.raises(UserError, match="no turn 99"):
        drafts_from_session(strong_state, StoryBank(), turn=99)


def test_weak_answers_are_not_stories(weak_sessions):
    state = build_state(list_sessions(weak_sessions)[0].read())
    result = drafts_from_session(state, StoryBank())
    assert all(not d.values or d.action for d in result.drafts)
    assert result.skipped or result.drafts


def test_a_story_told_three_times_makes_one_draft(retold_session):
    state = build_state(list_sessions(retold_session)[0].read())
    told = [ex[0].asked.turn for _, ex in exchanges(state)]
    # Three bank questions, each answered with the same story, and the same story again the two
    # times the interviewer asked for a different one.
    assert len(told) == 5

    result = drafts_from_session(state, StoryBank())

    assert len(result.drafts) == 1, [d.id for d in result.drafts]
    draft = result.drafts[0]
    assert draft.source.turns == [t.asked.turn for _, ex in exchanges(state) for t in ex]
    assert f"told this story 5 times in that session (turns {', '.join(map(str, told))})" in (
        draft.notes
    )
    assert draft.action.count("made the call to delay it") == 1  # each sentence once


def test_a_story_retold_in_other_words_makes_one_draft_and_a_new_example_its_own(tmp_path):
    from interviewer.session.engine import InterviewEngine
    from interviewer.testing import FakeAnswers
    from tests.rubric.retold_stories import RETOLD_STRONG_STORY
    from tests.support import STRONG_STORIES, STRONG_STORY, engine_parts, start_practice

    store = start_practice(tmp_path, "manager", seed=1)
    # The playback story, the same story in other words (the interviewer asks for another),
    # a different example, and a third story.
    script = [STRONG_STORY, RETOLD_STRONG_STORY[0], STRONG_STORIES[1], STRONG_STORIES[2]]
    InterviewEngine(store, engine_parts(FakeAnswers(script))).run()
    state = build_state(store.read())
    assert [t.asked.gap for t in state.turns] == [None, None, "retold", None]

    result = drafts_from_session(state, StoryBank())

    assert [d.source.turns for d in result.drafts] == [[1, 2], [3], [4]], result.skipped
    playback, checkout, _ = result.drafts
    assert "told this story 2 times in that session (turns 1, 2)" in playback.notes
    assert "checkout team" in checkout.action and "playback" not in checkout.action
    plan = state.interviews[0].plan
    assert checkout.source.question == plan.questions[1].text  # not the follow-up's words


PORTFOLIO_WALKTHROUGH = (
    "So the project I'd pick is the profile switcher I redesigned last spring. The ask was a "
    "bigger avatar grid, but when I sat with six families using it, the real problem was kids "
    "landing in a parent's profile and wrecking their recommendations. I chose a lock on adult "
    "profiles over the bigger grid, because the grid only fixed how it looked. I tested both "
    "prototypes, and wrong-profile sessions dropped from about one in eight to one in forty. "
    "Next time I'd bring engineering into those family sessions from the start."
)


@pytest.mark.parametrize("stage", ["technical", "onsite"])
def test_a_portfolio_walkthrough_is_a_story_for_the_bank_and_a_product_plan_is_not(
    tmp_path, stage
):
    """A designer's walkthrough of their own work is imported though it is not a value story;
    a product-sense plan, sketched on the spot, is left out (and --turn still takes it)."""
    from interviewer.session.engine import InterviewEngine
    from interviewer.testing import FakeAnswers
    from tests.support import STRONG_STORY, engine_parts, start_practice

    def imported_styles(role: str) -> tuple[set[str], list[str]]:
        store = start_practice(tmp_path / role, stage, seed=1, role=role)
        answers = FakeAnswers([PORTFOLIO_WALKTHROUGH, STRONG_STORY] * 40)
        InterviewEngine(store, engine_parts(answers)).run()
        state = build_state(store.read())
        style_of = {t.asked.turn: i.plan.style for i in state.interviews for t in i.turns}
        result = drafts_from_session(state, StoryBank())
        return {style_of[d.source.turns[0]] for d in result.drafts}, result.skipped

    design, _ = imported_styles("design")
    assert "portfolio" in design
    product, skipped = imported_styles("product")
    assert "product" not in product
    assert any("use --turn" in line for line in skipped), skipped
