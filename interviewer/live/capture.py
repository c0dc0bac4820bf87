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

import numpy as np

from interviewer.errors import UserError
from interviewer.live.endpointing import (
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

START_TIMEOUT = 5.0  # seconds to wait for the first block after opening the device
STALL_TIMEOUT = 2.0  # no blocks for this long while recording: the device is gone


@dataclass
class CapturedAudio(Audio):
    """Audio from the microphone, with how the recording ended.

    `ended_by` is 'silence', 'enter', 'max_length', 'no_speech' or 'device_lost';
    `device_error` says what went wrong when the device failed mid-answer.
    """

    ended_by: str = "silence"
    speech_seconds: float = 0.0
    device_error: str | None = None


class SoundDeviceMicrophone:
    """Records one answer per `listen()` from an input device, ending it at a pause.

    `device` is a device number or part of its name (`--input-device`), None for the default.
    `on_listening` is called once audio is flowing (e.g. to start playing a test answer).
    `shared_input` is the stream, open from `listen()` to the end of the answer unless a
    barge-in watcher opened it earlier. With `keep_open` (barge-in sets it) the stream stays open
    after each answer too, so it is already delivering audio when the next line starts (opening a
    device can take a second or more before the first block arrives); `close()` releases it.
    """

    def __init__(self, *, device: int | str | None = None, end_silence: float = 2.5,
                 no_speech_timeout: float = 8.0, display: ListeningDisplay | None = None,
                 enter_to_stop: bool = True, stdin=None,
                 on_listening: Callable[[], None] | None = None):
        if end_silence <= 0:
            raise UserError("--end-silence must be more than 0 seconds")
        self.device = device
        self.end_silence = end_silence
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

    def listen(self, *, max_seconds: float, on_block: BlockHook | None = None) -> CapturedAudio:
        """Record until the answer ends; empty audio (ended_by 'no_speech') if nothing was said.

        `on_block(block, probabilities, endpointer)` is called for every block as it arrives
        (real-time transcription uses it); returning a reason such as 'interrupted' ends the
        answer there, keeping the audio so far.
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
        settings = EndpointSettings(end_silence=self.end_silence,
                                    no_speech_timeout=self.no_speech_timeout,
                                    max_seconds=max_seconds)
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
        while reason is None:
            for block in pending:
                captured.append(block)
                probabilities = self._vad.feed(block)
                for probability in probabilities:
                    reason = reason or endpointer.update(probability)
                if on_block is not None:
                    reason = on_block(block, probabilities, endpointer) or reason
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
        samples = np.concatenate(captured) if captured else np.zeros(0, np.float32)
        display.finish(reason, len(samples) / SAMPLE_RATE)
        if not endpointer.started and reason not in ("device_lost", "interrupted"):
            samples = np.zeros(0, dtype=np.float32)  # nothing said: no audio to keep
            reason = "enter" if reason == "enter" else "no_speech"
        return CapturedAudio(samples=samples.astype(np.float32), sample_rate=SAMPLE_RATE,
                             ended_by=reason, speech_seconds=round(endpointer.speech_seconds, 3),
                             device_error=error)

