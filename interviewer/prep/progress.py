"""Progress across practice sessions: one point per session for every metric, and its trend.

Everything is read from the saved sessions' scores, so re-scoring a session changes its point.
Signals are measured on main answers (not follow-ups) because the question is whether the
candidate does it unprompted: naming a principle after "what principle was that?" is too late.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from statistics import mean

from interviewer.errors import UserError
from interviewer.prep.metrics import (
    DELIVERY_METRICS,
    OVERALL,
    SIGNAL_METRICS,
    Series,
    caught_metric,
    value_metric,
)
from interviewer.rubric.content import VALUE_NAMES, default_content
from interviewer.session.state import SessionState, TurnState, load_state
from interviewer.session.store import list_sessions
from interviewer.session.summary import session_overall, value_coverage


@dataclass
class SessionPoint:
    """One session's figures."""

    session_id: str
    started_at: datetime
    label: str
    answered: int
    figures: dict[str, float | None] = field(default_factory=dict)
    mode: str = "practice"  # "loop" or "practice": the page trends them apart
    role: str = "engineer"
    finished: bool = True  # False: the answers ran out or the session was stopped

    @property
    def title(self) -> str:
        """What the session was, for headers and chart labels: 'manager, product, unfinished'."""
        parts = [self.label, self.role]
        return ", ".join([*parts, "unfinished"] if not self.finished else parts)


@dataclass
class Progress:
    """Every session with answers, oldest first, and a series per metric."""

    sessions: list[SessionPoint]
    series: list[Series]

    def group(self, name: str) -> list[Series]:
        """The series shown under one heading."""
        return [s for s in self.series if s.metric.group == name]

    def get(self, key: str) -> Series | None:
        """The series of one metric key."""
        return next((s for s in self.series if s.metric.key == key), None)

    def only(self, mode: str) -> Progress:
        """The same progress over the sessions of one mode (full loops or single practices),
        so a loop's score is never trended against a one-stage practice."""
        keep = [i for i, p in enumerate(self.sessions) if p.mode == mode]
        series = [Series(s.metric, [s.points[i] for i in keep]) for s in self.series]
        return Progress(sessions=[self.sessions[i] for i in keep], series=series)

    def as_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "sessions": [
                {
                    "id": p.session_id,
                    "started_at": p.started_at.isoformat(),
                    "stage": p.label,
                    "role": p.role,
                    "finished": p.finished,
                    "answered": p.answered,
                }
                for p in self.sessions
            ],
            "metrics": [
                {
                    "key": s.metric.key,
                    "group": s.metric.group,
                    "label": s.metric.label,
                    "better": s.metric.better,
                    "points": s.points,
                    "first": s.first,
                    "latest": s.latest,
                    "trend": s.trend,
                }
                for s in self.series
            ],
        }


def load_progress(root: Path) -> Progress:
    """Progress over every session saved under `root` that has at least one scored answer."""
    states = []
    for store in list_sessions(root):
        try:
            states.append(load_state(store))
        except UserError:
            continue  # not a session log; `interviewer sessions` skips these too
    return progress_from_states(states)


def progress_from_states(states: list[SessionState]) -> Progress:
    """Progress over these sessions (sorted by start time; unscored ones left out)."""
    points = [session_point(s) for s in sorted(states, key=lambda s: s.started.at)]
    points = [p for p in points if p.answered]
    metrics = [OVERALL, *(value_metric(v) for v in VALUE_NAMES), *SIGNAL_METRICS]
    # Only probes that were ever needed get a row; a zero everywhere is not news.
    gaps = sorted(
        {
            k.split(":", 1)[1]
            for p in points
            for k, v in p.figures.items()
            if k.startswith("caught:") and v
        }
    )
    metrics += [
        caught_metric(g, {p.role for p in points if p.figures.get(f"caught:{g}") is not None})
        for g in gaps
    ]
    metrics += list(DELIVERY_METRICS)
    series = [Series(m, [p.figures.get(m.key) for p in points]) for m in metrics]
    return Progress(sessions=points, series=series)


def session_point(state: SessionState) -> SessionPoint:
    """One session's figures: overall, values, unprompted signals, probes drawn, delivery."""
    mains = [
        (i.plan.stage, i.plan.style, t, i.exchange(t.asked.question_index))
        for i in state.interviews
        for t in i.turns
        if t.asked.kind == "question" and t.answer is not None and t.latest_score is not None
    ]
    point = SessionPoint(
        session_id=state.started.session_id,
        started_at=state.started.at,
        label=state.label,
        answered=len(mains),
        mode=state.started.mode,
        role=state.started.role,
        finished=state.complete,
    )
    if not mains:
        return point
    figures = point.figures
    figures["overall"] = session_overall(state)
    for value, best in value_coverage(state.turns).items():
        figures[f"value:{value}"] = best
    figures.update(_signal_shares(mains))
    figures.update(_caught_shares(mains))
    figures.update(_delivery([t for t in state.turns if t.answer and t.latest_score]))
    return point


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def _signal_shares(mains: list[tuple[str, str, TurnState, list[TurnState]]]) -> dict:
    content = default_content()
    # Principles and hindsight are asked of stories, not of a coding or design round's answers.
    behavioural = [t.latest_score.signals for stage, style, t, _ in mains
                   if content.is_behavioural(stage, style)]
    every = [t.latest_score.signals for _, _, t, _ in mains]
    feedback = [s for s in every if s.behaviour_change is not None]
    return {
        "named_principle": _share([s.named_principle for s in behavioural]),
        "clear_position": _share([s.point_of_view == "clear" for s in every]),
        "reflection": _share([s.reflection for s in behavioural]),
        "behaviour_change": _share([bool(s.behaviour_change) for s in feedback]),
    }


def _caught_shares(mains: list[tuple[str, str, TurnState, list[TurnState]]]) -> dict:
    """Per gap, the share of questions (where that gap is probed) that drew its follow-up."""
    drawn: dict[str, list[bool]] = {}
    for stage, style, _, exchange in mains:
        gaps = {t.asked.gap for t in exchange if t.asked.kind == "follow_up" and t.asked.gap}
        for gap in _probe_order(stage, style):
            drawn.setdefault(gap, []).append(gap in gaps)
    return {f"caught:{gap}": _share(flags) for gap, flags in drawn.items()}


def _probe_order(stage: str, style: str = "behavioural") -> list[str]:
    """The gaps an interview of this style probes in a stage (a coding round's own order; the
    onsite's for a stage no longer in stages.yaml)."""
    content = default_content()
    settings = content.stages.get(stage) or content.stages["onsite"]
    return list(content.style(style).probe_order or settings.probe_order)


def _delivery(turns: list[TurnState]) -> dict:
    deliveries = [t.latest_score.delivery or t.answer.delivery for t in turns]
    deliveries = [d for d in deliveries if d is not None]
    spoken = [d for d in deliveries if d.words_per_minute is not None]
    return {
        "fillers_per_100": round(mean(d.fillers_per_100 for d in deliveries), 1)
        if deliveries
        else None,
        "words_per_minute": round(mean(d.words_per_minute for d in spoken)) if spoken else None,
        "long_pauses": round(mean(d.long_pauses for d in spoken), 2) if spoken else None,
    }
