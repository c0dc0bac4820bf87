"""Preparation between mocks: the story bank, progress across sessions and the study plan.

The bank lives in a YAML file the candidate can edit by hand (`bank.py`); the interviewer's own
scorer checks each story's value mapping (`check.py`, `coverage.py`); progress and the plan are
derived from saved sessions and the bank, never stored.
"""

from interviewer.prep.coverage import thin_focus, thin_values

__all__ = ["thin_focus", "thin_values"]
