"""Settings given once: the command line, then the environment, then the user's config file.

Every named setting resolves the same way: a command-line option wins, then its environment
variable, then the key in `config.toml` in the user folder (`interviewer.paths.user_dir()`),
then the built-in default; `resolve()` also says which of these the value came from, so
`interviewer doctor` can show it. The file is plain TOML:

    model = "embedded"
    language = "en"
    voice = "female"
    rate = 170
    end_silence = 2.0
    brain = "llm"

    [llm]
    base_url = "http://127.0.0.1:11434/v1"
    model = "llama3.1"

A new setting is one `define(...)` line below; a key in the file that no setting defines is an
error naming the known ones, so a typo is never silently ignored. API keys are refused in the
file: a key belongs in the environment only, never on disk.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interviewer.brains.llm.config import DEFAULT_MODEL as DEFAULT_LLM_MODEL
from interviewer.brains.llm.config import safe_url
from interviewer.errors import UserError
from interviewer.live.timing import DEFAULT_END_SILENCE
from interviewer.live.whisper_models import DEFAULT_MODEL as DEFAULT_SPEECH_MODEL
from interviewer.paths import user_dir

CONFIG_NAME = "config.toml"
DEFAULT_SOURCE = "default"
COMMAND_LINE = "command line"
# A name like these in the file is taken for a credential and refused.
_SECRET_NAME = re.compile(r"(^|_)(api_?key|key|token|secret|password)$", re.IGNORECASE)


@dataclass(frozen=True)
class Setting:
    """One named setting: its file key (dotted inside a table), environment variables (the first
    set one wins), default, and the parser that checks a value from the file or environment."""

    key: str
    default: Any
    env: tuple[str, ...] = ()
    parse: Callable[[Any], Any] = str
    help: str = ""
    show: Callable[[Any], str] = str


@dataclass(frozen=True)
class Resolved:
    """A setting's value in effect and where it came from (for `interviewer doctor`)."""

    key: str
    value: Any
    source: str

    def shown(self) -> str:
        """The value for display (a URL without any password in it)."""
        return "(none)" if self.value is None else _SETTINGS[self.key].show(self.value)


_SETTINGS: dict[str, Setting] = {}


def define(key: str, default: Any, *, env: str | tuple[str, ...] = (),
           parse: Callable[[Any], Any] = str, help: str = "",
           show: Callable[[Any], str] = str) -> Setting:
    """Register a setting (once per key) and return it."""
    names = (env,) if isinstance(env, str) else tuple(env)
    setting = Setting(key, default, names, parse, help, show)
    _SETTINGS[key] = setting
    return setting


def defined() -> list[Setting]:
    """Every setting, in definition order."""
    return list(_SETTINGS.values())


def config_path() -> Path:
    """The user's config file (it need not exist)."""
    return user_dir() / CONFIG_NAME


def read_config(path: Path | None = None) -> dict[str, Any]:
    """The file's settings as dotted keys, checked: valid TOML, known keys, no credentials."""
    path = path or config_path()
    if not path.is_file():
        return {}
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path} is not valid TOML ({exc}); fix or delete it") from exc
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    flat = _flatten(table)
    for key in flat:
        if _SECRET_NAME.search(key.rsplit(".", 1)[-1]):
            raise UserError(
                f"{path} holds {key!r}: API keys are never read from a file (it could be "
                "copied or committed); remove it and set OPENAI_API_KEY in the environment")
    unknown = sorted(set(flat) - set(_SETTINGS))
    if unknown:
        raise UserError(f"{path}: unknown setting {unknown[0]!r}; known settings: "
                        f"{', '.join(_SETTINGS)}")
    return flat


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{key}."))
        else:
            flat[key] = value
    return flat


def resolve(key: str, cli_value: Any = None, *, env: Mapping[str, str] | None = None,
            config: Mapping[str, Any] | None = None) -> Resolved:
    """The value of `key` in effect: `cli_value` (when not None) > environment > file > default.

    A bad value from the environment or the file is a UserError naming where it came from.
    """
    setting = _SETTINGS[key]
    if cli_value is not None:
        return Resolved(key, cli_value, COMMAND_LINE)
    env = os.environ if env is None else env
    for name in setting.env:
        raw = env.get(name)
        if raw is not None and raw.strip():
            return Resolved(key, _parsed(setting, raw.strip(), f"${name}"), f"${name}")
    config = read_config() if config is None else config
    if key in config:
        where = f"{key} in {config_path()}"
        return Resolved(key, _parsed(setting, config[key], where), str(config_path()))
    return Resolved(key, setting.default, DEFAULT_SOURCE)


