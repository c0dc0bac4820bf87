"""The offline scorer: strong beats weak beats nonsense; stuffing value names buys nothing."""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext
from interviewer.rubric.content import default_content
from interviewer.rubric.scoring import score_answer
from interviewer.session.events import PlannedQuestion
from tests.support import GIBBERISH, STRONG_STORY, WEAK_STORY

QUESTION = PlannedQuestion(
    id="x", text="Tell me about a decision you made with more context than your manager.",
    values=["Judgment"], topic="decision",
)


def score(text: str, stage: str = "manager", question: PlannedQuestion = QUESTION):
    return score_answer(
        AnswerContext(stage=stage, question=question, asked=question.text, answer=text),
        default_content(),
    )


def test_strong_answer_scores_clearly_above_weak():
    strong, weak = score(STRONG_STORY), score(WEAK_STORY)
    assert strong.overall >= 65
    assert strong.overall - weak.overall >= 30
    assert strong.signals.named_principle and strong.signals.reflection
    assert strong.signals.point_of_view == "clear"
    assert weak.signals.point_of_view == "hedged"


@pytest.mark.parametrize("text", ["", GIBBERISH, "I don't know, next question."])
def test_empty_gibberish_and_evasive_answers_score_below_weak(text):
    assert score(text).overall < score(WEAK_STORY).overall
    assert score(text).overall <= 8


def test_stuffing_value_names_does_not_raise_the_score():
    stuffed = (
        WEAK_STORY + " This shows judgment, courage, integrity, passion, impact, inclusion, "
        "selflessness, innovation and communication."
    )
    assert score(stuffed).overall <= score(WEAK_STORY).overall
    assert score(stuffed).signals.value_stuffing
    assert all(not v.quotes for v in score(stuffed).values if v.value == "Courage")


def test_evidence_quotes_are_verbatim_sentences_of_the_answer():
    result = score(STRONG_STORY)
    quotes = [q for v in result.values for q in v.quotes]
    assert quotes, "a strong story shows at least one value"
    assert all(q in STRONG_STORY for q in quotes)
    assert any(v.score is None for v in result.values), "unshown values: insufficient evidence"


def test_compensation_number_with_source_beats_flexible():
    question = PlannedQuestion(id="c", text="What are your compensation expectations?",
                               values=["Integrity"], topic="compensation")
    researched = score(
        "I'm targeting 310k total compensation. I based that on levels.fyi data for senior "
        "engineers in Los Angeles and a competing offer I currently hold at 295k.",
        "recruiter", question,
    )
    flexible = score("Honestly I'm flexible, whatever is fair works for me.", "recruiter", question)
    assert researched.signals.compensation == "number_with_source"
    assert flexible.signals.compensation == "flexible"
    assert researched.overall - flexible.overall >= 30
    assert any("flexible" in flag for flag in flexible.flags)


def test_heavy_mentorship_request_is_flagged_at_the_recruiter_screen():
    question = PlannedQuestion(id="e", text="What environment do you do your best work in?",
                               values=["Judgment"], topic="environment")
    result = score(
        "I do my best work with a lot of structure, a dedicated mentor and step-by-step "
        "guidance from my manager on every project.", "recruiter", question,
    )
    assert result.signals.mentorship_risk
    assert any("culture-fit" in flag for flag in result.flags)


def test_claiming_every_value_is_a_warning_sign():
    boast = " Honestly I am strong in all nine values and have no weaknesses."
    result = score(STRONG_STORY + boast)
    assert result.signals.claims_all_strengths
    assert result.overall < score(STRONG_STORY).overall


def test_feedback_answer_needs_a_concrete_behaviour_change():
    question = PlannedQuestion(id="f", text="Tell me about critical feedback you received.",
                               values=["Communication"], topic="feedback")
    vague = score("My manager said I interrupt people. I appreciated the input and took it on "
                  "board, and I think it went well.", question=question)
    concrete = score("My manager told me I interrupted people in design reviews. I stopped "
                     "jumping in before someone finished and I started writing my point down "
                     "first, and since then two engineers told me reviews feel calmer.",
                     question=question)
    assert vague.signals.behaviour_change is False
    assert concrete.signals.behaviour_change is True
    assert concrete.overall > vague.overall


def test_filler_words_lower_delivery():
    filled = score("Um, so, uh, " + STRONG_STORY.replace(". ", ". Um, you know, uh, "))
    assert filled.signals.fillers_per_100 > 6
    assert filled.components["delivery"] < score(STRONG_STORY).components["delivery"]
