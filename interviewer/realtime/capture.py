"""The microphone, with every block handed out as it arrives (for transcribing while listening).

`StreamingMicrophone` is `SoundDeviceMicrophone` whose recording loop also calls
`on_block(block, probabilities, endpointer)` for each block, with the Silero speech probabilities
the endpointer just used. The hook may return a reason to end the answer now ('interrupted'):
the audio so far is kept, exactly as when the answer ends at a pause.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from interviewer.voice.capture import STALL_TIMEOUT, CapturedAudio, SoundDeviceMicrophone, _get
from interviewer.voice.endpointing import SAMPLE_RATE, Endpointer

BlockHook = Callable[[np.ndarray, list[float], Endpointer], "str | None"]


class StreamingMicrophone(SoundDeviceMicrophone):
    """`listen(max_seconds=..., on_block=...)`; without a hook it behaves as its parent."""

    _on_block: BlockHook | None = None

    def listen(self, *, max_seconds: float, on_block: BlockHook | None = None) -> CapturedAudio:
        """Record one answer, calling `on_block` for every block as it arrives."""
        self._on_block = on_block
        try:
            return super().listen(max_seconds=max_seconds)
        finally:
            self._on_block = None

    def _record(self, stream, blocks, settings, watcher, display) -> CapturedAudio:
        from interviewer.errors import UserError
        from interviewer.voice.capture import DEVICE_FIX, START_TIMEOUT

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
                if self._on_block is not None:
                    reason = self._on_block(block, probabilities, endpointer) or reason
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
            samples = np.zeros(0, dtype=np.float32)
            reason = "enter" if reason == "enter" else "no_speech"
        return CapturedAudio(samples=samples.astype(np.float32), sample_rate=SAMPLE_RATE,
                             ended_by=reason, speech_seconds=round(endpointer.speech_seconds, 3),
                             device_error=error)
