"""Where the candidate is in a session: the progress line, the handover and the opening line.

A long loop is easier to pace when it always says which stage this is, which interviewer of how
many, which question, how long it has run and roughly how long is left. The estimate uses each
stage's planned minutes (a spoken interview's length); typed answers take no spoken time, so a
typed session counts both what is done and what is left in those planned minutes.
"""

from __future__ import annotations

import random
from datetime import datetime, timezone

from interviewer.rubric.content import Content
from interviewer.session.state import SessionState

# Inputs where answers take real speaking time, so the clock on the wall is the loop's clock.
SPOKEN_INPUTS = ("voice", "audio_files")


class Whereabouts:
    """Progress facts about one session, read from its state and the stage settings."""

    def __init__(self, state: SessionState, content: Content):
        self.state = state
        self.content = content
        self.plans = [interview.plan for interview in state.interviews]

    def _stages(self) -> list[str]:
        order: list[str] = []
        for plan in self.plans:
            if plan.stage not in order:
                order.append(plan.stage)
        return order

    def _minutes(self, index: int) -> float:
        settings = self.content.stages.get(self.plans[index].stage)
        return float(settings.minutes) if settings else 45.0

    def remaining_minutes(self, index: int, question_index: int) -> float:
        """Planned minutes left, counting the current question as not yet done."""
        plan = self.plans[index]
        share = (len(plan.questions) - question_index) / max(1, len(plan.questions))
        later = sum(self._minutes(i) for i in range(index + 1, len(self.plans)))
        return self._minutes(index) * share + later

    def line(self, index: int, question_index: int, now: datetime | None = None) -> str:
        """e.g. 'Stage 4 of 4, Onsite interview · interviewer 2 of 6 · question 1 of 3 ·
        12 min so far · about 3 h 40 min left'.

        Both times share one clock: in a spoken session the real time since the start and the
        planned minutes still to come; typed and scripted answers take no spoken time, so there
        both are the spoken loop's planned minutes ('about 45 min of a spoken loop done, 6 h
        left')."""
        plan = self.plans[index]
        stages = self._stages()
        same_stage = [i for i, p in enumerate(self.plans) if p.stage == plan.stage]
        parts = []
        title = self.content.stage_title(plan.stage, plan.style)
        if len(stages) > 1:
            parts.append(f"Stage {stages.index(plan.stage) + 1} of {len(stages)}, {title}")
        else:
            parts.append(title)
        if len(same_stage) > 1:
            parts.append(f"interviewer {same_stage.index(index) + 1} of {len(same_stage)}")
        parts.append(f"question {question_index + 1} of {len(plan.questions)}")
        left = self.remaining_minutes(index, question_index)
        if self.state.started.input in SPOKEN_INPUTS:
            now = now or datetime.now(timezone.utc)
            elapsed = max(0.0, (now - self.state.started.at).total_seconds() / 60)
            parts.append(f"{_duration(elapsed)} so far")
            parts.append(f"about {_duration(left)} left")
        else:
            done = self.remaining_minutes(0, 0) - left
            parts.append(f"about {_duration(done)} of a spoken {self._kind()} done, "
                         f"{_duration(left)} left")
        return " · ".join(parts)

    def _kind(self) -> str:
        return "loop" if self.state.started.mode == "loop" else "session"

    def resuming(self, session_id: str) -> str:
        """e.g. 'Resuming session 20261202-0634-manager: Hiring manager interview (Luca Romano),
        question 2 of 3, in a follow-up.' -- where a resumed session picks up."""
        where = self._resume_point()
        if where is None:
            return f"Resuming session {session_id}: every interview has voted; finishing it."
        index, question_index = where
        plan = self.plans[index]
        title = self.content.stage_title(plan.stage, plan.style)
        lead = f"Resuming session {session_id}: {title} ({plan.interviewer_name}), "
        if question_index is None:
            return lead + "after its last question, for the vote."
        turns = self.state.interviews[index].exchange(question_index)
        inside = " in a follow-up" if turns and turns[-1].asked.kind != "question" else ""
        return lead + f"question {question_index + 1} of {len(plan.questions)}{inside}."

    def _resume_point(self) -> tuple[int, int | None] | None:
        """The first interview without a vote and its first question not done (None: all
        its questions are done), or None when every interview voted."""
        for interview in self.state.interviews:
            if interview.vote is not None:
                continue
            for question_index in range(len(interview.plan.questions)):
                turns = interview.exchange(question_index)
                if not turns or turns[-1].move is None or (
                        turns[-1].move.move.action == "follow_up"):
                    return interview.index, question_index
            return interview.index, None
        return None

    def handover(self, index: int) -> str | None:
        """In a loop, the line that introduces a stage when the loop first reaches it."""
        if self.state.started.mode != "loop":
            return None
        stage = self.plans[index].stage
        if index > 0 and self.plans[index - 1].stage == stage:
            return None
        settings = self.content.stages.get(stage)
        return settings.handover.line(self.stopped_before(index)) if settings else None

    def stopped_before(self, index: int) -> bool:
        """Whether a screen before this interview voted strong no, which ends a real loop."""
        return any(
            interview.vote is not None and interview.vote.vote.vote == "strong no"
            and self.content.is_screen(interview.plan.stage)
            for interview in self.state.interviews[:index]
        )

    def opening(self, index: int, seed: int) -> str:
        """This interviewer's opening: interviews of one stage in a session never share one
        while the stage has openings left."""
        plan = self.plans[index]
        settings = self.content.stages[plan.stage]
        openings = settings.openings_for(plan.style)
        alike = [i for i, p in enumerate(self.plans)
                 if p.stage == plan.stage and settings.openings_for(p.style) == openings]
        start = random.Random(f"{seed}:{plan.stage}:{plan.style}:opening").randrange(len(openings))
        text = openings[(start + alike.index(index)) % len(openings)]
        return text.format(name=plan.interviewer_name, role=plan.interviewer_role)


def _duration(minutes: float) -> str:
    minutes = round(minutes)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
