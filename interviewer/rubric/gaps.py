"""The gaps an answer can have: what a probe targets and what a stage's probe order ranks."""

from __future__ import annotations

from typing import Literal

Gap = Literal[
    "no_principle",
    "hedging",
    "no_behaviour_change",
    "no_reflection",
    "no_ownership",
    "no_outcome",
    "vague_compensation",
    "defend_decision",
    "no_example",
    "mentorship_structure",
    "no_trade_off",
    "no_scale",
    "no_failure_mode",
    "no_complexity",
    "no_edge_cases",
    "no_self_awareness",
    "vague_motivation",
    "clarify",
    "thinking",
    "no_answer",
    "declined",
    "off_question",
    "retold",
]
GAPS: tuple[str, ...] = Gap.__args__  # type: ignore[attr-defined]
# Moves for replies that are not answers (repeat, wait, ask again, move on): no study drill.
NON_ANSWER_GAPS = ("clarify", "thinking", "no_answer", "declined")
DRILL_GAPS = tuple(g for g in GAPS if g not in NON_ANSWER_GAPS)
