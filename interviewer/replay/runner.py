"""Playing a replay plan: questions and answers in order, transcript lines as they play, keys.

Each clip plays on a background thread through the voice layer's stoppable `Player` while this
thread shows transcript lines on cue and reads keys. Pausing stops the clip and remembers roughly
where it was (by the clock: the player reports no position), and resuming plays on from there.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

import numpy as np

from interviewer.console import Console
from interviewer.replay.clips import ClipSource, Sound
from interviewer.replay.cues import cue_times, transcript_lines
from interviewer.replay.keys import HELP, Command, NoKeys
from interviewer.replay.plan import Clip, InterviewStep, TurnStep
from interviewer.report.lines import request_line, score_line
from interviewer.rubric.results import Decision, Vote

POLL_S = 0.05
# On resume, replay a little of what came before the pause: the clock-based position runs
# slightly ahead of what was heard (device latency), and a word of context helps anyway.
RESUME_BACKUP_S = 0.5


class ClipPlayer(Protocol):
    """What the replay needs from a player (the voice layer's `Player` is one)."""

    def play(self, samples: np.ndarray, sample_rate: int) -> bool: ...

    def stop(self) -> None: ...

    def reset(self) -> None: ...


class Keys(Protocol):
    """Where steering commands come from (`TerminalKeys` or `NoKeys`)."""

    interactive: bool

    def poll(self, timeout: float) -> Command | None: ...


class Outcome(Enum):
    """How a clip (or a turn) ended."""

    DONE = "done"
    SKIP = "skip"
    QUIT = "quit"


@dataclass
class ReplayLog:
    """What a replay did, in order: ('play', label) or ('show', label) entries, for checking."""

    entries: list[tuple[str, str]] = field(default_factory=list)


class Replayer:
    """Walks a replay plan, playing what was recorded and showing everything else."""

    def __init__(
        self,
        console: Console,
        clips: ClipSource,
        player: ClipPlayer | None,
        keys: Keys | None = None,
    ):
        self.console = console
        self.clips = clips
        self.player = player  # None: print only
        self.keys = keys or NoKeys()
        self.log = ReplayLog()

    def run(
        self,
        plan: list[InterviewStep],
        decision: Decision | None,
        board: list[Vote] | None = None,
    ) -> Outcome:
        """Replay every interview in `plan`, then the board and decision; QUIT if the user quit.

        `board` is every vote of a loop (also those of interviews before `--from`), recalled
        before the decision because the decision rule reads them all together.
        """
        if self.keys.interactive and self.player is not None:
            self.console.info(HELP)
        for interview in plan:
            self.console.heading(interview.title)
            for step in interview.turns:
                if self._turn(step) is Outcome.QUIT:
                    self.console.info("Stopped.")
                    return Outcome.QUIT
            if interview.vote is not None:
                self.console.vote(interview.vote)
        if board:
            self.console.heading("The board: independent votes")
            for vote in board:
                self.console.info(
                    f"  {vote.interviewer} ({vote.stage}): {vote.vote}, {vote.score}/100, "
                    f"{vote.keeper_short}"
                )
        if decision is not None:
            self.console.decision(decision)
        return Outcome.DONE

    def _turn(self, step: TurnStep) -> Outcome:
        label = step.turn.asked.kind.replace("_", "-")
        self.console.info(f"[{step.number}] {label}")
        self.console.interviewer(step.interviewer, step.question.text)
        outcome = self._play(step.question, f"t{step.number}-question", question=True)
        if outcome is not Outcome.DONE:
            return self._skipped(outcome)
        if step.answer is None:
            self.console.info("  (not answered)")
            return Outcome.DONE
        outcome = self._answer(step.answer, f"t{step.number}-answer")
        if outcome is not Outcome.DONE:
            return self._skipped(outcome)
        if step.turn.request:
            self.console.info(f"  {request_line(step.answer.text)}")
        score = step.turn.latest_score
        if score is not None:
            self.console.info(f"  Score: {score_line(score)}")
            for gap in score.gaps:
                self.console.info(f"    - {gap}")
        return Outcome.DONE

    def _skipped(self, outcome: Outcome) -> Outcome:
        if outcome is Outcome.SKIP:
            self.console.info("  (skipped)")
            return Outcome.DONE
        return outcome

    def _answer(self, clip: Clip, label: str) -> Outcome:
        lines = transcript_lines(clip.text) or ["(no answer)"]
        sound = self._sound(clip, label, question=False)
        if sound is None:
            self.log.entries.append(("show", label))
            for line in lines:
                self.console.answer(line)
            return Outcome.DONE
        samples, rate = sound
        cues = list(zip(cue_times(lines, clip.words, len(samples) / rate), lines, strict=True))
        return self._play_sound(sound, label, cues)

    def _play(self, clip: Clip, label: str, question: bool) -> Outcome:
        sound = self._sound(clip, label, question)
        if sound is None:
            self.log.entries.append(("show", label))
            return Outcome.DONE
        return self._play_sound(sound, label, [])

    def _sound(self, clip: Clip, label: str, question: bool) -> Sound | None:
        """The audio to play for a clip: its recording, a re-synthesized question, or None."""
        if self.player is None:
            return None
        if clip.missing:
            self.console.warn(f"  (the recording {clip.path} is missing)")
        try:
            sound = self.clips.recording(clip)
        except ValueError as exc:  # a damaged or non-PCM file: say so, carry on
            self.console.warn(f"  (cannot read {clip.path}: {exc})")
            sound = None
        if sound is None and question:
            try:
                sound = self.clips.spoken(clip)
            except Exception as exc:  # no TTS engine: carry on showing text
                self.console.warn(f"Cannot speak the questions ({exc}); showing them as text.")
                self.clips.synthesize = None
        return sound

    def _play_sound(self, sound: Sound, label: str, cues: list[tuple[float, str]]) -> Outcome:
        """Play one clip to its end, showing cued lines; pause, skip and quit from the keys."""
        samples, rate = sound
        self.log.entries.append(("play", label))
        offset = 0  # samples already played
        pending = list(cues)
        while True:
            playing = _Playback(self.player, samples[offset:], rate)
            try:
                outcome = self._steer(playing, offset, rate, pending)
            except BaseException:  # Ctrl-C: silence the speaker before the error goes on
                playing.stop()
                raise
            if isinstance(outcome, Outcome):
                return outcome
            offset = outcome

    def _steer(
        self, playing: _Playback, offset: int, rate: int, pending: list[tuple[float, str]]
    ) -> Outcome | int:
        """Follow one playback: cue lines and obey keys. An Outcome, or the offset to resume at."""
        while playing.alive():
            elapsed = offset / rate + playing.elapsed()
            while pending and pending[0][0] <= elapsed:
                self.console.answer(pending.pop(0)[1])
            command = self.keys.poll(POLL_S)
            if command is None:
                continue
            heard = playing.stop()
            if command is Command.SKIP:
                return Outcome.SKIP
            if command is Command.QUIT:
                return Outcome.QUIT
            resumed = self._paused()
            return resumed or max(0, offset + int((heard - RESUME_BACKUP_S) * rate))
        if playing.error is not None:
            self._lost_audio(playing.error)
        for _, line in pending:
            self.console.answer(line)
        pending.clear()
        return Outcome.DONE

    def _paused(self) -> Outcome | None:
        """Wait while paused; None when resumed, else SKIP or QUIT."""
        self.console.info("  (paused: space or p to go on)")
        while True:
            command = self.keys.poll(POLL_S * 4)
            if command is Command.PAUSE:
                return None
            if command is Command.SKIP:
                return Outcome.SKIP
            if command is Command.QUIT:
                return Outcome.QUIT

    def _lost_audio(self, error: BaseException) -> None:
        self.console.warn(f"Cannot play audio ({error}); showing the rest as text.")
        self.player = None


class _Playback:
    """One clip playing on a background thread."""

    def __init__(self, player: ClipPlayer, samples: np.ndarray, rate: int):
        self.player = player
        self.error: BaseException | None = None
        # A stop stays in force until reset, so the reset comes first, here on the caller's
        # thread: a stop() that follows it can never be lost, however soon it comes.
        player.reset()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._run, args=(samples, rate), daemon=True)
        self._thread.start()

    def _run(self, samples: np.ndarray, rate: int) -> None:
        try:
            self.player.play(samples, rate)
        except Exception as exc:  # PortAudioError: no device, device gone; reported by caller
            self.error = exc

    def alive(self) -> bool:
        """True while the clip is still playing."""
        return self._thread.is_alive()

    def elapsed(self) -> float:
        """Seconds since the clip started."""
        return time.monotonic() - self._started

    def stop(self) -> float:
        """Stop the clip and wait for the thread; return how long it had played."""
        heard = self.elapsed()
        self.player.stop()
        self._thread.join()
        return heard
