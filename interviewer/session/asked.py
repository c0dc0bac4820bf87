"""What this candidate has been asked before, read from the sessions they saved.

The memory is the sessions folder itself: every bank question asked is in some session's
events.jsonl, so nothing extra is written and deleting a session forgets its questions.
Planning draws the least-asked questions first, so no question repeats until its bank is used up.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from interviewer.session.store import list_sessions


def asked_counts(root: Path) -> Counter[str]:
    """How many times each bank question id was asked across the sessions under `root`."""
    counts: Counter[str] = Counter()
    for store in list_sessions(root):
        try:
            lines = store.events_path.read_bytes().split(b"\n")
        except OSError:
            continue
        for line in lines:
            # A cheap filter before parsing: most lines are answers and scores.
            if b'"question_asked"' not in line:
                continue
            try:
                event = json.loads(line)
            except ValueError:
                break  # a damaged tail: what came before still counts
            if event.get("kind") == "question" and event.get("question_id"):
                counts[event["question_id"]] += 1
    return counts
