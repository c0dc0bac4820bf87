"""Stage behaviour is data: a stage added to stages.yaml scores, probes and votes through the same
code, and bad stage settings fail on load with a message that says how to fix them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import get_args

import pytest
import yaml

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.errors import ContentError
from interviewer.rubric import probing
from interviewer.rubric.content import Content, load_content
from interviewer.rubric.decision import decide
from interviewer.rubric.results import Delivery, Signals, Vote
from interviewer.rubric.scoring import components, score_answer
from interviewer.rubric.stages import Part
from interviewer.rubric.voting import vote
from interviewer.session.events import PlannedInterview, PlannedQuestion

REPO = Path(__file__).resolve().parents[2]
# A real story with an outcome and hindsight, but no principle named: what a stage that ranks
# the principle first should probe.
STORY = (
    "Last year our release needed eleven manual steps and someone got one wrong about every "
    "other week. I wrote a single script for the build, tag and deploy, ran it next to the old "
    "checklist for two releases, then retired the checklist. Failed releases went from about "
    "two a month to none in the six months since. Looking back, I would have asked the on-call "
    "engineers for their steps first."
)
PRINCIPLE_HEAVY = {"example": 10, "principle": 60, "outcome": 10, "values": 10, "delivery": 10}


def _prompts_with(tmp_path: Path, edit) -> Path:
    """A copy of prompts/ with stages.yaml changed by `edit(data)`."""
    root = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", root)
    path = root / "stages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return root


def _with_bar_raiser(weights: dict[str, int], probe_order: list[str]):
    def edit(data: dict) -> None:
        extra = dict(data["stages"]["manager"], title="Bar raiser interview")
        extra["scoring"] = dict(extra["scoring"], weights=weights)
        extra["probe_order"] = probe_order
        data["stages"]["bar_raiser"] = extra
    return edit


def _question(content: Content) -> PlannedQuestion:
    return PlannedQuestion(id="q", text="Tell me about a decision you made to simplify a "
                           "process, and what you would do differently.", values=["Judgment"],
                           topic="decision")


def _score(content: Content, stage: str, question: PlannedQuestion):
    return score_answer(
        AnswerContext(stage=stage, question=question, asked=question.text, answer=STORY),
        content,
    )


def test_a_stage_added_in_stages_yaml_alone_scores_probes_and_votes(tmp_path):
    # A stage that never asks for the principle, only for outcomes and hindsight.
    content = load_content(_prompts_with(tmp_path, _with_bar_raiser(PRINCIPLE_HEAVY,
                                                                     ["no_outcome",
                                                                      "no_reflection"])))
    question = _question(content)
    manager = _score(content, "manager", question)
    bar_raiser = _score(content, "bar_raiser", question)
    # Its own weights decide which parts count and how much: without a principle named, a
    # stage that weighs the principle at 60 scores the same story well below the manager call.
    assert list(bar_raiser.components) == list(PRINCIPLE_HEAVY)
    assert bar_raiser.components["principle"] == 0
    assert bar_raiser.overall < manager.overall - 10
    # It is behavioural because its settings say so: the same gap notes as the manager call.
    assert "no named principle: say which value you were acting on" in bar_raiser.gaps

    # Its own probe order: the manager call asks for the missing principle; the new stage,
    # which probes only outcomes and hindsight (both there), moves on.
    def first_probe(stage: str, score) -> str | None:
        exchange = [TurnView(turn=1, kind="question", asked=question.text, answer=STORY,
                             score=score)]
        plan = PlannedInterview(stage=stage, interviewer_id="x", interviewer_name="X",
                                interviewer_role="r", questions=[question])
        context = MoveContext(stage=stage, question=question, exchange=exchange,
                              follow_ups_left=2, variant=0, interviewer=plan)
        return probing.next_move(context, content).gap
    assert first_probe("manager", manager) == "no_principle"
    assert first_probe("bar_raiser", bar_raiser) is None
    plan = PlannedInterview(stage="bar_raiser", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", questions=[question])
    exchange = [TurnView(turn=1, kind="question", asked=question.text, answer=STORY,
                         score=bar_raiser)]

    verdict = vote(plan, exchange, content)
    assert verdict.stage == "bar_raiser" and verdict.exchange_scores == [bar_raiser.overall]
    # A screen, like the manager call it was copied from: its strong no ends the loop.
    board = [Vote(interviewer="B", role="r", stage="bar_raiser", vote="strong no", keeper=False,
                  score=20),
             *[Vote(interviewer=f"P{i}", role="r", stage="onsite", vote="yes", keeper=True,
                    score=70) for i in range(4)]]
    decision = decide(board, content)
    assert decision.outcome == "no hire" and "bar_raiser screen" in decision.explanation


def test_the_same_weights_under_a_new_name_score_exactly_the_same(tmp_path):
    """The scorer reads the stage's settings, never its name."""
    def edit(data: dict) -> None:
        data["stages"]["twin"] = data["stages"]["technical"]
    content = load_content(_prompts_with(tmp_path, edit))
    question = _question(content)
    assert _score(content, "twin", question) == _score(content, "technical", question)


@pytest.mark.parametrize(
    "weights, message",
    [
        ({"example": "ten"}, "stages.recruiter.scoring.weights: Value error, the weight of "
                             "'example' is 'ten'; a weight is a whole number from 0 to 100"),
        ({"example": 0, "principle": 0}, "stages.recruiter.scoring: Value error, weights: "
                                         "they sum to 0; give at least one part a weight"),
        ({"example": 30, "compensation": 10}, "'compensation' is scored only for some answers; "
                                              "weigh it under pay_answer"),
        ({"examples": 30}, "stages.recruiter.scoring.weights.examples"),
    ],
)
def test_bad_weights_fail_on_load_saying_how_to_fix_them(tmp_path, weights, message):
    def edit(data: dict) -> None:
        data["stages"]["recruiter"]["scoring"]["weights"] = weights
    root = _prompts_with(tmp_path, edit)
    with pytest.raises(ContentError) as error:
        load_content(root)
    assert str(root / "stages.yaml") in str(error.value)
    assert message in str(error.value)


def test_a_gap_listed_twice_in_a_probe_order_is_refused(tmp_path):
    def edit(data: dict) -> None:
        data["stages"]["onsite"]["probe_order"] = ["no_example", "hedging", "no_example"]
    with pytest.raises(ContentError, match="no_example listed more than once; list each gap once"):
        load_content(_prompts_with(tmp_path, edit))


def test_a_probe_for_a_stage_that_does_not_exist_is_refused(tmp_path):
    root = _prompts_with(tmp_path, lambda data: None)
    probes = root / "probes.yaml"
    probes.write_text(probes.read_text(encoding="utf-8").replace(
        "stages: [recruiter]", "stages: [recruiter, recruter]", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="no stage recruter in stages.yaml"):
        load_content(root)


def test_every_part_the_scorer_computes_can_be_weighed_in_stages_yaml():
    """`Part` (what stages.yaml may weigh) names exactly the parts `components` computes."""
    signals = Signals(word_count=40, compensation="number", behaviour_change=True)
    assert set(components(signals, [], Delivery())) == set(get_args(Part))
