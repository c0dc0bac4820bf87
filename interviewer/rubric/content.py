"""The interview content in prompts/: values, question banks, personas, probes, stage settings.

Everything is data in YAML, validated on load. A malformed file raises `ContentError` naming the
file and what is wrong, so a typo in a question bank never surfaces as a traceback mid-interview.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interviewer.errors import ContentError
from interviewer.paths import prompts_dir

VALUE_NAMES = (
    "Judgment",
    "Selflessness",
    "Courage",
    "Communication",
    "Innovation",
    "Inclusion",
    "Integrity",
    "Passion",
    "Impact",
)
STAGES = ("recruiter", "manager", "technical", "onsite")
STYLES = ("behavioural", "coding", "design", "product", "portfolio")
Style = Literal["behavioural", "coding", "design", "product", "portfolio"]
Stage = Literal["recruiter", "manager", "technical", "onsite"]

# The gaps an answer can have; each probe targets exactly one.
Gap = Literal[
    "no_principle",
    "hedging",
    "no_behaviour_change",
    "no_reflection",
    "no_ownership",
    "no_outcome",
    "vague_compensation",
    "defend_decision",
    "no_example",
    "mentorship_structure",
    "no_trade_off",
    "no_scale",
    "no_failure_mode",
    "no_self_awareness",
]
GAPS: tuple[str, ...] = Gap.__args__  # type: ignore[attr-defined]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Value(_Strict):
    """One of the nine values: what it means and how an answer shows it."""

    name: str
    description: str
    signals: list[str] = Field(min_length=1, description="Observable behaviours, for people.")
    cues: list[str] = Field(
        min_length=3, description="Lower-case phrases the offline scorer looks for as evidence."
    )

    @field_validator("name")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in VALUE_NAMES:
            raise ValueError(f"unknown value {name!r}; expected one of {', '.join(VALUE_NAMES)}")
        return name


class Question(_Strict):
    """A question in a stage's bank, tagged with the values it probes."""

    id: str
    text: str
    values: list[str] = Field(min_length=1)
    topic: str = Field(description="e.g. career_arc, compensation, cdn, coding, feedback")
    keywords: list[str] = Field(default_factory=list, description="Words an on-topic answer uses.")
    defend: list[str] = Field(
        default_factory=list, description="Design-specific 'defend that decision' follow-ups."
    )


class QuestionBank(_Strict):
    """All questions of one stage."""

    stage: Stage
    questions: list[Question] = Field(min_length=1)


class Persona(_Strict):
    """An interviewer: who they are, how they ask, which values they own."""

    id: str
    name: str
    role: str
    style: str
    values: list[str] = Field(min_length=1)
    voice: Literal["female", "male", "any"] = "any"
    rate: int = Field(default=175, ge=80, le=300, description="Speaking rate, words per minute.")


class Personas(_Strict):
    """The screen interviewers (one per screen stage) and the onsite pool."""

    screens: dict[Literal["recruiter", "manager", "technical"], Persona]
    onsite: list[Persona] = Field(min_length=4)


class Probe(_Strict):
    """A follow-up tied to the gap it targets; `texts` are interchangeable phrasings."""

    id: str
    gap: Gap
    texts: list[str] = Field(min_length=1)
    stages: list[Stage] = Field(default_factory=lambda: list(STAGES))
    styles: list[Style] = Field(
        default_factory=lambda: list(STYLES), description="Interview styles it fits."
    )


class ProbeSet(_Strict):
    probes: list[Probe] = Field(min_length=1)


class StageSettings(_Strict):
    """How a stage runs: length, questions, follow-up budget, answer-length guidance."""

    title: str
    minutes: int
    questions: int = Field(ge=1, le=12, description="Questions asked per interviewer.")
    max_follow_ups: int = Field(ge=0, le=5)
    answer_seconds: tuple[int, int] = Field(description="Guidance for speaking time per answer.")
    opening: str = Field(description="What the interviewer says first; {name} and {role} fill in.")
    closing: str


class StagesFile(_Strict):
    stages: dict[Stage, StageSettings]


class Interruptions(_Strict):
    """When and how the interviewer cuts into a spoken answer (prompts/interruptions.yaml)."""

    principle_after_seconds: float = Field(ge=10, le=600)
    time_limit_factor: float = Field(ge=0.5, le=3)
    no_principle: str = Field(min_length=1)
    time_limit: str = Field(min_length=1)


