"""The engine with a real-time answer source that cuts the candidate off (fakes, no audio)."""

from __future__ import annotations

from interviewer.brains.base import InterjectContext
from interviewer.rubric.content import default_content
from interviewer.session.engine import InterviewEngine
from interviewer.session.ports import Answer, InterruptedAnswer, Prompt
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers, FakeSpeaker, RecordingBrain
from tests.support import STRONG_STORY, engine_parts, start_practice

RAMBLING = "So at my last company I was on the payments team and we had this long project " * 3
PRINCIPLE_PROBE = default_content().interruptions.no_principle


def heard(prompt: Prompt, seconds: float, text: str) -> InterjectContext:
    """What an answer source has heard of the answer to `prompt` after `seconds` of speech."""
    return InterjectContext(stage=prompt.stage, kind=prompt.kind, asked=prompt.text,
                            answer_seconds=prompt.answer_seconds, elapsed=seconds,
                            partial_text=text, transcribed=seconds)


def strong_answers(count: int) -> list[Answer]:
    return [Answer(text=STRONG_STORY, source="voice") for _ in range(count)]


class CuttingAnswers(FakeAnswers):
    """Asks the brain through the prompt while the first answer runs on without a principle, and
    cuts it off where the brain says to (with `problem`, as when the microphone stopped); then
    answers in full."""

    def __init__(self, problem: str | None = None):
        super().__init__(strong_answers(10))
        self.problem = problem

    def next_answer(self, prompt: Prompt) -> Answer | None:
        if self.prompts:
            return super().next_answer(prompt)
        self.prompts.append(prompt)
        assert prompt.interject(heard(prompt, 30.0, RAMBLING)) is None  # too early
        cut_in = prompt.interject(heard(prompt, 91.0, RAMBLING))
        return Answer(text=RAMBLING, source="voice", interrupted=True, cut_in=cut_in,
                      problem=self.problem)


def test_an_interruption_is_asked_recorded_and_the_partial_answer_kept(tmp_path):
    store = start_practice(tmp_path)
    answers = CuttingAnswers()
    InterviewEngine(store, engine_parts(answers)).run()
    state = build_state(store.read())
    first, second = state.turns[0], state.turns[1]
    assert first.answer.interrupted and first.answer.text == RAMBLING
    assert first.move.brain == "offline" and not first.move.fallback  # the brain decided it
    assert first.move.move.reason == "interrupted at 91 s (no_principle)"
    assert second.asked.kind == "interruption"
    assert second.asked.text == PRINCIPLE_PROBE
    written = default_content().interruptions
    assert answers.prompts[0].interjections == (written.no_principle, written.time_limit)
    assert answers.prompts[1].kind == "interruption"
    assert state.complete


def test_the_cut_in_is_the_brains_and_credited_to_it(tmp_path):
    store = start_practice(tmp_path)
    brain = RecordingBrain(name="panel")
    InterviewEngine(store, engine_parts(CuttingAnswers(), brain=brain)).run()
    first = build_state(store.read()).turns[0]
    assert [call.context.elapsed for call in brain.steps("interject")] == [30.0, 91.0]
    assert first.move.brain == "panel" and first.move.move.text == PRINCIPLE_PROBE


def test_a_session_recorded_with_the_old_interrupt_policy_credit_still_reads(tmp_path):
    """Before interruptions were the brain's, the move was credited to "interrupt policy"."""
    from interviewer.report.derived import write_derived

    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(CuttingAnswers())).run()
    lines = store.events_path.read_text().splitlines()
    old = [line.replace('"brain":"offline"', '"brain":"interrupt policy"', 1)
           if '"move_decided"' in line and '"interruption"' in line else line for line in lines]
    assert old != lines
    store.events_path.write_text("\n".join(old) + "\n")
    state = build_state(store.read())
    assert state.turns[0].move.brain == "interrupt policy"
    write_derived(store, state)
    assert '"move_by": "interrupt policy"' in (store.folder / "transcript.json").read_text()


def test_a_question_the_candidate_talked_over_is_marked_in_the_log_and_report(tmp_path):
    from interviewer.report.derived import write_derived

    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(CuttingAnswers(), FakeSpeaker(talked_over=True))).run()
    state = build_state(store.read())
    assert state.turns[0].asked.talked_over
    write_derived(store, state)
    assert "you started answering before it finished" in (store.folder / "report.md").read_text()


def test_a_microphone_lost_mid_answer_is_noted_in_the_log(tmp_path):
    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(CuttingAnswers(
        problem="the microphone stopped (no audio arrived for 2 s)"))).run()
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


def test_resuming_after_ctrl_c_mid_answer_shows_the_question_and_what_was_said(tmp_path):
    import pytest

    store = start_practice(tmp_path)
    partial = "In twenty twenty-two I chose to build our own scheduler"
    stopped = InterruptedAnswer(Answer(text=partial, source="typed"))
    with pytest.raises(KeyboardInterrupt):
        InterviewEngine(store, engine_parts(FakeAnswers([stopped]))).run()
    parts = engine_parts(FakeAnswers(strong_answers(12)))
    InterviewEngine(store, parts).run()
    shown = " ".join(parts.console.out.getvalue().split())  # unwrapped
    state = build_state(store.read())
    question = " ".join(state.turns[0].asked.text.split())
    asks = shown.index(f"{state.interviews[0].plan.interviewer_name}:")
    # Before the resumed session's first line (the probe), the candidate sees what it is about.
    assert shown.index(f"The question was: {question}") < asks
    assert shown.index(f"You had said: {partial}") < asks


def test_ctrl_c_does_not_wait_for_a_score_still_on_a_slow_server(tmp_path):
    # QA 2026-12-02: with an LLM scoring in the background, Ctrl-C printed nothing and the
    # program hung until the pending score request gave up (over a minute); a second Ctrl-C
    # was needed. The stopped session must not wait for it, and resume scores that answer.
    import dataclasses
    import threading

    import pytest

    release, scored = threading.Event(), threading.Event()
    returned_first = []

    class SlowScoring(RecordingBrain):
        def score(self, context):
            release.wait(20)  # the server that does not answer
            scored.set()
            return super().score(context)

    store = start_practice(tmp_path)
    parts = dataclasses.replace(
        engine_parts(FakeAnswers([STRONG_STORY, KeyboardInterrupt()]),
                     brain=SlowScoring(name="llm", anticipates=False)),
        score_in_background=True)
    try:
        with pytest.raises(KeyboardInterrupt):
            InterviewEngine(store, parts).run()
        returned_first.append(not scored.is_set())
    finally:
        release.set()
    assert returned_first == [True], "the stopped session waited for the pending score"
    state = build_state(store.read())
    assert state.turns[0].answer.text == STRONG_STORY and not state.turns[0].scores
    InterviewEngine(store, engine_parts(FakeAnswers(strong_answers(12)))).run()
    resumed = build_state(store.read())
    assert resumed.turns[0].scores and resumed.complete
