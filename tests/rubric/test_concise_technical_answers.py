"""A short, right and costed answer to a coding or design problem is a solid start, not a
non-answer; a short hollow one is still next to nothing.

Coding and design answers were weighed on story strength (forty-odd distinct words, numbers and
names, first-person actions): "I'd put each number in a hash map as I go and check for the
complement, so it's one pass, O(n) time and O(n) space" had a story of 0.15, so its example was
worth 15 of 100 and every other part was held back to under half, and at 27 words it was capped
at 40 as too short besides. It scored 21; the corpus's concise coding answers graded 56 scored
20-30. In these rounds the example is the method: its steps on the problem's items, tied
together by its logic (for each, if, then...), and what it costs (`approach_cost` in
prompts/stages.yaml). A method with its cost is not capped for its length.
"""

from __future__ import annotations

from statistics import mean

from interviewer.brains.base import AnswerContext
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from interviewer.rubric.delivery import count_words
from interviewer.rubric.round_kind import settings_for, style_of
from interviewer.rubric.scoring import CAP_SHORT, caps_and_flags, score_answer
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.rubric.corpus import bank_question, judge, load, plan_of, question_of

CONTENT = default_content()


TWO_SUM = bank_question("tech-coding-15")
REROUTE = bank_question("tech-cdn-4")
COSTED = ("I'd put each number in a hash map as I go and check for the complement, so it's one "
          "pass, O(n) time and O(n) space.")
HOLLOW = "I'd just use a hash map, it's fast."


def _score(question: PlannedQuestion, answer: str, style: str = "coding",
           stage: str = "technical"):
    plan = PlannedInterview(stage=stage, interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style=style, questions=[question])
    context = AnswerContext(stage=stage, question=question, asked=question.text, answer=answer,
                            interviewer=plan)
    return score_answer(context, CONTENT), settings_for(CONTENT, stage, question, plan)


def test_a_right_costed_approach_in_two_sentences_is_a_solid_start():
    costed, _ = _score(TWO_SUM, COSTED)
    hollow, _ = _score(TWO_SUM, HOLLOW)
    assert costed.overall >= 40, costed.components
    assert hollow.overall <= 15, hollow.components
    assert costed.overall - hollow.overall >= 25


def test_a_method_with_its_cost_is_not_capped_as_short_but_a_hollow_answer_is():
    costed, settings = _score(TWO_SUM, COSTED)
    hollow, _ = _score(TWO_SUM, HOLLOW)
    assert count_words(COSTED) < settings.scoring.short_answer_words
    assert costed.signals.costed_approach
    assert caps_and_flags(costed.signals, settings)[0] == 100
    assert caps_and_flags(hollow.signals, settings)[0] == CAP_SHORT


def test_the_same_steps_without_their_cost_are_less_of_an_answer():
    uncosted = COSTED.removesuffix(", so it's one pass, O(n) time and O(n) space.") + "."
    with_cost, _ = _score(TWO_SUM, COSTED)
    without, settings = _score(TWO_SUM, uncosted)
    assert 0 < without.signals.approach < with_cost.signals.approach
    assert caps_and_flags(without.signals, settings)[0] == CAP_SHORT


def test_verbs_and_costs_said_as_a_list_are_no_method():
    for listed in (
        "Sort it, hash it, merge it, cache it, O(1), constant time, linear, n log n.",
        "Sort it, then hash it, then merge it, then cache it, O(1).",
        "I'd use a heap, that's the efficient way to do top k. It's log n.",
    ):
        score, settings = _score(TWO_SUM, listed)
        assert score.signals.approach < 0.3, (listed, score.signals.approach)
        assert score.overall <= 20, (listed, score.components)
        assert caps_and_flags(score.signals, settings)[0] <= CAP_SHORT


def test_a_design_is_costed_by_the_load_or_time_it_takes():
    sized = ("The client retries a failed segment against the next server in its list after a "
             "two second timeout, and the control plane takes the server out of rotation once its "
             "health checks fail.")
    score, settings = _score(REROUTE, sized, style="design")
    assert settings.scoring.approach_cost == ["scale"]
    assert score.signals.costed_approach
    assert score.overall >= 40, score.components


def test_spoken_big_o_is_a_cost():
    written, _ = _score(TWO_SUM, COSTED)
    said, _ = _score(TWO_SUM, COSTED.replace("O(n)", "O of n"))
    assert said.signals.heard["complexity"] == written.signals.heard["complexity"] == 3


def test_a_behavioural_round_reads_no_method():
    """Only rounds with an `approach_cost` read the method: stories are scored as before."""
    for stage in ("manager", "onsite"):
        score, settings = _score(TWO_SUM, COSTED, style="behavioural", stage=stage)
        assert not settings.scoring.approach_cost
        assert score.signals.approach == 0.0 and not score.signals.costed_approach


def test_the_corpus_concise_technical_answers_score_near_their_grades():
    """Dev's coding and design answers under 80 words: the right ones (graded over 50) scored 30
    on average for a mean grade of 58; the hollow ones (graded 30 or less) stay poor."""
    brain = OfflineBrain(CONTENT)
    right, hollow = [], []
    for item in load():
        question = question_of(item, CONTENT)
        style = style_of(CONTENT.stage(item["stage"]), question, plan_of(item, question))
        if (item["split"] != "dev" or item["kind"] != "question" or item.get("gaming")
                or style not in ("coding", "design") or count_words(item["answer"]) >= 80):
            continue
        score = judge(item, CONTENT, brain).score
        if item["grade"] > 50:
            right.append((item["grade"], score, item["id"]))
        elif item["grade"] <= 30:
            hollow.append((item["grade"], score, item["id"]))
    assert len(right) >= 12 and len(hollow) >= 6
    assert mean(g - s for g, s, _ in right) <= 8, right
    assert min(s for _, s, _ in right) >= 40, right
    assert max(s for _, s, _ in hollow) <= 30, hollow
