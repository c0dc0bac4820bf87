"""Pay figures as Whisper writes them (QA: "480 thousand" read as no number, "$480k, based on
levels.fyi" flagged off topic, the probe asking for a range and a number already given)."""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.pay import compensation
from interviewer.rubric.planning import plan_own_question
from interviewer.rubric.probing import next_move
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.spoken import plain
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.rubric.corpus import bank_question

CONTENT = default_content()
PAY_IDS = [q.id for q in CONTENT.questions_of("recruiter") if q.topic == "compensation"]

RESEARCHED = [
    "Based on levels.fyi and two friends' offers, I'm targeting 480 thousand total.",
    "I am targeting $480k, based on levels.fyi.",
    "So I looked at levels.fyi for senior engineers in Los Gatos, and the range I saw was about "
    "450 to 520 thousand total. I am targeting 480 thousand, mostly because two friends at "
    "similar levels got offers around there.",
    "Honestly I'd say four hundred eighty thousand total. I looked at levels dot fyi for L5 and "
    "I have an offer at four sixty.",
    "I'd want something in the 450 to 520K range, that's what the posted range on the job "
    "listing said.",
    "I'm looking at around 300 base plus equity, that's roughly what my current base is plus a "
    "bump.",
    "Um so three eighty total, uh, from levels data for senior engineers in New York.",
]
VAGUE = [
    "I'm flexible, I just want a fair offer.",
    "Honestly it's not about the money for me, I'm open to whatever you think is fair.",
    "Um, I haven't thought about it much. Whatever is standard for the level.",
]


def _score(answer: str, question: PlannedQuestion, *, kind: str = "question",
           gap: str | None = None):
    context = AnswerContext(stage="recruiter", question=question, asked=question.text,
                            answer=answer, kind=kind, gap=gap)
    return score_answer(context, CONTENT)


def test_spoken_figures_become_digits():
    assert plain("I am targeting 480 thousand") == "i am targeting 480000"
    assert plain("four hundred and eighty thousand dollars") == "480000 dollars"
    assert plain("three eighty total") == "380 total"
    assert plain("four oh five total") == "405 total"
    assert plain("between three ninety and four sixty") == "between 390 and 460"
    assert plain("1.2 million, or half a million in cash") == "1200000, or 500000 in cash"
    # What read right before still does.
    assert plain("two hundred and thirty servers") == "230 servers"
    assert plain("It went from six a week to zero") == "it went from 6 a week to 0"
    assert plain("one of them") == "one of them"


@pytest.mark.parametrize("answer", RESEARCHED)
def test_researched_figures_in_spoken_forms_are_numbers_with_a_source(answer):
    assert compensation(answer) == "number_with_source"


@pytest.mark.parametrize("answer", [
    "I'm targeting 480 thousand total.",
    "Four eighty.",
    "Around 300 base plus equity.",
    "Somewhere between 450 and 520.",
    "$480k.",
])
def test_figures_without_a_source_are_bare_numbers(answer):
    assert compensation(answer) == "number"


@pytest.mark.parametrize("answer", [*VAGUE, "I want to grow with a strong team.",
                                    "Maybe 20 percent more than now, I guess."])
def test_no_figure_is_no_number(answer):
    assert compensation(answer) in ("flexible", "none")


def test_numbers_about_something_else_are_not_pay_outside_a_pay_question():
    for answer in ("We cut p99 from 300 to 120 milliseconds.", "I need 200 servers for that.",
                   "The total was 400 incidents a year."):
        assert compensation(answer, asked_about_pay=False) == "none", answer


@pytest.mark.parametrize("question_id", PAY_IDS)
def test_a_researched_number_beats_a_vague_answer_and_is_never_off_topic(question_id):
    question = bank_question(question_id)
    vague = max(_score(answer, question).overall for answer in VAGUE)
    for answer in RESEARCHED:
        scored = _score(answer, question)
        assert "off topic" not in scored.flags, (question_id, answer)
        assert "did not address the question asked" not in scored.flags, (question_id, answer)
        assert scored.overall >= vague + 20, (question_id, answer, scored.overall, vague)


