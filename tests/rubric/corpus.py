"""The graded judgement corpus (tests/data/judgement) and how the offline interviewer reads it.

Used by the tests in this folder and by benchmarks/judgement.py. Each item is an answer to a
main question, or a follow-up answer with the main answer before it; `judge` returns the
exchange score and the interviewer's first (next) probe gap, "none" when it moves on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import VALUE_NAMES, Content, default_content
from interviewer.rubric.exchange import Turn, score_exchange
from interviewer.rubric.round_kind import settings_for
from interviewer.session.events import PlannedInterview, PlannedQuestion

CORPUS = Path(__file__).resolve().parents[1] / "data" / "judgement"
FILES = ["recruiter", "manager", "technical", "onsite", "follow_ups", "gaming", "non_english"]
# The blind split: graded without reading the scorer and never tuned on. Only the benchmark
# reads it; the tests leave it out, so that no test turns it into something to tune against.
BLIND_FILES = ["blind"]


def load(folder: Path = CORPUS, blind: bool = False) -> list[dict]:
    """Every dev and holdout item of the corpus; with `blind`, the blind split's items too."""
    items = []
    for name in FILES + (BLIND_FILES if blind else []):
        items += yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))["items"]
    return items


@dataclass
class Judgement:
    """What the offline interviewer made of one corpus item."""

    score: int
    probe: str
    flags: list[str]
    turn_flags: list[str]


def bank_question(question_id: str, content: Content | None = None) -> PlannedQuestion:
    """The bank question with this id, as a session plans it (the id must be in a bank)."""
    bank = (content or default_content()).find_question(question_id)
    assert bank is not None, f"no bank question {question_id!r}"
    return PlannedQuestion(id=bank.id, text=bank.text, values=bank.values, topic=bank.topic)


def question_of(item: dict, content: Content) -> PlannedQuestion:
    """The planned question an item answers (its bank question when the id is in a bank)."""
    if content.find_question(item.get("question_id") or "") is not None:
        return bank_question(item["question_id"], content)
    text = item["question"].lower()
    topic = "compensation" if "compensation" in text or "number" in text else "general"
    if "feedback" in text:
        topic = "feedback"
    return PlannedQuestion(
        id=item.get("question_id") or item["id"], text=item["question"],
        values=list(VALUE_NAMES), topic=topic,
    )


def _probe_id(text: str, content: Content) -> str:
    """The id of the probe in prompts/probes.yaml with this text (the corpus's own otherwise)."""
    key = " ".join(text.lower().split())
    for probe in content.probes:
        if any(" ".join(t.lower().split()) == key for t in probe.texts):
            return probe.id
    return "corpus-probe"


def plan_of(item: dict, question: PlannedQuestion) -> PlannedInterview:
    """The interview an item was answered in: its round's `style` (a product-sense or portfolio
    round), else the stage's own kind of interview."""
    return PlannedInterview(
        stage=item["stage"], interviewer_id="x", interviewer_name="X", interviewer_role="r",
        style=item.get("style", "behavioural"), questions=[question],
    )


def judge(item: dict, content: Content, brain: OfflineBrain | None = None) -> Judgement:
    """Score an item's exchange and pick the interviewer's next probe."""
    brain = brain or OfflineBrain(content)
    question = question_of(item, content)
    stage = item["stage"]
    plan = plan_of(item, question)
    context = AnswerContext(
        stage=stage, question=question, asked=question.text, answer=item["answer"],
        answer_seconds=settings_for(content, stage, question, plan).answer_seconds,
        interviewer=plan,
    )
    if item["kind"] == "follow_up":
        turns = [Turn("question", item["previous_answer"]),
                 Turn("follow_up", item["answer"], item["probe_gap"])]
        views = [
            TurnView(turn=1, kind="question", asked=question.text, answer=item["previous_answer"]),
            TurnView(turn=2, kind="follow_up", asked=item["probe_text"], answer=item["answer"],
                     gap=item["probe_gap"], probe_id=_probe_id(item["probe_text"], content)),
        ]
    else:
        turns = [Turn("question", item["answer"])]
        views = [TurnView(turn=1, kind="question", asked=question.text, answer=item["answer"])]
    last = views[-1]
    last.score = brain.score(
        AnswerContext(stage=stage, question=question, asked=last.asked, answer=last.answer,
                      kind=last.kind, answer_seconds=context.answer_seconds, interviewer=plan)
    )
    score = score_exchange(turns, context, content)
    move = brain.next_move(MoveContext(stage=stage, question=question, exchange=views,
                                       follow_ups_left=2, variant=0, interviewer=plan))
    return Judgement(score.overall, move.gap or "none", score.flags, last.score.flags)
