"""Playing audio through sounddevice in a way that can be stopped mid-sentence.

Audio is written to an OutputStream in short chunks from the calling thread, so `stop()` (from
any thread) or Ctrl-C takes effect within about 50 ms instead of after the whole question. With a
`reference` (barge-in's echo canceller), every chunk written is also handed to it at 16 kHz.
"""

from __future__ import annotations

import threading

import numpy as np

from interviewer.live.echo import SAMPLE_RATE as REFERENCE_RATE
from interviewer.live.echo import PlaybackReference

CHUNK_SECONDS = 0.05
# Audio queued on the device. PortAudio's "high" default is 35 ms on PulseAudio, so any stall of
# the playing thread longer than that (measured under load: several per line) ran the device dry;
# each such underrun delays the rest of the line and moves its echo against the canceller's
# reference. stop() aborts, dropping what is queued, so a deeper queue does not delay a barge-in.
OUTPUT_LATENCY = 0.2


class Player:
    """Plays mono float32 audio on an output device; `stop()` cuts it short."""

    def __init__(self, device: int | str | None = None):
        self.device = device
        self.reference: PlaybackReference | None = None  # set by barge-in's echo canceller
        self.last_played_s: float | None = None  # how far the last playback got, in seconds
        self._stop = threading.Event()

    def stop(self) -> None:
        """Stop the current playback as soon as possible (safe from any thread).

        The request stays in force until `reset()`, so a stop that arrives just before playback
        starts is not lost.
        """
        self._stop.set()

    def reset(self) -> None:
        """Forget an earlier `stop()` so the next `play` runs."""
        self._stop.clear()

    def play(self, samples: np.ndarray, sample_rate: int) -> bool:
        """Play to the end, or until `stop()`; True when it played to the end.

        Call `reset()` first if an earlier `stop()` should not apply to this playback.

        Raises sounddevice.PortAudioError when the device cannot be opened.
        """
        from interviewer.live.portaudio import load_sounddevice

        sd = load_sounddevice()
        data = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1, 1)
        chunk = max(int(sample_rate * CHUNK_SECONDS), 1)
        reference = self._reference_samples(data[:, 0], sample_rate)
        # The deep queue only where an echo canceller follows the output (replay and plain
        # playback keep PortAudio's default: with 0.2 s the first clip of a replay was lost).
        latency = OUTPUT_LATENCY if self.reference is not None else "high"
        stream = sd.OutputStream(samplerate=sample_rate, channels=1, dtype="float32",
                                 device=self.device, latency=latency)
        finished = False
        self.last_played_s = 0.0
        stream.start()
        try:
            for start in range(0, len(data), chunk):
                if self._stop.is_set():
                    # What was still queued on the device is dropped unheard.
                    self.last_played_s = round(max(start / sample_rate - stream.latency, 0.0), 3)
                    return False
                if reference is not None:  # before the write: the reference must lead the echo
                    self.reference.push(reference[start * len(reference) // len(data):
                                                  (start + chunk) * len(reference) // len(data)])
                underflowed = stream.write(data[start:start + chunk])
                if underflowed and reference is not None:  # the device ran dry: the echo moved
                    self.reference.mark_gap()
            finished = True
            self.last_played_s = round(len(data) / sample_rate, 3)
            return True
        finally:
            if finished:
                stream.stop()  # lets the buffered tail play out
            else:
                stream.abort()  # drops whatever is still buffered
            stream.close()

    def _reference_samples(self, samples: np.ndarray, sample_rate: int) -> np.ndarray | None:
        if self.reference is None or len(samples) == 0:
            return None
        from interviewer.live.wav import resample

        return resample(samples, sample_rate, REFERENCE_RATE)
