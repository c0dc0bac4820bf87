"""A follow-up the candidate talks over early is withdrawn: what they say is the rest of their
answer, not an answer to the follow-up (session/going_on.py). Fakes, no audio."""

from __future__ import annotations

import contextlib

from interviewer.session.brain_contexts import turn_views
from interviewer.session.engine import InterviewEngine
from interviewer.session.listening import AnswersExhausted
from interviewer.session.ports import Answer
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers, FakeSpeaker, RecordingBrain
from tests.support import STRONG_STORIES, STRONG_STORY, engine_parts, start_practice

# A thinking pause taken for the end: the candidate had more to say.
FIRST_PART = ("When our error rate doubled after a release, I rolled it back myself instead of "
              "waiting for the weekly review, and the reason I made that call was that")
REST = ("the data showed twelve percent of sessions failing in three regions. I was acting on "
        "the principle that the person with the most context should make the call and own it. I "
        "told my director directly and we cut failures from twelve percent to under one percent "
        "within two hours. Looking back I would weight the rollout plan differently: now I insist "
        "on a two-region canary.")


def voice(text: str) -> Answer:
    return Answer(text=text, source="voice")


def run(tmp_path, heard: float, script: list[Answer], brain=None):
    store = start_practice(tmp_path)
    speaker = FakeSpeaker(talked_over=True, heard=heard, duration_s=2.5)
    parts = engine_parts(FakeAnswers(script), speaker, brain=brain)
    with contextlib.suppress(AnswersExhausted):  # the script ran out
        InterviewEngine(store, parts).run()
    return build_state(store.read()), speaker


def test_an_answer_went_on_over_an_early_follow_up_is_scored_and_probed_as_one(tmp_path):
    brain = RecordingBrain()
    state, _ = run(tmp_path, 0.2, [voice(FIRST_PART), voice(REST)], brain=brain)
    first, withdrawn = state.turns[0], state.turns[1]
    assert withdrawn.asked.kind == "follow_up" and withdrawn.asked.talked_over
    assert withdrawn.asked.went_on
    # The rest is scored as the whole answer, in the main question's place...
    scored = [call.context for call in brain.steps("score")]
    whole = next(c for c in scored if c.turn == withdrawn.asked.turn)
    assert whole.answer == f"{FIRST_PART} {REST}" and whole.kind == "question"
    assert whole.gap is None
    assert withdrawn.latest_score.overall > first.latest_score.overall
    # ...and the next move is chosen on that whole answer, as one view.
    views = turn_views(state.interviews[0].exchange(0))
    assert [v.answer for v in views] == [f"{FIRST_PART} {REST}"]
    move_after = [call.context for call in brain.steps("next_move")][-1]
    assert [v.answer for v in move_after.exchange] == [f"{FIRST_PART} {REST}"]
    stage_limit = move_after.follow_ups_left
    first_move = brain.steps("next_move")[0].context
    assert stage_limit == first_move.follow_ups_left  # the withdrawn line used no follow-up


def test_a_withdrawn_follow_up_can_be_asked_again_when_its_gap_is_still_open(tmp_path):
    vague_rest = ("we had to move fast, and the team pulled together over the weekend and got "
                  "the service stable again by Monday, which everyone was happy about.")
    state, speaker = run(tmp_path, 0.2, [voice(FIRST_PART), voice(vague_rest)])
    withdrawn, asked_again = state.turns[1], state.turns[2]
    assert withdrawn.asked.went_on
    assert asked_again.asked.kind == "follow_up"
    assert asked_again.asked.gap == withdrawn.asked.gap  # never heard, so asked once more
    assert withdrawn.asked.text in speaker.said


def test_a_follow_up_talked_over_after_most_of_it_was_heard_is_answered(tmp_path):
    state, _ = run(tmp_path, 0.9, [voice(FIRST_PART), voice(REST)])
    follow_up = state.turns[1]
    assert follow_up.asked.talked_over and not follow_up.asked.went_on
    views = turn_views(state.interviews[0].exchange(0))
    assert [v.answer for v in views] == [FIRST_PART, REST]


def test_a_question_repeated_on_request_is_never_withdrawn(tmp_path):
    state, _ = run(tmp_path, 0.2, [voice("Sorry, could you repeat the question?"),
                                   voice(STRONG_STORY)])
    repeated = state.turns[1]
    assert repeated.asked.gap == "clarify" and repeated.asked.talked_over
    assert not repeated.asked.went_on


def test_going_on_is_said_on_screen_and_marked_in_the_report(tmp_path):
    from interviewer.report.derived import write_derived

    store = start_practice(tmp_path)
    speaker = FakeSpeaker(talked_over=True, heard=0.2, duration_s=2.5)
    parts = engine_parts(FakeAnswers([voice(FIRST_PART), voice(REST)]), speaker)
    with contextlib.suppress(AnswersExhausted):  # the script ran out
        InterviewEngine(store, parts).run()
    assert "You went on, so the interviewer stopped to let you finish." in \
        parts.console.out.getvalue()
    write_derived(store, build_state(store.read()))
    report = (store.folder / "report.md").read_text()
    assert "you went on with your answer" in report
    # The first part is not shown with a score of its own (half a thought): the whole is.
    assert "_You went on with this answer at turn 2: it is scored there, as one answer._" in report
    assert report.count("Score: ") == 1


