"""Preparing the interviewer's next line while the candidate is still answering.

Before an answer starts, `reply_preparer` prepares the line that follows it if the question is done
(the next question, or the closing line). While the answer is spoken, each time its partial
transcript grows, `Anticipation` works out the follow-up the interviewer would choose for the
answer so far and prepares that too, when the brain says its moves are cheap enough to guess
(`Brain.anticipates`). A wrong guess costs a few milliseconds of synthesis; a right one means
the reply plays the moment the turn ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from interviewer.rubric.results import Move
from interviewer.session.brain_contexts import answer_context, move_context, turn_views
from interviewer.session.events import AnswerRecorded
from interviewer.session.ports import PreparingSpeaker
from interviewer.session.state import TurnState

if TYPE_CHECKING:
    from interviewer.session.log import SessionLog
    from interviewer.session.parts import EngineParts


class Anticipation:
    """Turns a growing partial transcript into prepared follow-ups.

    `prepare(text)` renders a line ahead of time; `likely_move(partial_text)` is the move the
    interviewer would make if the answer ended now. Called from the listening thread, so it
    never raises: a guess that fails only means no line is prepared.
    """

    def __init__(self, prepare: Callable[[str], None],
                 likely_move: Callable[[str], Move]):
        self.prepare = prepare
        self.likely_move = likely_move
        self.guesses: list[str] = []  # the follow-ups prepared so far, for tests and benchmarks
        self._last_text: str | None = None

    def on_partial(self, text: str) -> None:
        """The partial transcript grew: prepare the follow-up it now calls for, if any."""
        text = text.strip()
        if not text or text == self._last_text:
            return
        self._last_text = text
        try:
            move = self.likely_move(text)
        except Exception:  # a guess is an optimisation: the real decision is made at the end
            return
        if move.action == "follow_up" and move.text and move.text not in self.guesses:
            self.guesses.append(move.text)
            self.prepare(move.text)


def reply_preparer(log: SessionLog, parts: EngineParts, index: int,
                   turn: TurnState) -> Callable[[str], None] | None:
    """Prepare the lines likely to follow the answer to `turn`; the hook for its partial
    transcript, or None when there is nothing to prepare on (text mode) or the brain's moves
    cannot be guessed cheaply (an LLM: its wording cannot be known before it is asked, and
    asking it on every pause would cost)."""
    speaker = parts.speaker
    if not isinstance(speaker, PreparingSpeaker):
        return None
    interview = log.state.interviews[index]
    plan = interview.plan
    question_index = turn.asked.question_index

    def say_later(text: str) -> None:
        speaker.prepare(text, voice=plan.voice, rate=plan.rate)

    if question_index + 1 < len(plan.questions):
        say_later(plan.questions[question_index + 1].text)
    else:
        closing = parts.content.stages[plan.stage].closing
        say_later(closing.format(name=plan.interviewer_name, role=plan.interviewer_role))
    brain = parts.brain
    if not brain.anticipates:
        return None

    def likely_move(partial_text: str) -> Move:
        """The move the brain would make if the answer ended with this text."""
        answer = AnswerRecorded(turn=turn.asked.turn, text=partial_text, source="voice")
        provisional = replace(turn, answer=answer, scores=[], move=None)
        score = brain.score(answer_context(interview, provisional, parts.content))
        earlier = interview.exchange(question_index)[:-1]
        views = turn_views([*earlier, provisional], {provisional.asked.turn: score})
        return brain.next_move(move_context(interview, question_index, views, parts.content,
                                            log.state.started.seed))

    return Anticipation(say_later, likely_move).on_partial
