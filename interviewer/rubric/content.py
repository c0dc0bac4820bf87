"""The interview content in prompts/: values, question banks, personas, probes, stage settings.

Everything is data in YAML, validated on load. A malformed file raises `ContentError` naming the
file and what is wrong, so a typo in a question bank never surfaces as a traceback mid-interview.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from interviewer.errors import ContentError
from interviewer.paths import prompts_dir
from interviewer.rubric.gaps import DRILL_GAPS, GAPS, NON_ANSWER_GAPS, Gap
from interviewer.rubric.stages import (
    DEFAULT_ROLE,
    ROLES,
    STAGES,
    STYLES,
    Role,
    Stage,
    StageSettings,
    StagesFile,
    Style,
    StyleSettings,
)
from interviewer.rubric.yaml_files import Strict, check_placeholders, load_once, read_model

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

class Value(Strict):
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


class Question(Strict):
    """A question in a stage's bank, tagged with the values it probes."""

    id: str
    text: str
    values: list[str] = Field(min_length=1)
    topic: str = Field(description="e.g. career_arc, compensation, cdn, coding, feedback")
    keywords: list[str] = Field(default_factory=list, description="Words an on-topic answer uses.")
    defend: list[str] = Field(
        default_factory=list, description="Design-specific 'defend that decision' follow-ups."
    )


class QuestionBank(Strict):
    """All questions of one bank (a file under prompts/questions/)."""

    bank: str = Field(description="The file's own name, without .yaml.")
    questions: list[Question] = Field(min_length=1)


class Persona(Strict):
    """An interviewer: who they are, how they ask, which values they own."""

    id: str
    name: str
    role: str = Field(description="A bare job title, never a recruiting role on the onsite.")
    style: str
    values: list[str] = Field(min_length=1)
    voice: Literal["female", "male", "any"] = "any"
    rate: int = Field(default=175, ge=80, le=300, description="Speaking rate, words per minute.")


class _PersonasFile(Strict):
    interviewers: list[Persona] = Field(min_length=1)


class Personas(BaseModel):
    """Every interviewer by id, and the first interviewer of each screen stage."""

    model_config = ConfigDict(frozen=True)

    by_id: dict[str, Persona]
    screens: dict[str, Persona]

    def pool(self, ids: list[str]) -> list[Persona]:
        """The personas with these ids, in this order."""
        return [self.by_id[i] for i in ids]


# What an answer may have said that a probe's wording relies on (rubric/probe_wording.py).
Said = Literal["said_flexible", "both_sides", "gave_number", "asked_meaning"]


class Probe(Strict):
    """A follow-up tied to the gap it targets; `texts` are interchangeable phrasings."""

    id: str
    gap: Gap
    texts: list[str] = Field(min_length=1)
    stages: list[str] | None = Field(
        default=None, description="The stages it may be used in (every stage if not given)."
    )
    styles: list[Style] = Field(
        default_factory=lambda: list(STYLES), description="Interview styles it fits."
    )
    requires: list[Said] = Field(
        default_factory=list, description="What the answer must have said for the wording to fit."
    )
    unless: list[Said] = Field(
        default_factory=list,
        description="What the answer must not have said (a figure already given is not asked for).",
    )


class ProbeSet(Strict):
    probes: list[Probe] = Field(min_length=1)


class Interruptions(Strict):
    """When and how the interviewer cuts into a spoken answer (prompts/interruptions.yaml)."""

    principle_after_seconds: float = Field(ge=10, le=600)
    transcript_wait_seconds: float = Field(
        default=3.0, ge=0, le=30,
        description="How much longer the no-principle cut-in may wait for a lagging transcript.",
    )
    time_limit_factor: float = Field(ge=0.5, le=3)
    no_principle: str = Field(min_length=1)
    time_limit: str = Field(min_length=1)


