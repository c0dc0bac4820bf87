"""Reading text files the user points us at, with errors that say how to fix them."""

from __future__ import annotations

from pathlib import Path

from interviewer.errors import UserError

# A whole spoken loop transcribes to well under 1 MB of text; anything far bigger is the wrong
# file, and scoring it would take minutes and gigabytes.
MAX_TEXT_BYTES = 2_000_000


def read_user_text(path: Path, what: str, limit: int = MAX_TEXT_BYTES) -> str:
    """The UTF-8 text of `path`; `what` names the file in errors (e.g. "answers file")."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UserError(f"{what} {path} does not exist; check the path") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder; give the {what} (a text file)") from None
    if len(data) > limit:
        raise UserError(
            f"{path} is larger than {limit / 1_000_000:g} MB, far more than any {what}; "
            "check that it is the right file"
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text; save it as plain text") from None
