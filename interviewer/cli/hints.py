"""Commands printed for the user to paste: shell-quoted, and complete enough to work when pasted.

A session folder can have any name (it may come from someone else's shared folder), so a name
such as `x;y $(touch PWN)` must paste as one harmless argument. A session saved outside the
default sessions folder needs `--sessions-dir` in the command, or pasting it finds nothing.
"""

from __future__ import annotations

import shlex

from interviewer.paths import sessions_dir
from interviewer.session.store import SessionStore


def session_command(verb: str, store: SessionStore, *extra: str) -> str:
    """`interviewer VERB SESSION [EXTRA...]`, ready to paste into a POSIX shell."""
    words = ["interviewer", verb, store.session_id, *extra]
    root = store.folder.parent.resolve()
    if root != sessions_dir(None).resolve():
        words += ["--sessions-dir", str(root)]
    return " ".join(shlex.quote(word) for word in words)


def printable(name: str) -> str:
    """A name on one line: control characters such as newlines shown as escapes."""
    if name.isprintable():
        return name
    return name.encode("unicode_escape").decode("ascii")
