"""Choosing the next move: probe the most important thing the answer lacks, or move on.

The gaps are judged on the whole exchange (the question and its follow-ups so far), so a gap the
candidate filled in a follow-up is not probed again. No probe is used twice in one exchange, which
also means never twice in a row.
"""

from __future__ import annotations

import re

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import Content
from interviewer.rubric.exchange import exchange_signals, score_exchange, turns_of
from interviewer.rubric.results import Move, Signals
from interviewer.rubric.spoken import plain
from interviewer.session.events import PlannedInterview, PlannedQuestion

# What each kind of interview probes first. Order is priority: an answer without an example gets
# asked for one before anything else; a hedge gets "where do you stand" before "which principle".
BEHAVIOURAL = [
    "hedging",
    "no_example",
    "no_ownership",
    "no_principle",
    "no_behaviour_change",
    "no_outcome",
    "no_reflection",
]
PRIORITIES = {
    "recruiter": [
        "vague_compensation",
        "mentorship_structure",
        "hedging",
        "no_example",
        "vague_motivation",
        "no_self_awareness",
        "no_principle",
        "no_reflection",
    ],
    "manager": BEHAVIOURAL,
    "onsite": BEHAVIOURAL,
    "technical": [
        "hedging",
        "no_example",
        "defend_decision",
        "no_scale",
        "no_trade_off",
        "no_failure_mode",
        "no_reflection",
    ],
}
STYLE_PRIORITIES = {
    # A data structure is defended on what it costs before how big it gets.
    "coding": ["hedging", "no_example", "defend_decision", "no_trade_off", "no_scale",
               "no_reflection"],
    "design": PRIORITIES["technical"],
    "product": ["no_example", "hedging", "defend_decision", "no_trade_off", "no_outcome",
                "no_reflection"],
    "portfolio": ["no_example", "defend_decision", "no_ownership", "no_outcome",
                  "no_reflection"],
}

REASONS = {
    "no_example": "the answer gave no concrete example",
    "no_principle": "the story named no principle",
    "hedging": "the answer hedged instead of taking a position",
    "no_behaviour_change": "feedback was described without a concrete behaviour change",
    "no_ownership": "the story was all 'we' and no 'I'",
    "no_outcome": "the story had no measurable outcome",
    "no_reflection": "no reflection on what they would weigh differently",
    "no_self_awareness": "nothing about their own limits or what they are working on",
    "vague_compensation": "no researched number for compensation",
    "mentorship_structure": "asked for heavy structure, which is rare at Netflix",
    "defend_decision": "design choices need defending against alternatives",
    "no_trade_off": "the choice was explained but not what it costs against the alternative",
    "no_scale": "no numbers for the load or size the design must handle",
    "no_failure_mode": "nothing about what happens when a part fails",
    "vague_motivation": "the reasons for moving were general, not specific to this role",
    "clarify": "the candidate asked to hear the question again",
    "thinking": "the candidate asked for a moment to think",
    "no_answer": "no answer came, so the question is asked once more",
    "off_question": "the answer did not address the question asked",
}
# A complete answer moves on: at this exchange score nothing left open is worth the time, and
# after a follow-up that filled its gap, a solid exchange is left there.
COMPLETE_AT = 80
SOLID_AFTER_PROBE = 65
# At this story strength, with its reasons, outcome and hindsight, the why is the principle.
REASONED_STORY = 0.7
# Below this story strength an answer has no example to probe deeper into.
EXAMPLE_AT = 0.15
# Questions whose point is hindsight, self-knowledge, or a system that must survive failures.
_ASKS_REFLECTION = re.compile(
    r"differently|revisit|mistake|wrong|learn|hindsight|again|didn'?t turn out|regret|look back"
)
_ASKS_EXAMPLE = re.compile(
    r"tell me about a|give me an example|walk me through a (?:time|call|decision)|describe a time|"
    r"a time (?:you|when)|most useful|an occasion"
)
_ASKS_SELF = re.compile(r"weak|strength|improv|working on|hard for you|find it hard|struggle")
# Recruiter questions about values invite the principle probe; the rest probe what they are for.
_ASKS_VALUES = re.compile(r"value|culture|principle|believe|memo|and why\b|why you\b")
_ASKS_MOTIVATION = re.compile(
    r"why netflix|why (?:are|do) you|looking for|leav|what draws|motivat|next (?:chapter|role|step)"
    r"|career|interest(?:s|ed)? you|want to (?:join|work)"
)
_ASKS_FAILURE = re.compile(r"\bfail|outage|goes down|go down|disaster|degrad|resilien|chaos")
_INFRASTRUCTURE = re.compile(
    r"region|outage|deliver|cdn|origin|launch|falling over|fail|availab|microservice|platform|"
    r"network|servers?\b|traffic|peak"
)


