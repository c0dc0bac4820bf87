"""A day-by-day study plan from the candidate's gaps and the weeks left.

The shape (which kind of work on which days) comes from prompts/plans.yaml; what fills each day
comes from the gaps: stories for the thinnest values, drills for the probes that keep catching
the candidate out, delivery practice where the numbers say so. Two candidates with different
gaps get visibly different plans of the same length.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta

from interviewer.prep.coverage import BANK_TARGET, rank_thin
from interviewer.prep.gaps import Gaps
from interviewer.prep.plan_content import WEEK_CHOICES, PlanContent, default_plan_content
from interviewer.rubric.content import default_content

# Without gaps from sessions, mock days still rehearse what every Netflix interviewer probes.
MAINTENANCE = ("no_principle", "no_reflection", "hedging", "no_behaviour_change")
PAY_AND_FIT = ("vague_compensation", "mentorship_structure")
DESIGN_DRILLS = ("defend_decision", "hedging")
MAX_STORIES_PER_DAY = 4
HOW_MANY = {1: "a story", 2: "two stories", 3: "three stories", 4: "four stories"}


@dataclass
class Task:
    """One thing to do, the command that does it, and why it is in the plan."""

    key: str
    text: str
    command: str | None = None
    why: str | None = None


@dataclass
class Day:
    """One day of the plan."""

    number: int
    phase: str
    kind: str
    tasks: list[Task] = field(default_factory=list)
    date: date | None = None


@dataclass
class StudyPlan:
    """The plan, with the gaps it was built from."""

    weeks: int
    minutes_per_day: int
    assumes: str
    basis: list[str]
    days: list[Day]

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "weeks": self.weeks,
            "minutes_per_day": self.minutes_per_day,
            "basis": self.basis,
            "days": [
                {
                    "day": d.number,
                    "date": d.date.isoformat() if d.date else None,
                    "phase": d.phase,
                    "kind": d.kind,
                    "tasks": [t.__dict__ for t in d.tasks],
                }
                for d in self.days
            ],
        }


def build_plan(
    gaps: Gaps,
    weeks: int,
    *,
    technical: bool = True,
    start: date | None = None,
    content: PlanContent | None = None,
) -> StudyPlan:
    """The plan for `weeks` weeks (one of WEEK_CHOICES) aimed at these gaps."""
    if weeks not in WEEK_CHOICES:
        raise ValueError(f"weeks must be one of {WEEK_CHOICES}")
    content = content or default_plan_content()
    shape = content.shape(weeks)
    builder = _Builder(gaps, weeks, content, technical)
    days = []
    for phase in shape.phases:
        kind = phase.kind if technical or phase.kind != "technical" else "mocks"
        for number in range(phase.start, phase.end + 1):
            day = Day(
                number, phase.title, kind, date=start + timedelta(number - 1) if start else None
            )
            day.tasks = builder.tasks_for(
                day, first=number == phase.start, last=number == phase.end
            )
            days.append(day)
    return StudyPlan(weeks, shape.minutes_per_day, shape.assumes, basis(gaps), days)


def basis(gaps: Gaps) -> list[str]:
    """The gaps the plan was built from, in words."""
    content = default_plan_content()
    lines = []
    if gaps.stories:
        thin = ", ".join(
            f"{v} ({len(gaps.coverage.values[v].confirmed)} confirmed)" for v in gaps.thin
        )
        lines.append(f"Story bank: {gaps.stories} stories (aim for 8-12); thinnest values: {thin}.")
    else:
        lines.append(
            "Story bank: empty, so the first days build it, starting with the values "
            "asked in nearly every loop."
        )
    if not gaps.sessions:
        lines.append(
            "No practice sessions yet: day 1 takes a baseline mock; re-run "
            "`interviewer plan` after a few sessions to aim at your real gaps."
        )
    elif gaps.weak:
        parts = [f"{content.drills[g].label} ({gaps.evidence[g]})" for g in gaps.weak]
        lines.append("Probes that keep catching you: " + "; ".join(parts) + ".")
    else:
        lines.append(f"Recent sessions ({gaps.sessions}) needed few probes; mocks keep it sharp.")
    if gaps.delivery:
        parts = [f"{content.drills[g].label} ({gaps.evidence[g]})" for g in gaps.delivery]
        lines.append("Delivery: " + "; ".join(parts) + ".")
    return lines


class _Builder:
    """Fills days in order, taking the next story target, drill and topic as it goes."""

    def __init__(self, gaps: Gaps, weeks: int, content: PlanContent, technical: bool):
        self.gaps, self.weeks, self.content, self.technical = gaps, weeks, content, technical
        shape = content.shape(weeks)
        story_days = sum(p.end - p.start + 1 for p in shape.phases if p.kind == "stories")
        self.targets = deque(gaps.story_targets(12 if weeks == 8 else 8))
        # Spread the stories over the story days, so writing never crowds out rehearsing.
        self.per_day = min(MAX_STORIES_PER_DAY, max(1, math.ceil(len(self.targets) / story_days)))
        self.planned_bank = gaps.stories + len(self.targets)
        self.incomplete = deque(gaps.incomplete())
        self.rehearse = itertools.cycle(gaps.thin)
        self.topics = itertools.cycle(content.topics)
        self.stages = itertools.cycle(default_content().behavioural_stages)
        drills = gaps.weak or list(MAINTENANCE)
        self.drills = itertools.cycle(drills)
        self.delivery = itertools.cycle(gaps.delivery) if gaps.delivery else None
        self.every_value = itertools.cycle(rank_thin(gaps.coverage.values))
        self.depth_days = 0
        self.imported = False
        self.loop_days = 0
        self.recruiter_done = False

    def task(self, key: str, why: str | None = None, **values) -> Task:
        template = self.content.tasks[key]
        values.setdefault("focus", " ".join(f"--focus {v}" for v in self.gaps.thin))
        values.setdefault("count", self.gaps.stories)
        text = template.text.format(**values)
        command = template.command.format(**values).strip() if template.command else None
        return Task(key, " ".join(text.split()), command, why)

    def _technical_task(self, topic) -> Task:
        """A design round on the next topic, practised with `--topic` so it is that topic."""
        return self.task("technical", topic=topic.text, topic_id=topic.id)

    def drill(self, gap: str) -> Task:
        drill = self.content.drills[gap]
        if gap in self.gaps.evidence:
            why = f"your gap: {drill.label}, {self.gaps.evidence[gap]}"
        else:
            why = f"keeping it sharp: {drill.label}"
        return Task(f"drill:{gap}", " ".join(drill.text.split()), None, why)

    def tasks_for(self, day: Day, *, first: bool, last: bool) -> list[Task]:
        tasks = []
        if day.number == 1:
            tasks.append(self.task("culture"))
            tasks.append(self.task("review") if self.gaps.sessions else self.task("baseline"))
        if day.number == self.weeks * 7 and self.weeks > 2:
            return [self.task("rest")]
        tasks += getattr(self, f"_{day.kind}")(first, last)
        if day.number % 7 == 0 and day.number < self.weeks * 7:
            tasks.append(self.task("checkpoint"))
            weeks_left = self.weeks - day.number // 7
            if weeks_left in WEEK_CHOICES:
                tasks.append(self.task("replan", weeks=weeks_left))
        return tasks

    def _stories(self, first: bool, last: bool) -> list[Task]:
        tasks = []
        if not self.imported and self.gaps.latest_session and self.gaps.stories < 8:
            self.imported = True
            tasks.append(self.task("import_stories", session=self.gaps.latest_session))
        today = [self.targets.popleft() for _ in range(min(self.per_day, len(self.targets)))]
        for value in dict.fromkeys(today):  # one task per value, in order
            howmany = HOW_MANY[today.count(value)]
            tasks.append(
                self.task("write_story", why=self._thin_why(value), value=value, howmany=howmany)
            )
        if not tasks or (not self.targets and len(tasks) < 2):
            tasks += self._finish_or_rehearse(1)
        tasks.append(self.task("check_coverage"))
        return tasks

    def _thin_why(self, value: str) -> str:
        confirmed = len(self.gaps.coverage.values[value].confirmed)
        if value in self.gaps.thin:
            return f"{value} is one of your thinnest values ({confirmed} confirmed stories)"
        return f"the bank needs more stories; {value} has {confirmed}"

    def _finish_or_rehearse(self, count: int) -> list[Task]:
        tasks = []
        for _ in range(count):
            if self.incomplete:
                story, missing = self.incomplete.popleft()
                tasks.append(self.task("complete_story", story=story, missing=" or ".join(missing)))
            elif self.planned_bank < BANK_TARGET[0]:
                self.planned_bank += 1
                tasks.append(self.task("more_stories"))
            else:
                tasks.append(self.task("rehearse_story", value=next(self.rehearse)))
        return tasks

    def _depth(self, first: bool, last: bool) -> list[Task]:
        self.depth_days += 1
        tasks = []
        for _ in range(2):
            if self.incomplete:
                story, missing = self.incomplete.popleft()
                tasks.append(self.task("complete_story", story=story, missing=" or ".join(missing)))
        if not tasks:
            tasks.append(self.task("deepen_story", value=next(self.every_value)))
        odd = self.depth_days % 2 == 1
        tasks.append(
            self.task("rehearse_story", value=next(self.rehearse)) if odd else self._value_mock()
        )
        tasks.append(self.drill(next(self.drills)))
        return tasks

    def _mocks(self, first: bool, last: bool) -> list[Task]:
        tasks = [self._value_mock(), self.drill(next(self.drills))]
        if self.delivery:
            tasks.append(self.drill(next(self.delivery)))
        if last and not self.recruiter_done:
            tasks += self._recruiter()
        return tasks

    def _value_mock(self) -> Task:
        stage = next(self.stages)
        title = default_content().stage_title(stage).lower()
        return self.task("value_mock", stage=stage, round=title)

    def _recruiter(self) -> list[Task]:
        self.recruiter_done = True
        tasks = [self.task("recruiter")]
        tasks += [self.drill(g) for g in PAY_AND_FIT if g in self.gaps.weak]
        return tasks

    def _technical(self, first: bool, last: bool) -> list[Task]:
        tasks = [self.task("coding") if last else self._technical_task(next(self.topics))]
        tasks += [self.drill(g) for g in DESIGN_DRILLS if g in self.gaps.weak][:1]
        return tasks

    def _loops(self, first: bool, last: bool) -> list[Task]:
        self.loop_days += 1
        if self.loop_days % 2 == 1:
            tasks = [self.task("loop"), self.task("replay")]
        else:
            tasks = [
                self._value_mock(),
                self.drill(next(self.drills)),
            ]
            if self.delivery:
                tasks.append(self.drill(next(self.delivery)))
        if self.loop_days == 2 and (
            not self.recruiter_done or any(g in self.gaps.weak for g in PAY_AND_FIT)
        ):
            tasks += self._recruiter()
        return tasks