class TalksOverOnce(FakeSpeaker):
    """Plays every line out but the `nth` one said, which the candidate talks over early."""

    def __init__(self, nth: int):
        super().__init__(duration_s=3.0)
        self.nth = nth

    def say(self, text, *, voice=None, rate=None, save_to=None):
        said = super().say(text, voice=voice, rate=rate, save_to=save_to)
        if len(self.said) == self.nth:
            said.interrupted, said.heard_s = True, 0.4
        return said


def test_going_on_over_the_next_question_finishes_the_last_answer_then_asks_it_again(tmp_path):
    store = start_practice(tmp_path)
    speaker = TalksOverOnce(nth=3)  # the opening line, question 1, then question 2
    more = ("And one thing I left out: I also wrote the runbook so the next on-call engineer "
            "could make the same call without waiting for anyone.")
    answers = FakeAnswers([voice(STRONG_STORY), voice(more), voice(STRONG_STORY)])
    brain = RecordingBrain()
    with contextlib.suppress(AnswersExhausted):  # the script ran out
        InterviewEngine(store, engine_parts(answers, speaker, brain=brain)).run()
    state = build_state(store.read())
    first, withdrawn, asked_again = state.turns[:3]
    assert first.move.move.action == "next_question"  # the story was complete
    question_two = state.interviews[0].plan.questions[1].text
    # The second question, talked over early, holds the rest of the first answer...
    assert withdrawn.asked.went_on and withdrawn.asked.text == question_two
    assert withdrawn.asked.question_index == 0 and withdrawn.asked.kind == "follow_up"
    assert withdrawn.asked.question_id is None
    views = turn_views(state.interviews[0].exchange(0))
    assert [v.answer for v in views] == [f"{STRONG_STORY} {more}"]
    # ...and once that exchange is done, the question is asked again, and answered.
    assert asked_again.asked.kind == "question" and asked_again.asked.question_index == 1
    assert asked_again.asked.text == question_two and not asked_again.asked.went_on
    assert speaker.said.count(question_two) == 2
    assert asked_again.answer.text == STRONG_STORY


def test_resumed_while_going_on_the_candidate_carries_on_without_the_line_said_again(tmp_path):
    store = start_practice(tmp_path)
    answers = FakeAnswers([voice(STRONG_STORY), KeyboardInterrupt()])
    with contextlib.suppress(KeyboardInterrupt):
        InterviewEngine(store, engine_parts(answers, TalksOverOnce(nth=3))).run()
    withdrawn = build_state(store.read()).turns[1]
    assert withdrawn.asked.went_on and withdrawn.answer is None

    more = "And I also wrote the runbook so the next on-call engineer could make the same call."
    speaker = FakeSpeaker()
    parts = engine_parts(FakeAnswers([voice(more), voice(STRONG_STORY)]), speaker)
    with contextlib.suppress(AnswersExhausted):  # the script ran out
        InterviewEngine(store, parts).run()
    state = build_state(store.read())
    question_two = state.interviews[0].plan.questions[1].text
    assert speaker.said.count(question_two) == 1  # not said again before they carried on
    shown = " ".join(parts.console.out.getvalue().split())  # lines are wrapped to the terminal
    assert "You were going on with: " + STRONG_STORY in shown
    views = turn_views(state.interviews[0].exchange(0))
    assert [v.answer for v in views] == [f"{STRONG_STORY} {more}"]


def test_going_on_over_the_closing_line_finishes_the_answer_then_closes_and_votes(tmp_path):
    store = start_practice(tmp_path)
    plan = build_state(store.read()).interviews[0].plan
    # The opening, then each question heard in full; the closing line is the one talked over.
    speaker = TalksOverOnce(nth=len(plan.questions) + 2)
    more = "And one more thing: I wrote that rule into our runbook, so it outlived my time there."
    script = [voice(story) for story in STRONG_STORIES[:len(plan.questions)]] + [voice(more)]
    brain = RecordingBrain()
    with contextlib.suppress(AnswersExhausted):
        InterviewEngine(store, engine_parts(FakeAnswers(script), speaker, brain=brain)).run()
    state = build_state(store.read())
    interview = state.interviews[0]
    last_question = len(plan.questions) - 1
    withdrawn = interview.exchange(last_question)[-1]
    assert withdrawn.asked.went_on and withdrawn.answer.text == more
    closing = speaker.said[len(plan.questions) + 1]
    assert withdrawn.asked.text == closing and speaker.said.count(closing) == 2
    # One vote, cast on the whole last answer.
    assert len(interview.votes) == 1
    voted = brain.steps("vote")[-1].context
    assert voted.turns[-1].answer.endswith(more)
