"""The microphone: 16 kHz mono capture with voice-activity endpointing.

The PortAudio callback only copies each block onto a queue; all the work (VAD, level meter,
deciding when the answer ends) happens on the listening thread. If the device disappears
mid-answer, the audio captured so far is returned, marked with `device_error`, never dropped.

The stream lives in a `SharedInput`, so the barge-in watcher (`interviewer.live.bargein`)
can listen on it while the interviewer speaks and hand `listen()` the candidate's first words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from interviewer.errors import UserError
from interviewer.live.endpointing import (
    DEFAULT_END_SILENCE,
    SAMPLE_RATE,
    Endpointer,
    EndpointSettings,
    StreamingVad,
)
from interviewer.live.keys import EnterWatcher
from interviewer.live.meter import ListeningDisplay
from interviewer.live.shared_input import DEVICE_FIX, SharedInput
from interviewer.session.ports import Audio

# A hook handed every captured block with its speech probabilities; it may return a reason
# ('interrupted') to end the answer now, keeping the audio so far.
BlockHook = Callable[[np.ndarray, list[float], Endpointer], "str | None"]

# The end-of-turn model's verdict on the answer's audio so far: True when the thought sounds
# finished (SmartTurn.is_complete).
TurnDetector = Callable[[np.ndarray], bool]
TURN_AUDIO_SECONDS = 8.0  # the end-of-turn model hears this much of the end of the answer

START_TIMEOUT = 5.0  # seconds to wait for the first block after opening the device
STALL_TIMEOUT = 2.0  # no blocks for this long while recording: the device is gone


@dataclass
class CapturedAudio(Audio):
    """Audio from the microphone, with how the recording ended.

    `ended_by` is 'finished', 'silence', 'enter', 'max_length', 'no_speech', 'device_lost'
    or 'ctrl_c' (the candidate pressed Ctrl-C: the audio so far is kept);
    `device_error` says what went wrong when the device failed mid-answer.
    """

    ended_by: str = "silence"
    speech_seconds: float = 0.0
    device_error: str | None = None


class ListeningMicrophone(Protocol):
    """A microphone that records one answer per `listen()` (SoundDeviceMicrophone)."""

    def listen(self, *, max_seconds: float, no_speech_timeout: float | None = None,
               on_block: BlockHook | None = None, check_words: bool = False,
               early_until: float = 0.0) -> CapturedAudio:
        """Record one answer; `no_speech_timeout` overrides how long to wait for a first word;
        with `check_words` the end-of-turn model's finished verdict waits for `on_block` to
        say whether the words so far stop mid-phrase (`Endpointer.wants_words`); until
        `early_until` seconds of speech a finished-sounding pause must be longer
        (`EndpointSettings.early_until`)."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...


