"""The engine prepares its next line while the candidate is still answering (fakes, no audio)."""

from __future__ import annotations

from interviewer.session.engine import InterviewEngine
from interviewer.session.ports import Answer, Prompt
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers, FakeSpeaker, RecordingBrain
from tests.support import STRONG_STORY, engine_parts, start_practice

NO_PRINCIPLE = ("At my last company the payments service kept failing, so I rolled it back, "
                "called the team together and we shipped a fix the week after.")


class GrowingAnswers(FakeAnswers):
    """Reports partial transcripts and notes how many speaker calls came before each answer."""

    def __init__(self, texts: list[str], speaker: FakeSpeaker):
        super().__init__([Answer(text=text, source="voice") for text in texts], partials=True)
        self.speaker = speaker
        self.answered_after: list[int] = []  # len(speaker.calls) when each answer was given

    def next_answer(self, prompt: Prompt) -> Answer | None:
        answer = super().next_answer(prompt)
        if answer is not None:
            self.answered_after.append(len(self.speaker.calls))
        return answer


def run(tmp_path, texts, brain=None):
    store = start_practice(tmp_path, seed=3)
    speaker = FakeSpeaker()
    answers = GrowingAnswers(texts, speaker)
    try:
        InterviewEngine(store, engine_parts(answers, speaker, brain)).run()
    except Exception as exc:  # AnswersExhausted when the texts run out
        assert type(exc).__name__ == "AnswersExhausted"
    return build_state(store.read()), speaker, answers


def test_the_follow_up_said_after_an_answer_was_prepared_while_it_was_spoken(tmp_path):
    state, speaker, answers = run(tmp_path, [NO_PRINCIPLE])
    first = state.turns[0]
    assert first.move.move.action == "follow_up" and first.move.move.gap == "no_principle"
    said = first.move.move.text
    answered_at = answers.answered_after[0]
    prepared_before = {c.text for c in speaker.calls[:answered_at] if c.action == "prepare"}
    assert said in prepared_before
    next_said = next(c.text for c in speaker.calls[answered_at:] if c.action == "say")
    assert next_said == said


def test_the_next_question_is_prepared_before_the_answer_starts(tmp_path):
    state, speaker, answers = run(tmp_path, [STRONG_STORY] * 8)
    plan = state.interviews[0].plan
    first_answer = answers.answered_after[0]
    assert plan.questions[1].text in {c.text for c in speaker.calls[:first_answer]
                                      if c.action == "prepare"}
    unprepared = [t for t in speaker.said[2:] if t not in speaker.prepared]
    # after the opening and the first question, every line the interviewer said was ready
    assert unprepared == [], unprepared


def test_a_brain_whose_moves_cannot_be_guessed_gets_no_guessed_follow_ups(tmp_path):
    # Offline rules under another name: the protocol's `anticipates` decides, not the name.
    brain = RecordingBrain(name="offline", anticipates=False)
    _, speaker, answers = run(tmp_path, [NO_PRINCIPLE], brain=brain)
    assert answers.prompts and all(p.on_partial is None for p in answers.prompts)
    assert speaker.prepared  # the next question is still prepared
    assert len(brain.steps("next_move")) == 1  # asked once, at the end of the answer


def test_a_brain_that_anticipates_is_asked_on_the_partial_answers_whatever_its_name(tmp_path):
    brain = RecordingBrain(name="llm", anticipates=True)
    state, speaker, answers = run(tmp_path, [NO_PRINCIPLE], brain=brain)
    assert answers.prompts[0].on_partial is not None
    partial = " ".join(NO_PRINCIPLE.split()[: len(NO_PRINCIPLE.split()) // 2])
    guessed_on = [call.context.exchange[-1].answer for call in brain.steps("next_move")]
    assert guessed_on[:2] == [partial, NO_PRINCIPLE]  # the two partials, then the real move
    assert state.turns[0].move.brain == "llm"
    assert state.turns[0].move.move.text in speaker.prepared
