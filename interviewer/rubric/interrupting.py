"""When the interviewer cuts in: a story with no principle by now, or an answer over its time.

The policy is pure judgement on what has been heard so far (an `InterjectContext`: seconds of
audio as the clock, so tests need no clock, and the partial transcript); it says whether to
interrupt and with which probe. Its timing and wording come from prompts/interruptions.yaml
(`InterruptPolicy.from_content`). The offline brain's `interject` is this policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.brains.contexts import InterjectContext
from interviewer.rubric.beliefs import names_principle
from interviewer.rubric.content import Interruptions
from interviewer.rubric.results import Interruption
from interviewer.rubric.signals import is_stuffed
from interviewer.rubric.spoken import clauses, plain


def names_a_principle(text: str) -> bool:
    """Whether the (partial) answer names the principle behind the story, as the offline
    scorer reads it (pieces that just list value names do not count). The partial transcript
    is the transcriber's run-on text, so it is read in clauses, in its plain form."""
    return any(names_principle(plain(s)) for s in clauses(text) if not is_stuffed(s))


@dataclass
class InterruptPolicy:
    """Cut in after `principle_after` seconds of story without a named principle, or once the
    answer passes its time limit (the prompt's upper answer length times `time_limit_factor`).

    Only `kinds` of prompts are interrupted for a missing principle (bank questions, where a
    story is told); the time limit applies to every prompt. (`--no-interrupt` is the answer
    source's to respect: it then never asks.)
    """

    principle_probe: str
    time_probe: str
    principle_after: float = 90.0
    transcript_wait: float = 3.0
    time_limit_factor: float = 1.0
    kinds: tuple[str, ...] = ("question",)

    @classmethod
    def from_content(cls, interruptions: Interruptions, **overrides) -> InterruptPolicy:
        """The policy written in prompts/interruptions.yaml; `overrides` replace fields."""
        fields = dict(principle_probe=interruptions.no_principle,
                      time_probe=interruptions.time_limit,
                      principle_after=interruptions.principle_after_seconds,
                      transcript_wait=interruptions.transcript_wait_seconds,
                      time_limit_factor=interruptions.time_limit_factor)
        return cls(**{**fields, **overrides})

    def check(self, heard: InterjectContext) -> Interruption | None:
        """The interruption due now, or None to keep listening.

        `heard.transcribed` is how many seconds of the story the partial text covers (it lags
        the speech). A missing principle is judged once the text reaches `principle_after`, so
        a principle said just before then is not missed while it is still being transcribed;
        but never more than `transcript_wait` seconds late, so a slow machine still cuts in at
        the documented time (it once came 23 s late, waiting on a lagging transcript).
        """
        elapsed = heard.elapsed
        limit = heard.answer_seconds[1] * self.time_limit_factor
        if elapsed >= limit:
            return Interruption("time_limit", round(elapsed, 2), self.time_probe)
        covered = elapsed if heard.transcribed is None else min(elapsed, heard.transcribed)
        latest = self.principle_after + self.transcript_wait
        due = covered >= self.principle_after or elapsed >= latest
        if (heard.kind in self.kinds and heard.asks_principle and due
                and not names_a_principle(heard.partial_text)):
            return Interruption("no_principle", round(elapsed, 2), self.principle_probe)
        return None

    def probes(self) -> list[str]:
        """Every line the policy may say, so a speaker can synthesize them ahead of time."""
        return [self.principle_probe, self.time_probe]