class SoundDeviceMicrophone:
    """Records one answer per `listen()` from an input device, ending it at a pause.

    `device` is a device number or part of its name (`--input-device`), None for the default.
    `on_listening` is called once audio is flowing (e.g. to start playing a test answer).
    `shared_input` is the stream, open from `listen()` to the end of the answer unless a
    barge-in watcher opened it earlier. With `keep_open` (barge-in sets it) the stream stays open
    after each answer too, so it is already delivering audio when the next line starts (opening a
    device can take a second or more before the first block arrives); `close()` releases it.

    With a `turn_detector` (the end-of-turn model) the answer ends after a short silence when
    the thought sounds finished, and after `patience` seconds when it does not; without one,
    after `end_silence` seconds of silence.
    """

    def __init__(self, *, device: int | str | None = None,
                 end_silence: float = DEFAULT_END_SILENCE, no_speech_timeout: float = 8.0,
                 display: ListeningDisplay | None = None, enter_to_stop: bool = True, stdin=None,
                 on_listening: Callable[[], None] | None = None,
                 turn_detector: TurnDetector | None = None, patience: float | None = None):
        if end_silence <= 0:
            raise UserError("--end-silence must be more than 0 seconds")
        self.device = device
        self.end_silence = end_silence
        self.turn_detector = turn_detector
        self.patience = patience
        self.no_speech_timeout = max(no_speech_timeout, end_silence)
        self.enter_to_stop = enter_to_stop
        self.stdin = stdin
        self.display = display
        self.on_listening = on_listening
        self.shared_input = SharedInput(device)
        self.keep_open = False
        self._vad: StreamingVad | None = None

    def close(self) -> None:
        """Release the input stream if it was left open (safe to call twice)."""
        self.shared_input.close()

    def listen(self, *, max_seconds: float, no_speech_timeout: float | None = None,
               on_block: BlockHook | None = None, check_words: bool = False,
               early_until: float = 0.0) -> CapturedAudio:
        """Record until the answer ends; empty audio (ended_by 'no_speech') if nothing was said
        within `no_speech_timeout` seconds (default: the microphone's own).

        `on_block(block, probabilities, endpointer)` is called for every block as it arrives
        (real-time transcription uses it); returning a reason such as 'interrupted' ends the
        answer there, keeping the audio so far. Ctrl-C also ends it, keeping the audio so far
        (ended_by 'ctrl_c'), so the caller can save what was said before stopping. With
        `check_words`, `on_block` answers `endpointer.wants_words` (see `Endpointer`).
        """
        if self._vad is None:
            self._vad = StreamingVad()
        self._vad.reset()
        source = self.shared_input
        if not source.handed_over:
            # No barge-in: whatever the open stream heard while the question played is not part
            # of the answer, just as when a fresh stream is opened here.
            source.discard()
        reused = source.active
        source.open()
        settings = self.endpoint_settings(max_seconds, no_speech_timeout)
        settings.check_words = check_words and on_block is not None
        settings.early_until = early_until
        watcher = EnterWatcher(self.stdin, enabled=self.enter_to_stop)
        display = self.display or ListeningDisplay(enter_hint=watcher.active)
        keep = False
        try:
            with watcher:
                audio = self._record(source, settings, watcher, display, on_block, reused)
            keep = self.keep_open and audio.device_error is None
            return audio
        finally:
            if keep:
                source.discard()  # what comes before the next line is not part of anything
            else:
                source.close()

    def endpoint_settings(self, max_seconds: float,
                          no_speech_timeout: float | None = None) -> EndpointSettings:
        """When this microphone ends an answer."""
        settings = EndpointSettings(end_silence=self.end_silence,
                                    no_speech_timeout=no_speech_timeout or self.no_speech_timeout,
                                    max_seconds=max_seconds,
                                    semantic=self.turn_detector is not None)
        if self.patience is not None:
            settings.patience = self.patience
        return settings

    def _record(self, source: SharedInput, settings, watcher, display, on_block,
                reused: bool) -> CapturedAudio:
        captured: list[np.ndarray] = []
        endpointer = Endpointer(settings)
        first = source.get(START_TIMEOUT)
        if first is None and reused:
            # A stream left open since the last answer can go quiet without failing (a device
            # unplugged and back): give a fresh one a chance before saying the device is dead.
            source.close()
            source.open()
            first = source.get(START_TIMEOUT)
        if first is None:
            raise UserError(f"the microphone delivers no audio; {DEVICE_FIX}")
        display.start()
        if self.on_listening is not None:
            self.on_listening()
        pending = [first]
        reason, error = None, None
        try:
            while reason is None:
                for block in pending:
                    captured.append(block)
                    reason = self._account(block, captured, endpointer, on_block) or reason
                    rms = float(np.sqrt(np.mean(block * block))) if len(block) else 0.0
                    display.update(endpointer.elapsed, rms, endpointer.in_speech)
                    if reason is not None:
                        break
                if reason is None and watcher.pressed.is_set():
                    reason = "enter"
                if reason is not None:
                    break
                block = source.get(STALL_TIMEOUT)
                if block is None or not source.active:
                    reason = "device_lost"
                    error = "no audio arrived for 2 s" if block is None else "the stream stopped"
                    if block is not None:
                        captured.append(block)
                    break
                pending = [block]
                while source.pending() and len(pending) < 32:
                    pending.append(source.get(0))
        except KeyboardInterrupt:
            reason = "ctrl_c"  # keep what was said; the caller saves it, then stops
        samples = np.concatenate(captured) if captured else np.zeros(0, np.float32)
        display.finish(reason, len(samples) / SAMPLE_RATE)
        if not endpointer.started and reason not in ("device_lost", "interrupted"):
            samples = np.zeros(0, dtype=np.float32)  # nothing said: no audio to keep
            reason = reason if reason in ("enter", "ctrl_c") else "no_speech"
        return CapturedAudio(samples=samples.astype(np.float32), sample_rate=SAMPLE_RATE,
                             ended_by=reason, speech_seconds=round(endpointer.speech_seconds, 3),
                             device_error=error)


    def _account(self, block: np.ndarray, captured: list[np.ndarray], endpointer: Endpointer,
                 on_block: BlockHook | None) -> str | None:
        """Run the VAD (and, at a pause, the end-of-turn model) over one block."""
        reason = None
        probabilities = self._vad.feed(block)
        for probability in probabilities:
            reason = reason or endpointer.update(probability)
            if reason is None and endpointer.wants_judgement:
                reason = endpointer.judged(self.turn_detector(_tail(captured)))
        if on_block is not None:
            reason = on_block(block, probabilities, endpointer) or reason
        return reason


def _tail(blocks: list[np.ndarray], seconds: float = TURN_AUDIO_SECONDS) -> np.ndarray:
    """The last `seconds` of the captured blocks, joined."""
    wanted, taken, total = int(seconds * SAMPLE_RATE), [], 0
    for block in reversed(blocks):
        taken.append(block)
        total += len(block)
        if total >= wanted:
            break
    return np.concatenate(taken[::-1])[-wanted:] if taken else np.zeros(0, np.float32)