def test_a_figure_given_in_reply_to_the_pay_probe_counts():
    question = bank_question("rec-compensation-1")
    vague = _score("I'd rather see your range first.", question, kind="follow_up",
                   gap="vague_compensation")
    for answer in ("480 thousand.", "Four eighty.", "About 480K total."):
        scored = _score(answer, question, kind="follow_up", gap="vague_compensation")
        assert scored.signals.compensation == "number", answer
        assert scored.overall > vague.overall + 10, answer


def _moves(question: PlannedQuestion, answers: list[str], variant: int = 0):
    plan = PlannedInterview(stage="recruiter", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style="behavioural", questions=[question])
    views: list[TurnView] = []
    asked, kind, gap, probe_id = question.text, "question", None, None
    moves = []
    for answer in answers:
        views.append(TurnView(turn=len(views) + 1, kind=kind, asked=asked, answer=answer,
                              gap=gap, probe_id=probe_id))
        move = next_move(MoveContext(stage="recruiter", question=question, exchange=views,
                                     follow_ups_left=2, variant=variant, interviewer=plan),
                         CONTENT)
        moves.append(move)
        asked, kind, gap, probe_id = move.text or "", "follow_up", move.gap, move.probe_id
    return moves


def test_a_range_and_number_given_are_not_asked_for():
    question = bank_question("rec-compensation-1")
    assert _moves(question, [RESEARCHED[2]])[0].action == "next_question"
    for variant in range(3):
        for answer in ("I'm targeting 480 thousand total.", "Around 450 to 520K."):
            for move in _moves(question, [answer, "Yes, that's right."], variant):
                text = (move.text or "").lower()
                assert "range" not in text and "one number" not in text, (answer, move.text)
                assert "what number" not in text and "what figure" not in text, (answer, move.text)
            first = _moves(question, [answer], variant)[0]
            assert first.gap == "vague_compensation" and first.probe_id == "number-basis"
    # Without a figure the number is still asked for.
    asked = _moves(question, ["I haven't really looked into it."])[0]
    assert asked.gap == "vague_compensation" and asked.probe_id != "number-basis"


def test_a_pay_question_of_ones_own_is_read_as_a_pay_question():
    asked = "What total number are you aiming for on pay, and how did you arrive at it?"
    question = plan_own_question(CONTENT, "recruiter", 3, asked)[0].questions[0]
    assert question.topic == "compensation"
    scored = _score(RESEARCHED[0], question)
    assert scored.signals.compensation == "number_with_source" and not scored.flags
    assert _moves(question, [RESEARCHED[0]])[0].action == "next_question"
    other = plan_own_question(CONTENT, "recruiter", 3, "Why do you want to leave?")
    assert other[0].questions[0].topic == "own"


def test_a_source_in_the_main_answer_stands_behind_a_figure_given_in_reply():
    """A source named first and the figure given when asked are one researched answer."""
    question = bank_question("rec-compensation-1")
    moves = _moves(question, ["Based on levels.fyi and what two friends were offered, I'm "
                              "fairly open on the exact number.", "480 thousand total."])
    assert moves[0].gap == "vague_compensation"
    # Not asked again for what the figure rests on: it was said.
    assert moves[1].action == "next_question" or moves[1].gap != "vague_compensation"
    from interviewer.rubric.exchange import exchange_signals, turns_of

    views = [TurnView(turn=1, kind="question", asked=question.text,
                      answer="Based on levels.fyi and what two friends were offered, I'm "
                             "fairly open on the exact number."),
             TurnView(turn=2, kind="follow_up", asked=moves[0].text or "", answer="480 thousand.",
                      gap="vague_compensation")]
    signals, filled = exchange_signals(turns_of(views), stage=CONTENT.stage("recruiter"),
                                       question=question, keywords=CONTENT.keywords(question.id))
    assert "vague_compensation" in filled
    assert signals.compensation == "number_with_source"
