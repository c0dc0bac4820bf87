"""Interviews through the real CLI with scripted answers: probes, saving, votes, the decision."""

from __future__ import annotations

import json
import stat

from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.support import GIBBERISH, STRONG_STORY, WEAK_STORY, run_cli, write_answers

NO_PRINCIPLE_STORY = (
    "At my last company I was leading the checkout team when our payment provider started "
    "timing out. I pulled the logs, found the retry storm, and I decided to add a circuit breaker "
    "and a queue in front of the provider. The timeouts dropped from 9% to 0.5% in a week."
)


def only_session(sessions_dir):
    stores = list_sessions(sessions_dir)
    assert len(stores) == 1
    return stores[0], build_state(stores[0].read())


def test_story_without_principle_draws_the_principle_probe(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [NO_PRINCIPLE_STORY])
    result = run_cli("practice", "--stage", "manager", "--answers", str(answers), "--seed", "7")
    assert result.returncode == 0, result.stderr
    _, state = only_session(sessions_dir)
    first = state.turns[0]
    assert first.move.move.action == "follow_up"
    assert first.move.move.gap == "no_principle"
    # The principle probe is asked in varied words (prompts/probes.yaml), not always the same.
    from interviewer.rubric.content import default_content
    texts = {t for p in default_content().probes if p.gap == "no_principle" for t in p.texts}
    assert state.turns[1].asked.text in texts


def test_answer_with_principle_position_and_reflection_is_not_probed_for_them(sessions_dir,
                                                                               tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 12)
    result = run_cli("practice", "--stage", "manager", "--answers", str(answers), "--seed", "7")
    assert result.returncode == 0, result.stderr
    _, state = only_session(sessions_dir)
    probed = {t.asked.gap for t in state.turns if t.asked.kind == "follow_up"}
    assert not probed & {"no_principle", "hedging", "no_reflection"}
    assert state.complete


def test_follow_ups_are_bounded_and_never_repeat_in_a_row(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [WEAK_STORY] * 30)
    result = run_cli("practice", "--stage", "onsite", "--answers", str(answers), "--seed", "3")
    assert result.returncode == 0, result.stderr
    from interviewer.rubric.content import default_content
    from interviewer.rubric.round_kind import settings_for

    _, state = only_session(sessions_dir)
    budgets = set()
    for interview in state.interviews:
        for index, question in enumerate(interview.plan.questions):
            # The round's own budget: 2 on the behavioural panel, 3 in coding and design.
            budget = settings_for(default_content(), interview.plan.stage, question,
                                  interview.plan).max_follow_ups
            budgets.add(budget)
            exchange = interview.exchange(index)
            probes = [t.asked.probe_id for t in exchange[1:]]
            assert len(probes) <= budget
            assert all(a != b for a, b in zip(probes, probes[1:], strict=False))
    assert budgets == {2, 3}


def test_answers_running_out_ends_cleanly_and_saves(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY, WEAK_STORY])
    result = run_cli("practice", "--stage", "manager", "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert "resume" in result.stdout
    store, state = only_session(sessions_dir)
    assert len([t for t in state.turns if t.answer]) == 2
    assert state.ended[-1].reason == "answers_exhausted"
    assert (store.folder / "transcript.json").exists() and (store.folder / "report.md").exists()


def test_session_files_are_private(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY])
    run_cli("practice", "--stage", "recruiter", "--answers", str(answers))
    store, _ = only_session(sessions_dir)
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    for path in store.folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_full_cold_start_loop_ends_with_independent_votes_and_a_decision(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 80)
    result = run_cli("loop", "--cold-start", "--role", "engineer", "--text", "--answers",
                     str(answers), "--seed", "11")
    assert result.returncode == 0, result.stderr
    store, state = only_session(sessions_dir)
    stages = [i.plan.stage for i in state.interviews]
    assert stages[:3] == ["recruiter", "manager", "technical"]
    onsite = [i.plan for i in state.interviews if i.plan.stage == "onsite"]
    # Engineers meet a coding round and a system-design round beside the behavioural panel.
    assert sorted(p.style for p in onsite if p.style != "behavioural") == ["coding", "design"]
    assert 4 <= sum(p.style == "behavioural" for p in onsite) <= 5
    assert "Coding round" in result.stdout and "System design round" in result.stdout
    assert all(i.vote is not None for i in state.interviews)
    assert state.decision is not None
    assert "Decision" in result.stdout
    from interviewer.rubric.decision import decide

    expected = decide([i.vote.vote for i in state.interviews])
    assert state.decision.decision.outcome == expected.outcome
    onsite_values = {v for p in onsite if p.style == "behavioural"
                     for q in p.questions for v in q.values[:1]}
    assert onsite_values == {"Judgment", "Selflessness", "Courage", "Communication", "Innovation",
                             "Inclusion", "Integrity", "Passion", "Impact"}
    listed = json.loads(run_cli("sessions", "--json").stdout)
    assert listed[0]["decision"] == state.decision.decision.outcome
    assert {"id", "path", "stage", "overall"} <= set(listed[0])


def test_same_seed_and_answers_give_the_same_interview(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [NO_PRINCIPLE_STORY, WEAK_STORY, GIBBERISH] * 6)
    # Two candidates with no history (what was asked before steers the draw).
    folders = [tmp_path / "first", tmp_path / "second"]
    for folder in folders:
        assert run_cli("practice", "--stage", "onsite", "--answers", str(answers),
                       "--seed", "42", "--sessions-dir", str(folder)).returncode == 0
    first, second = (build_state(list_sessions(f)[0].read()) for f in folders)
    assert [t.asked.text for t in first.turns] == [t.asked.text for t in second.turns]
    assert [i.plan.interviewer_name for i in first.interviews] == [
        i.plan.interviewer_name for i in second.interviews]


def test_typed_answers_end_with_an_empty_line_and_can_be_piped(sessions_dir):
    typed = f"{NO_PRINCIPLE_STORY}\nA second line of the same answer.\n\nSecond answer here.\n"
    result = run_cli("practice", "--stage", "manager", "--text", input=typed)
    assert result.returncode == 0, result.stderr
    _, state = only_session(sessions_dir)
    answered = [t.answer.text for t in state.turns if t.answer]
    assert answered[0].endswith("A second line of the same answer.")
    assert answered[1] == "Second answer here."


def test_replay_from_past_the_last_turn_says_how_many_turns_there_are(sessions_dir, tmp_path):
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 2)
    run_cli("practice", "--stage", "manager", "--answers", str(answers))
    result = run_cli("replay", "latest", "--no-audio", "--from", "999")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    turns = len(only_session(sessions_dir)[1].turns)
    assert f"this session has {turns} turns" in result.stderr and "--from" in result.stderr
    assert run_cli("replay", "latest", "--no-audio", "--from", "2").returncode == 0
