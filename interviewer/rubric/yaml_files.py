"""The one way content files in prompts/ are read: YAML checked against a strict pydantic model.

Every loader (interview content, LLM prompts, study plans) goes through `read_model`, so a file
that is missing, not UTF-8, not YAML, or off the model fails with one line naming the file and the
field, and `check_placeholders` gives a stray `{name}` in a spoken line the same treatment.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from interviewer.errors import ContentError

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class Strict(BaseModel):
    """Base of every content model: unknown fields are errors and loaded content never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def read_text(path: Path) -> str:
    """A content file's text, refusing binary and UTF-16 files with a message saying what to do."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing; restore it from the repository") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        raise ContentError(
            f"{path}: not a UTF-8 text file (it looks like UTF-16 or binary); save it as UTF-8"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(
            f"{path}: not UTF-8 text (bad byte at position {exc.start}); save it as UTF-8"
        ) from None


def read_model(model: type[M], path: Path) -> M:
    """Parse a YAML file into `model`; errors name the file and the first bad field."""
    import yaml  # lazy: `interviewer --help` does not need it

    try:
        data = yaml.safe_load(read_text(path))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML ({one_line(str(exc))})") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise ContentError(f"{path}: {where}: {first['msg']}") from None


def one_line(text: str) -> str:
    """Collapse whitespace so a library's multi-line message fits one error line."""
    return " ".join(text.split())


def placeholders(text: str, where: str) -> set[str]:
    """The `{name}` fields a template uses; malformed braces are a ContentError at `where`."""
    try:
        fields = [part[1] for part in string.Formatter().parse(text) if part[1] is not None]
    except ValueError as exc:
        raise ContentError(f"{where}: {exc} (write a literal brace as {{{{ or }}}})") from None
    for name in fields:
        if not name.isidentifier():
            raise ContentError(f"{where}: placeholder {{{name}}} is not a plain name")
    return set(fields)


def check_placeholders(
    texts: Iterable[str], where: str, allowed: set[str], required: set[str] = frozenset()
) -> None:
    """Every text uses only `allowed` placeholders, and together they use all of `required`."""
    used: set[str] = set()
    for text in texts:
        used |= placeholders(text, where)
    unknown = used - allowed
    if unknown:
        allowed_text = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
        raise ContentError(
            f"{where}: unknown placeholder {', '.join(f'{{{n}}}' for n in sorted(unknown))} "
            f"(allowed: {allowed_text}; write a literal brace as {{{{ or }}}})"
        )
    if required - used:
        missing = ", ".join(f"{{{n}}}" for n in sorted(required - used))
        raise ContentError(f"{where}: must use {missing}")


_LOADED: dict[tuple[Callable[[], object], str], object] = {}


def load_once(loader: Callable[[], T]) -> T:
    """`loader()` once per process and prompts folder: the one cache of default content."""
    from interviewer.paths import prompts_dir

    key = (loader, str(prompts_dir()))
    if key not in _LOADED:
        _LOADED[key] = loader()
    return _LOADED[key]  # type: ignore[return-value]
