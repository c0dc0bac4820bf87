"""The engine with a real-time answer source that cuts the candidate off (fakes, no audio)."""

from __future__ import annotations

from conftest import STRONG_STORY, engine_parts, start_practice

from interviewer.session.engine import InterviewEngine
from interviewer.session.ports import Answer, Interruption, Prompt
from interviewer.session.state import build_state

RAMBLING = "So at my last company I was on the payments team and we had this long project " * 3


class CuttingAnswers:
    """Cuts the first answer off for a missing principle, then answers in full."""

    def __init__(self):
        self.prompts: list[Prompt] = []

    def next_answer(self, prompt: Prompt) -> Answer | None:
        self.prompts.append(prompt)
        if len(self.prompts) == 1:
            cut_in = Interruption("no_principle", 91.0, "What principle was it?")
            return Answer(text=RAMBLING, source="voice", interrupted=True, cut_in=cut_in)
        return Answer(text=STRONG_STORY, source="voice") if len(self.prompts) < 12 else None


def test_an_interruption_is_asked_recorded_and_the_partial_answer_kept(tmp_path):
    store = start_practice(tmp_path)
    answers = CuttingAnswers()
    InterviewEngine(store, engine_parts(answers)).run()
    state = build_state(store.read())
    first, second = state.turns[0], state.turns[1]
    assert first.answer.interrupted and first.answer.text == RAMBLING
    assert first.move.brain == "interrupt policy"
    assert second.asked.kind == "interruption"
    assert second.asked.text == "What principle was it?"
    assert answers.prompts[1].kind == "interruption"
    assert state.complete


class TalkedOverSpeaker:
    """The candidate talks over every question (barge-in stops the playback)."""

    def say(self, text, *, voice=None, rate=None, save_to=None):
        from interviewer.session.ports import Utterance

        return Utterance(text=text, interrupted=True)


def test_a_question_the_candidate_talked_over_is_marked_in_the_log_and_report(tmp_path):
    from interviewer.report.derived import write_derived

    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(CuttingAnswers(), TalkedOverSpeaker())).run()
    state = build_state(store.read())
    assert state.turns[0].asked.talked_over
    write_derived(store, state)
    assert "you started answering before it finished" in (store.folder / "report.md").read_text()


class LostMicrophoneAnswers(CuttingAnswers):
    """The microphone stops during the first answer."""

    def next_answer(self, prompt: Prompt) -> Answer | None:
        answer = super().next_answer(prompt)
        if answer is not None and len(self.prompts) == 1:
            answer.problem = "the microphone stopped (no audio arrived for 2 s)"
        return answer


def test_a_microphone_lost_mid_answer_is_noted_in_the_log(tmp_path):
    store = start_practice(tmp_path)
    InterviewEngine(store, engine_parts(LostMicrophoneAnswers())).run()
    state = build_state(store.read())
    assert [(n.turn, "microphone stopped" in n.text) for n in state.notes] == [(1, True)]
