"""The story bank as text: the list, one story in full, the scorer's check, the coverage table."""

from __future__ import annotations

import textwrap
from pathlib import Path

from interviewer.prep.check import StoryCheck
from interviewer.prep.coverage import BANK_TARGET, STORIES_PER_VALUE, Coverage
from interviewer.prep.story import STORY_FIELDS, Story, StoryBank

WIDTH = 96
EMPTY_BANK = """\
Your story bank is empty ({path}).
People who pass this loop walk in with 8-12 stories, each tied to the value it shows, so that
"what principle were you acting on?" never catches them out. Add your first story:
  interviewer stories add                       (asks for each field)
  interviewer stories add --title "..." --action "..." --value Judgment   (for scripts)
or pull in the stories you told in a practice session: interviewer stories import SESSION"""


def marked_values(story: Story, check: StoryCheck | None) -> str:
    """The story's values, each marked as confirmed by the scorer or not (yet)."""
    if not story.values:
        return "no values mapped"
    if check is None:
        return ", ".join(story.values)
    return ", ".join(f"{v} {'ok' if v in check.confirmed else '(not shown)'}" for v in story.values)


def bank_list(bank: StoryBank, coverage: Coverage, path: Path, full: bool = False) -> str:
    """Every story, one line each (or in full)."""
    if not bank.stories:
        return EMPTY_BANK.format(path=path)
    width = max(len(s.id) for s in bank.stories)
    lines = [f"{len(bank.stories)} stories in {path}", ""]
    for story in bank.stories:
        check = coverage.checks.get(story.id)
        if full:
            lines += [*story_text(story, check), ""]
            continue
        draft = "  [draft from practice]" if story.source else ""
        lines.append(f"{story.id:<{width}}  {story.title}{draft}")
        lines.append(f"{'':<{width}}  values: {marked_values(story, check)}")
        if story.missing():
            lines.append(f"{'':<{width}}  still empty: {', '.join(story.missing())}")
    return "\n".join(lines).rstrip()


def story_text(story: Story, check: StoryCheck | None) -> list[str]:
    """One story with every field, and what the scorer made of it."""
    lines = [f"{story.id}: {story.title}"]
    for name in STORY_FIELDS:
        if name == "title":
            continue
        value = getattr(story, name) or "(empty)"
        lines += textwrap.wrap(
            value, WIDTH, initial_indent=f"  {name + ':':<13}", subsequent_indent=" " * 15
        ) or [f"  {name}:"]
    lines.append(f"  {'values:':<13}{marked_values(story, check)}")
    if story.notes:
        lines += textwrap.wrap(
            story.notes, WIDTH, initial_indent="  notes:       ", subsequent_indent=" " * 15
        )
    if check is not None:
        lines += check_lines(check)
    return lines


def check_lines(check: StoryCheck) -> list[str]:
    """The scorer's verdict on a story: quotes for confirmed values, hints for the rest."""
    lines = []
    for value in check.confirmed:
        quote = check.quotes[value][0]
        lines += textwrap.wrap(
            f'{value}: heard in "{quote}"',
            WIDTH,
            initial_indent="  scorer: ",
            subsequent_indent=" " * 10,
        )
    if check.also_heard:
        lines.append(f"  scorer also heard: {', '.join(check.also_heard)} (not claimed)")
    for hint in check.hints:
        lines += textwrap.wrap(hint, WIDTH, initial_indent="  tip: ", subsequent_indent="       ")
    return lines


def coverage_text(coverage: Coverage, path: Path) -> str:
    """The nine values with claimed and confirmed stories, and the three thinnest named."""
    low, high = BANK_TARGET
    lines = [
        f"Story bank: {coverage.stories} stories (aim for {low}-{high}) in {path}",
        "A value counts once a story claims it and the scorer finds a sentence that shows it.",
        "",
        f"  {'value':<14}{'claimed':>8}{'confirmed':>11}  stories",
    ]
    for name, vc in coverage.values.items():
        stories = ", ".join(f"{s}{'' if s in vc.confirmed else '?'}" for s in vc.claimed) or "-"
        lines.append(f"  {name:<14}{len(vc.claimed):>8}{len(vc.confirmed):>11}  {stories}")
    if any(vc.unconfirmed for vc in coverage.values.values()):
        lines.append("  (? = claimed, but no sentence in the story shows it yet)")
    thin = coverage.thinnest
    lines += ["", f"Thinnest: {', '.join(thin)}."]
    if coverage.stories == 0:
        lines += [
            "The bank is empty, so every value is thin; start with the values asked in nearly",
            "every loop. Add your first story:",
            f"  interviewer stories add --value {thin[0]}",
        ]
        return "\n".join(lines)
    needy = [v for v in thin if coverage.needs(v)]
    if needy:
        lines.append(f"Build at least {STORIES_PER_VALUE} stories the scorer confirms for each:")
        lines += [f"  interviewer stories add --value {v}" for v in needy]
    focus = " ".join(f"--focus {v}" for v in thin)
    lines += ["Then practise them:", f"  interviewer practice --stage onsite {focus}"]
    if coverage.stories < low:
        lines.append(f"With {coverage.stories} stories the bank is still small; aim for {low}.")
    return "\n".join(lines)