class KeeperAnswers(Strict):
    """The interviewer's answer to "would I fight to keep them?" for each band of the vote."""

    strong_yes: str = Field(min_length=10)
    yes: str = Field(min_length=10)
    no: str = Field(min_length=10)
    strong_no: str = Field(min_length=10)
    no_strength: str = Field(min_length=3)
    no_weakness: str = Field(min_length=3)
    failed_answer: str = Field(min_length=3)

    def for_vote(self, label: str) -> str:
        """The sentence for a vote label ("strong yes" reads `strong_yes`)."""
        return {"strong yes": self.strong_yes, "yes": self.yes, "no": self.no,
                "strong no": self.strong_no}[label]


class HireAgainAnswers(Strict):
    """The interviewer's answer to "would I hire them again?" (see rubric/keeper_answers.py)."""

    yes: str = Field(min_length=10)
    yes_with_evidence_against: str = Field(min_length=10)
    no: str = Field(min_length=10)


class KeeperTest(Strict):
    """The keeper test's two questions (prompts/keeper.yaml), shown beside every vote, and the
    interviewer's answers to them: the first by the vote's band, the second by the vote and the
    evidence against the candidate."""

    fight: str = Field(min_length=10)
    hire_again: str = Field(min_length=10)
    answers: KeeperAnswers
    hire_again_answers: HireAgainAnswers


class Content(BaseModel):
    """Everything in prompts/, loaded and cross-checked."""

    model_config = ConfigDict(frozen=True)

    values: dict[str, Value]
    banks: dict[str, QuestionBank]
    personas: Personas
    probes: list[Probe]
    stages: dict[str, StageSettings]
    styles: dict[str, StyleSettings]
    interruptions: Interruptions
    keeper: KeeperTest

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
            if p.gap == gap and (p.stages is None or stage in p.stages)
            and (style is None or style in p.styles)
        ]

    def stage(self, stage: str) -> StageSettings:
        """The settings of a stage by key; an unknown key names the file and the known stages."""
        if stage not in self.stages:
            raise ContentError(
                f"no stage {stage!r} in {prompts_dir()}/stages.yaml (it has "
                f"{', '.join(self.stages)})"
            )
        return self.stages[stage]

    def style(self, style: str) -> StyleSettings:
        """What differs for this interview style (styles: in stages.yaml)."""
        return self.styles.get(style) or StyleSettings()

    def persona(self, persona_id: str) -> Persona:
        """The persona with this id (screen or onsite)."""
        if persona_id not in self.personas.by_id:
            raise ContentError(
                f"no persona with id {persona_id!r} in {prompts_dir()}/personas.yaml"
            )
        return self.personas.by_id[persona_id]

    def stage_title(self, stage: str, style: str = "behavioural") -> str:
        """What an interview is called: the round's title for a technical round, else the
        stage's (e.g. 'System design round', 'Hiring manager call')."""
        settings = self.stages.get(stage)
        if settings is None:
            return stage
        chosen = settings.round_for(style)
        return chosen.title if chosen and style != "behavioural" else settings.title

    def is_screen(self, stage: str) -> bool:
        """Whether a stage is a screen, whose strong no ends a real loop (not the onsite panel).

        A stage stages.yaml does not name (an old session's) counts as a screen, as it always has.
        """
        settings = self.stages.get(stage)
        return settings.screen if settings else True

    def is_behavioural(self, stage: str, style: str = "behavioural") -> bool:
        """Whether an interview of this style in this stage asks for value stories
        (`behavioural` in stages.yaml: the stage's, unless the style says otherwise)."""
        settings = self.stages.get(stage)
        own = self.style(style).behavioural
        return bool(settings and (settings.behavioural if own is None else own))

    def tells_stories(self, stage: str, style: str = "behavioural") -> bool:
        """Whether answers in this style are stories from the candidate's own work: value
        stories, or walkthroughs of past work (`own_work`) such as a portfolio."""
        return self.is_behavioural(stage, style) or self.style(style).own_work

    @property
    def behavioural_stages(self) -> tuple[str, ...]:
        """The stages that ask for value stories, in the order of stages.yaml."""
        return tuple(stage for stage in self.stages if self.is_behavioural(stage))

    def questions_of(self, stage: str, role: str = DEFAULT_ROLE) -> list[Question]:
        """Every bank question a candidate of this role can meet in this stage."""
        settings = self.stages[stage]
        rounds = list(settings.rounds)
        extra = settings.role_rounds(role)
        rounds += extra.rounds if extra else []
        seen: dict[str, Question] = {}
        for chosen in rounds:
            for question in self.banks[chosen.bank].questions:
                seen.setdefault(question.id, question)
        return list(seen.values())

    def topics_of(self, stage: str, role: str = DEFAULT_ROLE) -> list[str]:
        """The question topics of a stage for a role, e.g. cdn, coding, churn."""
        return sorted({q.topic for q in self.questions_of(stage, role)})


