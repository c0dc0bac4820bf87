"""What kind of interview an answer belongs to (behavioural, coding, design...), and the stage
settings it is read with.

A stage's settings say how its interviews run; an interview style can change how its answers
are read (`styles:` in prompts/stages.yaml). So the onsite's coding and system-design rounds
read, score, probe and vote like the technical screen's coding and design questions, while the
onsite's behavioural panel keeps the onsite's own settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from interviewer.rubric.stages import StageSettings
from interviewer.session.events import PlannedInterview, PlannedQuestion

if TYPE_CHECKING:
    from interviewer.rubric.content import Content


def style_of(
    stage: StageSettings, question: PlannedQuestion, interviewer: PlannedInterview | None
) -> str:
    """The interview style of an answer: the plan's, or technical rounds by topic."""
    style = interviewer.style if interviewer is not None else "behavioural"
    if style == "behavioural" and stage.technical:
        return "coding" if question.topic == "coding" else "design"
    return style


def settings_for(
    content: Content, stage: str, question: PlannedQuestion,
    interviewer: PlannedInterview | None,
) -> StageSettings:
    """The stage's settings as this interview's style reads its answers."""
    settings = content.stage(stage)
    return settings.for_style(content.style(style_of(settings, question, interviewer)))


def asks_for_principle(content: Content, stage: str, question: PlannedQuestion,
                       interviewer: PlannedInterview | None) -> bool:
    """Whether a long answer in this round is cut in on for a missing principle ("What principle
    were you acting on?"): in a stage's own rounds, not in a round whose style says it is no
    value story (a coding walkthrough, a design, a product-sense plan, a portfolio review)."""
    settings = content.stage(stage)
    return content.style(style_of(settings, question, interviewer)).behavioural is not False
