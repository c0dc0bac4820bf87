"""The LLM prompts are data in prompts/llm/, checked on load; a broken file names itself."""

from __future__ import annotations

import shutil

import pytest

from interviewer.brains.llm.prompts import load_llm_prompts
from interviewer.errors import ContentError
from interviewer.paths import prompts_dir


@pytest.fixture
def prompt_copy(tmp_path):
    target = tmp_path / "llm"
    shutil.copytree(prompts_dir() / "llm", target)
    return target


def test_shipped_prompts_load_and_carry_the_probing_rules():
    prompts = load_llm_prompts()
    rules = " ".join(prompts.move.rules)
    assert "What principle were you acting on there?" in rules
    assert "hedge" in rules and "stopped" in rules and "defend" in rules
    assert "<candidate_answer>" in prompts.interviewer.data_rule
    assert set(prompts.interviewer.stages) == {"recruiter", "manager", "technical", "onsite"}


@pytest.mark.parametrize(
    ("file", "old", "new", "expect"),
    [
        ("move.yaml", "{follow_ups_left} follow", "{follow_ups} follow", "unknown placeholder"),
        ("move.yaml", "{follow_ups_left} follow", "some follow", "must use {follow_ups_left}"),
        ("score.yaml", "Score the candidate", "Score {the candidate", "literal brace"),
        ("vote.yaml", "task: |", "task: [unclosed", "not valid YAML"),
        ("interviewer.yaml", "  onsite: |", "  panel: |", "stages"),
        ("score.yaml", "task: |", "tsk: |", "score.yaml"),
    ],
)
def test_a_malformed_prompt_file_is_named(prompt_copy, file, old, new, expect):
    path = prompt_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_llm_prompts(prompt_copy)
    assert file in str(caught.value)
    assert expect in str(caught.value)


def test_a_missing_prompt_file_is_named(prompt_copy):
    (prompt_copy / "vote.yaml").unlink()
    with pytest.raises(ContentError, match="vote.yaml"):
        load_llm_prompts(prompt_copy)