def load_content(root: Path | None = None) -> Content:
    """Load and validate every content file under `root` (default: the prompts folder)."""
    from interviewer.rubric.content_checks import check_interviewers, check_stages, cross_check

    root = Path(root) if root else prompts_dir()
    values_file = read_model(_ValuesFile, root / "values.yaml")
    values = {value.name: value for value in values_file.values}
    stages_file = read_model(StagesFile, root / "stages.yaml")
    stages = stages_file.stages
    check_stages(stages, root / "stages.yaml")
    bank_names = sorted({r.bank for s in stages.values() for r in s.all_rounds()})
    banks = {name: read_model(QuestionBank, root / "questions" / f"{name}.yaml")
             for name in bank_names}
    interviewers = read_model(_PersonasFile, root / "personas.yaml").interviewers
    by_id = {p.id: p for p in interviewers}
    if len(by_id) != len(interviewers):
        raise ContentError(f"{root / 'personas.yaml'}: two interviewers share an id")
    check_interviewers(stages, by_id, root / "personas.yaml")
    screens = {stage: by_id[s.all_rounds()[0].interviewers[0]]
               for stage, s in stages.items() if s.screen}
    probes = read_model(ProbeSet, root / "probes.yaml").probes
    interruptions = read_model(Interruptions, root / "interruptions.yaml")
    keeper = read_model(KeeperTest, root / "keeper.yaml")
    check_placeholders([keeper.fight, keeper.hire_again], f"{root / 'keeper.yaml'}", set())
    answers = keeper.answers
    check_placeholders([answers.no_strength, answers.no_weakness, answers.failed_answer],
                       f"{root / 'keeper.yaml'}", set())
    check_placeholders([answers.strong_yes, answers.yes, answers.no, answers.strong_no],
                       f"{root / 'keeper.yaml'} answers", {"strongest", "weakest"})
    again = keeper.hire_again_answers
    # {weakest} only where it is the evidence against the candidate, which reads the same in the
    # offline and the LLM vote (the weakest thing otherwise can be the offline vote's own).
    check_placeholders([again.yes, again.no], f"{root / 'keeper.yaml'} hire_again_answers",
                       {"strongest"})
    # The sentence must say what the evidence against the candidate was.
    check_placeholders([again.yes_with_evidence_against],
                       f"{root / 'keeper.yaml'} hire_again_answers.yes_with_evidence_against",
                       {"strongest", "weakest"}, {"weakest"})
    content = Content(values=values, banks=banks, personas=Personas(by_id=by_id, screens=screens),
                      probes=probes, stages=stages, styles=stages_file.styles,
                      interruptions=interruptions, keeper=keeper)
    cross_check(content, root)
    return content


class _ValuesFile(Strict):
    values: list[Value]


def default_content() -> Content:
    """The content from the prompts folder, loaded once per process."""
    return load_once(load_content)


def stage_title(stage: str, style: str = "behavioural") -> str:
    """What an interview is called, from stages.yaml (see `Content.stage_title`)."""
    return default_content().stage_title(stage, style)


def stage_titles() -> dict[str, str]:
    """Every stage's title by key, for templates."""
    return {stage: stage_title(stage) for stage in STAGES}


# Re-exported so callers import stage names from one place.
__all__ = ["DEFAULT_ROLE", "ROLES", "STAGES", "STYLES", "Role", "Stage", "StageSettings",
           "Content", "load_content", "default_content", "Gap", "GAPS", "DRILL_GAPS",
           "NON_ANSWER_GAPS"]
