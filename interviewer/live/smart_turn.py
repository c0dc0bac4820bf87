"""Semantic end-of-turn detection: has the candidate finished their thought, or only paused?

Smart Turn v3.2 (Daily, BSD-2-Clause) is a small Whisper-encoder classifier that hears the
intonation and the shape of the last phrase: "...and that is why we rolled back." sounds finished,
"The reason I made that call was..." does not, however long the pause after it. The int8 CPU
ONNX file ships inside the PyPI wheel `pipecat-ai` 1.14.0; the set-up extracts only that file
(and its licence) into `interviewer.paths.models_dir()`, checked by SHA-256
(`python3 -m interviewer.live.install_models`). No pipecat code is imported.

Input, as pipecat's `LocalSmartTurnAnalyzerV3` prepares it: the last 8 s of 16 kHz mono audio
(zero-padded at the start when shorter), normalised to zero mean and unit variance, turned into an
80-bin Whisper log-mel (800 frames) by faster-whisper's feature extractor; the output is the
probability that the turn is complete.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from interviewer.model_files import PinnedFile, check_files
from interviewer.paths import models_dir

SAMPLE_RATE = 16_000
WINDOW_SECONDS = 8
WINDOW_SAMPLES = SAMPLE_RATE * WINDOW_SECONDS
COMPLETE_AT = 0.5  # pipecat's threshold: above this the turn is complete

WHEEL = "pipecat-ai==1.14.0"
MODEL = PinnedFile(
    member="pipecat/audio/turn/smart_turn/data/smart-turn-v3.2-cpu.onnx",
    name="smart-turn-v3.2-cpu.onnx",
    sha256="2bb026316b14a660486a75b1733cd3fbab8c2fd0314dc9af7be49f8cca967e4f",
)
LICENSE = PinnedFile(
    member="pipecat_ai-1.14.0.dist-info/licenses/LICENSE",
    name="smart-turn-LICENSE.txt",
    sha256="e31a733ecb79cbffafd5474e964e5eca15e0a0876a42b1d7253b51b198eb61aa",
)
FILES = [MODEL, LICENSE]
INSTALL_HINT = ("Install it with `python3 -m interviewer.live.install_models` (part of the "
                "README's set-up), or use --silence-only")


def model_folder() -> Path:
    """Where the end-of-turn model is installed."""
    return models_dir()


def check_installed(folder: Path | None = None) -> Path:
    """The model file's path; a UserError saying how to install it when missing or damaged."""
    folder = folder or model_folder()
    check_files(folder, FILES, reinstall_hint=INSTALL_HINT)
    return folder / MODEL.name


class SmartTurn:
    """The probability that a turn is complete, from the audio of the turn so far."""

    def __init__(self, path: Path | None = None, *, threads: int = 1):
        from faster_whisper.feature_extractor import FeatureExtractor

        from interviewer.onnx_runtime import load_onnxruntime

        onnxruntime = load_onnxruntime()  # telemetry off

        options = onnxruntime.SessionOptions()
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = threads
        options.log_severity_level = 4
        self._session = onnxruntime.InferenceSession(
            str(path or check_installed()), sess_options=options,
            providers=["CPUExecutionProvider"])
        self._features = FeatureExtractor(feature_size=80, sampling_rate=SAMPLE_RATE,
                                          hop_length=160, chunk_length=WINDOW_SECONDS, n_fft=400)

    def features(self, samples: np.ndarray) -> np.ndarray:
        """The model's input for one turn: an (80, 800) log-mel of its last 8 seconds."""
        x = np.asarray(samples, dtype=np.float32).reshape(-1)[-WINDOW_SAMPLES:]
        x = np.pad(x, (WINDOW_SAMPLES - x.size, 0))  # silence before the speech
        x = (x - x.mean()) / np.sqrt(x.var() + 1e-7)
        # padding=0: 128000 samples give 801 STFT frames; the extractor drops the last one.
        return self._features(x.astype(np.float32), padding=0).astype(np.float32)

    def probability_complete(self, samples: np.ndarray) -> float:
        """0..1: how likely the candidate has finished, given the turn's 16 kHz audio so far."""
        output = self._session.run(None, {"input_features": self.features(samples)[None]})[0]
        return float(np.asarray(output).reshape(-1)[0])

    def is_complete(self, samples: np.ndarray) -> bool:
        """True when the turn sounds finished."""
        return self.probability_complete(samples) > COMPLETE_AT
