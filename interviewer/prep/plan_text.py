"""The study plan as text: the gaps it targets, then each day with its commands."""

from __future__ import annotations

import textwrap

from interviewer.prep.plan import StudyPlan

WIDTH = 96
VOICE_NOTE = (
    "Mocks below are spoken; add --text to any practice or loop command to type answers instead."
)


def plan_text(plan: StudyPlan) -> str:
    """The whole plan, ready to print or save."""
    days = len(plan.days)
    hours = round(days * plan.minutes_per_day / 60)
    lines = [
        f"Your {plan.weeks}-week plan: {days} days, about {plan.minutes_per_day} minutes a day "
        f"(~{hours} hours in all).",
        *textwrap.wrap(plan.assumes, WIDTH),
        "",
        "Built from your gaps:",
    ]
    for item in plan.basis:
        lines += textwrap.wrap(item, WIDTH, initial_indent="  - ", subsequent_indent="    ")
    lines += ["", VOICE_NOTE]
    phase = None
    for day in plan.days:
        if day.phase != phase:
            phase = day.phase
            week = (day.number - 1) // 7 + 1
            lines += ["", f"== Week {week}, day {day.number}: {phase} =="]
        when = f" ({day.date:%a %d %b})" if day.date else ""
        lines.append(f"Day {day.number}{when}")
        for task in day.tasks:
            lines += textwrap.wrap(
                task.text, WIDTH, initial_indent="  - ", subsequent_indent="    "
            )
            if task.why:
                lines += textwrap.wrap(
                    f"({task.why})", WIDTH, initial_indent="    ", subsequent_indent="    "
                )
            if task.command:
                lines.append(f"    $ {task.command}")
    return "\n".join(lines)
