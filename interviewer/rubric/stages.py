"""How each stage of the loop runs, per candidate role: the model of prompts/stages.yaml.

A stage holds everything that differs between stages (title, length, whether it is behavioural,
answer-length guidance, follow-up budget, spoken lines) and its rounds: the interviews it is made
of, each with a style, a question bank and the interviewers who may hold it. Roles add or choose
rounds, so "engineers get a coding round on the onsite" is a line in stages.yaml, not code.
Adding a stage field is a change to stages.yaml and to `StageSettings` here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interviewer.rubric.yaml_files import Strict

STAGES = ("recruiter", "manager", "technical", "onsite")
Stage = Literal["recruiter", "manager", "technical", "onsite"]
ROLES = ("engineer", "product", "design")
Role = Literal["engineer", "product", "design"]
DEFAULT_ROLE = "engineer"
STYLES = ("behavioural", "coding", "design", "product", "portfolio")
Style = Literal["behavioural", "coding", "design", "product", "portfolio"]
# The placeholders a spoken stage line may use, filled from the interviewer's persona.
LINE_PLACEHOLDERS = {"name", "role"}


class Round(Strict):
    """One interview a stage can hold: its kind of questions and who may ask them."""

    title: str = Field(description="Shown in headings, e.g. 'System design round'.")
    style: Style = "behavioural"
    bank: str = Field(description="The question file under prompts/questions/, without .yaml.")
    questions: int = Field(ge=1, le=12, description="Questions asked in this interview.")
    interviewers: list[str] = Field(min_length=1, description="Persona ids from personas.yaml.")
    role_interviewers: dict[Role, list[str]] = Field(
        default_factory=dict,
        description="Interviewers for one role instead of `interviewers` (a designer meets a "
        "design manager, not an engineering manager).",
    )
    topics: list[str] = Field(
        default_factory=list, description="Ask one question per topic, in this order."
    )
    panel: tuple[int, int] | None = Field(
        default=None,
        description="A panel of this many interviewers (fewest, most) that covers all nine "
        "values, each asking about the values they own.",
    )
    openings: list[str] = Field(
        default_factory=list, description="Openings for this round instead of the stage's."
    )

    def interviewers_for(self, role: str) -> list[str]:
        """Who may hold this round for a candidate of this role."""
        return self.role_interviewers.get(role) or self.interviewers  # type: ignore[call-overload]

    def every_interviewer(self) -> list[str]:
        """Everyone named by the round for any role (for the content checks)."""
        return [*self.interviewers, *(i for ids in self.role_interviewers.values() for i in ids)]


class RoleRounds(Strict):
    """What a role changes in a stage: rounds added to the stage's own, or one chosen of them."""

    rounds: list[Round] = Field(min_length=1)
    choose: Literal["all", "one"] = Field(
        default="all", description="'one': a single round drawn at random per session."
    )


class Handover(Strict):
    """The line shown as the loop moves into a stage, honest about how the earlier screens went."""

    pass_: str = Field(alias="pass", description="Every earlier screen let the candidate through.")
    stop: str | None = Field(
        default=None,
        description="An earlier screen voted strong no: a real loop would have ended there.",
    )

    def line(self, stopped: bool) -> str:
        """The variant for how the loop has gone so far."""
        return self.stop if stopped and self.stop else self.pass_


class StageSettings(Strict):
    """How one stage runs."""

    title: str
    minutes: int = Field(ge=5, le=240, description="How long one interview of this stage takes.")
    behavioural: bool = Field(description="Asks for stories tied to the values.")
    max_follow_ups: int = Field(ge=0, le=5)
    answer_seconds: tuple[int, int] = Field(description="Guidance for speaking time per answer.")
    openings: list[str] = Field(
        min_length=1, description="What the interviewer says first, one drawn per interview."
    )
    closing: str
    handover: Handover = Field(description="The line shown when the loop moves into this stage.")
    rounds: list[Round] = Field(default_factory=list, description="Held for every role.")
    roles: dict[Role, RoleRounds] = Field(default_factory=dict)

    @property
    def questions(self) -> int:
        """Questions per interviewer in the stage's first round (what a practice asks)."""
        return self.all_rounds()[0].questions

    def all_rounds(self) -> list[Round]:
        """Every round the stage may hold for any role."""
        return [*self.rounds, *(r for role in self.roles.values() for r in role.rounds)]

    def role_rounds(self, role: str) -> RoleRounds | None:
        """What this role changes here, if anything."""
        return self.roles.get(role)  # type: ignore[call-overload]

    def round_for(self, style: str) -> Round | None:
        """The first round of this style (for its title and openings)."""
        return next((r for r in self.all_rounds() if r.style == style), None)

    def openings_for(self, style: str) -> list[str]:
        """The openings an interview of this style draws from."""
        chosen = self.round_for(style)
        return chosen.openings if chosen and chosen.openings else self.openings

    def spoken_lines(self) -> list[str]:
        """Every line spoken aloud, for the placeholder check."""
        return [*self.openings, self.closing, *(o for r in self.all_rounds() for o in r.openings)]


class StagesFile(Strict):
    """prompts/stages.yaml."""

    stages: dict[Stage, StageSettings]
