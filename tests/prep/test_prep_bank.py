"""The story bank file: round trip, hand edits, and bad files that fail with clear errors."""

from __future__ import annotations

import stat

import pytest

from interviewer.prep.bank import BankError, default_bank_path, dump_bank, load_bank, save_bank
from interviewer.prep.story import Story, StoryBank


def _bank() -> StoryBank:
    bank = StoryBank()
    bank.add(
        Story(
            title="Delayed the Friday release",
            situation="At my last company a release was planned for a Friday.\nIt was 2023.",
            action="I weighed the risk and made the call to delay it by a week.",
            outcome="Zero incidents; rollback time fell by 40%.",
            principle="Customer trust comes before a date.",
            differently="I would bring support in earlier.",
            values=["judgement", "COURAGE"],
            notes="Told it at two interviews already.",
        )
    )
    bank.add(Story(title="Delayed the Friday release", values="Impact, Judgment"))
    return bank


def test_round_trip_keeps_every_field(home):
    bank = _bank()
    path = save_bank(bank)
    assert path == default_bank_path() and path.parent == home
    assert load_bank(path) == bank
    assert load_bank(path).stories[0].values == ["Judgment", "Courage"]
    assert [s.id for s in bank.stories] == [
        "delayed-the-friday-release",
        "delayed-the-friday-release-2",
    ]


def test_file_is_private_and_readable(home):
    path = save_bank(_bank())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    text = path.read_text()
    assert text.startswith("# Your story bank")
    assert "situation: |-\n    At my last company" in text  # multi-line text stays a block


def test_missing_file_is_an_empty_bank(home):
    assert load_bank().stories == []


def test_hand_edits_are_read_and_survive_a_rewrite(home):
    path = save_bank(_bank())
    text = path.read_text()
    text = text.replace("I would bring support in earlier.", "I would ask support first.")
    text += (
        "- title: Hand-written story\n"
        "  action: I rewrote the on-call rota myself.\n"
        "  values: [integrity]\n"
    )
    path.write_text(text)
    bank = load_bank(path)
    assert bank.stories[0].differently == "I would ask support first."
    added = bank.stories[2]
    assert added.id == "hand-written-story" and added.values == ["Integrity"]
    bank.add(Story(title="Another one"))
    save_bank(bank, path)
    again = load_bank(path)
    assert again.stories[0].differently == "I would ask support first."
    assert again.stories[2].title == "Hand-written story"
    assert again.stories[2].id == "hand-written-story"  # the filled-in id is now written down
    assert len(again.stories) == 4


def test_bare_list_and_empty_fields_are_accepted(tmp_path):
    path = tmp_path / "stories.yaml"
    path.write_text("- title: Only a title\n  situation:\n  values:\n")
    story = load_bank(path).stories[0]
    assert story.situation == "" and story.values == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stories: [\n", "not valid YAML at line 2"),
        ("stories:\n- title: A\n  situtation: typo\n", "story 1 ('A'): unknown field 'situtation'"),
        ("stories:\n- title: A\n  values: [Curage]\n", "did you mean Courage?"),
        ("stories:\n- situation: no title\n", "story 1: field 'title' is missing"),
        ("stories:\n- title: A\n  id: Not An Id\n", "story 1 ('A'): field 'id'"),
        ("- {title: A, id: a}\n- {title: B, id: a}\n", "the id 'a' is used by two stories"),
        ("just some text\n", "expected `stories:`"),
        ("story: []\n", "unknown top-level key 'story'"),
        ("- just a line\n", "story 1: expected fields such as `title:`"),
    ],
)
def test_bad_files_name_the_file_story_and_field(tmp_path, text, expected):
    path = tmp_path / "stories.yaml"
    path.write_text(text)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and expected in message
    assert "\n" not in message and "Traceback" not in message


def test_dump_is_stable():
    bank = _bank()
    assert dump_bank(bank) == dump_bank(load_bank_from_text(dump_bank(bank)))


def load_bank_from_text(text: str) -> StoryBank:
    from pathlib import Path

    from interviewer.prep.bank import parse_bank

    return parse_bank(text, Path("x.yaml"))
