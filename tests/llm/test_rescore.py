"""Re-scoring a saved session appends a new revision and never changes the original record."""

from __future__ import annotations

import pytest

from interviewer.brains.base import BrainError
from interviewer.brains.offline import OfflineBrain
from interviewer.report.derived import transcript_dict, write_derived
from interviewer.rubric.content import default_content
from interviewer.session.events import AnswerScored, DecisionMade, Note, VoteCast
from interviewer.session.rescoring import rescore, revision_summary
from interviewer.session.state import build_state
from tests.llm.llm_support import (
    FAKE_KEY,
    STORY,
    error,
    files_containing,
    llm_brain,
    refused_url,
    run_session,
)

ANSWERS = [f"{STORY} (Answer {n}.)" for n in range(1, 120)]


def new_events(store, before: bytes, kind=None):
    raw = store.events_path.read_bytes()
    assert raw.startswith(before), "re-scoring changed the original record"
    events = store.read()[len(before.splitlines()):]
    return [e for e in events if kind is None or isinstance(e, kind)]


def offline_session(tmp_path, stage="manager"):
    return run_session(tmp_path, OfflineBrain(default_content()), ANSWERS, stage=stage)


def test_offline_rescore_appends_revision_one(tmp_path):
    run = offline_session(tmp_path)
    before = run.store.events_path.read_bytes()
    original = build_state(run.store.read())
    assert rescore(run.store, OfflineBrain()) == 1
    scored = new_events(run.store, before, AnswerScored)
    answered = [t for t in original.turns if t.answer]
    assert [e.turn for e in scored] == [t.asked.turn for t in answered]
    assert {(e.revision, e.brain, e.fallback) for e in scored} == {(1, "offline", False)}
    votes = new_events(run.store, before, VoteCast)
    assert [(v.interview, v.revision) for v in votes] == [(0, 1)]
    state = build_state(run.store.read())
    for turn in state.turns:
        if turn.answer:
            assert turn.latest_scored.revision == 1
            assert turn.score_at(0).revision == 0  # the original is still there
            assert turn.latest_score.overall == turn.score_at(0).score.overall  # deterministic
    assert state.latest_revision == 1
    assert state.complete


def test_llm_rescore_then_another_revision(server, tmp_path):
    run = offline_session(tmp_path)
    before = run.store.events_path.read_bytes()
    assert rescore(run.store, llm_brain(server.base_url), OfflineBrain()) == 1
    assert {(e.brain, e.revision) for e in new_events(run.store, before, AnswerScored)} == {
        ("llm", 1)
    }
    assert {r.schema_name for r in server.requests} == {"LLMScore", "LLMVote"}
    middle = run.store.events_path.read_bytes()
    assert rescore(run.store, OfflineBrain()) == 2
    assert {e.revision for e in new_events(run.store, middle, AnswerScored)} == {2}
    state = build_state(run.store.read())
    write_derived(run.store, state)
    turn = next(t for t in transcript_dict(state, run.store)["interviews"][0]["turns"])
    assert turn["revisions"] == 3 and turn["scored_by"] == "offline"
    assert files_containing(run.store.folder, FAKE_KEY) == []


def test_llm_rescore_with_the_endpoint_down_falls_back_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    run = offline_session(tmp_path)
    before = run.store.events_path.read_bytes()
    assert rescore(run.store, llm_brain(refused_url()), OfflineBrain()) == 1
    scored = new_events(run.store, before, AnswerScored)
    assert scored and {(e.brain, e.fallback, e.revision) for e in scored} == {("offline", True, 1)}
    notes = new_events(run.store, before, Note)
    assert notes and len({n.text for n in notes}) == len(notes)  # each reason once
    assert all("revision 1" in n.text for n in notes)
    assert new_events(run.store, before, VoteCast)[0].brain == "offline"
    summary = revision_summary(run.store.read(), 1, "llm")
    steps = len(scored) + 1
    assert summary.startswith(f"Revision 1: all {steps} steps fell back to the offline")


def test_the_rescore_summary_counts_the_steps_that_fell_back(server, tmp_path):
    run = offline_session(tmp_path)
    server.script = [error(400, "one bad request")]  # the first score falls back, no retries
    rescore(run.store, llm_brain(server.base_url), OfflineBrain())
    scored = [e for e in run.store.read() if isinstance(e, AnswerScored) and e.revision == 1]
    steps = len(scored) + 1
    assert revision_summary(run.store.read(), 1, "llm") == (
        f"Re-scored as revision 1: {steps - 1} of {steps} steps by the llm interviewer, 1 fell "
        "back to the offline interviewer (the session's notes say why)"
    )


def test_without_a_fallback_a_failing_brain_raises_and_appends_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    run = offline_session(tmp_path)
    before = run.store.events_path.read_bytes()
    with pytest.raises(BrainError):
        rescore(run.store, llm_brain(refused_url()))
    assert run.store.events_path.read_bytes() == before


def test_a_loop_gets_a_new_decision_revision(tmp_path):
    run = offline_session(tmp_path, stage="loop")
    assert run.finished
    before = run.store.events_path.read_bytes()
    assert rescore(run.store, OfflineBrain()) == 1
    (decision,) = new_events(run.store, before, DecisionMade)
    state = build_state(run.store.read())
    assert decision.revision == 1 and state.decision.revision == 1
    assert decision.decision == state.decisions[0].decision  # same brain, same votes
    assert len(new_events(run.store, before, VoteCast)) == len(state.interviews)


def test_an_unfinished_session_rescores_its_answers_only(tmp_path):
    run = run_session(tmp_path, OfflineBrain(), ANSWERS[:2])
    assert not run.finished
    before = run.store.events_path.read_bytes()
    assert rescore(run.store, OfflineBrain()) == 1
    assert len(new_events(run.store, before, AnswerScored)) == 2
    assert new_events(run.store, before, VoteCast) == []


@pytest.mark.filterwarnings("ignore::interviewer.session.store.DamagedLogWarning")
def test_a_damaged_last_line_is_kept_and_the_revision_follows_it(tmp_path):
    run = offline_session(tmp_path)
    with run.store.events_path.open("ab") as handle:
        handle.write(b'{"type": "answer_scored", "tur')  # a half-written last line
    before = run.store.events_path.read_bytes()
    assert rescore(run.store, OfflineBrain()) == 1
    after = run.store.events_path.read_bytes()
    assert after.startswith(before + b"\n"), "the damaged line stays, on a line of its own"
    assert new_events(run.store, before, AnswerScored)
