"""A question about the question is a request to clarify, not an answer (QA: "Sorry, choose
between what?" was scored 10 and the interviewer moved on)."""

from __future__ import annotations

import pytest

from interviewer.brains.base import MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.exchange import turns_of
from interviewer.rubric.probing import next_move
from interviewer.rubric.requests import request_of, request_words
from interviewer.session.events import PlannedInterview, PlannedQuestion

CONTENT = default_content()
QUESTION = "Tell me about a project where you had to choose between speed and quality."
PROBE = "If it were your call alone, what would you do?"

CLARIFYING = [
    "Sorry, choose between what?",
    "What do you mean by impact?",
    "Sorry, which project do you mean?",
    "Do you mean at my current job?",
    "Um, what do you mean by ownership? Like on the team or the whole org?",
    "Are you asking about my current team or the last one?",
    "Do you mean technically, or with people?",
    "Sorry, what?",
    "In what sense?",
]
# Real answers that happen to hold a question, and answers that are not questions at all.
ANSWERS = [
    "Do you mean at my current job? At my current job I led the migration to Kafka and cut "
    "costs.",
    "What do I mean by ownership? I mean I take the pager myself.",
    "Why did I leave? Because the team was dissolved after the reorg and my project was cut.",
    "I chose Kafka. Why? Because it replays.",
    "My manager asked what do you mean by done, and I wrote a checklist for it.",
    "You mean the outage? I ran the incident call and we restored service in 40 minutes.",
    "Which one? The first one.",
    "I guess working hard.",
]


@pytest.mark.parametrize("reply", CLARIFYING)
def test_a_short_question_about_the_question_is_a_clarify_request(reply):
    assert request_of(reply) == "clarify"
    assert request_words(reply) == "asked what the question meant"


@pytest.mark.parametrize("reply", ANSWERS)
def test_answers_that_hold_a_question_are_answers(reply):
    assert request_of(reply) is None


def test_asking_to_hear_it_again_is_still_named_so():
    assert request_words("Could you repeat the question?") == "asked to hear the question again"


def _views(*turns: tuple[str, str, str, str | None]) -> list[TurnView]:
    return [TurnView(turn=i + 1, kind=kind, asked=asked, answer=answer, gap=gap)
            for i, (kind, asked, answer, gap) in enumerate(turns)]


def _move(views: list[TurnView], variant: int = 0):
    planned = PlannedQuestion(id="q", text=QUESTION, values=["Judgment"], topic="tradeoffs")
    plan = PlannedInterview(stage="manager", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style="behavioural", questions=[planned])
    return next_move(MoveContext(stage="manager", question=planned, exchange=views,
                                 follow_ups_left=2, variant=variant, interviewer=plan), CONTENT)


@pytest.mark.parametrize("variant", [0, 1])
def test_the_interviewer_answers_the_clarifying_question_and_asks_again(variant):
    # The QA exchange: a hedge, the probe for a position, and a question about the probe.
    views = _views(("question", QUESTION, "I guess working hard.", None),
                   ("follow_up", PROBE, "Sorry, choose between what?", "hedging"))
    move = _move(views, variant)
    assert move.action == "follow_up" and move.gap == "clarify"
    assert move.probe_id == "clarify-meaning"
    assert PROBE in move.text and not move.text.startswith("Of course")
    # The clarifying question is no part of what the exchange is scored on.
    assert [t.answer for t in turns_of(views)] == ["I guess working hard."]


def test_a_clarifying_question_on_the_main_question_is_not_scored_as_its_answer():
    views = _views(("question", QUESTION, "Sorry, which project do you mean?", None))
    move = _move(views)
    assert move.gap == "clarify" and QUESTION in move.text
    assert turns_of(views) == []
    answered = _views(("question", QUESTION, "Sorry, which project do you mean?", None),
                      ("follow_up", move.text, "The billing rewrite last spring: I chose to "
                       "ship behind a flag and fix the edge cases after.", "clarify"))
    assert [t.kind for t in turns_of(answered)] == ["question"]
