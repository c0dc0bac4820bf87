"""The engine with a real-time answer source that cuts the candidate off (fakes, no audio)."""

from __future__ import annotations

from interviewer.session.engine import InterviewEngine
from interviewer.session.ports import Answer, InterruptedAnswer, Interruption
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers, FakeSpeaker
from tests.support import STRONG_STORY, engine_parts, start_practice

RAMBLING = "So at my last company I was on the payments team and we had this long project " * 3


def strong_answers(count: int) -> list[Answer]:
    return [Answer(text=STRONG_STORY, source="voice") for _ in range(count)]


def cutting_answers() -> FakeAnswers:
    """Cuts the first answer off for a missing principle, then answers in full."""
    cut_in = Interruption("no_principle", 91.0, "What principle was it?")
    first = Answer(text=RAMBLING, source="voice", interrupted=True, cut_in=cut_in)
    return FakeAnswers([first, *strong_answers(10)])


def test_an_interruption_is_asked_recorded_and_the_partial_answer_kept(tmp_path):
    store = start_practice(tmp_path)
    answers = cutting_answers()
    InterviewEngine(store, engine_parts(answers)).run()
    state = build_state(store.read())
    first, second = state.turns[0], state.turns[1]
    assert first.answer.interrupted and first.answer.text == RAMBLING
    assert first.move.brain == "interrupt policy"
    assert second.asked.kind == "interruption"
    assert second.asked.text == "What principle was it?"
    assert answers.prompts[1].kind == "interruption"
    assert state.complete


def test_a_question_the_candidate_talked_over_is_marked_in_the_log_and_report(tmp_path):
    from interviewer.report.derived import write_derived

    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(cutting_answers(), FakeSpeaker(talked_over=True))).run()
    state = build_state(store.read())
    assert state.turns[0].asked.talked_over
    write_derived(store, state)
    assert "you started answering before it finished" in (store.folder / "report.md").read_text()


def lost_microphone_answers() -> FakeAnswers:
    """The microphone stops during the first answer."""
    answers = cutting_answers()
    answers.script[0].problem = "the microphone stopped (no audio arrived for 2 s)"
    return answers


def test_a_microphone_lost_mid_answer_is_noted_in_the_log(tmp_path):
    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(lost_microphone_answers())).run()
    state = build_state(store.read())
    assert [(n.turn, "microphone stopped" in n.text) for n in state.notes] == [(1, True)]


def silent_then_strong_answers(limit: int = 12) -> FakeAnswers:
    """Leaves the first question unanswered (silent to the waiting limit), then answers well."""
    silent = Answer(text="", source="voice", duration_s=0.0, no_answer=True)
    return FakeAnswers([silent, *strong_answers(limit - 2)])


def test_an_unanswered_question_is_recorded_moved_past_and_kept_out_of_the_vote(tmp_path):
    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(silent_then_strong_answers())).run()
    state = build_state(store.read())
    first = state.turns[0]
    assert first.answer.no_answer and not first.scores  # not scored: no 0/100
    assert first.move.move.action == "next_question"
    assert state.turns[1].asked.kind == "question"  # on to the next bank question
    interview = state.interviews[0]
    questions = len(interview.plan.questions)
    # Voted on the answered questions only: the silent one adds no 0 to the average.
    assert f"mean of {questions - 1} exchange scores" in interview.vote.vote.reasons[0]
    assert interview.vote.vote.score > 40
    assert state.complete


def ctrl_c_mid_answer() -> FakeAnswers:
    """The candidate presses Ctrl-C in the middle of the second answer."""
    stopped = InterruptedAnswer(Answer(text=STRONG_STORY, source="voice",
                                       problem="stopped with Ctrl-C during the answer"))
    return FakeAnswers([Answer(text=STRONG_STORY, source="voice"), stopped])


def test_ctrl_c_during_an_answer_logs_what_was_said_and_resume_carries_on_from_it(tmp_path):
    import pytest

    store = start_practice(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        InterviewEngine(store, engine_parts(ctrl_c_mid_answer())).run()
    state = build_state(store.read())
    assert [t.answer.text if t.answer else None for t in state.turns] == [STRONG_STORY] * 2
    assert any("Ctrl-C" in note.text and note.turn == 2 for note in state.notes)
    InterviewEngine(store, engine_parts(silent_then_strong_answers(limit=99))).run()
    resumed = build_state(store.read())
    assert resumed.turns[1].answer.text == STRONG_STORY and resumed.turns[1].scores
    assert resumed.complete
