"""The story bank file: reading it (with errors that name the file, story and field) and writing it.

The file is plain YAML meant for people: a header explaining the fields, every story with its
fields in a fixed order, multi-line text as literal blocks. It is private (0600): stories are
about colleagues and employers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from pydantic import ValidationError

from interviewer.errors import UserError
from interviewer.paths import user_dir
from interviewer.prep.story import BANK_VERSION, STORY_FIELDS, Story, StoryBank
from interviewer.session.files import make_private_dir, read_plain, write_private
from interviewer.session.lock import exclusive

BANK_FILE = "stories.yaml"
# A bank of even a hundred long stories is well under 1 MB; a bigger file is not a bank, and
# parsing it would make every command take half a minute.
MAX_BANK_BYTES = 2_000_000
# How long a second `stories` command waits for the first to save before giving up.
LOCK_WAIT_SECONDS = 30.0
_MAX_REPORTED = 3

_HEADER_TOP = """\
# Your story bank for the Netflix loop. Edit it here or with `interviewer stories`.
# Each story has these fields (leave one empty with '' until you have it):
"""
_HEADER_TAIL = """\
#   values       the values it shows: your own mapping, which the interviewer's scorer checks
#   notes        anything else (optional)
#   id           how commands refer to the story (made from the title if you leave it out)
# Comments other than this header are not kept when `interviewer stories` rewrites the file;
# put remarks in a story's notes instead.
"""
HEADER = (
    _HEADER_TOP
    + "".join(f"#   {name:<12} {meaning}\n" for name, meaning in STORY_FIELDS.items())
    + _HEADER_TAIL
)


def default_bank_path() -> Path:
    """Where the story bank lives unless `--bank` says otherwise: the user dir."""
    return user_dir() / BANK_FILE


class SafeNoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: a bank never needs them, and a tiny "alias bomb" would expand to
    gigabytes (and a 25 MB error message)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a story bank", event.start_mark
            )
        return super().compose_node(parent, index)


class BankError(UserError):
    """The story bank file cannot be read; the message names the file, the story and the field."""


def load_bank(path: Path | None = None) -> StoryBank:
    """The bank in `path`; a missing file is an empty bank (a new candidate), not an error."""
    path = Path(path) if path else default_bank_path()
    try:
        text = read_plain(path, MAX_BANK_BYTES, "story bank").decode("utf-8")
    except FileNotFoundError:
        return StoryBank()
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(f"{path}: cannot read the story bank ({exc})") from None
    return parse_bank(text, path)


@contextmanager
def update_bank(path: Path | None = None) -> Iterator[StoryBank]:
    """Load, change and save the bank as one step that no other `stories` command interleaves.

    Two `stories add` at once would otherwise both load the old bank and the second save would
    drop the first one's story. The lock is held only while changing, never while prompting.
    """
    path = Path(path) if path else default_bank_path()
    make_private_dir(path.parent)
    busy = f"{path} is being changed by another interviewer command; try again in a moment"
    with exclusive(path.with_name(f".{path.name}.lock"), busy, LOCK_WAIT_SECONDS):
        bank = load_bank(path)
        yield bank
        save_bank(bank, path)


def parse_bank(text: str, path: Path) -> StoryBank:
    """Parse and validate the text of a bank file; `path` is only used in messages."""
    try:
        data = yaml.load(text, Loader=SafeNoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise BankError(
            f"{path}: not valid YAML{where}: {problem}. Fix it in a text editor "
            "(indent each story's fields under its `- title:` line)"
        ) from None
    if data is None:
        return StoryBank()
    if isinstance(data, list):  # a hand-written file that is just the list of stories
        data = {"stories": data}
    if not isinstance(data, dict):
        raise BankError(f"{path}: expected `stories:` followed by a list of stories")
    try:
        return StoryBank.model_validate(data)
    except ValidationError as exc:
        raise BankError(f"{path}: {describe_errors(exc, data)}") from None


def describe_errors(exc: ValidationError, data: dict) -> str:
    """Validation errors in words: which story (number and title), which field, what is wrong."""
    stories = data.get("stories") if isinstance(data.get("stories"), list) else []
    messages = []
    for error in exc.errors()[:_MAX_REPORTED]:
        messages.append(_describe(error, stories))
    more = len(exc.errors()) - _MAX_REPORTED
    if more > 0:
        messages.append(f"and {more} more problem{'s' if more > 1 else ''}")
    return "; ".join(messages)


def _describe(error: dict, stories: list) -> str:
    loc = list(error["loc"])
    message = _message(error)
    if len(loc) >= 2 and loc[0] == "stories" and isinstance(loc[1], int):
        index = loc[1]
        raw = stories[index] if index < len(stories) else None
        title = raw.get("title") if isinstance(raw, dict) else None
        who = f"story {index + 1}" + (f" ({title!r})" if title else "")
        if not isinstance(raw, dict):
            return f"{who}: expected fields such as `title:`, got {raw!r}"
        field = loc[2] if len(loc) > 2 else None
        if field is None:
            return f"{who}: {message}"
        if error["type"] == "extra_forbidden":
            return f"{who}: unknown field {field!r} (fields: {_field_list()})"
        if error["type"] == "missing":
            return f"{who}: field {field!r} is missing ({STORY_FIELDS.get(str(field), '')})"
        return f"{who}: field {field!r}: {message}"
    if loc and error["type"] == "extra_forbidden":
        return f"unknown top-level key {loc[0]!r}; the file holds `version:` and `stories:`"
    if not loc:
        return message
    return f"{'.'.join(str(part) for part in loc)}: {message}"


def _message(error: dict) -> str:
    message = str(error["msg"])
    # pydantic prefixes messages raised in validators; the reader does not need to know that.
    return message.removeprefix("Value error, ")


def _field_list() -> str:
    return ", ".join([*STORY_FIELDS, "values", "notes", "id", "source"])


class _BankDumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks so paragraphs look the way they were typed."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BankDumper.add_representer(str, _text)


def story_dict(story: Story) -> dict:
    """A story as the file shows it: every narrative field (empty ones invite filling in)."""
    data: dict = {"id": story.id}
    for name in STORY_FIELDS:
        data[name] = getattr(story, name)
    data["values"] = list(story.values)
    if story.notes:
        data["notes"] = story.notes
    if story.source is not None:
        data["source"] = story.source.model_dump(exclude_defaults=True)
    return data


def dump_bank(bank: StoryBank) -> str:
    """The text of a bank file."""
    body = yaml.dump(
        {"version": BANK_VERSION, "stories": [story_dict(s) for s in bank.stories]},
        Dumper=_BankDumper,
        sort_keys=False,
        allow_unicode=True,
        width=96,
        indent=2,
    )
    return HEADER + "\n" + body


def save_bank(bank: StoryBank, path: Path | None = None) -> Path:
    """Write the bank (atomically, owner-only); creates a private folder if there is none."""
    path = Path(path) if path else default_bank_path()
    if not path.parent.exists():
        make_private_dir(path.parent)
    write_private(path, dump_bank(bank))
    return path


def story_yaml(story: Story) -> str:
    """One story as YAML, for editing in $EDITOR."""
    return yaml.dump(
        story_dict(story), Dumper=_BankDumper, sort_keys=False, allow_unicode=True, width=96
    )


def parse_story(text: str, where: str) -> Story:
    """One story edited as YAML; `where` names it in errors (e.g. "story 'friday-release'")."""
    try:
        data = yaml.load(text, Loader=SafeNoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise BankError(f"{where}: not valid YAML{at}; nothing was changed") from None
    if not isinstance(data, dict):
        raise BankError(f"{where}: expected the story's fields (title: ..., action: ...)")
    try:
        return Story.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": ("stories", 0, *e["loc"])} for e in exc.errors()[:_MAX_REPORTED]]
        problems = "; ".join(_describe(e, [data]) for e in errors)
        raise BankError(
            f"{where}: {problems.replace('story 1', 'the story', 1)}; nothing was changed"
        ) from None
