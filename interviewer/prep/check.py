"""Checking a story's value mapping with the interviewer's own scorer.

The candidate says which values a story shows; the offline scorer reads the story the way it
reads a spoken answer and reports which of those values it can quote evidence for. A claimed
value with no sentence behind it is what an interviewer would not credit either.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.brains.base import AnswerContext
from interviewer.prep.story import Story
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.scoring import score_answer
from interviewer.session.events import PlannedQuestion

# Claiming many values for one story dilutes it; interviewers want the one it really shows.
MANY_VALUES = 3


@dataclass
class StoryCheck:
    """What the scorer made of one story."""

    story_id: str
    claimed: list[str]
    confirmed: list[str] = field(default_factory=list)
    unconfirmed: list[str] = field(default_factory=list)
    also_heard: list[str] = field(default_factory=list)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


def check_story(story: Story, content: Content | None = None) -> StoryCheck:
    """Which of the story's claimed values the scorer finds evidence for, with its quotes."""
    content = content or default_content()
    result = StoryCheck(story_id=story.id, claimed=list(story.values), missing=story.missing())
    text = story.narrative()
    if not text:
        result.unconfirmed = list(story.values)
        result.hints.append("only a title so far: write what you did, in the first person")
        return result
    question = PlannedQuestion(
        id=f"story:{story.id}", text=story.title, values=story.values or ["Judgment"], topic="story"
    )
    # Scored as an onsite answer: that is where most value questions are asked.
    score = score_answer(
        AnswerContext(stage="onsite", question=question, asked=story.title, answer=text), content
    )
    heard = {ev.value: ev.quotes for ev in score.values if ev.score is not None}
    result.quotes = heard
    result.confirmed = [v for v in story.values if v in heard]
    result.unconfirmed = [v for v in story.values if v not in heard]
    result.also_heard = [v for v in heard if v not in story.values]
    result.hints = _hints(story, score.signals, result)
    return result


def _hints(story: Story, signals, result: StoryCheck) -> list[str]:
    hints = []
    if not story.values:
        hints.append("no values mapped yet: which value were you acting on?")
    if len(story.values) > MANY_VALUES:
        hints.append(
            f"claims {len(story.values)} values: pick the one or two it shows best; a story "
            "that shows everything convinces of nothing"
        )
    if result.unconfirmed:
        hints.append(
            f"no sentence shows {', '.join(result.unconfirmed)}: say what you did that shows it, "
            "in the first person"
        )
    if signals.ownership < 0.35:
        hints.append("mostly 'we': make your own part clear with 'I'")
    if story.outcome and not any(ch.isdigit() for ch in story.outcome):
        hints.append("the outcome has no number: how much, how many, how fast?")
    return hints
