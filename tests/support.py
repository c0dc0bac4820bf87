"""Helpers shared by the whole test suite: running the CLI, scripted answers, sample stories.

Import them as `from tests.support import run_cli, ...` (every folder under tests/ is a package,
so this works from any test module). Fixtures live in the conftest files; the fakes for the
ports (speaker, answers, transcriber, microphone) are public, in `interviewer.testing`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, input: str | None = None, timeout: float = 60, env=None,
            check: bool = False) -> subprocess.CompletedProcess:
    """Run `python -m interviewer ARGS` as a user would; returns the CompletedProcess.

    `env` adds to (or overrides) this process's environment; with `check`, a non-zero exit
    fails the test, showing the command's stderr.
    """
    result = subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env={**os.environ, **(env or {})},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def write_answers(path: Path, answers: list[str]) -> Path:
    """A scripted-answers file: blocks separated by lines holding only ---."""
    path.write_text("\n---\n".join(answers) + "\n", encoding="utf-8")
    return path


STRONG_STORY = (
    "At my last company I owned the playback service. When our error rate doubled after a "
    "release, I decided to roll back the release myself instead of waiting for the weekly review, "
    "because the data showed 12% of sessions were failing in three regions. I was acting on the "
    "principle that the person with the most context should make the call and own it. I told my "
    "director directly, wrote the incident review, and we cut failures from 12% to under 1% within "
    "two hours. In hindsight I would weight the rollout plan differently: I underestimated how "
    "risky a single-region canary was, so now I insist on a two-region canary."
)
# Two more strong stories, different situations: an interview that hears one story for every
# question is not a strong yes (rubric/retold.py), so tests that want one give each its own.
STRONG_STORIES = [
    STRONG_STORY,
    "In 2023 I led the checkout team when our payment provider announced a price rise of 30% "
    "with six weeks' notice. I chose to build a second provider behind a feature flag rather "
    "than sign the new contract, because I believe we should never let one supplier decide our "
    "margins. I wrote the migration plan, paired with Dana on the refunds path, and moved 40% "
    "of traffic in four weeks; fees fell by $1.2 million a year. Looking back I would have told "
    "finance on day one instead of week three, because they had to redo the forecast.",
    "Last year a new analyst, Omar, found that our retention dashboard double counted trial "
    "members. My director wanted to keep the old number until the quarterly review, but I told "
    "her directly that we could not present a figure we knew was wrong, because integrity with "
    "the board matters more than a good quarter. I rewrote the query with Omar, presented the "
    "corrected 61% myself, and gave him the credit in the review. If I did it again I would "
    "add a data test the same week, since the same bug came back two months later.",
]
WEAK_STORY = (
    "We had a project that was kind of late. The team worked on it and we had a lot of meetings. "
    "It depends on how you look at it, but maybe it went okay in the end, I guess."
)
GIBBERISH = "asdf qwer zxcv hjkl plok mnbv trew qazx wsxc edcv"


def start_practice(root: Path, stage: str = "manager", seed: int = 1, input_name: str = "voice",
                   role: str = "engineer"):
    """A new practice session folder with its plan logged, ready for the engine."""
    from interviewer.rubric.content import default_content
    from interviewer.rubric.planning import PlanRequest, plan_practice
    from interviewer.session.events import SessionStarted
    from interviewer.session.store import SessionStore

    store = SessionStore.create(root, stage)
    plan = plan_practice(default_content(), stage, seed, request=PlanRequest(role=role))
    store.append(SessionStarted(session_id=store.session_id, mode="practice", seed=seed,
                                brain="offline", input=input_name, interviews=plan))
    return store


def engine_parts(answers, speaker=None, brain=None):
    """EngineParts with the offline interviewer (or `brain`), a silent console and `answers`."""
    import io

    from interviewer.brains.offline import OfflineBrain
    from interviewer.console import Console
    from interviewer.rubric.content import default_content
    from interviewer.session.engine import EngineParts

    content = default_content()
    offline = OfflineBrain(content)
    return EngineParts(brain=brain or offline, fallback=offline, answers=answers,
                       console=Console(out=io.StringIO()), content=content, speaker=speaker)
