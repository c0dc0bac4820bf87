"""Rounds that are not value stories (coding, system design, product sense, portfolio) credit
each part by how much of the answer shows it, on the scale of value evidence.

Their parts were all or nothing: one "because", one "instead of", one figure and one "fails"
each earned full credit, so an answer that said each once had every part at 100 and scored about
95, where the grade scale puts a complete answer at 80 (a story's graded parts, value evidence,
self-awareness and ownership, keep that headroom). And a coding round was weighed on load and
failover, which a coding question never asks, not on the cost and tests it does ask.
"""

from __future__ import annotations

from statistics import mean

from interviewer.brains.base import AnswerContext
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from interviewer.rubric.round_kind import style_of
from interviewer.rubric.scoring import score_answer
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.rubric.corpus import judge, load, plan_of, question_of
from tests.rubric.test_onsite_technical_rounds import STRONG_CODING, TWO_SUM

CONTENT = default_content()
SEARCH = CONTENT.find_question("tech-search-1")
assert SEARCH is not None
QUESTION = PlannedQuestion(id=SEARCH.id, text=SEARCH.text, values=SEARCH.values,
                           topic=SEARCH.topic)
DESIGN = (
    "So I'd put the titles in a search index with one shard per language, about forty thousand "
    "titles each, and a typeahead service in front of it that keeps the top queries in memory. "
)
ONE_REASON = "The typeahead's in memory because a round trip to the index costs forty milliseconds."
THREE_REASONS = (
    "The typeahead's in memory because a round trip to the index costs forty milliseconds. I'd "
    "shard by language because a query never needs two alphabets at once. And I'd match on "
    "sounds as well as letters, because people type a name the way they heard it."
)


def _score(style: str, question: PlannedQuestion, answer: str):
    plan = PlannedInterview(stage="technical", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style=style, questions=[question])
    return score_answer(AnswerContext(stage="technical", question=question, asked=question.text,
                                      answer=answer, interviewer=plan), CONTENT)


def test_a_part_shown_once_earns_what_evidence_shown_once_earns():
    """One choice defended is 3 of 5, as one sentence showing a value is; three are 5 of 5."""
    once = _score("design", QUESTION, DESIGN + ONE_REASON)
    thrice = _score("design", QUESTION, DESIGN + THREE_REASONS)
    assert once.components["reasons"] == 60
    assert thrice.components["reasons"] == 100
    assert thrice.overall > once.overall


def test_complete_non_story_answers_score_near_the_strong_anchor_not_at_the_top():
    """The corpus's complete technical, product and portfolio answers (graded 80-82) scored 95 on
    average; they belong near 80, and above what the interviewer moves on at."""
    brain = OfflineBrain(CONTENT)
    complete = []
    for item in load():
        question = question_of(item, CONTENT)
        style = style_of(CONTENT.stage(item["stage"]), question, plan_of(item, question))
        if (style != "behavioural" and item["kind"] == "question" and item["band"] == "strong"
                and item["expected_probe"] == "none"):
            complete.append((item["grade"], judge(item, CONTENT, brain).score))
    assert len(complete) >= 9
    assert mean(s for _, s in complete) <= mean(g for g, _ in complete) + 8, complete
    assert min(s for _, s in complete) > 70, complete


def test_a_coding_answer_is_weighed_on_its_cost_and_tests_not_on_load_and_failover():
    score = _score("coding", TWO_SUM, STRONG_CODING)
    assert {"complexity", "edge_cases"} <= set(score.components)
    assert not {"scale", "failure"} & set(score.components)
    assert score.overall >= 80, score.components
