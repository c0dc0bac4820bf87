"""`stories`: the story bank, kept between mock interviews.

The commands are thin: reading, checking and rendering live in `interviewer.prep`.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import click

from interviewer.cli import cli
from interviewer.cli.options import resolve_sessions_dir, sessions_dir_option
from interviewer.errors import UserError
from interviewer.prep.bank import default_bank_path, load_bank, parse_story, story_yaml, update_bank
from interviewer.prep.bank_text import bank_list, check_lines, coverage_text
from interviewer.prep.check import check_story
from interviewer.prep.coverage import coverage
from interviewer.prep.story import STORY_FIELDS, Story, StoryBank, normalise_value

TEXT_FIELDS = (*STORY_FIELDS, "notes")


def bank_option(func):
    """`--bank FILE`: the story bank to use (default: stories.yaml in the user dir)."""
    return click.option(
        "--bank",
        "bank_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Story bank file (default: stories.yaml in the user dir, $INTERVIEWER_HOME).",
    )(func)


def story_options(func):
    """One option per story field, for scripting `add` and `edit`."""
    for name in reversed(TEXT_FIELDS):
        func = click.option(f"--{name}", default=None, help=STORY_FIELDS.get(name, "free notes"))(
            func
        )
    return click.option(
        "--value",
        "values",
        multiple=True,
        help="A value the story shows (repeatable, or comma-separated).",
    )(func)


def _values(raw: tuple[str, ...]) -> list[str]:
    names = [part.strip() for item in raw for part in item.split(",") if part.strip()]
    try:
        return list(dict.fromkeys(normalise_value(n) for n in names))
    except ValueError as exc:
        raise UserError(f"--value: {exc}") from None


def bank_file(bank_path: Path | None) -> Path:
    """The story bank file: `--bank FILE` if given, else the one in the user dir."""
    return bank_path or default_bank_path()


def _find(bank: StoryBank, ref: str) -> Story:
    story = bank.find(ref)
    if story is not None:
        return story
    matches = bank.matches(ref)
    if matches:
        raise UserError(f"{ref!r} matches {', '.join(s.id for s in matches)}; give more of the id")
    raise UserError(f"no story {ref!r}; `interviewer stories list` shows the ids")


@cli.group()
def stories() -> None:
    """Your story bank: stories mapped to the nine values, checked by the interviewer's scorer."""


@stories.command("add")
@story_options
@bank_option
def stories_add(values, bank_path, **fields) -> None:
    """Add a story: asks for each field, or takes them all as options."""
    path = bank_file(bank_path)
    chosen = _values(values)
    if fields["title"] is None:  # interactive: ask for everything not given as an option
        click.echo("A new story. Leave a field empty to fill it in later.")
        for name, meaning in STORY_FIELDS.items():
            if fields[name] is None:
                required = name == "title"
                fields[name] = click.prompt(
                    f"{name.capitalize()} ({meaning})",
                    default=None if required else "",
                    show_default=False,
                )
        if not chosen:
            answer = click.prompt(
                "Values it shows (comma-separated, e.g. Judgment, Courage)",
                default="",
                show_default=False,
            )
            chosen = _values((answer,))
    data = {name: value for name, value in fields.items() if value is not None}
    try:
        story = Story(**data, values=chosen)
    except ValueError as exc:
        raise UserError(f"the story is not valid: {_first_error(exc)}") from None
    with update_bank(path) as bank:
        story = bank.add(story)
    click.echo(f"Added '{story.id}' to {path}.")
    for line in check_lines(check_story(story)):
        click.echo(line)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        return f"{field}: {str(first['msg']).removeprefix('Value error, ')}"
    return str(exc)


