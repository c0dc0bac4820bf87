"""One microphone stream shared, in turns, by the barge-in watcher and the answer recorder.

Barge-in listens while the interviewer speaks, and the answer recording that follows must start
with what the candidate said at the moment they cut in. Opening a second stream for the answer
would lose the audio between the two, so both read blocks from this one open stream: the watcher
hands the recorder the audio from just before the speech onset (`hand_over`), and the recorder
carries on with the live blocks queued behind it.

The PortAudio callback only copies each block onto a bounded queue; readers do all the work.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterable

import numpy as np

from interviewer.errors import UserError
from interviewer.live.endpointing import SAMPLE_RATE, WINDOW
from interviewer.live.portaudio import find_device, load_sounddevice

DEVICE_FIX = "choose another with --input-device (see `interviewer doctor`), or use --text"
MAX_BUFFERED_SECONDS = 60.0  # a stream left open with no reader keeps at most this much audio


class SharedInput:
    """A 16 kHz mono input stream that stays open until `close()`, with its block queue.

    `device` is a device number or part of its name (`--input-device`), None for the default.
    One reader at a time: the barge-in watcher during playback, then `listen()`.
    """

    def __init__(self, device: int | str | None = None, *,
                 max_buffered: float = MAX_BUFFERED_SECONDS):
        self.device = device
        self._stream = None
        self._blocks: deque[np.ndarray] = deque(maxlen=max(1, int(max_buffered * SAMPLE_RATE
                                                                  / WINDOW)))
        self._arrived = threading.Condition()
        self._carry: deque[np.ndarray] = deque()
        self._lock = threading.Lock()  # opening and closing

    @property
    def active(self) -> bool:
        """True while the stream is open and delivering audio (False once the device is gone)."""
        stream = self._stream
        try:
            return stream is not None and bool(stream.active)
        except Exception:  # a stream whose device vanished can fail even to answer this
            return False

    @property
    def handed_over(self) -> bool:
        """True when audio from an earlier reader waits to be read first (after a barge-in)."""
        return bool(self._carry)

    def open(self) -> None:
        """Open and start the stream unless it is already running; a dead one is replaced.

        Raises UserError (one line, naming --input-device) when the device cannot be opened.
        """
        with self._lock:
            if self.active:
                return
            self._close_stream()
            sd = load_sounddevice()
            index = find_device(self.device, "input")
            stream = None
            try:
                stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="float32",
                                        blocksize=WINDOW, device=index, callback=self._callback)
                stream.start()
            except Exception as exc:  # PortAudioError, or ValueError for impossible settings
                if stream is not None:
                    _close(stream)
                name = self.device if self.device is not None else "default"
                raise UserError(f"cannot open the microphone ({name}): {exc}; {DEVICE_FIX}") \
                    from exc
            self._stream = stream

    def get(self, timeout: float) -> np.ndarray | None:
        """The next block (handed-over audio first), or None if none arrives within `timeout`."""
        if self._carry:
            return self._carry.popleft()
        with self._arrived:
            if not self._blocks:
                self._arrived.wait(timeout)
            return self._blocks.popleft() if self._blocks else None

    def pending(self) -> int:
        """How many blocks are waiting to be read."""
        return len(self._carry) + len(self._blocks)

    def hand_over(self, blocks: Iterable[np.ndarray]) -> None:
        """Put `blocks` (already read) back in front of the queue for the next reader."""
        self._carry = deque(np.asarray(b, dtype=np.float32) for b in blocks if len(b))

    def discard(self) -> None:
        """Drop everything captured so far, including audio handed over."""
        self._carry.clear()
        with self._arrived:
            self._blocks.clear()

    def close(self) -> None:
        """Stop and release the device, and drop any audio not yet read."""
        with self._lock:
            self._close_stream()
        self.discard()

    def _close_stream(self) -> None:
        if self._stream is not None:
            _close(self._stream)
            self._stream = None

    def _callback(self, indata, frames, time_info, status) -> None:  # PortAudio thread: no work
        with self._arrived:
            self._blocks.append(indata[:, 0].copy())
            self._arrived.notify()


def _close(stream) -> None:
    # Closing a stream whose device vanished can itself fail; the audio is already safe.
    for action in (stream.abort, stream.close):
        with contextlib.suppress(Exception):
            action()
