"""The interview loop: ask, listen, score, probe or move on, vote; every step logged as it happens.

The engine is restartable: it reads the session state from the log and carries on from the first
thing not yet done, so `resume` after Ctrl-C, a crash or SIGKILL is the same code path as a fresh
start. Hardware, models and the network reach it only through the interfaces it is given. The
brain's steps are in session/brain_steps.py, listening to an answer in session/listening.py and
preparing the reply while the candidate speaks in session/anticipation.py.
"""

from __future__ import annotations

from pathlib import Path

from interviewer.rubric.decision import decide
from interviewer.session.brain_contexts import turn_views
from interviewer.session.brain_steps import INTERRUPTION_PROBE, BrainSteps
from interviewer.session.events import (
    DecisionMade,
    Event,
    InterviewStarted,
    QuestionAsked,
    SessionEnded,
)
from interviewer.session.going_on import WENT_ON_NOTE, went_on
from interviewer.session.listening import AnswersExhausted, Listening
from interviewer.session.log import SessionLog
from interviewer.session.parts import EngineParts
from interviewer.session.ports import Answer, Utterance
from interviewer.session.state import InterviewState, SessionState, TurnState
from interviewer.session.store import SessionStore
from interviewer.session.whereabouts import Whereabouts


class InterviewEngine:
    """Runs (or resumes) one session to its end, or until answers run out."""

    def __init__(self, store: SessionStore, parts: EngineParts):
        self.store = store
        self.parts = parts
        self.log = SessionLog(store)
        self.steps = BrainSteps(self.log, parts)
        self.listening = Listening(self.log, parts, self.steps.brains)
        self._cut_in = None  # set when the answer source cut the candidate off

    @property
    def state(self) -> SessionState:
        """The session state folded from the log so far."""
        return self.log.state

    @property
    def events(self) -> list[Event]:
        """The session's events so far."""
        return self.log.events

    def emit(self, event: Event) -> None:
        """Write an event to disk, then fold it into the state."""
        self.log.emit(event)

    def run(self) -> SessionState:
        """Carry the session on to its end. Raises AnswersExhausted if answers run out."""
        try:
            for index in range(len(self.state.interviews)):
                if self.state.interviews[index].vote is None:
                    self._run_interview(index)
        except AnswersExhausted:
            self.steps.land_scores(wait=True)  # every finished answer keeps its score
            raise
        except KeyboardInterrupt:
            # Stopped by the candidate: no waiting on a slow server for scores; the answers
            # are on disk and resume scores the ones left unscored.
            self.steps.close(wait=False)
            raise
        finally:
            self.steps.close()
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
        closing = settings.closing.format(name=plan.interviewer_name, role=plan.interviewer_role)
        while True:
            # The vote is asked before the closing line is said, so the line covers part of it.
            self.steps.start_vote(index)
            if not self._went_on_over_closing(index, self._say(index, closing, None)):
                break
            self.steps.drop_vote(index)  # asked before the rest of the answer was heard
            self._exchange_loop(index, self._interview(index).turns[-1].asked.question_index)
        self.parts.console.vote(self.steps.vote(index))

    def _went_on_over_closing(self, index: int, utterance: Utterance | None) -> bool:
        """True (and logged) when the candidate went on with their last answer over the closing
        line: as over a next question, the line is withdrawn into the last answer's exchange."""
        turns = self._interview(index).turns
        if not went_on("question", utterance, turns[-1] if turns else None):
            return False
        self._log_withdrawn(index, self.state.next_turn, utterance)
        return True

    def _log_withdrawn(self, index: int, turn: int, utterance: Utterance,
                       **fields: object) -> None:
        """Log a line the candidate went on over: a follow-up turn in the exchange of the
        interview's last answer, which holds the rest of that answer."""
        self.parts.console.info(WENT_ON_NOTE)
        fields.pop("question_id", None)
        self.emit(QuestionAsked(
            turn=turn, interview=index,
            question_index=self._interview(index).turns[-1].asked.question_index,
            kind="follow_up", text=utterance.text,
            audio=self.log.relative(utterance.audio_path), talked_over=True, went_on=True,
            **fields))

    def _run_exchange(self, index: int, question_index: int) -> None:
        interview = self._interview(index)
        question = interview.plan.questions[question_index]
        turns = interview.exchange(question_index)
        if turns and turns[-1].move and turns[-1].move.move.action != "follow_up":
            return  # this question is done
        self.parts.console.info(Whereabouts(self.state, self.parts.content).line(
            index, question_index))
        stopped_mid_answer = bool(turns and turns[-1].answer and turns[-1].move is None)
        going_on = bool(turns and turns[-1].asked.went_on and turns[-1].answer is None)
        if going_on:
            # Resumed while the candidate was going on with an answer: they carry on with it.
            self.parts.console.context(f"The question was: {question.text}")
            self.parts.console.context(f"You were going on with: {turn_views(turns)[-1].answer}")
        elif turns and (turns[-1].asked.kind != "question" or stopped_mid_answer):
            # Resumed inside a follow-up, or after an answer Ctrl-C cut short: show the question
            # first, so the next probe is not heard out of context.
            self.parts.console.context(f"The question was: {question.text}")
        if stopped_mid_answer and turns[-1].answer.text:
            self.parts.console.context(f"You had said: {turns[-1].answer.text}")
        if not turns:
            while self._ask(index, question_index, "question", question.text,
                            question_id=question.id):
                # The candidate went on with their last answer over this question: hear the
                # rest of it (and any follow-up it needs), then ask the question again.
                self._exchange_loop(index, self._interview(index).turns[-1].asked.question_index)
        elif turns[-1].answer is None and not going_on:
            self._say(index, turns[-1].asked.text, None)  # resumed: ask again what went unanswered
        self._exchange_loop(index, question_index)

    def _exchange_loop(self, index: int, question_index: int) -> None:
        """Listen, score and move until the exchange's question is done."""
        background = self.steps.background is not None
        while True:
            turn = self._current(index, question_index)
            if turn.answer is None:
                self._cut_in = self.listening.listen(index, turn)
            turn = self._current(index, question_index)
            if turn.answer.no_answer:
                if turn.move is None:
                    self.steps.move_on_unanswered(turn)
                return
            # A request to hear the question again, or for a moment, is not an answer: unscored.
            unscored = not turn.scores and not turn.request
            if unscored and not background:
                self.steps.score(index, turn)
            self.steps.land_scores()
            turn = self._current(index, question_index)
            if turn.move is not None:
                move = turn.move.move
            elif self._cut_in is not None:
                move = self.steps.record_interruption(turn, self._cut_in)
                self._cut_in = None
            else:
                move = self.steps.decide(index, question_index)
            if background and unscored:
                self.steps.score_later(index, turn)  # after the move: it goes first to the server
            if move.action == "next_question" and move.text:
                self._say(index, move.text, None)  # e.g. a decline acknowledged
                return
            if move.action != "follow_up" or not move.text:
                return
            kind = "interruption" if move.probe_id == INTERRUPTION_PROBE else "follow_up"
            self._ask(index, question_index, kind, move.text, probe_id=move.probe_id, gap=move.gap)

    def _current(self, index: int, question_index: int) -> TurnState:
        return self._interview(index).exchange(question_index)[-1]

    # -- saying things -------------------------------------------------------------------------

    def _ask(self, index: int, question_index: int, kind: str, text: str, **fields: object) -> bool:
        """Say a question or follow-up and log it; True when the candidate went on with their
        answer over it (session/going_on.py): the line is withdrawn, and the turn it opens
        holds the rest of the last answer, in that answer's exchange."""
        turn = self.state.next_turn
        turns = self._interview(index).turns
        save_to = self.log.audio_path(turn, kind.replace("_", "-")) if self.parts.speaker else None
        utterance = self._say(index, text, save_to)
        if went_on(kind, utterance, turns[-1] if turns else None):
            self._log_withdrawn(index, turn, utterance, **fields)
            return True
        self.emit(
            QuestionAsked(
                turn=turn,
                interview=index,
                question_index=question_index,
                kind=kind,
                text=text,
                audio=self.log.relative(utterance.audio_path) if utterance else None,
                talked_over=bool(utterance and utterance.interrupted),
                **fields,
            )
        )
        return False

    def _say(self, index: int, text: str, save_to: Path | None) -> Utterance | None:
        """Show and speak a line; None in text mode. The utterance is interrupted when the
        candidate talked over it (barge-in)."""
        plan = self._interview(index).plan
        self.parts.console.interviewer(plan.interviewer_name, text)
        if self.parts.speaker is None:
            return None
        return self.parts.speaker.say(text, voice=plan.voice, rate=plan.rate, save_to=save_to)


def stop(store: SessionStore, reason: str, detail: str = "") -> None:
    """Mark the session as stopped (answers ran out, Ctrl-C, an error) so it can be resumed."""
    store.append(SessionEnded(reason=reason, detail=detail))


__all__ = ["AnswersExhausted", "EngineParts", "InterviewEngine", "Answer", "stop"]
