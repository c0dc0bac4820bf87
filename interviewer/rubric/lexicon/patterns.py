"""How the phrase lists are built: one regular expression from lower-case alternatives."""

from __future__ import annotations

import re


def any_of(*patterns: str) -> re.Pattern[str]:
    """A pattern matching any of `patterns` (each wrapped in its own group)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))
