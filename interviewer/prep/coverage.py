"""Coverage of the nine values by the story bank, and the three thinnest values.

A value is covered by a story when the candidate claims it and the scorer confirms it. Thinness
ranks by confirmed stories, then by claimed ones; ties go to the values asked in nearly every
loop (Judgment, Communication), because a gap there costs most.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interviewer.errors import UserError
from interviewer.prep.check import StoryCheck, check_story
from interviewer.prep.story import StoryBank
from interviewer.rubric.content import VALUE_NAMES, Content, default_content

THIN_COUNT = 3
STORIES_PER_VALUE = 2  # at least two strong stories for each thin value
BANK_TARGET = (8, 12)  # stories people who pass this loop tend to prepare
# Tie-break order: the values that show up in nearly every loop come first.
PRIORITY = ("Judgment", "Communication") + tuple(
    v for v in VALUE_NAMES if v not in ("Judgment", "Communication")
)


@dataclass
class ValueCoverage:
    """One value: the stories that claim it and the ones the scorer confirms."""

    value: str
    claimed: list[str] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)

    @property
    def unconfirmed(self) -> list[str]:
        """Stories that claim the value without a sentence that shows it."""
        return [s for s in self.claimed if s not in self.confirmed]


@dataclass
class Coverage:
    """The bank's coverage of all nine values."""

    values: dict[str, ValueCoverage]
    checks: dict[str, StoryCheck]
    stories: int

    @property
    def thinnest(self) -> list[str]:
        """The three thinnest values, thinnest first."""
        return rank_thin(self.values)[:THIN_COUNT]

    def needs(self, value: str) -> int:
        """How many more confirmed stories this value needs to reach the target."""
        return max(0, STORIES_PER_VALUE - len(self.values[value].confirmed))

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "stories": self.stories,
            "target": list(BANK_TARGET),
            "values": {
                name: {"claimed": vc.claimed, "confirmed": vc.confirmed}
                for name, vc in self.values.items()
            },
            "thinnest": self.thinnest,
        }


def rank_thin(values: dict[str, ValueCoverage]) -> list[str]:
    """All values, thinnest first."""
    return sorted(
        VALUE_NAMES,
        key=lambda v: (len(values[v].confirmed), len(values[v].claimed), PRIORITY.index(v)),
    )


def coverage(bank: StoryBank, content: Content | None = None) -> Coverage:
    """Per value, which stories claim it and which the scorer confirms."""
    content = content or default_content()
    values = {name: ValueCoverage(name) for name in VALUE_NAMES}
    checks = {}
    for story in bank.stories:
        check = check_story(story, content)
        checks[story.id] = check
        for name in story.values:
            values[name].claimed.append(story.id)
            if name in check.confirmed:
                values[name].confirmed.append(story.id)
    return Coverage(values=values, checks=checks, stories=len(bank.stories))


def thin_values(bank: StoryBank, content: Content | None = None) -> list[str]:
    """The three thinnest values in a bank, thinnest first (for `practice --focus`)."""
    return coverage(bank, content).thinnest


def thin_focus(path: Path | None = None) -> list[str]:
    """The three thinnest values of the candidate's bank; a clear error if it is empty.

    This is the hook for `interviewer practice --thin`: an empty bank has no thin values to
    point the interviewer at, and guessing would hide that the bank needs building first.
    """
    from interviewer.prep.bank import default_bank_path, load_bank

    bank = load_bank(path)
    if not bank.stories:
        where = path or default_bank_path()
        raise UserError(
            f"the story bank ({where}) is empty, so it has no thin values yet; add stories with "
            "`interviewer stories add`, or choose values with --focus"
        )
    return thin_values(bank)
