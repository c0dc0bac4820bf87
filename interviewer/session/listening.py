"""Listening to one answer: the prompt the answer source gets, and the answer as it is logged.

The prompt carries two hooks into the brain while the candidate speaks: `on_partial` prepares
the likely reply (session/anticipation.py), and `interject` asks the brain whether to cut in now
(the answer source calls it only if it can cut in and `--no-interrupt` was not given). The
interruption comes back on the answer (`Answer.cut_in`) and is credited to the brain that
decided it.
"""

from __future__ import annotations

from interviewer.brains.base import InterjectContext
from interviewer.brains.fallback import FallbackBrain, Produced
from interviewer.rubric.delivery import delivery_from_text, delivery_from_words
from interviewer.rubric.results import Interruption
from interviewer.rubric.round_kind import asks_for_principle, settings_for
from interviewer.session.anticipation import reply_preparer
from interviewer.session.events import AnswerRecorded, Note
from interviewer.session.log import SessionLog
from interviewer.session.parts import EngineParts
from interviewer.session.ports import Answer, InterruptedAnswer, Prompt
from interviewer.session.state import TurnState


class AnswersExhausted(Exception):
    """The answer source has no more answers: the session stops cleanly where it is."""


class Listening:
    """Gets each answer from the answer source and logs it."""

    def __init__(self, log: SessionLog, parts: EngineParts, brains: FallbackBrain):
        self.log = log
        self.parts = parts
        self.brains = brains

    def listen(self, index: int, turn: TurnState) -> Produced[Interruption] | None:
        """Listen to the answer to `turn` and log it; the interruption, if the interviewer cut
        in, with the brain that decided it. Raises AnswersExhausted when answers run out."""
        plan = self.log.state.interviews[index].plan
        decided: list[Produced[Interruption]] = []

        def interject(context: InterjectContext) -> Interruption | None:
            # Called on the listening thread while this (engine) thread waits in next_answer.
            produced = self.brains.interject(context)
            if produced.result is not None:
                decided.append(produced)
            return produced.result

        question = plan.questions[turn.asked.question_index]
        settings = settings_for(self.parts.content, plan.stage, question, plan)
        prompt = Prompt(
            text=turn.asked.text,
            stage=plan.stage,
            turn=turn.asked.turn,
            kind=turn.asked.kind,
            answer_seconds=settings.answer_seconds,
            asks_principle=asks_for_principle(self.parts.content, plan.stage, question, plan),
            save_audio_to=self.log.audio_path(turn.asked.turn, "answer"),
            voice=plan.voice,
            rate=plan.rate,
            on_partial=reply_preparer(self.log, self.parts, index, turn),
            interject=interject,
            interjections=tuple(self.brains.interjection_lines()),
        )
        try:
            answer = self.parts.answers.next_answer(prompt)
        except InterruptedAnswer as stopped:  # Ctrl-C mid-answer: keep what was said, then stop
            self.record(index, turn, stopped.answer)
            raise KeyboardInterrupt from None
        if answer is None:
            raise AnswersExhausted
        self.record(index, turn, answer)
        if answer.cut_in is None:
            return None
        by = next((d for d in decided if d.result == answer.cut_in), None)
        # A source that cut in on its own judgement, not through `interject`, stood in for the
        # session's brain: the cut-in is credited to it.
        return by or Produced(self.brains.name, answer.cut_in)

    def record(self, index: int, turn: TurnState, answer: Answer) -> None:
        """Log an answer with its delivery (and what went wrong while recording it)."""
        plan = self.log.state.interviews[index].plan
        question = plan.questions[turn.asked.question_index]
        settings = settings_for(self.parts.content, plan.stage, question, plan)
        self.parts.console.answer(answer.text)
        delivery = (
            delivery_from_words(answer.words, answer.text, settings.answer_seconds)
            if answer.words
            else delivery_from_text(answer.text, settings.answer_seconds)
        )
        self.log.emit(
            AnswerRecorded(
                turn=turn.asked.turn,
                text=answer.text,
                source=answer.source,
                audio=self.log.relative(answer.audio_path),
                duration_s=answer.duration_s,
                words=[(w.text, w.start, w.end) for w in answer.words],
                delivery=delivery,
                interrupted=answer.interrupted,
                no_answer=answer.no_answer,
            )
        )
        if answer.problem:
            self.log.emit(Note(text=f"Turn {turn.asked.turn}: {answer.problem}",
                               turn=turn.asked.turn))
