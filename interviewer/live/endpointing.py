"""Deciding when a spoken answer has ended, with the Silero VAD that faster-whisper ships.

`StreamingVad` runs the Silero ONNX model on 512-sample windows (32 ms at 16 kHz), carrying its
recurrent state and a 64-sample context from window to window, exactly as the batch code in
`faster_whisper.vad` does, but incrementally so it can run while the candidate speaks.

`Endpointer` is the pure decision logic over those speech probabilities, so it can be tested
with made-up numbers: the answer ends after `end_silence` seconds without speech once speech
has begun, at `max_seconds`, or, if nobody says anything, after `no_speech_timeout`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16_000
WINDOW = 512  # samples per VAD window at 16 kHz
CONTEXT = 64  # samples of the previous window the model sees
WINDOW_SECONDS = WINDOW / SAMPLE_RATE


class StreamingVad:
    """Speech probability for each 32 ms window of a 16 kHz stream, fed in blocks of any size."""

    def __init__(self):
        from interviewer.onnx_runtime import load_onnxruntime

        onnxruntime = load_onnxruntime()
        from faster_whisper.vad import get_assets_path

        options = onnxruntime.SessionOptions()
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = 1
        options.log_severity_level = 4
        self._session = onnxruntime.InferenceSession(
            f"{get_assets_path()}/silero_vad_v6.onnx",
            providers=["CPUExecutionProvider"], sess_options=options,
        )
        self.reset()

    def reset(self) -> None:
        """Start a new stream: clear the model state, context and any partial window."""
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def feed(self, samples: np.ndarray) -> list[float]:
        """Speech probabilities for every complete window now available."""
        self._pending = np.concatenate([self._pending, np.asarray(samples, dtype=np.float32)])
        probabilities = []
        while len(self._pending) >= WINDOW:
            window, self._pending = self._pending[:WINDOW], self._pending[WINDOW:]
            batch = np.concatenate([self._context, window])[None, :]
            output, self._h, self._c = self._session.run(
                None, {"input": batch, "h": self._h, "c": self._c}
            )
            self._context = window[-CONTEXT:]
            probabilities.append(float(np.asarray(output).reshape(-1)[0]))
        return probabilities


@dataclass
class EndpointSettings:
    """When an answer ends. Times in seconds."""

    end_silence: float = 2.5
    no_speech_timeout: float = 8.0
    max_seconds: float = 300.0
    speech_threshold: float = 0.5  # Silero's usual onset threshold
    silence_threshold: float = 0.35  # below this counts as silence (hysteresis)
    min_speech: float = 0.25  # this much speech before the answer counts as started


class Endpointer:
    """Tracks speech and silence window by window and says when (and why) the answer ended."""

    def __init__(self, settings: EndpointSettings):
        self.settings = settings
        self.elapsed = 0.0
        self.speech_seconds = 0.0
        self.first_speech_at: float | None = None
        self.last_speech_at: float | None = None
        self.in_speech = False
        self._run = 0.0  # length of the current run of speech windows
        self.ended_by: str | None = None

    @property
    def started(self) -> bool:
        """True once the candidate has said something."""
        return self.first_speech_at is not None

    def update(self, probability: float, seconds: float = WINDOW_SECONDS) -> str | None:
        """Account for one window; returns why the answer ended, or None to keep listening.

        Reasons: 'silence', 'max_length', 'no_speech'.
        """
        s = self.settings
        self.elapsed += seconds
        speaking = probability >= (s.silence_threshold if self.in_speech else s.speech_threshold)
        if speaking:
            self.in_speech = True
            self._run += seconds
            self.speech_seconds += seconds
            self.last_speech_at = self.elapsed
            if self.first_speech_at is None and self._run >= s.min_speech:
                self.first_speech_at = self.elapsed - self._run
        else:
            self.in_speech = False
            self._run = 0.0
        if self.elapsed >= s.max_seconds:
            self.ended_by = "max_length"
        elif self.started and self.elapsed - self.last_speech_at >= s.end_silence:
            self.ended_by = "silence"
        elif not self.started and self.elapsed >= s.no_speech_timeout:
            self.ended_by = "no_speech"
        return self.ended_by
