"""The checks across content files that a single file's model cannot make: every stage has
rounds, every named interviewer and bank topic exists, the onsite panel covers the nine values
with fresh questions and has no recruiting roles, every gap has a probe. Each failure names the
file to fix.
"""

from __future__ import annotations

from pathlib import Path

from interviewer.errors import ContentError
from interviewer.rubric.content import GAPS, VALUE_NAMES, Content, Persona
from interviewer.rubric.stages import LINE_PLACEHOLDERS, ROLES, STAGES, Round, StageSettings
from interviewer.rubric.yaml_files import check_placeholders


def check_stages(stages: dict[str, StageSettings], path: Path) -> None:
    missing = set(STAGES) - set(stages)
    if missing:
        raise ContentError(f"{path}: no settings for {', '.join(sorted(missing))}")
    for stage, settings in stages.items():
        check_placeholders(settings.spoken_lines(), f"{path}: stages.{stage}", LINE_PLACEHOLDERS)
        if not settings.all_rounds():
            raise ContentError(f"{path}: stages.{stage}: give it at least one round")
        if not settings.rounds and set(settings.roles) != set(ROLES):
            raise ContentError(
                f"{path}: stages.{stage}: has no rounds of its own, so every role "
                f"({', '.join(ROLES)}) needs rounds"
            )


def check_interviewers(stages: dict[str, StageSettings], by_id: dict[str, Persona],
                        path: Path) -> None:
    for stage, settings in stages.items():
        for chosen in settings.all_rounds():
            unknown = [i for i in chosen.every_interviewer() if i not in by_id]
            if unknown:
                raise ContentError(
                    f"{path}: no interviewer {unknown[0]!r} (named by stages.yaml, {stage} "
                    f"{chosen.title})"
                )
            if not settings.screen and any(
                "recruit" in by_id[i].role for i in chosen.every_interviewer()
            ):
                raise ContentError(f"{path}: the {stage} panel has no recruiting roles")


def cross_check(content: Content, root: Path) -> None:
    missing = set(VALUE_NAMES) - set(content.values)
    if missing:
        raise ContentError(f"{root / 'values.yaml'}: missing values: {', '.join(sorted(missing))}")
    seen: dict[str, str] = {}
    for name, bank in content.banks.items():
        path = root / "questions" / f"{name}.yaml"
        if bank.bank != name:
            raise ContentError(f"{path}: says bank {bank.bank!r} but the file is {name!r}")
        for question in bank.questions:
            _check_values(question.values, f"{path}: question {question.id}")
            if question.id in seen:
                raise ContentError(
                    f"{path}: question id {question.id!r} is also used in {seen[question.id]}"
                )
            seen[question.id] = name
    for stage, settings in content.stages.items():
        for chosen in settings.all_rounds():
            if chosen.panel:
                _check_panel(content, chosen, root)
            bank = content.banks[chosen.bank].questions
            for topic in chosen.topics:
                if not any(q.topic == topic for q in bank):
                    raise ContentError(
                        f"{root / 'questions' / f'{chosen.bank}.yaml'}: no question on topic "
                        f"{topic!r} (stages.yaml asks one in the {stage} stage)"
                    )
    personas_path = root / "personas.yaml"
    for persona in content.personas.by_id.values():
        _check_values(persona.values, f"{personas_path}: persona {persona.id}")
    for probe in content.probes:
        unknown = sorted(set(probe.stages or ()) - set(content.stages))
        if unknown:
            raise ContentError(
                f"{root / 'probes.yaml'}: probe {probe.id}: no stage {', '.join(unknown)} in "
                f"stages.yaml (it has {', '.join(content.stages)})"
            )
    missing_gaps = set(GAPS) - {probe.gap for probe in content.probes}
    if missing_gaps:
        raise ContentError(
            f"{root / 'probes.yaml'}: no probe for {', '.join(sorted(missing_gaps))}"
        )


def _check_panel(content: Content, chosen: Round, root: Path) -> None:
    """A panel round must be able to cover the nine values with fresh questions."""
    bank = content.banks[chosen.bank].questions
    for value in VALUE_NAMES:
        count = sum(1 for q in bank if q.values[0] == value)
        if count < 3:
            raise ContentError(
                f"{root / 'questions' / f'{chosen.bank}.yaml'}: {value} leads only {count} "
                "questions; every value needs at least three"
            )
    pool = content.personas.pool(chosen.interviewers)
    covered = {value for persona in pool for value in persona.values}
    if covered != set(VALUE_NAMES):
        raise ContentError(
            f"{root / 'personas.yaml'}: the {chosen.title} interviewers do not cover "
            f"{', '.join(sorted(set(VALUE_NAMES) - covered))}"
        )


def _check_values(names: list[str], where: str) -> None:
    for name in names:
        if name not in VALUE_NAMES:
            raise ContentError(f"{where}: unknown value {name!r} (use one of the nine values)")