class Content(BaseModel):
    """Everything in prompts/, loaded and cross-checked."""

    model_config = ConfigDict(frozen=True)

    values: dict[str, Value]
    banks: dict[str, QuestionBank]
    personas: Personas
    probes: list[Probe]
    stages: dict[str, StageSettings]
    interruptions: Interruptions

    def find_question(self, question_id: str) -> Question | None:
        """The question with this id from any bank, or None (e.g. for a scored text transcript)."""
        for bank in self.banks.values():
            for question in bank.questions:
                if question.id == question_id:
                    return question
        return None

    def keywords(self, question_id: str) -> list[str]:
        """The on-topic keywords of a bank question (none for questions not in a bank)."""
        question = self.find_question(question_id)
        return question.keywords if question else []

    def probes_for(self, gap: str, stage: str, style: str | None = None) -> list[Probe]:
        """The probes for a gap that may be used in a stage (and interview style, if given)."""
        return [
            p for p in self.probes
            if p.gap == gap and stage in p.stages and (style is None or style in p.styles)
        ]

    def persona(self, persona_id: str) -> Persona:
        """The persona with this id (screen or onsite)."""
        for persona in [*self.personas.screens.values(), *self.personas.onsite]:
            if persona.id == persona_id:
                return persona
        raise ContentError(f"no persona with id {persona_id!r} in {prompts_dir()}/personas.yaml")


def _read_yaml(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(f"{path}: file is missing; restore it from the repository") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML ({_one_line(str(exc))})") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _parse(model: type[BaseModel], path: Path) -> BaseModel:
    data = _read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise ContentError(f"{path}: {where}: {first['msg']}") from None


def load_content(root: Path | None = None) -> Content:
    """Load and validate every content file under `root` (default: the prompts folder)."""
    root = Path(root) if root else prompts_dir()
    values_file = _parse(_ValuesFile, root / "values.yaml")
    values = {value.name: value for value in values_file.values}
    banks = {stage: _parse(QuestionBank, root / "questions" / f"{stage}.yaml") for stage in STAGES}
    personas = _parse(Personas, root / "personas.yaml")
    probes = _parse(ProbeSet, root / "probes.yaml").probes
    stages = _parse(StagesFile, root / "stages.yaml").stages
    interruptions = _parse(Interruptions, root / "interruptions.yaml")
    content = Content(values=values, banks=banks, personas=personas, probes=probes, stages=stages,
                      interruptions=interruptions)
    _cross_check(content, root)
    return content


class _ValuesFile(_Strict):
    values: list[Value]


def _cross_check(content: Content, root: Path) -> None:
    missing = set(VALUE_NAMES) - set(content.values)
    if missing:
        raise ContentError(f"{root / 'values.yaml'}: missing values: {', '.join(sorted(missing))}")
    for stage, bank in content.banks.items():
        path = root / "questions" / f"{stage}.yaml"
        if bank.stage != stage:
            raise ContentError(f"{path}: says stage {bank.stage!r} but the file is for {stage!r}")
        seen: set[str] = set()
        for question in bank.questions:
            _check_values(question.values, f"{path}: question {question.id}")
            if question.id in seen:
                raise ContentError(f"{path}: question id {question.id!r} is used twice")
            seen.add(question.id)
    onsite = content.banks["onsite"].questions
    for value in VALUE_NAMES:
        count = sum(1 for q in onsite if q.values[0] == value)
        if count < 3:
            raise ContentError(
                f"{root / 'questions' / 'onsite.yaml'}: {value} leads only {count} questions; "
                "every value needs at least three"
            )
    personas_path = root / "personas.yaml"
    for persona in [*content.personas.screens.values(), *content.personas.onsite]:
        _check_values(persona.values, f"{personas_path}: persona {persona.id}")
    covered = {value for persona in content.personas.onsite for value in persona.values}
    if covered != set(VALUE_NAMES):
        raise ContentError(
            f"{personas_path}: the onsite panel does not cover "
            f"{', '.join(sorted(set(VALUE_NAMES) - covered))}"
        )
    missing_gaps = set(GAPS) - {probe.gap for probe in content.probes}
    if missing_gaps:
        raise ContentError(
            f"{root / 'probes.yaml'}: no probe for {', '.join(sorted(missing_gaps))}"
        )
    missing_stages = set(STAGES) - set(content.stages)
    if missing_stages:
        raise ContentError(
            f"{root / 'stages.yaml'}: no settings for {', '.join(sorted(missing_stages))}"
        )


def _check_values(names: list[str], where: str) -> None:
    for name in names:
        if name not in VALUE_NAMES:
            raise ContentError(f"{where}: unknown value {name!r} (use one of the nine values)")


@lru_cache(maxsize=4)
def default_content() -> Content:
    """The content from the prompts folder, loaded once per process."""
    return load_content()