def value(key: str, cli_value: Any = None) -> Any:
    """Just the value of `resolve(key, cli_value)`."""
    return resolve(key, cli_value).value


def explicit(key: str, cli_value: Any = None) -> Any:
    """The value when something set it (command line, environment or file), else None: for
    options whose fallback is not a fixed default (`resume` keeps the session's own brain)."""
    found = resolve(key, cli_value)
    return None if found.source == DEFAULT_SOURCE else found.value


def in_effect(cli_values: Mapping[str, Any] | None = None) -> list[Resolved]:
    """Every setting's value and source (the file is read once)."""
    cli_values = cli_values or {}
    config = read_config()
    return [resolve(s.key, cli_values.get(s.key), config=config) for s in defined()]


def environ_with_config(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment with file settings filled in under their variables where none is set,
    for code that reads its settings from an environment mapping (the LLM configuration)."""
    merged = dict(os.environ if env is None else env)
    config = read_config()
    for setting in defined():
        if setting.key in config and setting.env and not any(merged.get(n) for n in setting.env):
            merged[setting.env[0]] = str(_parsed(setting, config[setting.key], setting.key))
    return merged


def click_callback(key: str) -> Callable:
    """A click option callback that turns the option's value into the resolved setting."""
    def callback(ctx, param, given):
        return value(key, given)
    return callback


def _parsed(setting: Setting, raw: Any, where: str) -> Any:
    try:
        return setting.parse(raw)
    except (TypeError, ValueError) as exc:
        raise UserError(f"{where}: {exc}") from None


# Parsers: each raises ValueError with the fix.

def text(raw: Any) -> str:
    """A non-empty string."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"{raw!r} must be a non-empty text value")
    return raw.strip()


def number(low: float, high: float) -> Callable[[Any], float]:
    """A number within [low, high]."""
    def parse(raw: Any) -> float:
        try:
            found = float(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{raw!r} is not a number (e.g. {low:g})") from None
        if not low <= found <= high:
            raise ValueError(f"{found:g} is outside {low:g}-{high:g}")
        return found
    return parse


def whole(low: int, high: int) -> Callable[[Any], int]:
    """A whole number within [low, high]."""
    def parse(raw: Any) -> int:
        if isinstance(raw, (float, bool)):
            raise ValueError(f"{raw!r} is not a whole number (e.g. {low})")
        try:
            found = int(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{raw!r} is not a whole number (e.g. {low})") from None
        if not low <= found <= high:
            raise ValueError(f"{found} is outside {low}-{high}")
        return found
    return parse


def choice(*options: str) -> Callable[[Any], str]:
    """One of `options`."""
    def parse(raw: Any) -> str:
        if raw not in options:
            raise ValueError(f"{raw!r} is not one of {', '.join(options)}")
        return raw
    return parse


# The settings. Defaults live here so the command line, the file and the doctor agree.
define("model", DEFAULT_SPEECH_MODEL, env="INTERVIEWER_MODEL", parse=text,
       help="Whisper model: auto (base.en if downloaded, else the embedded tiny.en), "
       "a size (base.en...), `embedded`, or a CTranslate2 folder")
define("language", "en", env="INTERVIEWER_LANGUAGE", parse=text,
       help="language of the answers (a Whisper code, or auto)")
define("voice", None, env="INTERVIEWER_VOICE", parse=text,
       help="interviewer voice: female, male or an installed voice name")
define("rate", None, env="INTERVIEWER_RATE", parse=whole(60, 400),
       help="interviewer speaking rate, words per minute")
define("end_silence", DEFAULT_END_SILENCE, env="INTERVIEWER_END_SILENCE", parse=number(0.5, 30),
       help="seconds of silence that end an answer")
define("brain", "offline", env="INTERVIEWER_BRAIN", parse=choice("offline", "llm"),
       help="who runs the interview: offline or llm")
define("llm.base_url", None, env=("INTERVIEWER_LLM_BASE_URL", "OPENAI_BASE_URL"), parse=text,
       show=safe_url, help="OpenAI-compatible endpoint for --brain llm (default: the OpenAI API)")
define("llm.model", DEFAULT_LLM_MODEL, env="INTERVIEWER_LLM_MODEL", parse=text,
       help="model name at the LLM endpoint")
