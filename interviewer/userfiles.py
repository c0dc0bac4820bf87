"""Reading text files the user points us at, with errors that say how to fix them."""

from __future__ import annotations

from pathlib import Path

from interviewer.errors import UserError


def read_user_text(path: Path, what: str) -> str:
    """The UTF-8 text of `path`; `what` names the file in errors (e.g. "answers file")."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{what} {path} does not exist; check the path") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder; give the {what} (a text file)") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text; save it as plain text") from None
