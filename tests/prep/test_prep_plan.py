"""The study plan: its shape per length, and how it follows the candidate's gaps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from interviewer.errors import ContentError
from interviewer.prep.coverage import coverage
from interviewer.prep.gaps import find_gaps
from interviewer.prep.plan import build_plan
from interviewer.prep.plan_content import load_plan_content
from interviewer.prep.plan_text import plan_text
from interviewer.prep.progress import load_progress
from interviewer.prep.story import Story, StoryBank


def _commands(plan) -> list[str]:
    return [t.command for d in plan.days for t in d.tasks if t.command]


def _bank(*values: str) -> StoryBank:
    """Two confirmed stories for each value given."""
    sentences = {
        "Judgment": "I weighed the risk and made the call to delay it.",
        "Courage": "I told my director directly even though it was uncomfortable.",
        "Communication": "I explained the context to the whole team in writing.",
        "Selflessness": "I gave the credit to my colleague in the review.",
    }
    bank = StoryBank()
    for value in values:
        for n in (1, 2):
            bank.add(Story(title=f"{value} {n}", action=sentences[value], values=[value]))
    return bank


@pytest.mark.parametrize("weeks", [2, 3, 4, 8])
def test_every_day_has_tasks_and_commands(weeks):
    plan = build_plan(find_gaps(coverage(StoryBank()), None), weeks, start=date(2026, 1, 5))
    assert [d.number for d in plan.days] == list(range(1, weeks * 7 + 1))
    assert all(d.tasks for d in plan.days)
    assert plan.days[-1].date == date(2026, 1, 5) + timedelta(days=weeks * 7 - 1)
    commands = _commands(plan)
    assert all(c.startswith("interviewer ") and "{" not in c for c in commands)
    assert any("loop --cold-start" in c for c in commands)
    assert any("--stage technical" in c for c in commands)
    assert any("--stage recruiter" in c for c in commands)


def test_a_new_candidate_gets_a_baseline_plan():
    plan = build_plan(find_gaps(coverage(StoryBank()), None), 4)
    first_day = [t.key for t in plan.days[0].tasks]
    assert first_day[:2] == ["culture", "baseline"]
    assert "write_story" in first_day
    assert any("No practice sessions yet" in line for line in plan.basis)
    assert any("empty" in line for line in plan.basis)


def test_story_days_and_mocks_target_the_thin_values():
    thin_a = build_plan(find_gaps(coverage(_bank("Judgment", "Communication")), None), 4)
    thin_b = build_plan(find_gaps(coverage(_bank("Courage", "Selflessness")), None), 4)
    adds_a = {c for c in _commands(thin_a) if c.startswith("interviewer stories add --value")}
    adds_b = {c for c in _commands(thin_b) if c.startswith("interviewer stories add --value")}
    assert "interviewer stories add --value Selflessness" in adds_a
    assert "interviewer stories add --value Judgment" in adds_b
    assert "interviewer stories add --value Judgment" not in adds_a
    assert any("--focus Selflessness" in c for c in _commands(thin_a))
    assert not any("--focus Judgment" in c for c in _commands(thin_a))
    assert plan_text(thin_a) != plan_text(thin_b)


def test_weak_signals_from_sessions_become_drills(weak_sessions):
    bank = _bank("Judgment")
    without = build_plan(find_gaps(coverage(bank), None), 4)
    with_sessions = build_plan(find_gaps(coverage(bank), load_progress(weak_sessions)), 4)
    gaps = find_gaps(coverage(bank), load_progress(weak_sessions))
    assert "no_principle" in gaps.weak
    assert "fillers" not in gaps.delivery or gaps.evidence["fillers"]
    drills = [t for d in with_sessions.days for t in d.tasks if t.key == "drill:no_principle"]
    assert drills and all(t.why.startswith("your gap") for t in drills)
    assert "Probes that keep catching you" in " ".join(with_sessions.basis)
    maintenance = [t for d in without.days for t in d.tasks if t.key.startswith("drill:")]
    assert all(t.why.startswith("keeping it sharp") for t in maintenance)
    assert with_sessions.days[0].tasks[1].key == "review"  # not a baseline any more
    assert any(c.startswith("interviewer stories import") for c in _commands(with_sessions))


def test_delivery_gaps_add_delivery_drills(weak_sessions):
    gaps = find_gaps(coverage(StoryBank()), load_progress(weak_sessions))
    gaps.delivery = ["fillers"]
    gaps.evidence["fillers"] = "9.0 per 100 words"
    plan = build_plan(gaps, 2)
    assert any(t.key == "drill:fillers" for d in plan.days for t in d.tasks)
    assert "Delivery: filler words" in " ".join(plan.basis)


def test_no_technical_replaces_technical_days():
    plan = build_plan(find_gaps(coverage(StoryBank()), None), 4, technical=False)
    assert not any("--stage technical" in c for c in _commands(plan))
    assert {d.kind for d in plan.days} == {"stories", "mocks", "loops"}


def test_plan_content_is_validated(tmp_path):
    good = load_plan_content().model_dump(by_alias=True)
    import yaml

    good["plans"][0]["phases"][0]["to"] = 3  # overlaps the next phase
    (tmp_path / "plans.yaml").write_text(yaml.safe_dump(good))
    with pytest.raises(ContentError, match="plans.yaml: the 2-week plan's phase"):
        load_plan_content(tmp_path)
    good = load_plan_content().model_dump(by_alias=True)
    good["tasks"]["loop"]["command"] = "interviewer loop {nonsense}"
    (tmp_path / "plans.yaml").write_text(yaml.safe_dump(good))
    with pytest.raises(ContentError, match="unknown placeholder"):
        load_plan_content(tmp_path)
    del good["drills"]["hedging"]
    good["tasks"]["loop"]["command"] = "interviewer loop"
    (tmp_path / "plans.yaml").write_text(yaml.safe_dump(good))
    with pytest.raises(ContentError, match="missing entries: hedging"):
        load_plan_content(tmp_path)


def test_a_three_week_plan_and_its_replay_step_name_real_commands(sessions_dir, tmp_path):
    from tests.support import STRONG_STORY, run_cli, write_answers

    result = run_cli("plan", "--weeks", "3")
    assert result.returncode == 0, result.stderr
    plan = build_plan(find_gaps(coverage(StoryBank()), None), 3)
    replays = {t.command for d in plan.days for t in d.tasks if t.key == "replay"}
    assert replays == {"interviewer replay latest --no-audio"}
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 8)
    for stage in ("recruiter", "manager"):
        assert run_cli("practice", "--stage", stage, "--answers", str(answers)).returncode == 0
    replayed = run_cli(*next(iter(replays)).split()[1:])
    assert replayed.returncode == 0, replayed.stderr
    assert "Hiring manager call" in replayed.stdout and "Recruiter screen" not in replayed.stdout


def test_technical_days_name_a_topic_the_interviewer_can_ask():
    from interviewer.rubric.content import default_content

    plan = build_plan(find_gaps(coverage(StoryBank()), None), 4)
    commands = [t.command for d in plan.days for t in d.tasks if t.key in ("technical", "coding")]
    topics = {c.split("--topic ")[1] for c in commands}
    assert commands and all("--topic " in c for c in commands)
    assert "coding" in topics and len(topics) >= 3
    assert topics <= set(default_content().topics_of("technical"))
