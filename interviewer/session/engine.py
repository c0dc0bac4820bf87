"""The interview loop: ask, listen, score, probe or move on, vote; every step logged as it happens.

The engine is restartable: it reads the session state from the log and carries on from the first
thing not yet done, so `resume` after Ctrl-C, a crash or SIGKILL is the same code path as a fresh
start. Hardware, models and the network reach it only through the interfaces it is given.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path

from interviewer.brains.base import Brain, TurnView, with_fallback
from interviewer.console import Console
from interviewer.rubric.content import Content
from interviewer.rubric.decision import decide
from interviewer.rubric.delivery import delivery_from_text, delivery_from_words
from interviewer.rubric.results import Move
from interviewer.session.anticipation import Anticipation
from interviewer.session.background import BackgroundScores
from interviewer.session.events import (
    AnswerRecorded,
    AnswerScored,
    DecisionMade,
    Event,
    InterviewStarted,
    MoveDecided,
    Note,
    QuestionAsked,
    SessionEnded,
    VoteCast,
)
from interviewer.session.fallback_notes import FallbackNotes
from interviewer.session.ports import (
    Answer,
    AnswerSource,
    InterruptedAnswer,
    PreparingSpeaker,
    Prompt,
    Speaker,
    Utterance,
)
from interviewer.session.state import (
    InterviewState,
    SessionState,
    TurnState,
    answer_context,
    build_state,
    turn_view,
)
from interviewer.session.store import SessionStore
from interviewer.session.whereabouts import Whereabouts

INTERRUPTION_PROBE = "interruption"


class AnswersExhausted(Exception):
    """The answer source has no more answers: the session stops cleanly where it is."""


@dataclass
class EngineParts:
    """What the engine talks to."""

    brain: Brain
    fallback: Brain
    answers: AnswerSource
    console: Console
    content: Content
    speaker: Speaker | None = None
    # Score answers on a worker thread after the next move is chosen (live input with an LLM:
    # the candidate should not wait for a slow model's score).
    score_in_background: bool = False


class InterviewEngine:
    """Runs (or resumes) one session to its end, or until answers run out."""

    def __init__(self, store: SessionStore, parts: EngineParts):
        self.store = store
        self.parts = parts
        self.events: list[Event] = store.read()
        self._interruption = None  # set when the answer source cut the candidate off
        self._fallback_notes = FallbackNotes()
        background = parts.score_in_background and parts.brain is not parts.fallback
        self._background = BackgroundScores(parts.brain) if background else None
        self.state: SessionState = build_state(self.events)

    def emit(self, event: Event) -> None:
        """Write an event to disk, then fold it into the state."""
        self.store.append(event)
        self.events.append(event)
        self.state = build_state(self.events)

    def run(self) -> SessionState:
        """Carry the session on to its end. Raises AnswersExhausted if answers run out."""
        try:
            for index in range(len(self.state.interviews)):
                if self.state.interviews[index].vote is None:
                    self._run_interview(index)
        except AnswersExhausted:
            self._land_scores(wait=True)  # every finished answer keeps its score
            raise
        finally:
            if self._background is not None:
                self._background.close()
        if self.state.started.mode == "loop" and self.state.decision is None:
            votes = [i.vote.vote for i in self.state.interviews if i.vote]
            decision = decide(votes)
            self.emit(DecisionMade(decision=decision))
            self.parts.console.decision(decision)
        self.emit(SessionEnded(reason="completed"))
        return self.state

    # -- one interview -------------------------------------------------------------------------

    def _interview(self, index: int) -> InterviewState:
        return self.state.interviews[index]

    def _run_interview(self, index: int) -> None:
        plan = self._interview(index).plan
        settings = self.parts.content.stages[plan.stage]
        where = Whereabouts(self.state, self.parts.content)
        handover = where.handover(index)
        if handover and not self._interview(index).started:  # said once, not again on resume
            self.parts.console.info(handover)
        title = self.parts.content.stage_title(plan.stage, plan.style)
        self.parts.console.heading(f"{title}: {plan.interviewer_name}, {plan.interviewer_role}")
        if not self._interview(index).started:
            self.emit(InterviewStarted(interview=index))
            self._say(index, where.opening(index, self.state.started.seed), None)
        for question_index in range(len(plan.questions)):
            self._run_exchange(index, question_index)
        self._score_unscored(index)
        turns = _views(self._interview(index).turns)
        vote = self._with_fallback("vote", lambda brain: brain.vote(plan, turns))
        brain_name, vote_result = vote
        self.emit(VoteCast(interview=index, brain=brain_name, vote=vote_result))
        self._say(
            index,
            settings.closing.format(name=plan.interviewer_name, role=plan.interviewer_role),
            None,
        )
        self.parts.console.vote(vote_result)

    def _run_exchange(self, index: int, question_index: int) -> None:
        interview = self._interview(index)
        question = interview.plan.questions[question_index]
        turns = interview.exchange(question_index)
        if turns and turns[-1].move and turns[-1].move.move.action != "follow_up":
            return  # this question is done
        self.parts.console.info(Whereabouts(self.state, self.parts.content).line(
            index, question_index))
        if turns and turns[-1].asked.kind != "question":
            # Resumed inside a follow-up: show the question it follows up on first.
            self.parts.console.context(f"The question was: {question.text}")
        if not turns:
            self._ask(index, question_index, "question", question.text, question_id=question.id)
        elif turns[-1].answer is None:
            self._say(index, turns[-1].asked.text, None)  # resumed: ask again what went unanswered
        while True:
            turn = self._interview(index).exchange(question_index)[-1]
            if turn.answer is None:
                self._listen(index, turn)
            turn = self._current(index, question_index)
            if turn.answer.no_answer:
                if turn.move is None:
                    self._move_on_unanswered(turn)
                return
            if not turn.scores and self._background is None:
                self._score(index, turn)
            self._land_scores()
            turn = self._current(index, question_index)
            if turn.move is not None:
                move = turn.move.move
            elif self._interruption is not None:
                move = self._record_interruption(turn)
            else:
                move = self._decide(index, question_index)
            if self._background is not None and not turn.scores:
                self._score_later(index, turn)  # after the move: it goes first to the server
            if move.action != "follow_up" or not move.text:
                return
            kind = "interruption" if move.probe_id == INTERRUPTION_PROBE else "follow_up"
            self._ask(index, question_index, kind, move.text, probe_id=move.probe_id, gap=move.gap)

    def _current(self, index: int, question_index: int) -> TurnState:
        return self._interview(index).exchange(question_index)[-1]

    # -- steps --------------------------------------------------------------------------------

    def _ask(self, index: int, question_index: int, kind: str, text: str, **fields: object) -> None:
        turn = self.state.next_turn
        utterance = self._say(index, text, self._audio_path(turn, kind.replace("_", "-")))
        self.emit(
            QuestionAsked(
                turn=turn,
                interview=index,
                question_index=question_index,
                kind=kind,
                text=text,
                audio=self._relative(utterance.audio_path) if utterance else None,
                talked_over=bool(utterance and utterance.interrupted),
                **fields,
            )
        )

    def _say(self, index: int, text: str, save_to: Path | None) -> Utterance | None:
        """Show and speak a line; None in text mode. The utterance is interrupted when the
        candidate talked over it (barge-in)."""
        plan = self._interview(index).plan
        self.parts.console.interviewer(plan.interviewer_name, text)
        if self.parts.speaker is None:
            return None
        return self.parts.speaker.say(text, voice=plan.voice, rate=plan.rate, save_to=save_to)

    def _listen(self, index: int, turn: TurnState) -> None:
        plan = self._interview(index).plan
        settings = self.parts.content.stages[plan.stage]
        prompt = Prompt(
            text=turn.asked.text,
            stage=plan.stage,
            turn=turn.asked.turn,
            kind=turn.asked.kind,
            answer_seconds=settings.answer_seconds,
            save_audio_to=self._audio_path(turn.asked.turn, "answer"),
            voice=plan.voice,
            rate=plan.rate,
            on_partial=self._anticipate(index, turn),
        )
        try:
            answer = self.parts.answers.next_answer(prompt)
        except InterruptedAnswer as stopped:  # Ctrl-C mid-answer: keep what was said, then stop
            self._record_answer(index, turn, stopped.answer)
            raise KeyboardInterrupt from None
        if answer is None:
            raise AnswersExhausted
        self._interruption = answer.cut_in
        self._record_answer(index, turn, answer)

    def _record_answer(self, index: int, turn: TurnState, answer: Answer) -> None:
        settings = self.parts.content.stages[self._interview(index).plan.stage]
        self.parts.console.answer(answer.text)
        delivery = (
            delivery_from_words(answer.words, answer.text, settings.answer_seconds)
            if answer.words
            else delivery_from_text(answer.text, settings.answer_seconds)
        )
        self.emit(
            AnswerRecorded(
                turn=turn.asked.turn,
                text=answer.text,
                source=answer.source,
                audio=self._relative(answer.audio_path),
                duration_s=answer.duration_s,
                words=[(w.text, w.start, w.end) for w in answer.words],
                delivery=delivery,
                interrupted=answer.interrupted,
                no_answer=answer.no_answer,
            )
        )
        if answer.problem:
            self.emit(Note(text=f"Turn {turn.asked.turn}: {answer.problem}", turn=turn.asked.turn))

    def _score(self, index: int, turn: TurnState) -> None:
        context = answer_context(self._interview(index), turn, self.parts.content)
        brain, score = self._with_fallback("score", lambda b: b.score(context), turn.asked.turn)
        self.emit(
            AnswerScored(
                turn=turn.asked.turn,
                brain=brain,
                score=score,
                fallback=brain != self.parts.brain.name,
            )
        )

    def _move_on_unanswered(self, turn: TurnState) -> None:
        """The candidate stayed silent to the waiting limit: on to the next question, unscored."""
        move = Move(action="next_question", reason="no answer")
        self.emit(MoveDecided(turn=turn.asked.turn, brain=self.parts.brain.name, move=move))

    def _score_later(self, index: int, turn: TurnState) -> None:
        context = answer_context(self._interview(index), turn, self.parts.content)
        self._background.submit(turn.asked.turn, lambda brain: brain.score(context))

    def _land_scores(self, wait: bool = False) -> None:
        """Log the background scores that are ready (all of them with `wait`); a score the
        brain could not give is taken by the offline interviewer now, with its note."""
        if self._background is None:
            return
        for scored in self._background.collect(wait=wait):
            turn = next(t for t in self.state.turns if t.asked.turn == scored.turn)
            if scored.score is None:
                self._fallback_note("score", scored.turn)(scored.problem or "no score")
                context = answer_context(self._interview(turn.asked.interview), turn,
                                         self.parts.content)
                score, brain = self.parts.fallback.score(context), self.parts.fallback.name
            else:
                score, brain = scored.score, self.parts.brain.name
            self.emit(AnswerScored(turn=scored.turn, brain=brain, score=score,
                                   fallback=brain != self.parts.brain.name))

    def _score_unscored(self, index: int) -> None:
        """Before a vote: every answered turn of the interview has its score in the log."""
        self._land_scores(wait=True)
        for turn in self._interview(index).turns:
            if turn.answer is not None and not turn.answer.no_answer and not turn.scores:
                self._score(index, turn)

    def _record_interruption(self, turn: TurnState) -> Move:
        """The interviewer cut in mid-answer: its probe is the move, recorded as an interruption."""
        interruption, self._interruption = self._interruption, None
        gap = "no_principle" if interruption.reason == "no_principle" else None
        move = Move(
            action="follow_up",
            text=interruption.probe,
            probe_id=INTERRUPTION_PROBE,
            gap=gap,
            reason=f"interrupted at {interruption.at_seconds:.0f} s ({interruption.reason})",
        )
        self.emit(MoveDecided(turn=turn.asked.turn, brain="interrupt policy", move=move))
        return move

    def _decide(self, index: int, question_index: int) -> Move:
        exchange = self._interview(index).exchange(question_index)
        last = exchange[-1].asked.turn

        def ask(brain: Brain) -> Move:
            return self._next_move(brain, index, question_index, _views(exchange))

        brain, move = self._with_fallback("next move", ask, last)
        self.emit(
            MoveDecided(turn=last, brain=brain, move=move, fallback=brain != self.parts.brain.name)
        )
        return move

    def _next_move(self, brain: Brain, index: int, question_index: int,
                   exchange: list[TurnView]) -> Move:
        plan = self._interview(index).plan
        settings = self.parts.content.stages[plan.stage]
        last = exchange[-1].turn
        return brain.next_move(
            stage=plan.stage,
            question=plan.questions[question_index],
            exchange=exchange,
            follow_ups_left=settings.max_follow_ups - (len(exchange) - 1),
            variant=random.Random(f"{self.state.started.seed}:{last}").randrange(1 << 16),
            interviewer=plan,
        )

    # -- preparing the reply while the candidate answers ----------------------------------------

    def _anticipate(self, index: int, turn: TurnState):
        """Prepare the lines likely to follow this answer; the hook for its partial transcript.

        The follow-up is only guessed when the offline interviewer is the one deciding: an LLM's
        wording cannot be known before it is asked, and asking it on every pause would cost.
        """
        speaker = self.parts.speaker
        if not isinstance(speaker, PreparingSpeaker):
            return None
        plan = self._interview(index).plan

        def say_later(text: str) -> None:
            speaker.prepare(text, voice=plan.voice, rate=plan.rate)

        say_later(self._line_after_question(index, turn.asked.question_index))
        if self.parts.brain.name != self.parts.fallback.name:
            return None
        return Anticipation(say_later, lambda text: self._likely_move(index, turn, text)).on_partial

    def _line_after_question(self, index: int, question_index: int) -> str:
        plan = self._interview(index).plan
        if question_index + 1 < len(plan.questions):
            return plan.questions[question_index + 1].text
        closing = self.parts.content.stages[plan.stage].closing
        return closing.format(name=plan.interviewer_name, role=plan.interviewer_role)

    def _likely_move(self, index: int, turn: TurnState, partial_text: str) -> Move:
        """The move the offline interviewer would make if the answer ended with this text."""
        interview = self._interview(index)
        answer = AnswerRecorded(turn=turn.asked.turn, text=partial_text, source="voice")
        provisional = replace(turn, answer=answer, scores=[], move=None)
        score = self.parts.fallback.score(answer_context(interview, provisional,
                                                         self.parts.content))
        earlier = interview.exchange(turn.asked.question_index)[:-1]
        views = [*_views(earlier), turn_view(provisional, score)]
        return self._next_move(self.parts.fallback, index, turn.asked.question_index, views)

    def _with_fallback(self, what: str, call, turn: int | None = None):
        """Run a brain step; if the brain fails, the offline brain takes it and a Note says so."""
        return with_fallback(self.parts.brain, self.parts.fallback, call,
                             self._fallback_note(what, turn))

    def _fallback_note(self, what: str, turn: int | None):
        """What to do when a step falls back: tell its reason, once per reason."""

        def note(reason: str) -> None:
            if not self._fallback_notes.first_time(reason):
                return  # said once already; the step's own event marks it as a fallback
            message = (
                f"{self.parts.brain.name} interviewer unavailable for the {what} ({reason}); "
                "the offline interviewer took this step"
            )
            self.parts.console.warn(message)
            self.emit(Note(text=message, turn=turn))

        return note

    # -- helpers ------------------------------------------------------------------------------

    def _audio_path(self, turn: int, what: str) -> Path | None:
        if self.parts.speaker is None and what != "answer":
            return None
        order = "2" if what == "answer" else "1"
        return self.store.folder / "audio" / f"t{turn:03d}-{order}-{what}.wav"

    def _relative(self, path: Path | None) -> str | None:
        if path is None:
            return None
        try:
            return str(Path(path).relative_to(self.store.folder))
        except ValueError:
            return str(path)


def _views(turns: list[TurnState]) -> list[TurnView]:
    return [turn_view(turn) for turn in turns]


def stop(store: SessionStore, reason: str, detail: str = "") -> None:
    """Mark the session as stopped (answers ran out, Ctrl-C, an error) so it can be resumed."""
    store.append(SessionEnded(reason=reason, detail=detail))


__all__ = ["AnswersExhausted", "EngineParts", "InterviewEngine", "Answer", "stop"]
