"""Options shared by several commands, and turning them into the engine's parts."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from interviewer import settings
from interviewer.brains.base import Brain
from interviewer.cli.choice import Choice
from interviewer.errors import UserError
from interviewer.paths import sessions_dir

BRAIN_ENV = "INTERVIEWER_BRAIN"


def sessions_dir_option(func):
    """`--sessions-dir`: where sessions are saved."""
    return click.option(
        "--sessions-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder for saved sessions (default: sessions/ in the project, "
        "or $INTERVIEWER_SESSIONS_DIR).",
    )(func)


def brain_option(func):
    """`--brain offline|llm`."""
    return click.option(
        "--brain",
        type=Choice(["offline", "llm"]),
        default=None,
        # None when nothing set it, so `resume` can keep the session's own brain.
        callback=lambda ctx, param, given: settings.explicit("brain", given),
        help="Who runs the interview: the built-in offline interviewer (default) or an LLM "
        f"(see README; also ${BRAIN_ENV} or brain in config.toml).",
    )(func)


def answer_options(func):
    """How answers come in: typed, scripted, or spoken (the default)."""

    @click.option(
        "--text",
        "text_mode",
        is_flag=True,
        help="Type answers instead of speaking (end each with an empty line).",
    )
    @click.option(
        "--answers",
        "answers_file",
        type=click.Path(path_type=Path),
        default=None,
        help="Scripted answers: blocks separated by a line holding only ---.",
    )
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def resolve_sessions_dir(value: Path | None) -> Path:
    """The sessions folder to use."""
    return sessions_dir(value)


def make_brains(name: str | None) -> tuple[Brain, Brain]:
    """The interviewer brain by name, and the offline brain that takes any step it fails.

    Chosen here once for every command; for the offline brain both are the same object.
    """
    from interviewer.brains.offline import OfflineBrain

    offline = OfflineBrain()
    if name in (None, "offline"):
        return offline, offline
    if name == "llm":
        from interviewer.brains.llm.factory import llm_brain_from_env

        # LLM endpoint and model from the config file fill in where the environment has none.
        return llm_brain_from_env(settings.environ_with_config()), offline
    raise UserError(f"unknown brain {name!r}; use offline or llm")
