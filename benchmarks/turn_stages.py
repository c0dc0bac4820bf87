"""Where the gap from the end of speech to the interviewer's reply goes, stage by stage.

`StageClock` wraps the session's voice parts (as `build_voice` made them) for the duration of a
benchmark, timestamping on the monotonic clock, for one answer at a time:
- `heard`: the microphone block holding the last window of speech has been processed (so the
  last word's time to `heard` is the capture path: PulseAudio, PortAudio, the VAD);
- `judged`: the end-of-turn model returned its verdict on the final pause (`model` its run time);
- `ended`: the endpointer ended the answer (`why`: finished by the model, by reading the
  transcript, or by silence);
- `finished`: the final transcription pass is done (`wait` for the background pass, `tail`);
- `answered`: `next_answer` returned (the WAV saved, the Answer built);
- `playing`: the speaker wrote its first chunk to the output stream.
The benchmark adds `last_word` and `first_sample` from the sinks' monitors.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

STAGES = [  # (label, from, to)
    ("capture + VAD", "last_word", "heard"),
    ("silence to verdict", "heard", "judged"),
    ("verdict to end", "judged", "ended"),
    ("final pass", "ended", "finished"),
    ("answer built", "finished", "answered"),
    ("reply lookup", "answered", "playing"),
    ("output latency", "playing", "first_sample"),
]


@dataclass
class AnswerTimes:
    """The timestamps of one answer's end of turn."""

    marks: dict[str, float] = field(default_factory=dict)
    model_seconds: list[float] = field(default_factory=list)
    why: str = ""
    verdict: bool | None = None  # the end-of-turn model's last verdict
    wait: float = 0.0
    tail: float = 0.0

    def stage(self, start: str, end: str) -> float | None:
        if start not in self.marks or end not in self.marks:
            return None
        return self.marks[end] - self.marks[start]


class StageClock:
    """Timestamps the stages of every answer through the voice parts it wraps."""

    def __init__(self, parts):
        self.current = AnswerTimes()
        self.answers: list[AnswerTimes] = []
        answers = parts.answers
        microphone = answers.microphone
        self._wrap_detector(microphone)
        self._wrap_listen(microphone)
        self._wrap_finish(answers.incremental)
        self._wrap_play(parts.speaker.player)

    def start(self) -> AnswerTimes:
        """A new answer begins."""
        self.current = AnswerTimes()
        self.answers.append(self.current)
        return self.current

    def mark(self, name: str, at: float | None = None) -> None:
        self.current.marks[name] = time.monotonic() if at is None else at

    def _wrap_detector(self, microphone) -> None:
        detector = microphone.turn_detector
        if detector is None:
            return

        def timed(samples):
            began = time.monotonic()
            verdict = detector(samples)
            self.current.model_seconds.append(time.monotonic() - began)
            self.current.verdict = verdict
            self.mark("judged")
            return verdict

        microphone.turn_detector = timed

    def _wrap_listen(self, microphone) -> None:
        listen = microphone.listen

        def timed(*, on_block=None, **kwargs):
            state = {"last": None}

            def hook(block, probabilities, endpointer):
                reason = on_block(block, probabilities, endpointer) if on_block else None
                if endpointer.last_speech_at != state["last"]:
                    state["last"] = endpointer.last_speech_at
                    self.mark("heard")
                if endpointer.ended_by is not None and "ended" not in self.current.marks:
                    self.mark("ended")
                    self.current.why = endpointer.ended_by + (
                        f" ({endpointer.finished_by})" if endpointer.finished_by else "")
                return reason

            audio = listen(on_block=hook, **kwargs)
            self.current.marks.setdefault("ended", time.monotonic())
            self.current.why = self.current.why or audio.ended_by
            return audio

        microphone.listen = timed

    def _wrap_finish(self, incremental) -> None:
        finish = incremental.finish

        def timed():
            transcript = finish()
            self.mark("finished")
            self.current.wait = incremental.stats.wait_seconds
            self.current.tail = incremental.stats.tail_seconds
            return transcript

        incremental.finish = timed

    def _wrap_play(self, player) -> None:
        play = player.play

        def timed(samples, sample_rate):
            self.mark("playing")
            return play(samples, sample_rate)

        player.play = timed


def breakdown(answers: list[AnswerTimes]) -> list[str]:
    """Lines: the median (and 95th percentile) of every stage over the answers that ended."""
    import numpy as np

    lines = []
    for label, start, end in STAGES:
        values = [v for a in answers if (v := a.stage(start, end)) is not None]
        if values:
            lines.append(f"  {label:20s} median {statistics.median(values):5.2f} s   p95 "
                         f"{float(np.percentile(values, 95)):5.2f} s")
    model = [s for a in answers for s in a.model_seconds]
    if model:
        lines.append(f"  end-of-turn model run median {1000 * statistics.median(model):.0f} ms "
                     f"({len(model)} runs)")
    waits = [a.wait for a in answers]
    if waits:
        lines.append(f"  final pass: waiting for the background pass median "
                     f"{statistics.median(waits):.2f} s, tail median "
                     f"{statistics.median([a.tail for a in answers]):.2f} s")
    reasons: dict[str, int] = {}
    for a in answers:
        reasons[a.why] = reasons.get(a.why, 0) + 1
    lines.append("  ended by: " + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
    return lines
