"""Reading and writing answer and question audio as WAV files.

Saved audio is 16-bit PCM mono, owner-only (0600) like every other session file. Reading accepts
any WAV (or anything FFmpeg can decode, through faster-whisper's decoder) and returns 16 kHz mono
float32, which is what the transcriber and the voice-activity detector expect.
"""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np

from interviewer.errors import UserError
from interviewer.session.ports import Audio
from interviewer.session.store import make_private_dir, write_private

SAMPLE_RATE = 16_000


def wav_bytes(samples: np.ndarray, sample_rate: int) -> bytes:
    """Mono float samples in [-1, 1] as the bytes of a 16-bit PCM WAV file."""
    pcm = (np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(sample_rate))
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def save_wav(path: Path, audio: Audio) -> Path:
    """Write `audio` to `path` as a private 16-bit PCM WAV, creating private parent folders."""
    path = Path(path)
    make_private_dir(path.parent)
    write_private(path, wav_bytes(audio.samples, audio.sample_rate))
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Mono float32 samples and the sample rate of a PCM WAV file (channels are averaged)."""
    try:
        with wave.open(str(path), "rb") as source:
            width = source.getsampwidth()
            channels = source.getnchannels()
            rate = source.getframerate()
            raw = source.readframes(source.getnframes())
    except (wave.Error, EOFError) as exc:
        raise ValueError(f"{path} is not a PCM WAV file ({exc})") from exc
    if width == 1:
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128) / 128
    elif width == 2:
        samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768
    elif width == 3:
        bytes3 = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3)
        ints = (bytes3[:, 0].astype(np.int32) | (bytes3[:, 1].astype(np.int32) << 8)
                | (bytes3[:, 2].astype(np.int8).astype(np.int32) << 16))
        samples = ints.astype(np.float32) / 8_388_608
    elif width == 4:
        samples = np.frombuffer(raw, dtype="<i4").astype(np.float32) / 2_147_483_648
    else:
        raise ValueError(f"{path}: unsupported sample width {width}")
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples.astype(np.float32), rate


def resample(samples: np.ndarray, from_rate: int, to_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Linear-interpolation resampling; plenty for speech going into Whisper's 16 kHz features."""
    if from_rate == to_rate or len(samples) == 0:
        return np.asarray(samples, dtype=np.float32)
    duration = len(samples) / from_rate
    count = max(int(round(duration * to_rate)), 1)
    source_times = np.arange(len(samples)) / from_rate
    target_times = np.arange(count) / to_rate
    return np.interp(target_times, source_times, samples).astype(np.float32)


def load_audio(path: Path) -> Audio:
    """Any audio file as 16 kHz mono: PCM WAV natively, other formats through FFmpeg (PyAV)."""
    path = Path(path)
    try:
        samples, rate = read_wav(path)
        return Audio(resample(samples, rate), SAMPLE_RATE)
    except ValueError:
        pass
    try:
        from faster_whisper import decode_audio

        return Audio(decode_audio(str(path), sampling_rate=SAMPLE_RATE), SAMPLE_RATE)
    except Exception as exc:  # PyAV raises its own error types for undecodable files
        raise UserError(f"cannot read audio from {path}: {exc}") from exc
