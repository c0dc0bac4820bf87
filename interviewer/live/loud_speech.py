"""Barge-in judged on the microphone's level: the rule without an echo canceller.

Echo guard without a canceller (the fallback): the microphone hears the interviewer's own voice,
which the VAD rightly calls speech. The detector learns how loud that echo is from the first
`learn_seconds` of speech it hears in each playback (the candidate is almost always silent then,
so this is also a grace period) and counts speech as the candidate's only when it is
`echo_factor` times louder. Learning waits for the echo to arrive, because the output's latency
and the line's lead-in delay it by a varying amount; with headphones no echo comes, and the
room's noise is learned by `learn_timeout`. Once two whole lines in a row brought no echo above
the noise floor (headphones), nothing is learned any more (`BargeIn` passes `echo_level`): the
candidate can cut in from the first syllable, as when they go on with an answer the interviewer
took for finished.
"""

from __future__ import annotations

import math
from collections import deque

from interviewer.live.bargein_settings import BargeInSettings
from interviewer.live.endpointing import WINDOW_SECONDS, SpeechTracker


class BargeInDetector:
    """Decides, window by window, whether the candidate has started talking over the playback.

    Pure logic over (speech probability, RMS level) pairs, so tests can drive it with made-up
    numbers. Barge-in is the last `min_speech` seconds all being speech (by the VAD), with at
    least `loud_fraction` of those windows louder than `trigger_level`: `echo_factor` times the
    echo level (learned from the first `learn_seconds` of speech, or by `learn_timeout` from
    whatever was heard; no barge-in before then), or times `noise_floor` when that is higher.
    Counting loud windows rather than averaging the level keeps a single loud window (a cough,
    a knock, the first syllable) from tipping it.
    """

    def __init__(self, settings: BargeInSettings | None = None, *,
                 echo_level: float | None = None):
        self.settings = settings or BargeInSettings()
        self.elapsed = 0.0
        # Set once learning is over, or given: known from earlier lines, nothing is learned.
        self.echo_level: float | None = echo_level
        # How loud the microphone was at the line's start, learned either way.
        self.heard_level: float | None = None
        self.onset_at: float | None = None  # second of playback the candidate's speech began
        self.speech = SpeechTracker(self.settings.speech_threshold,
                                    self.settings.silence_threshold, self.settings.min_speech)
        self._run: deque[tuple[float, float, float]] = deque()  # (start, seconds, rms)
        # While learning: (seconds, energy) of the speech windows, and of all windows.
        self._learned_speech = [0.0, 0.0]
        self._learned_all = [0.0, 0.0]

    @property
    def triggered(self) -> bool:
        """True once barge-in has been detected."""
        return self.onset_at is not None

    @property
    def in_speech(self) -> bool:
        """True while the VAD hears speech (the interviewer's echo or the candidate)."""
        return self.speech.in_speech

    @property
    def trigger_level(self) -> float | None:
        """The RMS the candidate's speech must exceed (None while still learning)."""
        if self.echo_level is None:
            return None
        return self.settings.echo_factor * max(self.echo_level, self.settings.noise_floor)

    def update(self, probability: float, rms: float, seconds: float = WINDOW_SECONDS) -> bool:
        """Account for one window; True when the candidate has barged in (and from then on)."""
        if self.triggered:
            return True
        s = self.settings
        start = self.elapsed
        self.elapsed += seconds
        speaking = self.speech.update(probability, seconds)
        if self.heard_level is None:
            self._learn(speaking, rms, seconds)
        if not speaking:
            self._run.clear()
            return False
        self._run.append((start, seconds, rms))
        # Keep only the shortest tail of the run that still spans min_speech.
        while len(self._run) > 1 and self._span() - self._run[0][1] >= s.min_speech - 1e-9:
            self._run.popleft()
        if self._span() < s.min_speech - 1e-9:
            return False
        level = self.trigger_level
        loud = sum(seconds for _, seconds, window_rms in self._run
                   if level is not None and window_rms > level)
        if loud >= s.loud_fraction * self._span() - 1e-9:
            self.onset_at = self._run[0][0]
        return self.triggered

    def _learn(self, speaking: bool, rms: float, seconds: float) -> None:
        energy = seconds * rms * rms
        self._learned_all[0] += seconds
        self._learned_all[1] += energy
        if speaking:
            self._learned_speech[0] += seconds
            self._learned_speech[1] += energy
        s = self.settings
        enough = self._learned_speech[0] >= s.learn_seconds - 1e-9
        if enough or self.elapsed >= s.learn_timeout - 1e-9:
            # The echo's loudness while it sounds: the silence before it arrives would otherwise
            # make it look quieter than it is.
            heard = self._learned_speech if self._learned_speech[0] else self._learned_all
            self.heard_level = math.sqrt(heard[1] / heard[0])
            if self.echo_level is None:
                self.echo_level = self.heard_level

    def _span(self) -> float:
        return sum(seconds for _, seconds, _ in self._run)
