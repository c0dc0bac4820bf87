"""The study-plan content in prompts/plans.yaml, validated on load.

The plan builder relies on every task and drill it may pick being present and on the phases
covering each day exactly once, so those are checked here and reported with the file's name
rather than discovered halfway through printing a plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from interviewer.errors import ContentError
from interviewer.paths import prompts_dir
from interviewer.rubric.content import GAPS
from interviewer.rubric.yaml_files import Strict, check_placeholders, load_once, read_model

PLAN_FILE = "plans.yaml"
WEEK_CHOICES = (2, 3, 4, 8)  # the plan lengths plans.yaml must hold
Kind = Literal["stories", "depth", "mocks", "technical", "loops"]
TASKS = (
    "culture",
    "baseline",
    "review",
    "import_stories",
    "write_story",
    "more_stories",
    "check_coverage",
    "complete_story",
    "deepen_story",
    "rehearse_story",
    "value_mock",
    "recruiter",
    "technical",
    "coding",
    "loop",
    "replay",
    "checkpoint",
    "replan",
    "rest",
)
# Every gap the interviewer probes has a drill.
SIGNAL_DRILLS = GAPS
DELIVERY_DRILLS = ("fillers", "pace_fast", "pace_slow", "long_pauses")
PLACEHOLDERS = {
    "value",
    "focus",
    "stage",
    "round",
    "story",
    "missing",
    "topic",
    "topic_id",
    "session",
    "weeks",
    "count",
    "howmany",
}


class Phase(Strict):
    """Consecutive days of one kind of work."""

    start: int = Field(alias="from", ge=1)
    end: int = Field(alias="to", ge=1)
    kind: Kind
    title: str


class PlanShape(Strict):
    """One plan length: its phases and the time it asks for each day."""

    weeks: int
    minutes_per_day: int = Field(ge=15, le=240)
    assumes: str
    phases: list[Phase] = Field(min_length=1)


class TaskText(Strict):
    """What a task asks, and the command to run for it (if any)."""

    text: str
    command: str | None = None


class Drill(Strict):
    """Practice aimed at one gap."""

    label: str
    text: str


class DesignTopic(Strict):
    """A design topic for a technical day: its bank topic (for `--topic`) and its words."""

    id: str
    text: str


class PlanContent(Strict):
    """Everything in plans.yaml."""

    version: int = 1
    plans: list[PlanShape]
    tasks: dict[str, TaskText]
    drills: dict[str, Drill]
    topics: list[DesignTopic] = Field(min_length=1)

    def shape(self, weeks: int) -> PlanShape:
        """The plan for this many weeks."""
        return next(p for p in self.plans if p.weeks == weeks)


def load_plan_content(root: Path | None = None) -> PlanContent:
    """Load and cross-check plans.yaml from `root` (default: the prompts folder)."""
    path = (Path(root) if root else prompts_dir()) / PLAN_FILE
    content = read_model(PlanContent, path)
    _cross_check(content, path)
    return content


def _cross_check(content: PlanContent, path: Path) -> None:
    weeks = sorted(p.weeks for p in content.plans)
    if weeks != list(WEEK_CHOICES):
        lengths = ", ".join(map(str, WEEK_CHOICES))
        raise ContentError(f"{path}: plans must be for {lengths} weeks once each, not {weeks}")
    for plan in content.plans:
        day = 1
        for phase in plan.phases:
            if phase.start != day or phase.end < phase.start:
                raise ContentError(
                    f"{path}: the {plan.weeks}-week plan's phase {phase.title!r} should start "
                    f"on day {day} and end on or after it"
                )
            day = phase.end + 1
        if day - 1 != plan.weeks * 7:
            raise ContentError(
                f"{path}: the {plan.weeks}-week plan covers {day - 1} days, not {plan.weeks * 7}"
            )
    missing = [name for name in TASKS if name not in content.tasks]
    missing += [name for name in (*SIGNAL_DRILLS, *DELIVERY_DRILLS) if name not in content.drills]
    if missing:
        raise ContentError(f"{path}: missing entries: {', '.join(missing)}")
    from interviewer.rubric.content import default_content

    known = default_content().topics_of("technical")
    for topic in content.topics:
        if topic.id not in known:
            raise ContentError(
                f"{path}: topics: {topic.id!r} is not a technical topic in the question banks "
                f"(known: {', '.join(known)})"
            )
    for name, task in content.tasks.items():
        check_placeholders([task.text, task.command or ""], f"{path}: tasks.{name}", PLACEHOLDERS)


def default_plan_content() -> PlanContent:
    """plans.yaml from the prompts folder, loaded once per process."""
    return load_once(load_plan_content)
