"""The candidate's gaps, gathered from the story bank and recent sessions, for the study plan.

Recent means the last few sessions: an old weakness that has since been fixed should not keep
taking up days, and one bad session should not define the plan either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from interviewer.prep.coverage import BANK_TARGET, Coverage, rank_thin
from interviewer.prep.metrics import PACE_RANGE
from interviewer.prep.progress import Progress
from interviewer.rubric.content import DRILL_GAPS

RECENT = 3  # sessions that count as "recent"
WEAK_SHARE = 0.34  # a probe needed on a third of questions or more is a gap worth days
FILLERS_TYPICAL = 6.0  # disfluencies per 100 words in ordinary speech
PAUSES_PER_ANSWER = 1.0


@dataclass
class Gaps:
    """What the plan should work on, worst first, with the evidence for each."""

    coverage: Coverage
    sessions: int = 0
    latest_session: str | None = None
    weak: list[str] = field(default_factory=list)  # probe gaps, e.g. "no_principle"
    delivery: list[str] = field(default_factory=list)  # e.g. "fillers", "pace_fast"
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def stories(self) -> int:
        """Stories in the bank."""
        return self.coverage.stories

    @property
    def thin(self) -> list[str]:
        """The three thinnest values."""
        return self.coverage.thinnest

    def story_targets(self, bank_size: int = BANK_TARGET[0]) -> list[str]:
        """The values to write new stories for, in order, until the bank is big enough.

        Each thin value first gets stories until it has two the scorer confirms; then the
        thinnest remaining values get one each until the bank reaches `bank_size`.
        """
        targets = [v for v in self.thin for _ in range(self.coverage.needs(v))]
        for value in rank_thin(self.coverage.values):
            if self.stories + len(targets) >= bank_size:
                break
            if value not in self.thin and self.coverage.needs(value):
                targets.append(value)
        return targets

    def incomplete(self) -> list[tuple[str, list[str]]]:
        """Stories still missing narrative fields, with the fields."""
        return [
            (story_id, check.missing)
            for story_id, check in self.coverage.checks.items()
            if check.missing
        ]


def find_gaps(coverage: Coverage, progress: Progress | None) -> Gaps:
    """Gaps from the bank's coverage and the recent sessions' figures."""
    gaps = Gaps(coverage=coverage)
    if progress is None or not progress.sessions:
        return gaps
    gaps.sessions = len(progress.sessions)
    gaps.latest_session = progress.sessions[-1].session_id
    rates = []
    for series in progress.group("caught"):
        recent = [p for p in series.points[-RECENT:] if p is not None]
        if recent and mean(recent) >= WEAK_SHARE:
            gap = series.metric.key.split(":", 1)[1]
            if gap not in DRILL_GAPS:
                continue  # "repeat the question" and the like are not a skill to drill
            rates.append((mean(recent), gap))
            gaps.evidence[gap] = f"needed on {round(mean(recent) * 100)}% of recent questions"
    gaps.weak = [gap for _, gap in sorted(rates, key=lambda r: -r[0])]
    gaps.delivery = _delivery_gaps(progress, gaps.evidence)
    return gaps


def _recent_mean(progress: Progress, key: str) -> float | None:
    series = progress.get(key)
    if series is None:
        return None
    recent = [p for p in series.points[-RECENT:] if p is not None]
    return mean(recent) if recent else None


def _delivery_gaps(progress: Progress, evidence: dict[str, str]) -> list[str]:
    found = []
    fillers = _recent_mean(progress, "fillers_per_100")
    if fillers is not None and fillers > FILLERS_TYPICAL:
        found.append("fillers")
        evidence["fillers"] = f"{fillers:.1f} per 100 words (about {FILLERS_TYPICAL:g} is typical)"
    pace = _recent_mean(progress, "words_per_minute")
    low, high = PACE_RANGE
    if pace is not None and pace > high:
        found.append("pace_fast")
        evidence["pace_fast"] = f"{pace:.0f} words per minute (conversation runs {low}-{high})"
    elif pace is not None and pace < low:
        found.append("pace_slow")
        evidence["pace_slow"] = f"{pace:.0f} words per minute (conversation runs {low}-{high})"
    pauses = _recent_mean(progress, "long_pauses")
    if pauses is not None and pauses >= PAUSES_PER_ANSWER:
        found.append("long_pauses")
        evidence["long_pauses"] = f"{pauses:.1f} long pauses per answer"
    return found
