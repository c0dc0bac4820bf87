"""Roles shape the technical screen, questions never repeat until a bank is used up, a
candidate's own question and a chosen topic can be practised, and the loop says where you are."""

from __future__ import annotations

import shutil

import pytest

from interviewer.errors import ContentError
from interviewer.rubric.content import default_content, load_content
from interviewer.rubric.planning import PlanRequest, plan_loop, plan_practice
from interviewer.session.events import SessionStarted
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from interviewer.session.whereabouts import Whereabouts
from tests.support import REPO, STRONG_STORY, run_cli, write_answers


def _sessions(folder):
    return [build_state(store.read()) for store in list_sessions(folder)]


def test_ten_manager_practices_in_one_folder_repeat_no_question(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 12)
    for _ in range(10):
        result = run_cli("practice", "--stage", "manager", "--answers", str(answers),
                         "--seed", "5")  # the same seed every time: only the memory differs
        assert result.returncode == 0, result.stderr
    asked = [t.asked.question_id for s in _sessions(sessions_dir) for t in s.turns
             if t.asked.kind == "question"]
    assert len(asked) == 30 and len(set(asked)) == 30


def test_the_bank_is_used_up_before_anything_repeats():
    content = default_content()
    bank = {q.id for q in content.banks["manager"].questions}
    request = PlanRequest()
    seen: list[str] = []
    for seed in range(len(bank) // 3 + 1):
        plan = plan_practice(content, "manager", seed, request=request)[0]
        ids = [q.id for q in plan.questions]
        request.asked.update(ids)
        seen += ids
    assert set(seen[: len(bank)]) == bank  # every question once before the first repeat


@pytest.mark.parametrize("role, style, prefix", [
    ("product", "product", "prod-"), ("design", "portfolio", "port-")])
def test_role_changes_the_technical_screen(sessions_dir, tmp_path, role, style, prefix):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 12)
    result = run_cli("practice", "--stage", "technical", "--role", role, "--answers",
                     str(answers), "--seed", "2")
    assert result.returncode == 0, result.stderr
    (state,) = _sessions(sessions_dir)
    (plan,) = [i.plan for i in state.interviews]
    assert state.started.role == role and plan.style == style
    assert all(q.id.startswith(prefix) for q in plan.questions)
    assert default_content().stage_title("technical", style) in result.stdout


def test_engineers_get_coding_or_system_design_on_the_technical_screen():
    content = default_content()
    styles = {plan_practice(content, "technical", seed)[0].style for seed in range(12)}
    assert styles == {"coding", "design"}


def test_every_role_keeps_a_behavioural_panel_covering_the_values():
    content = default_content()
    for role in ("engineer", "product", "design"):
        onsite = [p for p in plan_loop(content, 3, PlanRequest(role=role)) if p.stage == "onsite"]
        panel = [p for p in onsite if p.style == "behavioural"]
        assert 4 <= len(panel) <= 5
        extra = {p.style for p in onsite} - {"behavioural"}
        assert extra == {"engineer": {"coding", "design"}, "product": {"product"},
                         "design": {"portfolio"}}[role]
        assert all("recruit" not in p.interviewer_role for p in onsite)


def test_practice_with_an_own_question(sessions_dir, tmp_path):
    own = "Tell me about the last time you changed a plan because of a single conversation."
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 4)
    result = run_cli("practice", "--stage", "manager", "--question", own, "--answers",
                     str(answers), "--seed", "1")
    assert result.returncode == 0, result.stderr
    (state,) = _sessions(sessions_dir)
    first = state.turns[0]
    assert first.asked.text == own and first.asked.kind == "question"
    assert first.latest_score is not None
    empty = run_cli("practice", "--stage", "manager", "--question", "  ", "--text")
    assert empty.returncode != 0 and "--question is empty" in empty.stderr


def test_topic_picks_the_technical_topic(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 12)
    result = run_cli("practice", "--stage", "technical", "--topic", "cdn", "--answers",
                     str(answers), "--seed", "4")
    assert result.returncode == 0, result.stderr
    (state,) = _sessions(sessions_dir)
    assert state.interviews[0].plan.questions[0].topic == "cdn"
    wrong = run_cli("practice", "--stage", "technical", "--topic", "knitting", "--text")
    assert wrong.returncode != 0 and "choose one of" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_onsite_openings_differ_between_interviewers():
    content = default_content()
    plans = plan_practice(content, "onsite", 8, request=PlanRequest(role="product"))
    started = SessionStarted(session_id="s", mode="practice", seed=8, brain="offline",
                             input="script", interviews=plans)
    where = Whereabouts(build_state([started]), content)
    panel = [i for i, p in enumerate(plans) if p.style == "behavioural"]
    openings = [where.opening(i, 8).split(" here")[-1] for i in panel]
    assert len(set(openings)) == len(openings)


def _where(plans, mode="loop", input="script", events=()):
    started = SessionStarted(session_id="s", mode=mode, seed=6, brain="offline",
                             input=input, interviews=plans)
    return started, Whereabouts(build_state([started, *events]), default_content())


