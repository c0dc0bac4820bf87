"""Where things live on disk: the prompts folder and the sessions folder.

Both can be moved with environment variables so tests never touch the user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

SESSIONS_ENV = "INTERVIEWER_SESSIONS_DIR"
PROMPTS_ENV = "INTERVIEWER_PROMPTS_DIR"
HOME_ENV = "INTERVIEWER_HOME"
MODELS_ENV = "INTERVIEWER_MODELS_DIR"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where an installed wheel carries prompts/ (setup.py maps the top-level folder there).
PACKAGED_PROMPTS = Path(__file__).resolve().parent / "prompts"


def prompts_dir() -> Path:
    """The folder holding question banks, probes and LLM prompts: `INTERVIEWER_PROMPTS_DIR`,
    else the copy inside the installed package, else the checkout's top-level prompts/."""
    env = os.environ.get(PROMPTS_ENV)
    if env:
        return Path(env)
    return PACKAGED_PROMPTS if PACKAGED_PROMPTS.is_dir() else PROJECT_ROOT / "prompts"


def sessions_dir(override: str | os.PathLike | None = None) -> Path:
    """The folder where sessions are saved.

    `--sessions-dir` wins, then `INTERVIEWER_SESSIONS_DIR`, then the checkout's own `sessions/`
    (the documented default), and for an installed copy without one, a folder in the user dir.
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(SESSIONS_ENV)
    if env:
        return Path(env).expanduser()
    checkout_sessions = PROJECT_ROOT / "sessions"
    if checkout_sessions.is_dir():
        return checkout_sessions
    return user_dir() / "sessions"


def user_dir() -> Path:
    """Per-user state such as the story bank; `INTERVIEWER_HOME` moves it (tests set it)."""
    env = os.environ.get(HOME_ENV)
    return Path(env) if env else Path.home() / ".netflix-interviewer"


def models_dir() -> Path:
    """Model files installed by the set-up (speech, end-of-turn): `INTERVIEWER_MODELS_DIR` or the
    user's cache. Kept apart from `user_dir()` so tests that move the user dir still find them."""
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "netflix-interviewer" / "models"
