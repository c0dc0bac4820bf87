"""A request ("could you repeat the question?", "give me a moment") is not scored as an answer.

QA 2026-12-02: such a turn was scored 10/100 "off topic" and even raised the exchange score.
Now it has no score, leaves the exchange score and the vote as they are without it, and the
report says what it was.
"""

from __future__ import annotations

import json

import pytest

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.report.derived import replay_text
from interviewer.report.html import render_html
from interviewer.report.markdown import render_markdown
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.rubric.requests import request_of
from interviewer.rubric.results import AnswerScore
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.voting import vote
from interviewer.session.brain_contexts import answer_context
from interviewer.session.engine import InterviewEngine
from interviewer.session.events import AnswerScored
from interviewer.session.state import build_state
from interviewer.testing import FakeAnswers
from tests.support import STRONG_STORY, WEAK_STORY, engine_parts, run_cli, start_practice

QUESTION = "Why are you interested in leaving your current role for Netflix?"
HEDGED = ("I think maybe it depends, I'm not sure. Netflix seems like a good place and I like "
          "streaming. I would probably grow a lot there, I guess, and the culture sounds "
          "interesting to me.")
REQUESTS = ["Could you repeat the question?", "Give me a moment.",
            "Can I take a moment to think?"]


@pytest.mark.parametrize("reply", REQUESTS)
def test_score_leaves_a_request_unscored_and_the_exchange_as_without_it(tmp_path, reply):
    def scored(text: str) -> dict:
        path = tmp_path / "t.txt"
        path.write_text(text, encoding="utf-8")
        result = run_cli("score", str(path), "--stage", "recruiter", "--json", check=True)
        return json.loads(result.stdout)

    without = scored(f"Interviewer: {QUESTION}\nCandidate: {HEDGED}\n")
    again = "Of course." if "repeat" in reply else "Take your time. Whenever you're ready:"
    with_request = scored(f"Interviewer: {QUESTION}\nCandidate: {reply}\n"
                          f"Interviewer: {again} {QUESTION}\nCandidate: {HEDGED}\n")
    request, answer = with_request["answers"]
    assert request["score"] is None and request["overall"] is None
    assert request["request"] in ("asked to hear the question again",
                                  "asked for a moment to think")
    assert request["next_move"]["action"] == "follow_up"
    # The answer after the request is read as the answer to the question itself.
    assert answer["overall"] == without["answers"][0]["overall"]
    assert answer["score"]["flags"] == without["answers"][0]["score"]["flags"]
    assert with_request["exchanges"][0]["overall"] == without["exchanges"][0]["overall"]
    assert with_request["overall"] == without["overall"]


def test_a_short_answer_that_starts_with_let_me_think_is_an_answer():
    assert request_of("Let me think. I chose Kafka because it replays.") is None
    assert request_of("Hmm. Let me think for a second. Okay.") == "thinking"
    assert request_of("Sorry, could you repeat that, please?") == "clarify"
    assert request_of(STRONG_STORY + " Let me think.") is None


def _views(answers: list[str], scores: list[AnswerScore | None]) -> list[TurnView]:
    kinds = ["question"] + ["follow_up"] * (len(answers) - 1)
    return [TurnView(turn=i + 1, kind=k, asked=QUESTION, answer=a, score=s)
            for i, (k, a, s) in enumerate(zip(kinds, answers, scores, strict=True))]


def test_a_request_does_not_change_the_vote():
    content = default_content()
    (plan,) = plan_practice(content, "manager", 1)
    question = plan.questions[0]

    def score(text: str, kind: str = "question") -> AnswerScore:
        return score_answer(AnswerContext(stage="manager", question=question, asked=question.text,
                                          answer=text, kind=kind), content)

    plan = plan.model_copy(update={"questions": [question]})
    without = vote(plan, _views([WEAK_STORY], [score(WEAK_STORY)]), content)
    old_record = score("Could you repeat the question?")  # what older sessions logged
    with_request = vote(plan, _views(["Could you repeat the question?", WEAK_STORY],
                                     [old_record, score(WEAK_STORY)]), content)
    assert with_request.score == without.score and with_request.vote == without.vote
    assert with_request.exchange_scores == without.exchange_scores
    assert with_request.reasons == without.reasons


def test_a_live_session_logs_no_score_for_a_request_and_the_report_names_it(tmp_path):
    store = start_practice(tmp_path)
    answers = FakeAnswers(["Sorry, could you repeat the question?"] + [STRONG_STORY] * 12)
    InterviewEngine(store, engine_parts(answers)).run()
    state = build_state(store.read())
    first, second = state.turns[0], state.turns[1]
    assert first.request == "clarify" and not first.scores
    assert second.asked.gap == "clarify" and second.scores
    # The answer to the repeated question is scored as the answer to the question itself.
    interview = state.interviews[0]
    assert answer_context(interview, second, default_content()).kind == "question"
    assert second.latest_score.overall > 10 and "off topic" not in second.latest_score.flags
    markdown = render_markdown(state, store)
    assert "asked to hear the question again (not scored)" in markdown
    assert "off topic" not in markdown
    html = render_html(state, store, tmp_path)
    assert "asked to hear the question again (not scored)" in html
    assert "asked to hear the question again" in replay_text(state, store)


def test_an_older_session_with_a_scored_request_reads_as_a_request(tmp_path):
    store = start_practice(tmp_path)
    answers = FakeAnswers(["Could you repeat the question?"] + [STRONG_STORY] * 12)
    InterviewEngine(store, engine_parts(answers)).run()
    state = build_state(store.read())
    first = state.turns[0]
    content = default_content()
    # Sessions recorded before this change logged a 10/100 "off topic" score for the request.
    old = AnswerScored(turn=first.asked.turn, brain="offline",
                       score=score_answer(answer_context(state.interviews[0], first, content),
                                          content))
    assert old.score.overall <= 10 and "off topic" in old.score.flags
    state = build_state([*store.read(), old])
    assert state.turns[0].latest_score is None
    markdown = render_markdown(state, store)
    assert "off topic" not in markdown and "10/100" not in markdown
    assert "asked to hear the question again" in markdown
