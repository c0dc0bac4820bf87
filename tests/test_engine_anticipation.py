"""The engine prepares its next line while the candidate is still answering (fakes, no audio)."""

from __future__ import annotations

from conftest import STRONG_STORY, engine_parts, start_practice

from interviewer.session.engine import InterviewEngine
from interviewer.session.ports import Answer, Prompt, Utterance
from interviewer.session.state import build_state
from interviewer.testing import RecordingBrain

NO_PRINCIPLE = ("At my last company the payments service kept failing, so I rolled it back, "
                "called the team together and we shipped a fix the week after.")


class PreparingSpeaker:
    """Records what was prepared and said, in order."""

    def __init__(self):
        self.log: list[tuple[str, str]] = []

    def prepare(self, text, *, voice=None, rate=None):
        self.log.append(("prepare", text))

    def start(self, text, *, voice=None, rate=None):
        self.log.append(("start", text))

    def say(self, text, *, voice=None, rate=None, save_to=None):
        self.log.append(("say", text))
        return Utterance(text=text)

    def prepared(self) -> set[str]:
        return {text for action, text in self.log if action == "prepare"}


class GrowingAnswers:
    """Speaks each answer in two halves, reporting the partial transcript, like live speech."""

    def __init__(self, texts: list[str], speaker: PreparingSpeaker):
        self.texts = list(texts)
        self.speaker = speaker
        self.hooks: list[object] = []

    def next_answer(self, prompt: Prompt) -> Answer | None:
        self.hooks.append(prompt.on_partial)
        if not self.texts:
            return None
        text = self.texts.pop(0)
        if prompt.on_partial is not None:
            words = text.split()
            prompt.on_partial(" ".join(words[: len(words) // 2]))
            prompt.on_partial(text)
        self.speaker.log.append(("answered", text))
        return Answer(text=text, source="voice")


def run(tmp_path, texts, brain=None):
    store = start_practice(tmp_path, seed=3)
    speaker = PreparingSpeaker()
    answers = GrowingAnswers(texts, speaker)
    try:
        InterviewEngine(store, engine_parts(answers, speaker, brain)).run()
    except Exception as exc:  # AnswersExhausted when the texts run out
        assert type(exc).__name__ == "AnswersExhausted"
    return build_state(store.read()), speaker, answers


def test_the_follow_up_said_after_an_answer_was_prepared_while_it_was_spoken(tmp_path):
    state, speaker, _ = run(tmp_path, [NO_PRINCIPLE])
    first = state.turns[0]
    assert first.move.move.action == "follow_up" and first.move.move.gap == "no_principle"
    said = first.move.move.text
    answered_at = speaker.log.index(("answered", NO_PRINCIPLE))
    prepared_before = {t for a, t in speaker.log[:answered_at] if a == "prepare"}
    assert said in prepared_before
    next_said = next(t for a, t in speaker.log[answered_at:] if a == "say")
    assert next_said == said


def test_the_next_question_is_prepared_before_the_answer_starts(tmp_path):
    state, speaker, _ = run(tmp_path, [STRONG_STORY] * 8)
    plan = state.interviews[0].plan
    first_answer = next(i for i, (a, _) in enumerate(speaker.log) if a == "answered")
    assert ("prepare", plan.questions[1].text) in speaker.log[:first_answer]
    spoken = [t for a, t in speaker.log if a == "say"]
    unprepared = [t for t in spoken[2:] if t not in speaker.prepared()]
    # after the opening and the first question, every line the interviewer said was ready
    assert unprepared == [], unprepared


def test_a_brain_whose_moves_cannot_be_guessed_gets_no_guessed_follow_ups(tmp_path):
    # Offline rules under another name: the protocol's `anticipates` decides, not the name.
    brain = RecordingBrain(name="offline", anticipates=False)
    _, speaker, answers = run(tmp_path, [NO_PRINCIPLE], brain=brain)
    assert answers.hooks and all(hook is None for hook in answers.hooks)
    assert speaker.prepared()  # the next question is still prepared
    assert len(brain.steps("next_move")) == 1  # asked once, at the end of the answer


def test_a_brain_that_anticipates_is_asked_on_the_partial_answers_whatever_its_name(tmp_path):
    brain = RecordingBrain(name="llm", anticipates=True)
    state, speaker, answers = run(tmp_path, [NO_PRINCIPLE], brain=brain)
    assert answers.hooks[0] is not None
    partial = " ".join(NO_PRINCIPLE.split()[: len(NO_PRINCIPLE.split()) // 2])
    guessed_on = [call.context.exchange[-1].answer for call in brain.steps("next_move")]
    assert guessed_on[:2] == [partial, NO_PRINCIPLE]  # the two partials, then the real move
    assert state.turns[0].move.brain == "llm"
    assert state.turns[0].move.move.text in speaker.prepared()
