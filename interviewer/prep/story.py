"""One story in the bank, and the bank itself, as validated models.

Stories are written by people, often by hand in a text editor, so validation is forgiving where
it can be (value names in any case, "judgement" spelling, a missing id) and precise where it
cannot (an unknown field or value is an error that names the field and suggests the fix).
"""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from interviewer.rubric.content import VALUE_NAMES

BANK_VERSION = 1
# The fields a finished story has, in the order the file shows them, with what each one means.
STORY_FIELDS = {
    "title": "a short name you will recognise",
    "situation": "the context: where, when, what was at stake",
    "action": "what you did yourself, in the first person",
    "outcome": "what changed, measurably if you can",
    "principle": "the value or rule you acted on",
    "differently": "what you would do or weigh differently now",
}
NARRATIVE_FIELDS = ("situation", "action", "outcome", "principle", "differently")
_ALIASES = {"judgement": "Judgment"}  # the British spelling people type
_SLUG_WORDS = re.compile(r"[a-z0-9]+")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def normalise_value(name: str) -> str:
    """The canonical value name for `name` (any case); raises ValueError with a suggestion."""
    cleaned = name.strip()
    by_lower = {v.lower(): v for v in VALUE_NAMES} | _ALIASES
    if cleaned.lower() in by_lower:
        return by_lower[cleaned.lower()]
    close = difflib.get_close_matches(cleaned.lower(), list(by_lower), n=1, cutoff=0.6)
    hint = f" (did you mean {by_lower[close[0]]}?)" if close else ""
    raise ValueError(f"{cleaned!r} is not one of the nine values: {', '.join(VALUE_NAMES)}{hint}")


def slug(title: str) -> str:
    """A short, typeable id from a title: its first few words, lower-case, joined by dashes."""
    words = _SLUG_WORDS.findall(title.lower())[:5]
    return "-".join(words)[:40].strip("-") or "story"


class StorySource(BaseModel):
    """Where an imported story came from: the practice session and the turns it was told in."""

    model_config = ConfigDict(extra="forbid")

    session: str
    turns: list[int] = Field(default_factory=list)
    question: str = ""


class Story(BaseModel):
    """A story from the candidate's career, mapped by them to the values it shows."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = ""
    title: str = Field(min_length=1)
    situation: str = ""
    action: str = ""
    outcome: str = ""
    principle: str = ""
    differently: str = ""
    values: list[str] = Field(default_factory=list)
    notes: str = ""
    source: StorySource | None = None

    @field_validator(
        "title",
        "situation",
        "action",
        "outcome",
        "principle",
        "differently",
        "notes",
        mode="before",
    )
    @classmethod
    def _text(cls, value: object) -> object:
        # A hand-written file may leave a field empty (None) or type a number; both are text.
        if value is None:
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        return value.strip() if isinstance(value, str) else value

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: object) -> object:
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value and not re.match(ID_PATTERN, value):
            raise ValueError(
                f"{value!r} is not a usable id: use lower-case letters, digits and dashes, "
                "e.g. 'friday-release' (or leave it out)"
            )
        return value

    @field_validator("values", mode="before")
    @classmethod
    def _values(cls, value: object) -> object:
        if value is None:
            return []
        if isinstance(value, str):  # "Judgment, Courage" written on one line
            value = [part for part in value.split(",") if part.strip()]
        if not isinstance(value, list):
            return value
        names: list[str] = []
        for item in value:
            if not isinstance(item, str):
                raise ValueError(f"{item!r} is not a value name")
            name = normalise_value(item)
            if name not in names:
                names.append(name)
        return names

    def missing(self) -> list[str]:
        """The narrative fields still empty."""
        return [name for name in NARRATIVE_FIELDS if not getattr(self, name)]

    def narrative(self) -> str:
        """The story as one text, one field per line, the way the scorer reads an answer."""
        parts = [getattr(self, name) for name in NARRATIVE_FIELDS]
        return "\n".join(part for part in parts if part)


class StoryBank(BaseModel):
    """All stories; ids are filled in from titles where a hand-written story has none."""

    model_config = ConfigDict(extra="forbid")

    version: int = BANK_VERSION
    stories: list[Story] = Field(default_factory=list)

    @field_validator("stories", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value

    @model_validator(mode="after")
    def _ids(self) -> StoryBank:
        seen: set[str] = set()
        for story in self.stories:
            if story.id in seen:
                raise ValueError(f"the id {story.id!r} is used by two stories; ids must differ")
            if story.id:
                seen.add(story.id)
        for story in self.stories:
            if not story.id:
                story.id = self.unique_id(slug(story.title), taken=seen)
                seen.add(story.id)
        return self

    def unique_id(self, base: str, taken: set[str] | None = None) -> str:
        """`base`, or `base-2`, `base-3`... whichever no story uses yet."""
        used = taken if taken is not None else {story.id for story in self.stories}
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def add(self, story: Story) -> Story:
        """Add a story, giving it a fresh id from its title (or making its own id unique)."""
        story.id = self.unique_id(story.id or slug(story.title))
        self.stories.append(story)
        return story

    def find(self, ref: str) -> Story | None:
        """The story with this id, or the only one whose id starts with it; None otherwise."""
        exact = [s for s in self.stories if s.id == ref]
        if exact:
            return exact[0]
        prefixed = [s for s in self.stories if s.id.startswith(ref)]
        return prefixed[0] if len(prefixed) == 1 else None

    def matches(self, ref: str) -> list[Story]:
        """Every story whose id starts with `ref` (to explain an ambiguous reference)."""
        return [s for s in self.stories if s.id.startswith(ref)]
