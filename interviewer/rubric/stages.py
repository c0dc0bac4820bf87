"""How each stage of the loop runs, per candidate role: the model of prompts/stages.yaml.

A stage holds everything that differs between stages (title, length, whether it is behavioural,
answer-length guidance, follow-up budget, spoken lines, what the scorer weighs and the order in
which gaps are probed) and its rounds: the interviews it is made of, each with a style, a
question bank and the interviewers who may hold it. Roles add or choose rounds, so "engineers get
a coding round on the onsite" is a line in stages.yaml, not code. What differs by interview style
(the probe order of a coding round, say) is `styles:` in the same file.
Adding a stage field is a change to stages.yaml and to `StageSettings` here; adding a stage is a
change to stages.yaml alone (the scorer and the probes read only these settings).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from interviewer.rubric.gaps import Gap
from interviewer.rubric.yaml_files import Strict

# The stages of the shipped loop, in loop order: stages.yaml must define them (it may add more).
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


# The parts of an answer's score (see rubric/scoring.py `components`). Two exist only for some
# answers: `behaviour_change` for a question about feedback, `compensation` for one about pay.
Part = Literal[
    "example", "principle", "point_of_view", "self_awareness", "ownership", "specificity",
    "outcome", "structure", "values", "delivery", "culture_fit", "reasons", "tradeoffs", "scale",
    "failure", "complexity", "edge_cases", "behaviour_change", "compensation",
]
_ONLY_WHEN = {"behaviour_change": "feedback_answer", "compensation": "pay_answer"}
MAX_WEIGHT = 100


class Scoring(Strict):
    """What the offline scorer weighs in this stage's answers (relative weights, 0-100 each)."""

    weights: dict[Part, int] = Field(description="The parts every answer is scored on.")
    pay_answer: dict[Part, int] = Field(
        default_factory=dict,
        description="Added to (or replacing) `weights` for an answer about pay.",
    )
    feedback_answer: dict[Part, int] = Field(
        default_factory=dict,
        description="Added to (or replacing) `weights` for an answer about feedback received.",
    )
    short_answer_words: int = Field(
        ge=1, le=200, description="A main answer shorter than this is capped as too short."
    )
    approach_cost: list[Literal["complexity", "scale"]] = Field(
        default_factory=list,
        description="Answers work a problem through (a coding or design round): the example "
        "they give is a method, and these parts are its cost. Its steps with their cost are "
        "the answer's substance, as a story's detail is (rubric/story.py `approach_strength`), "
        "and a main answer with steps and a cost is not capped as short, however few its words.",
    )

    @field_validator("weights", "pay_answer", "feedback_answer", mode="before")
    @classmethod
    def _whole(cls, weights: object) -> object:
        """Whole numbers, or an error that says what a weight looks like."""
        for part, weight in weights.items() if isinstance(weights, dict) else ():
            whole = isinstance(weight, int) and not isinstance(weight, bool)
            if not whole or not 0 <= weight <= MAX_WEIGHT:
                raise ValueError(
                    f"the weight of {part!r} is {weight!r}; a weight is a whole number from 0 "
                    f"to {MAX_WEIGHT}, e.g. {part}: 14"
                )
        return weights

    @model_validator(mode="after")
    def _usable(self) -> Scoring:
        if sum(self.weights.values()) <= 0:
            raise ValueError("weights: they sum to 0; give at least one part a weight above 0")
        for where, weights in (("weights", self.weights), ("pay_answer", self.pay_answer),
                               ("feedback_answer", self.feedback_answer)):
            for part, only in _ONLY_WHEN.items():
                if part in weights and where != only:
                    raise ValueError(
                        f"{where}: {part!r} is scored only for some answers; weigh it under "
                        f"{only}"
                    )
        return self


