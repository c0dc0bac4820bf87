"""Writing a page the user asked for to a path they chose, without harming what is there.

A report written as root once replaced /dev/full with a file, and a typo could replace any
document. So the target must be a regular file or not exist yet; replacing an existing file
needs `--force`, unless it is a page this program wrote; missing folders are made owner-only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from interviewer.errors import UserError
from interviewer.session.files import make_private_dir, write_private

_OUR_MARK = b'<meta name="generator" content="interviewer '


def write_page(target: Path, page: str, force: bool = False, option: str = "--force") -> Path:
    """Write `page` to `target` (owner-only, atomically) after the checks above; return it."""
    target = Path(target)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        raise UserError(f"{target.parent} is not a folder; choose another path") from None
    if mode is not None:
        if not stat.S_ISREG(mode):
            kind = "a symlink" if stat.S_ISLNK(mode) else "not a regular file"
            raise UserError(f"{target} is {kind}; give the path of a new or ordinary file")
        if not force and not _written_by_us(target):
            raise UserError(f"{target} already exists; add {option} to replace it")
    make_private_dir(target.parent)
    write_private(target, page)
    return target


def _written_by_us(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return _OUR_MARK in handle.read(4096)
    except OSError:
        return False