def test_the_progress_line_says_stage_interviewer_question_and_time_left():
    content = default_content()
    plans = plan_loop(content, 6)
    started, where = _where(plans, input="voice")
    first_onsite = next(i for i, p in enumerate(plans) if p.stage == "onsite")
    line = where.line(first_onsite, 0, now=started.at)
    onsite_count = sum(p.stage == "onsite" for p in plans)
    title = content.stage_title("onsite", plans[first_onsite].style)
    assert line.startswith(f"Stage 4 of 4, {title}")
    assert f"interviewer 1 of {onsite_count}" in line and "question 1 of" in line
    assert "0 min so far" in line and f"about {onsite_count * 45 // 60} h" in line
    assert where.handover(first_onsite) == content.stages["onsite"].handover.pass_
    assert where.handover(first_onsite + 1) is None
    assert where.remaining_minutes(0, 0) == sum(content.stages[p.stage].minutes for p in plans)


def test_a_typed_loop_counts_done_and_left_on_the_same_spoken_clock():
    content = default_content()
    plans = plan_loop(content, 6)
    total = sum(content.stages[p.stage].minutes for p in plans)
    _, where = _where(plans, input="typed")
    lines = [where.line(0, q) for q in range(len(plans[0].questions))]
    assert all("so far" not in line and "of a spoken loop done" in line for line in lines)
    for q, line in enumerate(lines):
        left = where.remaining_minutes(0, q)
        assert f"done, {_spoken(round(left)) if left >= 60 else f'{round(left)} min'} left" in line
        done = line.split("about ")[1].split(" of a spoken")[0]
        assert done == (f"{round(total - left)} min" if total - left < 60
                        else _spoken(round(total - left)))


def test_after_a_strong_no_the_handover_does_not_say_you_passed():
    from interviewer.rubric.results import Vote
    from interviewer.session.events import VoteCast

    content = default_content()
    plans = plan_loop(content, 6)
    recruiter = plans[0]
    def vote(label):
        return VoteCast(interview=0, brain="offline", vote=Vote(
            stage="recruiter", interviewer=recruiter.interviewer_name,
            role=recruiter.interviewer_role, vote=label, score=20, keeper=False))
    _, passed = _where(plans, events=[vote("no")])
    _, stopped = _where(plans, events=[vote("strong no")])
    manager = next(i for i, p in enumerate(plans) if p.stage == "manager")
    technical = next(i for i, p in enumerate(plans) if p.stage == "technical")
    assert passed.handover(manager).startswith("The recruiter passed you on")
    for index in (manager, technical):
        line = stopped.handover(index)
        assert "In a real loop this would" in line and "carrying on for practice" in line
        assert "passed you on" not in line and "You're through" not in line


def test_closings_are_neutral_whatever_the_vote():
    for settings in default_content().stages.values():
        closing = settings.closing.lower()
        for praise in ("thoughtful", "candid", "so open", "great", "impressive"):
            assert praise not in closing, (settings.title, praise)


def test_a_designer_meets_design_and_generic_screeners_not_engineering_ones():
    content = default_content()
    for seed in range(12):
        plans = plan_loop(content, seed, PlanRequest(role="design"))
        screens = {p.stage: p.interviewer_role for p in plans[:2]}
        assert "engineering" not in screens["manager"] and "technical" not in screens["recruiter"]
    engineer = {plan_loop(content, s)[1].interviewer_role for s in range(12)}
    assert "engineering manager" in engineer


def test_content_refuses_a_recruiter_on_the_onsite_panel(tmp_path):
    root = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", root)
    personas = root / "personas.yaml"
    personas.write_text(personas.read_text().replace(
        "role: principal engineer", "role: recruiting partner"), encoding="utf-8")
    with pytest.raises(ContentError, match="recruiting"):
        load_content(root)


def test_content_uses_netflix_vocabulary():
    for path in (REPO / "prompts").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        for phrase in ("disagree and commit", "one-way door", "two-way door"):
            assert phrase not in text, (path, phrase)


def test_banks_are_three_times_the_old_size():
    banks = {name: len(bank.questions) for name, bank in default_content().banks.items()}
    assert banks["recruiter"] >= 48 and banks["manager"] >= 36 and banks["onsite"] >= 108
    assert banks["coding"] + banks["system_design"] >= 39


def test_an_own_onsite_question_goes_to_a_behavioural_interviewer():
    from interviewer.rubric.planning import plan_own_question

    (plan,) = plan_own_question(default_content(), "onsite", 1, "What would you undo?")
    assert plan.style == "behavioural" and plan.questions[0].text == "What would you undo?"
    assert plan.questions[0].values == plan.interviewer_values


def _spoken(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def test_readme_states_how_long_a_spoken_loop_takes():
    content = default_content()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    text = " ".join(readme.split())
    for role in ("engineer", "product"):
        lengths = {sum(content.stages[p.stage].minutes for p in plan_loop(content, seed,
                                                                         PlanRequest(role=role)))
                   for seed in range(30)}
        stated = f"{_spoken(min(lengths))} to {_spoken(max(lengths))}"
        assert stated in text, (role, stated)
