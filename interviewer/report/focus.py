"""What to work on: the report's summary of the gaps the interviewers kept having to probe.

A candidate reading a 50-turn report wants three things first: which habits cost them follow-ups,
where to look in the transcript, and what to practise. The probes the interviewers chose are the
record of that (a gap asked about once in an exchange is a gap the answer left open), so they are
counted per question, ranked, and paired with the study plan's drill for the same gap
(prompts/plans.yaml), which keeps the report and `interviewer plan` saying the same thing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from interviewer.prep.coverage import PRIORITY
from interviewer.prep.plan_content import default_plan_content
from interviewer.rubric.content import DRILL_GAPS, NON_ANSWER_GAPS, stage_title
from interviewer.session.state import InterviewState, SessionState, TurnState

TOP_GAPS = 3  # more than three things to fix at once is a list, not advice
TOP_VALUES = 3  # as `stories coverage` names the three thinnest
LOW_VALUE = 2  # best evidence at or under this (1-5) is a value to find a story for
LOW_INTERVIEW = 60  # under this an interview found a real example missing most of what it wanted


@dataclass
class GapFocus:
    """One gap the interviewers had to probe: how often, where, and the drill for it."""

    gap: str
    label: str
    drill: str
    questions: int  # questions (exchanges) in which it was probed
    turns: list[int] = field(default_factory=list)  # the follow-ups that asked for it


@dataclass
class InterviewFocus:
    """An interview that scored low, by its round's title."""

    title: str
    interviewer: str
    score: int


@dataclass
class WorkOn:
    """The report's "What to work on" section."""

    answered: int  # main questions answered, the base of every "in N of M"
    gaps: list[GapFocus] = field(default_factory=list)
    values: list[tuple[str, int | None]] = field(default_factory=list)  # thin values
    interviews: list[InterviewFocus] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when nothing stood out (or nothing was answered yet)."""
        return not (self.gaps or self.values or self.interviews)


def work_on(state: SessionState, coverage: dict[str, int | None]) -> WorkOn:
    """The gaps probed most often, the thinnest values and the low-scoring interviews."""
    drills = default_plan_content().drills
    found: dict[str, GapFocus] = {}
    answered = 0
    for interview in state.interviews:
        asked = sorted({t.asked.question_index for t in interview.turns if _answered(t)})
        answered += len(asked)
        for index in asked:
            probed: dict[str, list[int]] = {}
            for turn in interview.exchange(index):
                gap = turn.asked.gap
                if turn.asked.kind != "question" and gap in DRILL_GAPS and gap in drills:
                    probed.setdefault(gap, []).append(turn.asked.turn)
            for gap, turns in probed.items():
                focus = found.setdefault(
                    gap, GapFocus(gap, drills[gap].label, drills[gap].text, 0))
                focus.questions += 1
                focus.turns += turns
    ranked = sorted(found.values(), key=lambda f: (-f.questions, f.turns[0]))
    thin = [(name, best) for name, best in coverage.items()
            if answered and (best is None or best <= LOW_VALUE)]
    # Thinnest first; ties go to the values nearly every loop asks about, as the story bank does.
    thin.sort(key=lambda v: (v[1] or 0, PRIORITY.index(v[0])))
    low = [
        InterviewFocus(
            _title(interview), interview.plan.interviewer_name, interview.vote.vote.score)
        for interview in state.interviews
        if interview.vote is not None and interview.vote.vote.score < LOW_INTERVIEW
    ]
    return WorkOn(answered=answered, gaps=ranked[:TOP_GAPS], values=thin[:TOP_VALUES],
                  interviews=sorted(low, key=lambda i: i.score))


def _answered(turn: TurnState) -> bool:
    """An answer to the question: not silence, a request to repeat it or a polite decline."""
    if turn.answer is None or not turn.answer.text.strip() or turn.request:
        return False
    return not (turn.move and turn.move.move.gap in NON_ANSWER_GAPS)


def _title(interview: InterviewState) -> str:
    """The interview's round title ("Coding round"), as the board names it."""
    return stage_title(interview.plan.stage, interview.plan.style)


def summary_lines(focus: WorkOn, width: int = 100) -> list[str]:
    """The section in a few console lines, printed when a session ends (the page has more)."""
    if not focus.gaps:
        return []
    lines = ["What to work on (the full list is in the report):"]
    for number, gap in enumerate(focus.gaps, 1):
        text = (f"{number}. {gap.label.capitalize()} (asked for in {gap.questions} of "
                f"{focus.answered} questions): {gap.drill}")
        lines += textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="     ")
    return lines
