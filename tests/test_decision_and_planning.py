"""The decision rule, the seeded plans, and content validation."""

from __future__ import annotations

import shutil

import pytest

from interviewer.errors import ContentError
from interviewer.rubric.content import VALUE_NAMES, default_content, load_content
from interviewer.rubric.decision import decide
from interviewer.rubric.planning import plan_loop, plan_practice
from interviewer.rubric.results import Vote
from tests.support import REPO


def votes(*labels: str, screens: str = "yes") -> list[Vote]:
    board = [Vote(interviewer=s, role=s, stage=s, vote=screens, keeper=True, score=70)
             for s in ("recruiter", "manager", "technical")]
    board += [Vote(interviewer=f"P{i}", role="engineer", stage="onsite", vote=label,
                   keeper=label == "strong yes", score=60) for i, label in enumerate(labels)]
    return board


@pytest.mark.parametrize(
    "labels, outcome",
    [
        (("yes", "yes", "yes", "yes"), "hire"),
        (("strong yes", "no", "no", "yes"), "no hire"),  # one advocate vs two skeptics
        (("strong yes", "strong yes", "no", "no", "yes"), "no hire"),
        (("strong yes", "yes", "yes", "no"), "hire"),
        (("yes", "yes", "yes", "no"), "no hire"),
        (("yes", "yes", "strong no", "yes"), "no hire"),
    ],
)
def test_decision_rule(labels, outcome):
    assert decide(votes(*labels)).outcome == outcome


def test_a_strong_no_at_a_screen_ends_the_process():
    decision = decide(votes("strong yes", "strong yes", "yes", "yes", screens="strong no"))
    assert decision.outcome == "no hire" and "screen" in decision.explanation


def test_plans_are_seeded_and_the_onsite_covers_every_value():
    content = default_content()
    for seed in range(25):
        onsite = plan_practice(content, "onsite", seed)
        panel = [i for i in onsite if i.style == "behavioural"]
        assert 4 <= len(panel) <= 5
        assert sorted(i.style for i in onsite if i not in panel) == ["coding", "design"]
        assert {q.values[0] for i in panel for q in i.questions} == set(VALUE_NAMES)
        assert len({i.interviewer_id for i in onsite}) == len(onsite)
    assert plan_loop(content, 9) == plan_loop(content, 9)
    assert plan_loop(content, 9) != plan_loop(content, 10)


def test_recruiter_screen_covers_arc_role_environment_and_pay():
    plan = plan_practice(default_content(), "recruiter", 1)[0]
    assert [q.topic for q in plan.questions] == [
        "career_arc", "why_role", "environment", "compensation"]


def test_focus_values_come_first():
    plan = plan_practice(default_content(), "manager", 4, ["Courage"])[0]
    assert "Courage" in plan.questions[0].values


@pytest.mark.parametrize(
    "file, text, needle",
    [
        ("values.yaml", "values: [", "not valid YAML"),
        ("stages.yaml", "stages: {}", "stages.yaml"),
        ("questions/onsite.yaml", "bank: onsite\nquestions:\n  - id: a\n    text: b\n"
         "    values: [Judgment]\n    topic: t\n", "at least three"),
        ("personas.yaml", "interviewers: []\n", "personas.yaml"),
        ("stages.yaml", (REPO / "prompts" / "stages.yaml").read_text().replace(
            "{name}, {role} here", "{name}, {title} here", 1), "unknown placeholder {title}"),
        ("probes.yaml", "\ufeffprobes: [".encode("utf-16").decode("latin-1"), "UTF-16"),
    ],
)
def test_malformed_content_names_the_file(tmp_path, file, text, needle):
    root = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", root)
    if "UTF-16" in needle:
        (root / file).write_bytes(text.encode("latin-1"))
    else:
        (root / file).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert needle in str(error.value) and file.split("/")[-1] in str(error.value)
