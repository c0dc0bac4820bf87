"""Barge-in: when the candidate starts talking over the interviewer, the interviewer stops.

While a line plays, `BargeIn.watch()` reads the microphone (the microphone's `SharedInput`, so
the stream stays open into the answer that follows), runs Silero VAD on every 32 ms window and
asks its detectors whether the candidate has started talking. On barge-in it calls the stop
callback (`speaker.stop`) and hands the audio from `pre_roll` seconds before the speech onset back
to the stream, so the next `listen()` starts with the candidate's first words and continues with
the live audio queued behind them. Without a barge-in, what was heard during playback is dropped.

Echo cancellation (the default when `pywebrtc-audio` is installed): the microphone signal goes
through WebRTC's AEC3 (`interviewer.live.echo`), fed with the exact samples being played, and
`CancelledSpeechDetector` judges the cancelled audio: speech there that kept `echo_ratio` of the
microphone's level is the candidate's (the echo alone loses 40-50 dB on the virtual loopback).
No learning period is needed, only AEC3's first 1.5 s of echo in a session, and what is handed
over to the answer is the cancelled audio, so the question's echo does not leak into it. The
fallback's level rule runs on the microphone alongside (it covers headphones, where there is no
echo to fit and AEC3 damps the candidate a little).

Without a canceller the level rule alone decides (`interviewer.live.loud_speech`).
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Protocol

import numpy as np

from interviewer.errors import UserError
from interviewer.live.bargein_settings import BargeInSettings
from interviewer.live.cancelled_speech import CancelledSpeechDetector
from interviewer.live.echo import SAMPLE_RATE, EchoCanceller, PlaybackReference, load_echo_canceller
from interviewer.live.endpointing import WINDOW, WINDOW_SECONDS, StreamingVad
from interviewer.live.loud_speech import BargeInDetector
from interviewer.live.playback import Player
from interviewer.live.shared_input import SharedInput

POLL_SECONDS = 0.05  # how often the watcher notices that playback has ended
TAIL_MARGIN = 0.03  # seconds waited past the echo's lag for its tail to arrive...
MAX_TAIL = 0.3  # ...at most
JOIN_TIMEOUT = 5.0  # the watcher stops within a poll; this only guards against a hung device
# Lines in a row that played out with no echo above the noise floor before the microphone is
# taken to hear none (headphones): then the level rule needs no learning time at a line's start.
QUIET_LINES = 2
# The longest a barge-in found that way can wait for the canceller's verdict on the line's echo
# (its hold, 1 s of audio, and the microphone's lead over it), kept in hand for the answer.
SHORTCUT_WAIT = 2.5

__all__ = ["BargeIn", "BargeInDetector", "BargeInSettings", "enable_barge_in"]


class BargeIn:
    """Watches the microphone while the interviewer speaks and stops the speaker on barge-in.

    `stop` is called (from the watcher thread) when the candidate starts talking; `source` is
    the microphone's shared input stream. After each playback `last_barged_in` says whether it
    was cut short, `last_onset` at what second of the playback the candidate began, and
    `last_echo_level` how loud the interviewer's echo was. Set `enabled = False` to play lines
    without watching. (Cut-ins are never watched: `Pyttsx3Speaker.start` plays them outside
    `while_playing`.)
    """

    def __init__(self, stop: Callable[[], None], source: SharedInput,
                 settings: BargeInSettings | None = None, *,
                 canceller: EchoCanceller | None = None,
                 reference: PlaybackReference | None = None):
        self.stop = stop
        self.source = source
        self.settings = settings or BargeInSettings()
        # Both or neither: the canceller needs what the speaker plays (`reference`).
        self.canceller = canceller if reference is not None else None
        self.reference = reference
        self.enabled = True
        self.last_barged_in = False
        self.last_onset: float | None = None
        self.last_echo_level: float | None = None
        self.error: str | None = None  # why watching failed, if it did (listen() will say too)
        self._raw_vad: StreamingVad | None = None  # the microphone's (Silero loads once)
        self._vad: StreamingVad | None = None  # with a canceller: the cancelled audio's
        self._quiet_lines = 0  # lines in a row played out with no echo heard
        self._heard_level: float | None = None  # the microphone's level at the line's start

    @contextlib.contextmanager
    def watch(self) -> Iterator[BargeIn]:
        """Watch the microphone for the duration of one playback (use as a context manager).

        Audio from before the line is dropped first, including any a barge-in handed over that
        no `listen()` collected.
        """
        self.last_barged_in, self.last_onset, self.last_echo_level = False, None, None
        self._heard_level = None
        if not self.enabled:
            yield self
            return
        self.source.discard()  # audio from before this line is not part of anything
        if self.reference is not None:
            self.reference.clear()
        try:
            # Opened here, before the speaker opens its output stream: PortAudio is not meant to
            # open streams from two threads at once. It takes a few milliseconds.
            self.source.open()
        except UserError:
            # No microphone: the line still plays; listen() reports the problem properly.
            yield self
            return
        done = threading.Event()
        watcher = threading.Thread(target=self._watch, args=(done,), name="barge-in",
                                   daemon=True)
        watcher.start()
        try:
            yield self
        finally:
            done.set()
            watcher.join(JOIN_TIMEOUT)
            if not self.last_barged_in:
                self._count_quiet_line()
                if self.canceller is not None and self.canceller.lag:
                    # The echo of the line's last samples is still on its way; with its lag
                    # known, let it arrive before it is dropped. (The 0.4-0.98 of the echo's
                    # level once measured in the next answer came from lines the echo had
                    # stopped, which hand their audio on; lines played out left none.)
                    time.sleep(min(self.canceller.lag / SAMPLE_RATE + TAIL_MARGIN, MAX_TAIL))
                self.source.discard()  # the question's echo must not leak into the answer

    @property
    def hears_no_echo(self) -> bool:
        """True once whole lines in a row brought no echo to the microphone (headphones)."""
        return self._quiet_lines >= QUIET_LINES

    def _count_quiet_line(self) -> None:
        echo_found = self.canceller is not None and self.canceller.lag
        quiet = (self._heard_level is not None and not echo_found
                 and self._heard_level <= self.settings.noise_floor)
        self._quiet_lines = self._quiet_lines + 1 if quiet else 0

    def _watch(self, done: threading.Event) -> None:
        try:
            self._read(done)
        except Exception as exc:  # e.g. no onnxruntime: the line plays on, unwatched
            self.error = f"barge-in stopped watching: {exc}"

    def _read(self, done: threading.Event) -> None:
        # Without a canceller, the level rule on the microphone. With one, two judges: the
        # cancelled audio (the candidate as loud as the echo) and the level rule on the
        # microphone itself (headphones, where the canceller, having heard no echo, damps the
        # candidate too). Either one stopping the line is a barge-in.
        self._raw_vad = raw_vad = _reset(self._raw_vad)
        if self.canceller is not None and self.canceller.lag:
            self._quiet_lines = 0  # an echo was found after all: learn it again
        shortcut = self.hears_no_echo  # no learning at this line's start (headphones)
        heuristic = BargeInDetector(
            self.settings, echo_level=self.settings.noise_floor if shortcut else None)
        cancelled = None
        if self.canceller is not None:
            cancelled = CancelledSpeechDetector(self.settings)
            self._vad = cancelled_vad = _reset(self._vad)
            self.canceller.start_line()
        pre_roll = max(0, round(self.settings.pre_roll / WINDOW_SECONDS))
        needed = pre_roll + math.ceil(self.settings.cancelled_span / WINDOW_SECONDS) + 40
        history: deque[np.ndarray] = deque(maxlen=needed)  # the latest windows, for pre-roll
        # The microphone's own windows, for a barge-in found by the no-echo shortcut: with no
        # echo they are what the canceller would give, without its hold at the line's start.
        raw_history: deque[np.ndarray] = deque(maxlen=needed + math.ceil(SHORTCUT_WAIT /
                                                                        WINDOW_SECONDS))
        windows_heard = 0  # the microphone's windows so far: the line's clock
        rest = np.zeros(0, dtype=np.float32)  # what is handed over, not yet a whole window
        raw = np.zeros(0, dtype=np.float32)  # the microphone, not yet a whole window
        heard_levels: deque[tuple[float, float]] = deque()  # microphone windows' (level, speech
        # probability), waiting for the cancelled windows to catch up
        while not done.is_set():
            block = self.source.get(POLL_SECONDS)
            if block is None:
                continue
            raw = np.concatenate([raw, block])
            if cancelled is not None:
                # Cancelled audio may lag the microphone (held back until the echo's lag is
                # found), so the level rule runs on the microphone's own windows.
                if self.reference.gap_seen():  # an underrun moved the echo: measure it again
                    self.canceller.playback_gap()
                block = self.canceller.process(block, self.reference.take(len(block)))
            while len(raw) >= WINDOW:
                heard, raw = raw[:WINDOW], raw[WINDOW:]
                level, probability = _rms(heard), raw_vad.feed(heard)[0]
                heard_levels.append((level, probability))
                windows_heard += 1
                if cancelled is None:
                    history.append(heard)
                else:
                    raw_history.append(heard)
                triggered = heuristic.update(probability, level)
                self.last_echo_level = heuristic.echo_level
                self._heard_level = heuristic.heard_level
                if triggered and shortcut and cancelled is not None:
                    # Unlearned, the speech could be an echo that only now reaches the
                    # microphone (speakers turned up): the canceller, which looks for the
                    # line's echo for its first second, has the last word.
                    if not self.canceller.lag_found:
                        continue
                    if self.canceller.lag is not None:  # an echo after all: learn its level
                        self._quiet_lines, shortcut = 0, False
                        elapsed, heuristic = heuristic.elapsed, BargeInDetector(self.settings)
                        heuristic.elapsed = elapsed
                        continue
                    # The detector's clock stopped when it triggered; the windows went on.
                    self._barged_in(heuristic.onset_at, windows_heard * WINDOW_SECONDS,
                                    raw_history, pre_roll, raw)
                    return
                if triggered:
                    if cancelled is not None:  # catch the cancelled audio up to the onset
                        rest = _windows(np.concatenate([rest, block, self.canceller.flush()]),
                                        history)
                    self._barged_in(heuristic.onset_at, heuristic.elapsed, history, pre_roll,
                                    raw if cancelled is None else rest)
                    return
            if cancelled is not None:
                rest = np.concatenate([rest, block])
                while len(rest) >= WINDOW:
                    window, rest = rest[:WINDOW], rest[WINDOW:]
                    history.append(window)  # cancelled: what is handed over holds no echo
                    level, heard_speech = heard_levels.popleft()
                    if not self.canceller.trusted:
                        level = math.inf  # a fresh filter, or a lag moved by an underrun
                    # Speech by either VAD: on cancelled audio, after the near-silence the
                    # echo leaves, Silero takes 0.1-0.3 s to rise for the candidate's first
                    # syllable; on the microphone it already hears speech (the echo's).
                    probability = max(heard_speech, cancelled_vad.feed(window)[0])
                    if cancelled.update(probability, _rms(window), level):
                        self._barged_in(cancelled.onset_at, cancelled.elapsed, history,
                                        pre_roll, rest)
                        return

    def _barged_in(self, onset: float, elapsed: float, history: deque, pre_roll: int,
                   rest: np.ndarray) -> None:
        # Windows since onset (onset .. now) plus pre_roll windows before it.
        since_onset = round((elapsed - onset) / WINDOW_SECONDS)
        windows = list(history)
        kept = windows[max(0, len(windows) - since_onset - pre_roll):]
        self.source.hand_over([*kept, rest])
        self.last_onset = round(onset, 3)
        self.last_barged_in = True
        self.stop()


class BargeInSpeaker(Protocol):
    """A speaker barge-in can stop: it plays every watched line inside `while_playing()` and
    through `player`, whose `reference` receives the samples played (Pyttsx3Speaker)."""

    while_playing: Callable[[], AbstractContextManager] | None
    player: Player

    def stop(self) -> None:
        """Stop the line being played now (from any thread)."""
        ...


class BargeInMicrophone(Protocol):
    """A microphone barge-in listens on: its stream, kept open between answers when
    `keep_open` is set (SoundDeviceMicrophone)."""

    shared_input: SharedInput
    keep_open: bool


def enable_barge_in(speaker: BargeInSpeaker, microphone: BargeInMicrophone,
                    settings: BargeInSettings | None = None, *,
                    echo_cancellation: bool = True) -> BargeIn:
    """Let the candidate cut into every line `speaker` plays by talking into `microphone`.

    The microphone's stream is opened at the first line and then kept open (`keep_open`), so it
    is already delivering audio when each line starts and runs on into the answer that follows;
    call `microphone.close()` when the session ends. With `echo_cancellation` (and
    pywebrtc-audio installed) the speaker's playback feeds the echo canceller.
    """
    microphone.keep_open = True
    canceller = load_echo_canceller() if echo_cancellation else None
    reference = PlaybackReference() if canceller is not None else None
    speaker.player.reference = reference
    barge_in = BargeIn(speaker.stop, microphone.shared_input, settings, canceller=canceller,
                       reference=reference)
    speaker.while_playing = barge_in.watch
    return barge_in


def _reset(vad: StreamingVad | None) -> StreamingVad:
    vad = vad or StreamingVad()
    vad.reset()
    return vad


def _windows(samples: np.ndarray, history: deque) -> np.ndarray:
    """Append the whole windows of `samples` to `history`; the rest is returned."""
    while len(samples) >= WINDOW:
        history.append(samples[:WINDOW])
        samples = samples[WINDOW:]
    return samples


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples * samples))) if len(samples) else 0.0