@stories.command("edit")
@click.argument("story_id")
@story_options
@bank_option
def stories_edit(story_id, values, bank_path, **fields) -> None:
    """Change a story: the fields given as options, or all of them in $EDITOR."""
    path = bank_file(bank_path)
    bank = load_bank(path)
    story = _find(bank, story_id)
    changes = {name: value for name, value in fields.items() if value is not None}
    if values:
        changes["values"] = _values(values)
    if not changes:
        edited = click.edit(story_yaml(story), extension=".yaml")
        if edited is None:
            click.echo("No changes.")
            return
        updated = parse_story(edited, f"story {story.id!r}")
        updated.id = updated.id or story.id
        if updated.id != story.id and bank.find(updated.id) is not None:
            raise UserError(f"another story already has the id {updated.id!r}; nothing changed")
    else:
        try:
            updated = Story.model_validate({**story.model_dump(), **changes})
        except ValueError as exc:
            raise UserError(f"story {story.id!r}: {_first_error(exc)}") from None
    with update_bank(path) as bank:
        current = _find(bank, story.id)  # the bank as saved now, with any story added since
        if updated.id != story.id and bank.find(updated.id) is not None:
            raise UserError(f"another story already has the id {updated.id!r}; nothing changed")
        bank.stories[bank.stories.index(current)] = updated
    click.echo(f"Updated '{updated.id}'.")
    for line in check_lines(check_story(updated)):
        click.echo(line)


@stories.command("list")
@click.option("--full", is_flag=True, help="Every field of every story, with the scorer's check.")
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
@bank_option
def stories_list(full, as_json, bank_path) -> None:
    """List the stories with their values (marked when the scorer confirms them)."""
    path = bank_file(bank_path)
    bank = load_bank(path)
    cov = coverage(bank)
    if as_json:
        rows = [
            {**s.model_dump(mode="json"), "confirmed": cov.checks[s.id].confirmed}
            for s in bank.stories
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(bank_list(bank, cov, path, full=full))


@stories.command("remove")
@click.argument("story_id")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@bank_option
def stories_remove(story_id, yes, bank_path) -> None:
    """Remove a story from the bank."""
    path = bank_file(bank_path)
    bank = load_bank(path)
    story = _find(bank, story_id)
    if not yes:
        click.confirm(f"Remove '{story.id}' ({story.title})?", abort=True)
    with update_bank(path) as bank:
        bank.stories.remove(_find(bank, story.id))
    click.echo(f"Removed '{story.id}'; {len(bank.stories)} stories left.")


@stories.command("coverage")
@click.option("--json", "as_json", is_flag=True, help="Print the coverage as JSON.")
@bank_option
def stories_coverage(as_json, bank_path) -> None:
    """How well the bank covers the nine values, and the three thinnest."""
    path = bank_file(bank_path)
    cov = coverage(load_bank(path))
    if as_json:
        click.echo(json.dumps(cov.as_dict(), indent=2))
    else:
        click.echo(coverage_text(cov, path))


def _import(session, turn, bank_path, sessions_dir) -> None:
    """Add the stories told in a practice session to the bank, as drafts to tidy."""
    from interviewer.prep.importer import drafts_from_session
    from interviewer.session.state import load_state
    from interviewer.session.store import find_session

    store = find_session(session, resolve_sessions_dir(sessions_dir))
    state = load_state(store)
    path = bank_file(bank_path)
    with update_bank(path) as bank:
        result = drafts_from_session(state, bank, turn)
        for draft in result.drafts:
            bank.add(draft)
    for draft in result.drafts:
        values = ", ".join(draft.values) or "no values heard"
        click.echo(f"Added draft '{draft.id}' (turns {_turns(draft)}): {values}")
    for reason in result.skipped:
        click.echo(f"Skipped {reason}")
    if result.drafts:
        click.echo(f"Tidy them: interviewer stories edit {result.drafts[0].id}")
    else:
        click.echo("No stories added.")


def _turns(story: Story) -> str:
    turns = story.source.turns if story.source else []
    return ", ".join(str(t) for t in turns)


def _import_command(name: str, hidden: bool) -> click.Command:
    @click.argument("session")
    @click.option("--turn", type=int, default=None, help="Only the exchange holding this turn.")
    @bank_option
    @sessions_dir_option
    @functools.wraps(_import)
    def command(session, turn, bank_path, sessions_dir):
        _import(session, turn, bank_path, sessions_dir)

    return click.command(name, hidden=hidden)(command)


stories.add_command(_import_command("import", hidden=False))
stories.add_command(_import_command("import-from-session", hidden=True))
