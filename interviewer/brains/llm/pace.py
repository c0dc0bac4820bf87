"""How long to wait for the LLM: learned from the endpoint's own speed during the session.

A fixed 60 s per try (times the retries) made a slow local model stall every turn for minutes.
Every request here is sized (`max_tokens`) and the endpoint's seconds per token are measured on
each reply, so the next request's timeout is what that endpoint needs for that request, with
headroom, never the worst case. Until the first reply the configured timeout applies.
"""

from __future__ import annotations

from collections import deque

# A token is about four characters of English; only used to size the timeout, so rough is fine.
CHARS_PER_TOKEN = 4
HEADROOM = 2.0  # the slowest recent rate, doubled: a busy machine varies by about that much
SLACK_SECONDS = 3.0
FLOOR_SECONDS = 5.0
REMEMBERED = 6


class Pace:
    """Seconds per token seen on recent replies, and the timeout that follows for a request."""

    def __init__(self, configured_timeout: float):
        self.configured_timeout = configured_timeout
        self._rates: deque[float] = deque(maxlen=REMEMBERED)
        self.replies = 0
        self.tokens = 0
        self.seconds = 0.0

    @property
    def known(self) -> bool:
        """True once a reply has been timed."""
        return bool(self._rates)

    def record(self, seconds: float, prompt_tokens: int, completion_tokens: int) -> None:
        """Learn from one reply: how long it took for how many tokens in and out."""
        tokens = max(1, prompt_tokens + completion_tokens)
        self._rates.append(seconds / tokens)
        self.replies += 1
        self.tokens += completion_tokens
        self.seconds += seconds

    def needed(self, prompt_chars: int, max_tokens: int) -> float | None:
        """The seconds this endpoint needs for a request of this size, with headroom (None
        until a reply has been timed)."""
        if not self._rates:
            return None
        tokens = prompt_chars / CHARS_PER_TOKEN + max_tokens
        return max(self._rates) * tokens * HEADROOM + SLACK_SECONDS

    def timeout_for(self, prompt_chars: int, max_tokens: int, budget: float | None = None) -> float:
        """The seconds to wait for a request of this size (and within `budget`, if one is set)."""
        learned = self.needed(prompt_chars, max_tokens)
        if learned is not None:
            seconds = min(self.configured_timeout, max(FLOOR_SECONDS, learned))
        else:
            seconds = self.configured_timeout
        return min(seconds, budget) if budget is not None else seconds

    def describe(self) -> str:
        """e.g. '12 replies, 38.0 tokens/s' for status lines and benchmarks."""
        if not self.replies or not self.seconds:
            return "no replies yet"
        return f"{self.replies} replies, {self.tokens / self.seconds:.1f} generated tokens/s"
