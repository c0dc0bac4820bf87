"""The microphone: 16 kHz mono capture with voice-activity endpointing.

The PortAudio callback only copies each block onto a queue; all the work (VAD, level meter,
deciding when the answer ends) happens on the listening thread. If the device disappears
mid-answer, the audio captured so far is returned, marked with `device_error`, never dropped.
"""

from __future__ import annotations

import contextlib
import queue
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interviewer.errors import UserError
from interviewer.interfaces import Audio
from interviewer.voice.endpointing import (
    SAMPLE_RATE,
    WINDOW,
    Endpointer,
    EndpointSettings,
    StreamingVad,
)
from interviewer.voice.keys import EnterWatcher
from interviewer.voice.meter import ListeningDisplay
from interviewer.voice.portaudio import find_device, load_sounddevice

START_TIMEOUT = 5.0  # seconds to wait for the first block after opening the device
STALL_TIMEOUT = 2.0  # no blocks for this long while recording: the device is gone
DEVICE_FIX = "choose another with --input-device (see `interviewer doctor`), or use --text"


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
        self._vad: StreamingVad | None = None

    def listen(self, *, max_seconds: float, on_block=None) -> CapturedAudio:
        """Record until the answer ends; empty audio (ended_by 'no_speech') if nothing was said.

        `on_block(block, probabilities, endpointer)` is called for every block as it arrives
        (real-time transcription uses it); returning a reason such as 'interrupted' ends the
        answer there, keeping the audio so far.
        """
        sd = load_sounddevice()
        index = find_device(self.device, "input")
        if self._vad is None:
            self._vad = StreamingVad()
        self._vad.reset()
        settings = EndpointSettings(end_silence=self.end_silence,
                                    no_speech_timeout=self.no_speech_timeout,
                                    max_seconds=max_seconds)
        blocks: queue.Queue[np.ndarray] = queue.Queue()

        def callback(indata, frames, time_info, status) -> None:  # PortAudio thread: no work
            blocks.put(indata[:, 0].copy())

        try:
            stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32",
                                    blocksize=WINDOW, device=index, callback=callback)
            stream.start()
        except Exception as exc:  # PortAudioError, or ValueError for impossible settings
            name = self.device if self.device is not None else "default"
            raise UserError(f"cannot open the microphone ({name}): {exc}; {DEVICE_FIX}") from exc
        watcher = EnterWatcher(self.stdin, enabled=self.enter_to_stop)
        display = self.display or ListeningDisplay(enter_hint=watcher.active)
        try:
            with watcher:
                return self._record(stream, blocks, settings, watcher, display, on_block)
        finally:
            _close(stream)

    def _record(self, stream, blocks, settings, watcher, display, on_block) -> CapturedAudio:
        captured: list[np.ndarray] = []
        endpointer = Endpointer(settings)
        first = _get(blocks, START_TIMEOUT)
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
            block = _get(blocks, STALL_TIMEOUT)
            if block is None or not stream.active:
                reason = "device_lost"
                error = "no audio arrived for 2 s" if block is None else "the stream stopped"
                if block is not None:
                    captured.append(block)
                break
            pending = [block]
            while not blocks.empty() and len(pending) < 32:
                pending.append(blocks.get_nowait())
        samples = np.concatenate(captured) if captured else np.zeros(0, np.float32)
        display.finish(reason, len(samples) / SAMPLE_RATE)
        if not endpointer.started and reason not in ("device_lost", "interrupted"):
            samples = np.zeros(0, dtype=np.float32)  # nothing said: no audio to keep
            reason = "enter" if reason == "enter" else "no_speech"
        return CapturedAudio(samples=samples.astype(np.float32), sample_rate=SAMPLE_RATE,
                             ended_by=reason, speech_seconds=round(endpointer.speech_seconds, 3),
                             device_error=error)


def _get(blocks: queue.Queue, timeout: float) -> np.ndarray | None:
    try:
        return blocks.get(timeout=timeout)
    except queue.Empty:
        return None


def _close(stream) -> None:
    # Closing a stream whose device vanished can itself fail; the audio is already safe.
    for action in (stream.abort, stream.close):
        with contextlib.suppress(Exception):
            action()
