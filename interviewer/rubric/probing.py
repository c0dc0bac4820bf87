"""Choosing the next move: probe the most important thing the answer lacks, or move on.

The gaps are judged on the whole exchange (the question and its follow-ups so far), so a gap the
candidate filled in a follow-up is not probed again. No probe is used twice in one exchange, which
also means never twice in a row.
"""

from __future__ import annotations

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import Content
from interviewer.rubric.exchange import exchange_signals, score_exchange, turns_of
from interviewer.rubric.gap_choice import open_gaps
from interviewer.rubric.pay import compensation
from interviewer.rubric.probe_wording import probe_text, unwrapped, what_was_said
from interviewer.rubric.requests import asks_meaning, request_of
from interviewer.rubric.results import Move
from interviewer.rubric.retold import retells
from interviewer.rubric.round_kind import settings_for, style_of
from interviewer.rubric.spoken import plain
from interviewer.rubric.stages import StageSettings
from interviewer.session.events import PlannedQuestion

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
    "no_complexity": "the approach was given without what it costs in time and space",
    "no_edge_cases": "no edge cases or tests for the code",
    "vague_motivation": "the reasons for moving were general, not specific to this role",
    "clarify": "the candidate asked to hear the question again, or what it meant",
    "thinking": "the candidate asked for a moment to think",
    "no_answer": "no answer came, so the question is asked once more",
    "off_question": "the answer did not address the question asked",
    "declined": "the candidate preferred not to answer; moving on without pressing",
    "retold": "the answer retold a story already told in this interview",
}
# A complete answer moves on: at this exchange score nothing left open is worth the time, and
# after a follow-up that filled its gap, a solid exchange is left there.
COMPLETE_AT = 80
SOLID_AFTER_PROBE = 65


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
    settings = settings_for(content, stage, question, interviewer)
    signals, filled = exchange_signals(
        turns, stage=settings, question=question, keywords=content.keywords(question.id)
    )
    if signals.not_english:
        return Move(action="next_question", reason="the offline interviewer reads English only")
    style = style_of(settings, question, interviewer)
    if _retold(request, content, settings, style):
        # Before anything else, however complete: the same story again says nothing new about
        # this question, so the first follow-up asks for another one.
        text, probe_id = probe_text(content, stage, style, "retold", question, variant, used)
        if text is not None:
            return Move(action="follow_up", text=text, probe_id=probe_id, gap="retold",
                        reason=REASONS["retold"])
    context = AnswerContext(
        stage=stage, question=question, asked=question.text, answer=turns[0].answer,
        answer_seconds=settings.answer_seconds, interviewer=interviewer,
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
    own_gap = (lx.ASKS_SELF.search(asked) or signals.behaviour_change is not None
               or question.topic == "compensation"
               or (settings.reads_fit and lx.ASKS_MOTIVATION.search(asked)))
    elsewhere = elsewhere and not own_gap
    # A pay figure given to a question that is not about pay answers another question, however
    # short ("around 400k total" to "where has your career not gone as hoped?").
    pay_elsewhere = (question.topic != "compensation"
                     and compensation(turns[-1].answer, asked_about_pay=False)
                     in ("number", "number_with_source")
                     and signals.word_count < 40)
    strayed = (signals.off_topic or not signals.addresses_question) and elsewhere and not hollow
    if (pay_elsewhere or strayed) and "off_question" not in asked_gaps:
        # An answer to another question is brought back to this one before anything else.
        text, probe_id = probe_text(content, stage, "behavioural", "off_question", question,
                                    variant, used)
        if text is not None:
            return Move(action="follow_up", text=text, probe_id=probe_id, gap="off_question",
                        reason=REASONS["off_question"])
    said = what_was_said(signals, "\n".join(t.answer for t in turns))
    for gap in open_gaps(signals, settings, question, content.style(style)):
        if asked_gaps.count(gap) >= 2 or gap in filled:
            continue  # pressed once already, or answered: move on rather than nag
        text, probe_id = probe_text(content, stage, style, gap, question, variant, used, said)
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


def _retold(request: MoveContext, content: Content, settings: StageSettings, style: str) -> bool:
    """The main answer, just given, retells a story told earlier in this interview, in a style
    that asks for stories, to a question that wants one (a pay, motivation or limits question
    is brought back by its own probe instead)."""
    turns = turns_of(request.exchange)
    first = [t.kind for t in turns] == ["question"] and not any(
        t.gap == "retold" for t in request.exchange)
    if not content.style(style).notices_retold or not first:
        return False
    asked = request.question.text.lower()
    own_probe = (request.question.topic == "compensation" or lx.ASKS_SELF.search(asked)
                 or (settings.reads_fit and lx.ASKS_MOTIVATION.search(asked)))
    return not own_probe and retells(request.exchange, request.earlier)


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
    gap = "no_answer" if not answer else request_of(answer)
    if gap == "declined" or (short and answer and lx.DECLINES.search(lower)):
        # Acknowledged and left: pressing a candidate who declined is not how it is done.
        text, probe_id = probe_text(content, stage, "behavioural", "declined", question, variant,
                                    used)
        return Move(action="next_question", text=text, probe_id=probe_id, gap="declined",
                    reason=REASONS["declined"])
    if gap is None:
        return None
    if asked_gaps.count(gap) >= (1 if gap == "no_answer" else 2):
        return Move(action="next_question", reason="no answer after asking again")
    # What is asked again is the last thing asked (a follow-up, or the question itself).
    again = question.model_copy(update={"text": unwrapped(last.asked, exchange) or question.text})
    # "Which project do you mean?" is answered as a question, then the question is said again.
    said = {"asked_meaning"} if asks_meaning(answer) else set()
    text, probe_id = probe_text(content, stage, "behavioural", gap, again, variant, used, said)
    if text is None:
        return None
    return Move(action="follow_up", text=text, probe_id=probe_id, gap=gap, reason=REASONS[gap])
