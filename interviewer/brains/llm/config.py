"""Settings for the LLM interviewer, from the environment (and CLI overrides).

The API key is read from OPENAI_API_KEY only and lives in a `Secret`, which never shows its value
in repr/str, refuses to be pickled and is not part of any pydantic model, so it cannot reach a
session file, a report or a log line by accident.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from interviewer.errors import UserError

MODEL_ENV = "INTERVIEWER_LLM_MODEL"
BASE_URL_ENV = "INTERVIEWER_LLM_BASE_URL"
OPENAI_BASE_URL_ENV = "OPENAI_BASE_URL"
TIMEOUT_ENV = "INTERVIEWER_LLM_TIMEOUT"
RETRIES_ENV = "INTERVIEWER_LLM_MAX_RETRIES"
MOVE_BUDGET_ENV = "INTERVIEWER_LLM_MOVE_SECONDS"
KEY_ENV = "OPENAI_API_KEY"

DEFAULT_MODEL = "gpt-4o-mini"
# Local models on a laptop CPU can take tens of seconds for a scoring call.
DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 2
# The candidate waits in silence while the next move is chosen: past its budget, the offline
# probe. Unless MOVE_BUDGET_ENV sets it, the budget is what the server needs for that request by
# its measured pace (pace.py), within these bounds: the floor until a reply has been timed (and
# for a fast server), the ceiling for a slow one (SmolLM2-135M on 2 busy cores: a move 5-25 s).
MOVE_BUDGET_FLOOR = 3.0
MOVE_BUDGET_CEILING = 15.0
# Low temperature and a fixed seed: a re-score of the same answers should give the same verdict.
TEMPERATURE = 0.2
SEED = 7
# Local servers ignore the key, but the SDK refuses to start without one.
LOCAL_PLACEHOLDER_KEY = "not-needed"


class Secret:
    """A string that is never shown: repr/str print a mask and pickling is refused."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        """The real value, for the one place that needs it (building the HTTP client)."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("a Secret cannot be pickled or copied out of the process")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class LLMSettings:
    """Where and how to reach the model. Safe to print: the key is a masked `Secret`."""

    model: str = DEFAULT_MODEL
    base_url: str | None = None  # None: the OpenAI API
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_RETRIES
    move_budget: float | None = None  # None: sized from the server's pace
    temperature: float = TEMPERATURE
    seed: int = SEED
    api_key: Secret = field(default_factory=lambda: Secret(""), repr=False, compare=False)

    def describe(self) -> str:
        """One line for status output and error messages (never the key)."""
        where = safe_url(self.base_url) if self.base_url else "the OpenAI API"
        key = "set" if self.api_key and self.api_key.reveal() != LOCAL_PLACEHOLDER_KEY else "none"
        move = (f"{self.move_budget:g}s" if self.move_budget is not None
                else f"{MOVE_BUDGET_FLOOR:g}-{MOVE_BUDGET_CEILING:g}s by the server's speed")
        return (
            f"model {self.model} at {where} (timeout {self.timeout:g}s, "
            f"{self.max_retries} retries, next move within {move}, API key {key})"
        )

    def move_budget_for(self, needed: float | None) -> float:
        """The seconds the next move may take: the user's setting, else `needed` (what the
        server needs for the request by its pace, None when not known yet) within bounds."""
        if self.move_budget is not None:
            return self.move_budget
        return round(min(MOVE_BUDGET_CEILING, max(MOVE_BUDGET_FLOOR, needed or 0.0)), 1)


def settings_from_env(
    env: Mapping[str, str] | None = None,
    *,
    model: str | None = None,
    base_url: str | None = None,
    timeout: float | None = None,
    max_retries: int | None = None,
    move_budget: float | None = None,
) -> LLMSettings:
    """Build settings from the environment; keyword arguments (from the CLI) win.

    Raises UserError naming the variable and the fix when something is missing or invalid.
    """
    env = os.environ if env is None else env
    model = (model or env.get(MODEL_ENV) or DEFAULT_MODEL).strip()
    if not model:
        raise UserError(f"{MODEL_ENV} is empty; set it to a model name, e.g. {DEFAULT_MODEL}")
    url = base_url or env.get(BASE_URL_ENV) or env.get(OPENAI_BASE_URL_ENV) or None
    url = _check_url(url.strip()) if url and url.strip() else None
    seconds = timeout if timeout is not None else _number(env, TIMEOUT_ENV, DEFAULT_TIMEOUT)
    if not seconds > 0:
        raise UserError(f"{TIMEOUT_ENV} must be a number of seconds above 0, e.g. 60")
    retries = max_retries if max_retries is not None else _whole(env, RETRIES_ENV, DEFAULT_RETRIES)
    if retries < 0:
        raise UserError(f"{RETRIES_ENV} must be 0 or more, e.g. 2")
    budget = move_budget if move_budget is not None else _number(env, MOVE_BUDGET_ENV, None)
    if budget is not None and not budget > 0:
        raise UserError(f"{MOVE_BUDGET_ENV} must be a number of seconds above 0, e.g. 10")
    key = (env.get(KEY_ENV) or "").strip()
    if not key:
        if url is None:
            raise UserError(
                f"--brain llm needs {KEY_ENV} for the OpenAI API; set it, or point "
                f"{BASE_URL_ENV} at a local OpenAI-compatible server "
                "(e.g. http://127.0.0.1:11434/v1 for Ollama)"
            )
        key = LOCAL_PLACEHOLDER_KEY
    return LLMSettings(
        model=model, base_url=url, timeout=float(seconds), max_retries=retries,
        move_budget=float(budget) if budget is not None else None, api_key=Secret(key),
    )


def safe_url(url: str) -> str:
    """The URL without any user:password part, for messages."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(
            f"LLM base URL {safe_url(url)!r} is not an http(s) URL; use e.g. "
            "http://127.0.0.1:11434/v1 (Ollama) or https://api.openai.com/v1"
        )
    return url.rstrip("/")


def _number(env: Mapping[str, str], name: str, default: float | None) -> float | None:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError:
        raise UserError(f"{name}={raw!r} is not a number of seconds; e.g. {name}=60") from None


def _whole(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise UserError(f"{name}={raw!r} is not a whole number; e.g. {name}=2") from None
