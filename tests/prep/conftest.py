"""Fixtures for the preparation tests: generated practice sessions (the private user dir and
sessions folder of every test come from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import interviewer.cli.interview  # noqa: F401  (registers practice/loop on the group)
import interviewer.cli.prep  # noqa: F401  (registers progress/plan)
import interviewer.cli.stories  # noqa: F401  (registers stories)
from interviewer.cli import cli

STRONG = """\
At my last company in 2023 a release was planned for a Friday. I weighed the risk, looked at the \
error budget and made the call to delay it by a week. I told my director directly even though it \
was uncomfortable. The principle I was acting on was that customer trust comes before a date. \
Rollback time fell by 40% and we had zero incidents. Looking back, I would involve support earlier.
---
The principle was judgment: I use data to make the call even when it is unpopular. In hindsight I \
would weigh the support load differently and bring them in two weeks earlier.
---
When our team grew in 2022 I paired with a new hire every day and gave her the credit in the \
review. I believe a new hire's first win matters more than my own velocity. She shipped her first \
feature in 2 weeks. Next time I would write the onboarding guide first.
---
I stopped skipping design reviews and started writing a one-page doc before each change. As a \
result, review time dropped by half, and I learned to ask for feedback earlier.
---
I told my manager plainly that the roadmap was unrealistic. I believe candor matters more than \
comfort. We cut two projects and shipped the rest on time, 3 weeks early.
---
Looking back I would raise it two weeks earlier, because the data was already clear to me.
"""
WEAK = """\
Um, so, we had a project and we, like, shipped it. It went fine I guess, it really depends on the \
situation and maybe things could have gone either way for the team overall.
---
We just did what the team thought was best at the time, I suppose, and it kind of worked out in \
the end for everyone involved.
---
Um, I guess we talked about it and, like, we decided together, it depends, there were many \
factors to consider in that case at work.
---
We worked on it together and um the team handled it, I think it was okay in the end and we moved \
on to the next project.
---
It depends really, maybe, we tried a few things as a team and some worked, some did not.
---
Uh, we kept going, the team did fine, I suppose the project was fine.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def practise(root: Path, answers: str, seed: int, stage: str = "manager") -> None:
    """Record one scripted practice session under `root`."""
    script = root.parent / f"answers-{seed}-{stage}.txt"
    script.write_text(answers, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "practice",
            "--stage",
            stage,
            "--answers",
            str(script),
            "--sessions-dir",
            str(root),
            "--seed",
            str(seed),
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output


@pytest.fixture(scope="session")
def improving_sessions(tmp_path_factory) -> Path:
    """Two weak sessions, then two strong ones, in that order."""
    root = tmp_path_factory.mktemp("improving") / "sessions"
    for seed, answers in ((1, WEAK), (2, WEAK), (3, STRONG), (4, STRONG)):
        practise(root, answers, seed)
    _spread_in_time(root)
    return root


@pytest.fixture(scope="session")
def weak_sessions(tmp_path_factory) -> Path:
    """Three weak sessions."""
    root = tmp_path_factory.mktemp("weak") / "sessions"
    for seed in (1, 2, 3):
        practise(root, WEAK, seed)
    _spread_in_time(root)
    return root


@pytest.fixture(scope="session")
def retold_session(tmp_path_factory) -> Path:
    """One session where every answer is the same story, told again to each new question."""
    root = tmp_path_factory.mktemp("retold") / "sessions"
    story = STRONG.split("---")[0].strip()
    practise(root, "\n---\n".join([story] * 8), seed=3)
    return root


def _spread_in_time(root: Path) -> None:
    """Sessions made within a second share a timestamp; give them distinct, ordered ones."""
    import json

    folders = sorted(p for p in root.iterdir() if (p / "events.jsonl").exists())
    for day, folder in enumerate(folders, start=1):
        log = folder / "events.jsonl"
        lines = log.read_text(encoding="utf-8").splitlines()
        first = json.loads(lines[0])
        first["at"] = f"2026-01-{day:02d}T10:00:00Z"
        log.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
