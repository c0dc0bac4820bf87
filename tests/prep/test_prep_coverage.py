"""Coverage of the nine values: claimed by the candidate, confirmed by the scorer."""

from __future__ import annotations

import pytest

from interviewer.errors import UserError
from interviewer.prep import thin_focus, thin_values
from interviewer.prep.bank import save_bank
from interviewer.prep.check import check_story
from interviewer.prep.coverage import coverage
from interviewer.prep.story import Story, StoryBank
from interviewer.rubric.content import VALUE_NAMES

SHOWN = Story(
    id="release",
    title="Delayed the release",
    action="I weighed the risk and made the call to delay it. I told my director directly even "
    "though it was uncomfortable.",
    outcome="Rollback time fell by 40%.",
    values=["Judgment", "Courage", "Inclusion"],
)


def test_check_confirms_only_values_a_sentence_shows():
    check = check_story(SHOWN)
    assert check.confirmed == ["Judgment", "Courage"]
    assert check.unconfirmed == ["Inclusion"]
    assert any("weighed the risk" in q for q in check.quotes["Judgment"])
    assert any("Inclusion" in hint for hint in check.hints)


def test_listing_value_names_buys_no_evidence():
    stuffed = Story(
        title="Stuffed",
        action="I showed judgment, courage, integrity and impact.",
        values=["Judgment", "Courage", "Integrity", "Impact"],
    )
    check = check_story(stuffed)
    assert check.confirmed == []
    assert any("claims 4 values" in hint for hint in check.hints)


def test_coverage_counts_claimed_and_confirmed_per_value():
    bank = StoryBank(stories=[SHOWN, Story(id="only-title", title="Later", values=["Judgment"])])
    cov = coverage(bank)
    assert set(cov.values) == set(VALUE_NAMES)
    assert cov.values["Judgment"].claimed == ["release", "only-title"]
    assert cov.values["Judgment"].confirmed == ["release"]
    assert cov.values["Inclusion"].claimed == ["release"]
    assert cov.values["Inclusion"].confirmed == []
    assert cov.needs("Judgment") == 1 and cov.needs("Passion") == 2


def test_thinnest_ranks_confirmed_then_claimed_then_loop_priority():
    bank = StoryBank(stories=[SHOWN])
    # Nothing confirmed: claimed-but-unconfirmed Inclusion is less thin than untouched values,
    # and among untouched ones Communication (asked in nearly every loop) comes first.
    assert thin_values(bank) == ["Communication", "Selflessness", "Innovation"]
    assert thin_values(StoryBank()) == ["Judgment", "Communication", "Selflessness"]


def test_thin_values_follow_the_bank():
    def story(value: str, sentence: str) -> Story:
        return Story(title=value, action=sentence, values=[value])

    bank = StoryBank()
    bank.add(story("Communication", "I explained the context to the whole team in writing."))
    before = thin_values(bank)
    bank.add(story("Selflessness", "I gave the credit to my colleague in the review."))
    after = thin_values(bank)
    assert "Selflessness" in before and "Selflessness" not in after


def test_thin_focus_reads_the_bank_and_refuses_an_empty_one(home):
    with pytest.raises(UserError, match="empty"):
        thin_focus()
    save_bank(StoryBank(stories=[SHOWN]))
    assert thin_focus() == ["Communication", "Selflessness", "Innovation"]
