"""Which gaps an exchange leaves open, most important first.

What a stage or an interview style probes first is data (`probe_order` in prompts/stages.yaml);
this module finds which of those gaps the exchange still has, and lets the question move some up
(a question about hindsight asks for it right after an example).
"""

from __future__ import annotations

from interviewer.rubric import lexicon as lx
from interviewer.rubric.results import Signals
from interviewer.rubric.stages import StageSettings, StyleSettings
from interviewer.session.events import PlannedQuestion

# At this story strength, with its reasons, outcome and hindsight, the why is the principle.
REASONED_STORY = 0.7
# Below this story strength an answer has no example to probe deeper into.
EXAMPLE_AT = 0.15


def open_gaps(
    signals: Signals, stage: StageSettings, question: PlannedQuestion, style: StyleSettings
) -> list[str]:
    """The gaps in an exchange, in the probe order of its stage or style (stages.yaml)."""
    technical = style.technical
    no_example = (
        signals.word_count < 25 or signals.evasive or signals.story < EXAMPLE_AT
        or (signals.generic and not technical and signals.story < 0.4)
        or signals.question_copy >= 0.35 or signals.repetition >= 0.4
        or (signals.claims >= 2 and signals.story < 0.35) or signals.cue_list
    )
    present = {
        "no_example": no_example,
        # A full story that says why the call was made has its principle in it.
        "no_principle": not signals.named_principle
        and not (signals.reasons and signals.story >= REASONED_STORY and signals.outcome
                 and signals.reflection),
        "hedging": signals.point_of_view == "hedged",
        "no_behaviour_change": signals.behaviour_change is False,
        "no_ownership": signals.ownership < 0.25,
        "no_outcome": not signals.outcome,
        "no_reflection": not signals.reflection,
        "no_self_awareness": not (signals.reflection or signals.admits_limits),
        "vague_compensation": signals.compensation in ("flexible", "none", "number"),
        "mentorship_structure": signals.mentorship_risk,
        "defend_decision": not signals.reasons,
        "no_trade_off": not signals.alternatives,
        "no_scale": not signals.scale,
        "no_failure_mode": not signals.failure,
        "no_complexity": not signals.complexity,
        "no_edge_cases": not signals.edge_cases,
        "vague_motivation": signals.specificity < 0.4 and signals.story < 0.3,
    }
    asked = question.text.lower()
    if question.topic == "coding" or not lx.INFRASTRUCTURE.search(asked):
        # A data structure or a product call is defended and sized, not failed over.
        present["no_failure_mode"] = False
    if question.topic == "coding" and not lx.ASKS_VOLUME.search(asked):
        # A puzzle on one input is costed in time and space, not sized for load; a stream is.
        present["no_scale"] = False
    if stage.reads_fit and not lx.ASKS_SELF.search(asked):
        present["no_self_awareness"] = False
    if stage.reads_fit and not lx.ASKS_VALUES.search(asked):
        # A recruiter asks the principle only of a values question; a pay, career or logistics
        # question is probed for what it is for.
        present["no_principle"] = False
    if stage.reads_fit and not lx.ASKS_REFLECTION.search(asked):
        present["no_reflection"] = False  # nor hindsight, unless the question is about it
    if not (stage.reads_fit and lx.ASKS_MOTIVATION.search(asked)):
        present["vague_motivation"] = False
    if style.hindsight_for_past_work and not (
        signals.past_story or lx.ASKS_REFLECTION.search(asked)
    ):
        # Hindsight is for a design or call the candidate actually made, not one sketched on
        # the spot.
        present["no_reflection"] = False
    if question.topic == "compensation":
        order = ["vague_compensation", "hedging"]
    else:
        order = list(style.probe_order or stage.probe_order)
    if lx.ASKS_REFLECTION.search(asked) and "no_reflection" in order and "no_example" in order:
        # The question is about hindsight: that is its first gap after an example.
        order.remove("no_reflection")
        order.insert(order.index("no_example") + 1, "no_reflection")
    asks_example = bool(lx.ASKS_EXAMPLE.search(asked))
    if "hedging" in order and "no_example" in order and (len(signals.hedges) < 3 or asks_example):
        # Hedging is about a position: a story question without a story is asked for the story.
        order.remove("hedging")
        order.insert(order.index("no_example") + 1, "hedging")
    if lx.ASKS_SELF.search(asked) and present["no_self_awareness"] and "no_example" in order:
        # A question about one's limits is first about knowing them, then about hindsight.
        if "no_self_awareness" in order:
            order.remove("no_self_awareness")
        order.insert(order.index("no_example") + 1, "no_self_awareness")
    if lx.ASKS_FAILURE.search(asked) and "no_failure_mode" in order:
        # A question about failures is first about what happens when a part fails.
        order.remove("no_failure_mode")
        order.insert(order.index("no_example") + 1 if "no_example" in order else 0,
                     "no_failure_mode")
    hollow = (signals.question_copy >= 0.35 or signals.value_stuffing or signals.cue_list
              or signals.repetition >= 0.4)
    if present["vague_motivation"] and "vague_motivation" in order and not hollow:
        # "Why Netflix?" needs specific reasons, not a story.
        order.remove("vague_motivation")
        order.insert(0, "vague_motivation")
    if signals.behaviour_change is not None and "no_behaviour_change" in order:
        # A feedback question is about what changed; that comes right after the example.
        order.remove("no_behaviour_change")
        order.insert(order.index("no_example") + 1 if "no_example" in order else 0,
                     "no_behaviour_change")
    return [gap for gap in order if present[gap]]