class StageSettings(Strict):
    """How one stage runs."""

    title: str
    minutes: int = Field(ge=5, le=240, description="How long one interview of this stage takes.")
    behavioural: bool = Field(description="Asks for stories tied to the values.")
    screen: bool = Field(
        description="One interviewer who can end a real loop with a strong no (not a panel)."
    )
    reads_fit: bool = Field(
        default=False,
        description="A fit screen: listens for asks for heavy mentorship and for vague "
        "motivation, and probes a principle, self-awareness or hindsight only when the question "
        "is about them.",
    )
    technical: bool = Field(
        default=False,
        description="Non-coding answers are read for defended design trade-offs, and an "
        "interview without a style of its own probes like a coding round (coding questions) or "
        "a design round (the rest).",
    )
    sets_problems: bool = Field(
        default=False,
        description="Its questions set a problem to work through (code, a design, a product "
        "call), not an occasion to recall: an answer takes the problem up in its words, and a "
        "story in other words, however real, does not answer it.",
    )
    scoring: Scoring
    probe_order: list[Gap] = Field(
        min_length=1, description="The gaps probed, most important first."
    )
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

    def for_style(self, style: StyleSettings) -> StageSettings:
        """These settings as an interview of `style` reads and scores its answers: a coding
        round on the behavioural onsite is read like the technical screen's coding questions."""
        update: dict[str, object] = {"technical": self.technical or style.technical,
                                     "sets_problems": self.sets_problems or style.sets_problems}
        if style.behavioural is not None:
            update["behavioural"] = style.behavioural
        if style.scoring is not None:
            update["scoring"] = style.scoring
        if style.probe_order:
            update["probe_order"] = style.probe_order
        if style.max_follow_ups is not None:
            update["max_follow_ups"] = style.max_follow_ups
        if style.answer_seconds is not None:
            update["answer_seconds"] = style.answer_seconds
        return self.model_copy(update=update)

    def spoken_lines(self) -> list[str]:
        """Every line spoken aloud, for the placeholder check."""
        return [*self.openings, self.closing, *(o for r in self.all_rounds() for o in r.openings)]


    @field_validator("probe_order")
    @classmethod
    def _once_each(cls, order: list[str]) -> list[str]:
        twice = sorted({gap for gap in order if order.count(gap) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} listed more than once; list each gap once")
        return order


class StyleSettings(Strict):
    """What differs between interview styles (a coding round probes cost before size)."""

    probe_order: list[Gap] = Field(
        default_factory=list,
        description="The gaps probed in this style, most important first (empty: the stage's).",
    )
    technical: bool = Field(
        default=False,
        description="A coding or design round: talk of how one generally works is not a "
        "missing example.",
    )
    sets_problems: bool = Field(
        default=False,
        description="Questions set a problem to work through, not an occasion to recall: a "
        "story that does not take the problem up does not answer it (see StageSettings).",
    )
    hindsight_for_past_work: bool = Field(
        default=False,
        description="Hindsight is probed only for work the candidate actually did (or when the "
        "question asks for it), not for a solution sketched on the spot.",
    )
    notices_retold: bool = Field(
        default=False,
        description="Answers are stories from the candidate's own work: a main answer that "
        "retells a story told earlier in the interview is asked for a different example first, "
        "and without one the vote cannot be a strong yes (rubric/retold.py).",
    )
    behavioural: bool | None = Field(
        default=None,
        description="Whether this style's answers are value stories, whatever the stage says "
        "(a coding round on the behavioural onsite is not); unset: the stage's.",
    )
    own_work: bool = Field(
        default=False,
        description="Answers walk through the candidate's own past work (a portfolio): not "
        "value stories, but stories all the same, so `stories import` takes them into the bank.",
    )
    scoring: Scoring | None = Field(
        default=None,
        description="What this style's answers are scored on, in every stage (unset: the "
        "stage's weights).",
    )
    max_follow_ups: int | None = Field(
        default=None, ge=0, le=5, description="Follow-ups per question (unset: the stage's)."
    )
    answer_seconds: tuple[int, int] | None = Field(
        default=None, description="Speaking time per answer (unset: the stage's)."
    )


class StagesFile(Strict):
    """prompts/stages.yaml."""

    styles: dict[Style, StyleSettings]
    stages: dict[str, StageSettings]

    @field_validator("stages")
    @classmethod
    def _plain_keys(cls, stages: dict[str, StageSettings]) -> dict[str, StageSettings]:
        for key in stages:
            if not key.isidentifier() or not key.islower():
                raise ValueError(
                    f"stage {key!r}: name a stage in lower-case letters, digits and _"
                )
        return stages