def style_of(stage: str, question: PlannedQuestion, interviewer: PlannedInterview | None) -> str:
    """The interview style that picks the probes: the plan's, or technical rounds by topic."""
    style = interviewer.style if interviewer is not None else "behavioural"
    if style == "behavioural" and stage == "technical":
        return "coding" if question.topic == "coding" else "design"
    return style


def open_gaps(signals: Signals, stage: str, question: PlannedQuestion, style: str) -> list[str]:
    """The gaps in an exchange, in the priority order of its stage and style."""
    technical = style in ("coding", "design")
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
        "vague_motivation": signals.specificity < 0.4 and signals.story < 0.3,
    }
    asked = question.text.lower()
    if question.topic == "coding" or not _INFRASTRUCTURE.search(asked):
        # A data structure or a product call is defended and sized, not failed over.
        present["no_failure_mode"] = False
    if stage == "recruiter" and not _ASKS_SELF.search(asked):
        present["no_self_awareness"] = False
    if stage == "recruiter" and not _ASKS_VALUES.search(asked):
        # A recruiter asks the principle only of a values question; a pay, career or logistics
        # question is probed for what it is for.
        present["no_principle"] = False
    if stage == "recruiter" and not _ASKS_REFLECTION.search(asked):
        present["no_reflection"] = False  # nor hindsight, unless the question is about it
    if not (stage == "recruiter" and _ASKS_MOTIVATION.search(asked)):
        present["vague_motivation"] = False
    if (technical or style == "product") and not (
        signals.past_story or _ASKS_REFLECTION.search(asked)
    ):
        # Hindsight is for a design or call the candidate actually made, not one sketched on
        # the spot.
        present["no_reflection"] = False
    if question.topic == "compensation":
        order = ["vague_compensation", "hedging"]
    elif style in STYLE_PRIORITIES and (technical or style != "behavioural"):
        order = STYLE_PRIORITIES[style]
    else:
        order = PRIORITIES.get(stage, BEHAVIOURAL)
    order = list(order)
    if _ASKS_REFLECTION.search(asked) and "no_reflection" in order and "no_example" in order:
        # The question is about hindsight: that is its first gap after an example.
        order.remove("no_reflection")
        order.insert(order.index("no_example") + 1, "no_reflection")
    asks_example = bool(_ASKS_EXAMPLE.search(asked))
    if "hedging" in order and "no_example" in order and (len(signals.hedges) < 3 or asks_example):
        # Hedging is about a position: a story question without a story is asked for the story.
        order.remove("hedging")
        order.insert(order.index("no_example") + 1, "hedging")
    if _ASKS_SELF.search(asked) and present["no_self_awareness"] and "no_example" in order:
        # A question about one's limits is first about knowing them, then about hindsight.
        if "no_self_awareness" in order:
            order.remove("no_self_awareness")
        order.insert(order.index("no_example") + 1, "no_self_awareness")
    if _ASKS_FAILURE.search(asked) and "no_failure_mode" in order:
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


def next_move(request: MoveContext, content: Content) -> Move:
    """Probe the top open gap not yet probed in this exchange, or go on to the next question."""
    stage, question, exchange = request.stage, request.question, request.exchange
    follow_ups_left, variant, interviewer = (request.follow_ups_left, request.variant,
                                             request.interviewer)
    # A request to repeat or for a moment is honoured even when the follow-ups are used up.
    not_yet = _non_answer_move(content, stage, question, exchange, variant)
    if not_yet is not None:
        return not_yet
    if follow_ups_left <= 0:
        return Move(action="next_question", reason="follow-up budget for this question used")
    turns = turns_of(exchange)
    if not turns:
        return Move(action="next_question", reason="no answer to follow up on")
    asked_gaps = [t.gap for t in exchange if t.gap]
    used = {t.probe_id for t in exchange if t.probe_id}
    last = exchange[-1]
    if (
        last.kind != "question"
        and last.score
        and (last.score.signals.gibberish or last.score.signals.word_count == 0)
    ):
        return Move(action="next_question", reason="the follow-up got no usable answer")
    signals, filled = exchange_signals(
        turns, stage=stage, question=question, keywords=content.keywords(question.id)
    )
    if signals.not_english:
        return Move(action="next_question", reason="the offline interviewer reads English only")
    settings = content.stages.get(stage)
    context = AnswerContext(
        stage=stage, question=question, asked=question.text, answer=turns[0].answer,
        answer_seconds=settings.answer_seconds if settings else (120, 180),
    )
    overall = score_exchange(turns, context, content).overall
    if overall >= (SOLID_AFTER_PROBE if filled else COMPLETE_AT):
        return Move(action="next_question", reason="the answer covered what this question needs")
    hollow = (signals.question_copy >= 0.35 or signals.value_stuffing or signals.cue_list
              or signals.repetition >= 0.4 or signals.claims >= 2 or signals.word_count < 25)
    # Only a substantive answer about something else is brought back; a vague one is probed
    # for what this question lacks.
    elsewhere = signals.word_count >= 40 and signals.specificity >= 0.2
    asked = question.text.lower()
    # Questions with a gap of their own (limits, feedback, pay, motivation) are brought back by
    # that gap's probe, which says what the question wants.
    own_gap = (_ASKS_SELF.search(asked) or signals.behaviour_change is not None
               or question.topic == "compensation"
               or (stage == "recruiter" and _ASKS_MOTIVATION.search(asked)))
    elsewhere = elsewhere and not own_gap
    if ((signals.off_topic or not signals.addresses_question) and elsewhere and not hollow
            and "off_question" not in asked_gaps):
        # An answer to another question is brought back to this one before anything else.
        text, probe_id = _probe_text(content, stage, "behavioural", "off_question", question,
                                     variant, used)
        if text is not None:
            return Move(action="follow_up", text=text, probe_id=probe_id, gap="off_question",
                        reason=REASONS["off_question"])
    style = style_of(stage, question, interviewer)
    said = _what_was_said(signals, "\n".join(t.answer for t in turns))
    for gap in open_gaps(signals, stage, question, style):
        if asked_gaps.count(gap) >= 2 or gap in filled:
            continue  # pressed once already, or answered: move on rather than nag
        text, probe_id = _probe_text(content, stage, style, gap, question, variant, used, said)
        if text is None:
            continue
        return Move(
            action="follow_up",
            text=text,
            probe_id=probe_id,
            gap=gap,
            target_value=question.values[0] if question.values else None,
            reason=REASONS[gap],
        )
    return Move(action="next_question", reason="the answer covered what this question probes")


