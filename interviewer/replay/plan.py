"""What a replay goes through, in order: interviews, their turns (question, answer) and votes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interviewer.rubric.content import stage_title
from interviewer.rubric.results import Vote
from interviewer.session.state import SessionState, TurnState
from interviewer.session.store import inside_folder


@dataclass
class Clip:
    """One side of a turn: what was said, and the recording of it if one was saved.

    `path` is None when nothing was recorded (text sessions); `missing` marks a recording the
    log names but the folder no longer holds. `voice` and `rate` re-synthesize a question.
    """

    text: str
    path: Path | None = None
    missing: bool = False
    voice: str | None = None
    rate: int | None = None
    words: list[tuple[str, float, float]] = field(default_factory=list)


@dataclass
class TurnStep:
    """One turn: the interviewer's line, then the candidate's answer (None: not answered)."""

    turn: TurnState
    interviewer: str
    question: Clip
    answer: Clip | None

    @property
    def number(self) -> int:
        """The turn number."""
        return self.turn.asked.turn


@dataclass
class InterviewStep:
    """One interview: a heading, its turns from the start turn on, and the vote at its end."""

    title: str
    turns: list[TurnStep]
    vote: Vote | None


def replay_plan(state: SessionState, folder: Path, start: int = 1) -> list[InterviewStep]:
    """The interviews and turns to replay, in session order, from turn `start` on."""
    steps = []
    for interview in state.interviews:
        plan = interview.plan
        turns = [t for t in interview.turns if t.asked.turn >= start]
        # An interview that ended before `start` is skipped, vote and all.
        if not turns:
            continue
        title = stage_title(plan.stage, plan.style)
        steps.append(
            InterviewStep(
                title=f"{title}: {plan.interviewer_name}, {plan.interviewer_role}",
                turns=[_turn_step(t, plan.interviewer_name, plan.voice, plan.rate, folder)
                       for t in turns],
                vote=interview.vote.vote if interview.vote else None,
            )
        )
    return steps


def _turn_step(turn: TurnState, name: str, voice: str, rate: int, folder: Path) -> TurnStep:
    asked, answer = turn.asked, turn.answer
    question = Clip(asked.text, *_recording(folder, asked.audio), voice=voice, rate=rate)
    spoken = None
    if answer is not None:
        spoken = Clip(answer.text, *_recording(folder, answer.audio), words=list(answer.words))
    return TurnStep(turn=turn, interviewer=name, question=question, answer=spoken)


def _recording(folder: Path, relative: str | None) -> tuple[Path | None, bool]:
    """(path, missing) for an audio path stored in the log, relative to the session folder."""
    if not relative:
        return None, False
    path = inside_folder(folder, relative)  # a shared folder's log must not reach outside it
    if path is None:
        return None, True
    return path, not path.is_file()
