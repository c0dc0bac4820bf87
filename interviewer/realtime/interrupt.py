"""When the interviewer cuts in: a story with no principle by now, or an answer over its time.

The policy is pure: it is asked with the answer's elapsed time (seconds of audio, so tests need no
clock) and the partial transcript, and says whether to interrupt and with which probe.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.interfaces import Prompt
from interviewer.offline import lexicon as lx
from interviewer.offline.signals import first_match, is_stuffed, sentences

PRINCIPLE_PROBE = "Let me stop you there. What principle were you acting on?"
TIME_PROBE = "I'm going to jump in, we're short on time. What was the outcome, in a sentence?"


@dataclass(frozen=True)
class Interruption:
    """Why the interviewer cut in, when, and what it asks."""

    reason: str  # 'no_principle' or 'time_limit'
    at_seconds: float
    probe: str


def names_a_principle(text: str) -> bool:
    """Whether the (partial) answer names the principle behind the story, as the offline
    scorer reads it (sentences that just list value names do not count)."""
    honest = [s for s in sentences(text) if not is_stuffed(s)]
    return first_match(lx.PRINCIPLE, honest) is not None


@dataclass
class InterruptPolicy:
    """Cut in after `principle_after` seconds of story without a named principle, or once the
    answer passes its time limit (the prompt's upper answer length times `time_limit_factor`).

    `enabled=False` is `--no-interrupt`. Only `kinds` of prompts are interrupted for a missing
    principle (bank questions, where a story is told); the time limit applies to every prompt.
    """

    enabled: bool = True
    principle_after: float = 90.0
    time_limit_factor: float = 1.0
    kinds: tuple[str, ...] = ("question",)
    principle_probe: str = PRINCIPLE_PROBE
    time_probe: str = TIME_PROBE

    def check(self, prompt: Prompt, elapsed: float, partial_text: str,
              transcribed: float | None = None) -> Interruption | None:
        """The interruption due now, or None to keep listening.

        `transcribed` is how many seconds of the story `partial_text` covers (it lags the
        speech); a missing principle is only judged on text that reaches `principle_after`, so a
        principle said just before then is not missed because it is still being transcribed.
        """
        if not self.enabled:
            return None
        limit = prompt.answer_seconds[1] * self.time_limit_factor
        if elapsed >= limit:
            return Interruption("time_limit", round(elapsed, 2), self.time_probe)
        covered = elapsed if transcribed is None else min(elapsed, transcribed)
        if (prompt.kind in self.kinds and covered >= self.principle_after
                and not names_a_principle(partial_text)):
            return Interruption("no_principle", round(elapsed, 2), self.principle_probe)
        return None

    def probes(self) -> list[str]:
        """Every line the policy may say, so a speaker can synthesize them ahead of time."""
        return [self.principle_probe, self.time_probe] if self.enabled else []