def _probe_text(
    content: Content, stage: str, style: str, gap: str, question: PlannedQuestion, variant: int,
    used: set[str], said: set[str] | None = None,
) -> tuple[str | None, str | None]:
    """A probe for the gap not yet used in this exchange (a gap left open is pressed once).

    Only probes written for the interview's style are used (a design round never gets a
    behavioural "most recent time" probe), and only those whose wording fits what was said.
    """
    if gap == "defend_decision":
        specific = _defend_lines(content, question)
        if specific and f"defend:{question.id}" not in used:
            return specific[variant % len(specific)], f"defend:{question.id}"
    said = said or set()
    probes = [p for p in content.probes_for(gap, stage, style)
              if p.id not in used and set(p.requires) <= said]
    if not probes:
        return None, None
    # Probes whose wording needs something said come first when it was said.
    fitted = [p for p in probes if p.requires] or probes
    probe = fitted[variant % len(fitted)]
    text = probe.texts[variant % len(probe.texts)]
    return text.replace("{question}", question.text), probe.id


def _what_was_said(signals: Signals, text: str) -> set[str]:
    """The things a probe's wording may rely on (see `requires` in prompts/probes.yaml)."""
    said = set()
    if signals.compensation == "flexible":
        said.add("said_flexible")
    if lx.STRONG_HEDGES.search(plain(text)):
        said.add("both_sides")
    return said


_NON_ANSWERS = (("clarify", lx.ASKS_REPEAT), ("thinking", lx.ASKS_TIME))


def _non_answer_move(
    content: Content, stage: str, question: PlannedQuestion, exchange: list[TurnView],
    variant: int,
) -> Move | None:
    """Repeat the question, wait, move on politely, or re-ask once when nothing came."""
    if not exchange:
        return None
    last = exchange[-1]
    answer = (last.answer or "").strip()
    lower = plain(answer)
    short = len(answer.split()) <= lx.NON_ANSWER_MAX_WORDS
    used = {t.probe_id for t in exchange if t.probe_id}
    asked_gaps = [t.gap for t in exchange if t.gap]
    if short and answer and lx.DECLINES.search(lower):
        return Move(action="next_question",
                    reason="the candidate preferred not to answer; moving on without pressing")
    gap = None
    if not answer:
        gap = "no_answer"
    elif short:
        gap = next((g for g, pattern in _NON_ANSWERS if pattern.search(lower)), None)
    if gap is None:
        return None
    if asked_gaps.count(gap) >= (1 if gap == "no_answer" else 2):
        return Move(action="next_question", reason="no answer after asking again")
    # What is asked again is the last thing asked (a follow-up, or the question itself).
    again = question.model_copy(update={"text": _unwrapped(last.asked, exchange) or question.text})
    text, probe_id = _probe_text(content, stage, "behavioural", gap, again, variant, used)
    if text is None:
        return None
    return Move(action="follow_up", text=text, probe_id=probe_id, gap=gap, reason=REASONS[gap])


def _unwrapped(asked: str, exchange: list[TurnView]) -> str:
    """The original wording of a re-asked turn (without "Of course." and the like)."""
    for turn in exchange:
        if turn.kind == "question" and turn.asked and turn.asked in asked:
            return turn.asked
    return asked


def _defend_lines(content: Content, question: PlannedQuestion) -> list[str]:
    bank_question = content.find_question(question.id)
    return bank_question.defend if bank_question else []
