"""Saying that the offline interviewer took a step: once per reason, not once per step.

Every step that fell back is marked on its own event (`fallback`, `brain`); the candidate needs
to hear a reason once. When the LLM endpoint is switched off for the rest of a run, every later
step falls back for the same reason, and repeating it printed 124 identical warnings in one loop.
"""

from __future__ import annotations


class FallbackNotes:
    """Remembers which fallback reasons were already told."""

    def __init__(self) -> None:
        self._told: set[str] = set()

    def first_time(self, reason: str) -> bool:
        """True the first time `reason` is seen; False for a repeat."""
        if reason in self._told:
            return False
        self._told.add(reason)
        return True
