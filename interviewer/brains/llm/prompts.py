"""The LLM interviewer's prompts, loaded from prompts/llm/*.yaml and validated on load.

Each text field may use only the placeholders listed in `PLACEHOLDERS` and must use the required
ones, so a typo in a prompt file is a `ContentError` naming the file and field at start-up, not a
KeyError in the middle of an interview.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from interviewer.errors import ContentError
from interviewer.paths import prompts_dir
from interviewer.rubric.stages import STAGES, Stage, Style
from interviewer.rubric.yaml_files import Strict, check_placeholders, load_once, read_model

# file -> field -> (allowed placeholders, required placeholders)
PLACEHOLDERS: dict[str, dict[str, tuple[set[str], set[str]]]] = {
    "interviewer.yaml": {
        "persona": ({"name", "role", "style", "values", "stage_title"}, {"name", "role"}),
        "panel_member": ({"stage_title"}, set()),
        "data_rule": (set(), set()),
        "stages": (set(), set()),
        "styles": (set(), set()),
    },
    "move.yaml": {
        "task": ({"follow_ups_left", "stage_title"}, {"follow_ups_left"}),
        "rules": (set(), set()),
    },
    "score.yaml": {"task": ({"values", "stage_title"}, {"values"})},
    "vote.yaml": {"task": ({"name", "stage_title"}, {"name"})},
}


class InterviewerPrompt(Strict):
    """Who the interviewer is and the rule that keeps the candidate's words as data."""

    persona: str = Field(min_length=20)
    panel_member: str = Field(min_length=20)
    data_rule: str = Field(min_length=20)
    stages: dict[Stage, str]
    styles: dict[Style, str] = Field(
        default_factory=dict,
        description="What a round of this style listens for, wherever it is held, instead of "
        "its stage's (the onsite's coding round is not a behavioural interview).",
    )


class TaskPrompt(Strict):
    """The instruction for one job (move, score or vote), with optional extra rules."""

    task: str = Field(min_length=20)
    rules: list[str] = Field(default_factory=list)


class LLMPrompts(Strict):
    """Every LLM prompt, checked."""

    interviewer: InterviewerPrompt
    move: TaskPrompt
    score: TaskPrompt
    vote: TaskPrompt


def load_llm_prompts(root: Path | None = None) -> LLMPrompts:
    """Load and check prompts/llm/ (or `root`)."""
    root = Path(root) if root else prompts_dir() / "llm"
    parts = {}
    for name, model in (
        ("interviewer", InterviewerPrompt),
        ("move", TaskPrompt),
        ("score", TaskPrompt),
        ("vote", TaskPrompt),
    ):
        path = root / f"{name}.yaml"
        loaded = read_model(model, path)
        _check_placeholders(loaded, path)
        parts[name] = loaded
    stages = set(parts["interviewer"].stages)
    missing = set(STAGES) - stages
    if missing:
        raise ContentError(
            f"{root / 'interviewer.yaml'}: stages: missing {', '.join(sorted(missing))}"
        )
    if not parts["move"].rules:
        raise ContentError(f"{root / 'move.yaml'}: rules: list the probing rules (none given)")
    return LLMPrompts(**parts)


def default_llm_prompts() -> LLMPrompts:
    """The prompts from the prompts folder, loaded once per process."""
    return load_once(load_llm_prompts)


def fill(template: str, **values: object) -> str:
    """Fill a template's placeholders (the loader has already checked which ones it uses)."""
    return template.format(**values).strip()


def _check_placeholders(model: BaseModel, path: Path) -> None:
    for field_name, (allowed, required) in PLACEHOLDERS[path.name].items():
        value = getattr(model, field_name)
        texts = value if isinstance(value, list) else (
            list(value.values()) if isinstance(value, dict) else [value]
        )
        check_placeholders(texts, f"{path}: {field_name}", allowed, required)
