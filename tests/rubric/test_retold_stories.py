"""A story told again within one interview (QA 2026-12-02).

A candidate who told the same strong story to every question got a no from the hiring manager and
three strong yes votes at the onsite. A real interviewer who hears a story a second time notices,
asks for a different example, and does not read one story told for everything as breadth. Now:
the same story retold in other words is recognised (and two different stories that share the
words of work are not), the first follow-up asks for a different example, and a retold answer
without one rules out a strong yes, in every stage that asks for stories.
"""

from __future__ import annotations

import re

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import default_content
from interviewer.rubric.exchange import score_exchange, turns_of
from interviewer.rubric.probing import next_move
from interviewer.rubric.retelling import by_story, same_story
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.voting import vote
from interviewer.session.engine import InterviewEngine
from interviewer.session.events import PlannedInterview, PlannedQuestion
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers
from tests.rubric.retold_stories import DIFFERENT, RETOLD_STRONG_STORY, SAME
from tests.support import (
    STRONG_STORIES,
    STRONG_STORY,
    engine_parts,
    run_cli,
    start_practice,
    write_answers,
)

CONTENT = default_content()
QUESTIONS = [
    "Tell me about a call you made without waiting for permission.",
    "Describe a time you disagreed with someone more senior than you. What did you do?",
    "Tell me about the piece of work you're proudest of in terms of results.",
]


