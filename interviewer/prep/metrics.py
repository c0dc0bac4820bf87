"""What progress measures: each metric, its name and which way is better, and a metric's series
across sessions with the direction it is moving in."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

PACE_RANGE = (110, 160)  # conversational words per minute


@dataclass(frozen=True)
class Metric:
    """A measured quantity: where it is shown, what it is called, which direction is better."""

    key: str
    group: str
    label: str
    better: str  # "higher", "lower" or "in_range"
    scale: float  # the size of a meaningful change over the whole history
    percent: bool = False


GAP_LABELS = {
    "no_principle": "no principle until asked",
    "hedging": "hedged, asked for a position",
    "no_behaviour_change": "no behaviour change after feedback",
    "no_reflection": "no hindsight until asked",
    "no_ownership": "all 'we', asked for your part",
    "no_outcome": "no outcome until asked",
    "no_example": "no concrete example",
    "vague_compensation": "no researched pay number",
    "mentorship_structure": "asked for heavy structure",
    "defend_decision": "asked to defend a design choice",
    "no_trade_off": "no trade-off until asked",
    "no_scale": "scale not considered until asked",
    "no_failure_mode": "failure modes not covered until asked",
    "no_complexity": "no time or space cost until asked",
    "no_edge_cases": "no edge cases or tests until asked",
    "no_self_awareness": "no self-awareness until asked",
}
# Where a probe's name depends on the candidate's role: a product manager defends a product call,
# not a design choice. Sessions of several roles share the neutral wording under "mixed".
ROLE_GAP_LABELS = {
    "defend_decision": {
        "engineer": "asked to defend a design choice",
        "product": "asked to defend a product call",
        "design": "asked for the reasoning behind a design decision",
        "mixed": "asked to defend a decision",
    },
}
SIGNAL_METRICS = (
    Metric("named_principle", "unprompted", "named a principle", "higher", 0.2, True),
    Metric("clear_position", "unprompted", "took a clear position", "higher", 0.2, True),
    Metric("reflection", "unprompted", "said what you'd do differently", "higher", 0.2, True),
    Metric("behaviour_change", "unprompted", "behaviour change (feedback Qs)", "higher", 0.2, True),
)
DELIVERY_METRICS = (
    Metric("fillers_per_100", "delivery", "fillers per 100 words", "lower", 2.0),
    Metric("words_per_minute", "delivery", "words per minute (voice)", "in_range", 15.0),
    Metric("long_pauses", "delivery", "long pauses per answer (voice)", "lower", 0.5),
)
OVERALL = Metric("overall", "overall", "overall score", "higher", 8.0)


def value_metric(value: str) -> Metric:
    """The metric for a value's best evidence score (1-5) in a session."""
    return Metric(f"value:{value}", "values", value, "higher", 1.0)


def caught_metric(gap: str, roles: set[str] | frozenset[str] = frozenset()) -> Metric:
    """The metric for how often a probe had to be asked (share of main questions), named in
    the words of the roles whose sessions asked it."""
    by_role = ROLE_GAP_LABELS.get(gap, {})
    role = next(iter(roles)) if len(roles) == 1 else "mixed"
    label = by_role.get(role) or GAP_LABELS.get(gap, gap)
    return Metric(f"caught:{gap}", "caught", label, "lower", 0.2, True)


@dataclass
class Series:
    """A metric across sessions: first, latest and the direction it is moving in."""

    metric: Metric
    points: list[float | None]

    @property
    def measured(self) -> list[float]:
        """The sessions in which the metric was measured, in order."""
        return [p for p in self.points if p is not None]

    @property
    def first(self) -> float | None:
        """The first measured value."""
        return self.measured[0] if self.measured else None

    @property
    def latest(self) -> float | None:
        """The latest measured value."""
        return self.measured[-1] if self.measured else None

    @property
    def trend(self) -> str:
        """'better', 'worse', 'steady', or '-' with fewer than two measurements."""
        values = self.measured
        if len(values) < 2:
            return "-"
        if self.metric.better == "in_range":
            values = [_outside(v, PACE_RANGE) for v in values]
        change = _fitted_change(values)
        if abs(change) < self.metric.scale:
            return "steady"
        improving = change > 0 if self.metric.better == "higher" else change < 0
        return "better" if improving else "worse"


def _outside(value: float, bounds: tuple[int, int]) -> float:
    low, high = bounds
    return max(0.0, low - value, value - high)


def _fitted_change(values: list[float]) -> float:
    """Change from first to last along a least-squares line: robust to one odd session."""
    n = len(values)
    xs = range(n)
    x_mean, y_mean = (n - 1) / 2, mean(values)
    denominator = sum((x - x_mean) ** 2 for x in xs)
    slope = sum((x - x_mean) * (y - y_mean) for x, y in enumerate(values)) / denominator
    return slope * (n - 1)