def _asr(text: str) -> str:
    """As tiny Whisper might write it: lower case, no punctuation."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


@pytest.mark.parametrize("name", sorted(SAME))
def test_the_same_story_in_other_words_is_recognised(name):
    first, again = SAME[name]
    assert same_story(first, again)
    assert same_story(again, first)
    assert same_story(_asr(first), _asr(again))  # names no longer capitalised


@pytest.mark.parametrize("name", sorted(DIFFERENT))
def test_different_stories_that_share_the_words_of_work_are_not(name):
    first, other = DIFFERENT[name]
    words = {w for w in re.findall(r"[a-z]{4,}", first.lower()) if w not in lx.FUNCTION_WORDS}
    shared = words & set(re.findall(r"[a-z]{4,}", other.lower()))
    assert len(shared) >= 3, shared  # the pair does share vocabulary
    assert not same_story(first, other)
    assert not same_story(_asr(first), _asr(other))


def test_stories_are_grouped_by_telling():
    kafka, kafka_again = SAME["kafka-migration"]
    priya, priya_again = SAME["priya-credit"]
    answers = [kafka, priya, "", kafka_again, priya_again, DIFFERENT["two-mentees"][0]]
    assert by_story(answers) == [[0, 3], [1, 4], [2], [5]]


def _plan(stage: str, style: str = "behavioural", count: int = 3) -> PlannedInterview:
    questions = [PlannedQuestion(id=f"q{i}", text=text, values=["Judgment"], topic="general")
                 for i, text in enumerate(QUESTIONS[:count])]
    return PlannedInterview(stage=stage, interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style=style, questions=questions)


def _view(turn: int, asked: str, answer: str, stage: str, question: PlannedQuestion,
          kind: str = "question", gap: str | None = None) -> TurnView:
    score = score_answer(AnswerContext(stage=stage, question=question, asked=asked, answer=answer,
                                       kind=kind, gap=gap), CONTENT)
    return TurnView(turn=turn, kind=kind, asked=asked, answer=answer, gap=gap, score=score)


def _move_after(stage: str, told: str, answer: str, style: str = "behavioural"):
    """The move after `answer` to the second question, `told` having answered the first."""
    plan = _plan(stage, style, 2)
    first, second = plan.questions
    earlier = [[_view(1, first.text, told, stage, first)]]
    exchange = [_view(2, second.text, answer, stage, second)]
    return next_move(MoveContext(stage=stage, question=second, exchange=exchange,
                                 follow_ups_left=2, interviewer=plan, earlier=earlier), CONTENT)


@pytest.mark.parametrize("stage", ["recruiter", "manager", "onsite"])
@pytest.mark.parametrize("name", ["kafka-migration", "priya-credit", "brazil-ttl"])
def test_the_first_follow_up_to_a_retold_story_asks_for_a_different_example(stage, name):
    first, again = SAME[name]
    move = _move_after(stage, first, again)
    assert move.action == "follow_up" and move.gap == "retold"
    assert move.probe_id == "different-example"
    probe = next(p for p in CONTENT.probes if p.id == "different-example")
    assert move.text in [t.replace("{question}", QUESTIONS[1]) for t in probe.texts]


@pytest.mark.parametrize("name", sorted(DIFFERENT))
def test_a_different_story_is_not_taken_for_a_retelling(name):
    first, other = DIFFERENT[name]
    assert _move_after("manager", first, other).gap != "retold"


def test_a_complete_retold_answer_is_still_asked_for_another():
    # Complete enough to move on if it were new (the first telling moves on at once).
    assert _move_after("onsite", STRONG_STORY, RETOLD_STRONG_STORY[0]).gap == "retold"


def test_a_coding_round_does_not_listen_for_stories():
    first, again = SAME["kafka-migration"]
    assert _move_after("technical", first, again, style="coding").gap != "retold"


def _vote(stage: str, answers: list[str]):
    plan = _plan(stage, count=len(answers))
    views = [_view(i + 1, q.text, a, stage, q) for i, (q, a) in
             enumerate(zip(plan.questions, answers, strict=True))]
    return vote(plan, views, CONTENT)


@pytest.mark.parametrize("stage", ["recruiter", "manager", "onsite"])
def test_one_story_for_every_question_is_not_a_strong_yes(stage):
    distinct = _vote(stage, STRONG_STORIES)
    retold = _vote(stage, [STRONG_STORY, *RETOLD_STRONG_STORY])
    assert distinct.vote == "strong yes"
    # Each retelling is as strong as the first: only the retelling keeps it from a strong yes.
    assert min(retold.exchange_scores) >= 72
    assert retold.vote == "yes"
    assert any("told a story already told for 2 of 3 questions" in r for r in retold.reasons)
    assert "the same story again" in retold.keeper_reason


def test_a_different_example_when_asked_counts_as_new_evidence(tmp_path):
    def run(reply: str):
        store = start_practice(tmp_path / str(len(reply)), "manager", seed=1)
        script = [STRONG_STORY, RETOLD_STRONG_STORY[0], reply, STRONG_STORIES[2]]
        InterviewEngine(store, engine_parts(FakeAnswers(script))).run()
        return build_state(store.read())

    replaced = run(STRONG_STORIES[1])
    asked = [(t.asked.question_index, t.asked.kind, t.asked.gap) for t in replaced.turns]
    assert asked == [(0, "question", None), (1, "question", None), (1, "follow_up", "retold"),
                     (2, "question", None)]
    assert replaced.interviews[0].vote.vote.vote == "strong yes"
    again = run(RETOLD_STRONG_STORY[1])  # asked for another, the same story a third time
    cast = again.interviews[0].vote.vote
    assert cast.vote == "yes"
    assert any("told a story already told for 1 of 3" in r for r in cast.reasons)


def test_the_same_story_recited_again_when_asked_adds_nothing_to_the_exchange():
    question = _plan("manager").questions[0]
    probe = "That sounds like the story you told me a little earlier."
    views = [TurnView(turn=1, kind="question", asked=question.text, answer=STRONG_STORY),
             TurnView(turn=2, kind="follow_up", asked=probe, answer=STRONG_STORY, gap="retold")]
    context = AnswerContext(stage="manager", question=question, asked=question.text,
                            answer=STRONG_STORY)
    alone = score_exchange(turns_of(views[:1]), context, CONTENT)
    both = score_exchange(turns_of(views), context, CONTENT)
    assert both.overall == alone.overall  # not "the same words repeated", capped at 12
    assert not any("repeated" in flag for flag in both.flags)


def test_a_loop_with_one_story_for_everything_has_no_strong_yes_where_stories_are_asked(
        sessions_dir, tmp_path):
    # The QA finding: the same strong story to every question of a loop.
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 80)
    result = run_cli("loop", "--text", "--answers", str(answers), "--seed", "1")
    assert result.returncode == 0, result.stderr
    (folder,) = [p for p in sessions_dir.iterdir() if p.is_dir()]
    from interviewer.session.store import SessionStore

    state = build_state(SessionStore(folder).read())
    behavioural = [i for i in state.interviews if i.plan.style == "behavioural"
                   and i.plan.stage != "technical"]
    assert len(behavioural) >= 6  # recruiter, hiring manager and the onsite panel
    for interview in behavioural:
        cast = interview.vote.vote
        assert cast.vote != "strong yes", (interview.plan.interviewer_name, cast)
        assert any("told a story already told" in r for r in cast.reasons)
        retold = [t for t in interview.turns if t.asked.gap == "retold"]
        assert retold, interview.plan.interviewer_name  # each asked for a different example
