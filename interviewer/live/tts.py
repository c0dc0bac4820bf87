"""The interviewer's voice: pyttsx3 synthesizes each line to a WAV, sounddevice plays it.

pyttsx3's own `say()` plays through `aplay` and cannot be interrupted, so every line is rendered
to a file first (which also gives the session its question audio) and then played in chunks by
`Player`, which `stop()` can cut off mid-sentence. Lines can be rendered ahead of time
(`prepare`) and started without waiting (`start`), so the interviewer replies, or cuts in, the
moment it has decided what to say.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import UserError
from interviewer.live.playback import Player
from interviewer.live.prepared import PreparedLines, in_background
from interviewer.live.voices import choose_voice, voice_info
from interviewer.live.wav import read_wav
from interviewer.session.ports import Audio, Utterance
from interviewer.session.store import make_private_dir, write_private

SYNTH_TIMEOUT = 5.0  # seconds to wait for pyttsx3 to write a line's WAV
SYNTH_ATTEMPTS = 3
DEFAULT_RATE = 170  # words per minute; personas and --rate change it
ESPEAK_FIX = (
    "no text-to-speech engine is available ({error}). Install espeak-ng "
    "(Debian/Ubuntu: sudo apt-get install espeak-ng), or use --text"
)


# One pyttsx3 engine per process, never released: espeak-ng can be initialized only once, and a
# second pyttsx3 engine (after the first is garbage collected) leaves espeak calling back into the
# old driver, which then writes the audio to the old driver's file.
_ENGINE = None
_ENGINE_LOCK = threading.RLock()


def shared_engine():
    """The process-wide pyttsx3 engine, created on first use."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            try:
                import pyttsx3

                _ENGINE = pyttsx3.init()
                _silence_driver_prints(_ENGINE)
                atexit.register(_quiet_shutdown, type(_ENGINE.proxy))
            except (ImportError, OSError, RuntimeError) as exc:
                raise UserError(ESPEAK_FIX.format(error=exc)) from exc
        return _ENGINE


def _silence_driver_prints(engine) -> None:
    # pyttsx3's drivers print ("Audio saved to ...", from espeak's synthesis callback, which can
    # run after runAndWait() returns). Their `print` is silenced at the driver's module: swapping
    # sys.stdout around the call would also swallow what the session prints meanwhile, since
    # lines are rendered on background threads (the end-of-session lines went missing that way).
    driver = sys.modules.get(type(engine.proxy._driver).__module__)
    if driver is not None:
        driver.print = lambda *args, **kwargs: None


def _quiet_shutdown(proxy_class) -> None:
    # At interpreter exit pyttsx3's DriverProxy.__del__ runs after its module globals are gone
    # and prints an ignored AttributeError; espeak needs no cleanup, so skip it.
    proxy_class.__del__ = lambda self: None


@dataclass
class SynthesizedLine:
    """One interviewer line rendered: the audio to play and the WAV bytes to keep."""

    audio: Audio
    wav: bytes


class Pyttsx3Speaker:
    """Speaks interviewer lines aloud and keeps each one as a WAV.

    `voice` and `rate` given here (from `--voice` / `--rate`) override what the engine asks for
    per persona. `play=False` only synthesizes (used by `--no-playback` style runs and tests).
    """

    def __init__(self, *, voice: str | None = None, rate: int | None = None,
                 output_device: int | str | None = None, play: bool = True):
        self.voice_override = voice
        self.rate_override = rate
        self.play_audio = play
        self.player = Player(output_device)
        self._voice_ids: dict[str, str | None] = {}
        self._warned = False
        # Called around every playback and used as a context manager (barge-in listens to the
        # microphone there and calls `stop()` when the candidate starts talking).
        self.while_playing: Callable[[], AbstractContextManager] | None = None
        self._lines: PreparedLines[SynthesizedLine] = PreparedLines(self._render)
        self._started: tuple[tuple, Future] | None = None  # a line started by `start()`
        if voice is not None:
            self.voice_id(voice)  # an unknown --voice fails now, not at the first question

    def stop(self) -> None:
        """Stop speaking now (safe from any thread); the current `say` returns interrupted."""
        self.player.stop()

    def prepare(self, text: str, *, voice: str | None = None, rate: int | None = None) -> None:
        """Synthesize `text` in the background so a later `say` of it starts playing at once."""
        self._lines.prepare(self._key(text, voice, rate))

    def start(self, text: str, *, voice: str | None = None, rate: int | None = None) -> None:
        """Start saying `text` now without waiting for it (the interviewer cutting in).

        The next `say` of the same text waits for this playback instead of repeating it. A
        cut-in is not watched for barge-in: it is said over the candidate's last words on
        purpose, so their voice must neither stop it nor be learned as its echo.
        """
        key = self._key(text, voice, rate)
        self.player.reset()
        self._started = (key, in_background(lambda: self._speak(key, watch=False), "cut-in"))

    def say(self, text: str, *, voice: str | None = None, rate: int | None = None,
            save_to: Path | None = None) -> Utterance:
        """Say `text` (prepared audio if there is some), keep it at `save_to` (0600) if given."""
        key = self._key(text, voice, rate)
        started, self._started = self._started, None
        if started is not None and started[0] == key:
            line, finished = started[1].result()
        else:
            if started is not None:  # a different line is still being said: cut it short
                self.player.stop()
                started[1].exception()
            self.player.reset()
            line, finished = self._speak(key)
        if save_to is not None:
            make_private_dir(Path(save_to).parent)
            write_private(Path(save_to), line.wav)
        heard = None if finished else self.player.last_played_s
        return Utterance(text=text, audio_path=Path(save_to) if save_to else None,
                         duration_s=round(line.audio.duration_s, 3), interrupted=not finished,
                         heard_s=heard)

    def _key(self, text: str, voice: str | None, rate: int | None) -> tuple[str, str | None, int]:
        voice_id = self.voice_id(self.voice_override or voice)
        return text, voice_id, int(self.rate_override or rate or DEFAULT_RATE)

    def _speak(self, key, *, watch: bool = True) -> tuple[SynthesizedLine, bool]:
        line = self._lines.take(key)
        audio = line.audio
        finished = (self._play(audio.samples, audio.sample_rate, watch=watch)
                    if self.play_audio else True)
        return line, finished

    def _render(self, key) -> SynthesizedLine:
        text, voice_id, words_per_minute = key
        workdir = Path(tempfile.mkdtemp(prefix="interviewer-tts-"))
        try:
            wav_path = workdir / "line.wav"
            self._synthesize(text, voice_id, words_per_minute, wav_path)
            samples, sample_rate = read_wav(wav_path)
            return SynthesizedLine(Audio(samples, sample_rate), wav_path.read_bytes())
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def voice_id(self, wanted: str | None) -> str | None:
        """The installed voice id used for `wanted` (a gender or a voice name), cached."""
        key = (wanted or "any").lower()
        if key not in self._voice_ids:
            engine = self._get_engine()
            with _ENGINE_LOCK:
                voices = [voice_info(v) for v in engine.getProperty("voices") or []]
            espeak = type(engine.proxy._driver).__module__.endswith("espeak")
            self._voice_ids[key] = choose_voice(voices, wanted, espeak)
        return self._voice_ids[key]

    def _get_engine(self):
        return shared_engine()

    def _synthesize(self, text: str, voice_id: str | None, rate: int, path: Path) -> None:
        engine = self._get_engine()
        for _attempt in range(SYNTH_ATTEMPTS):
            path.unlink(missing_ok=True)
            with _ENGINE_LOCK:
                if voice_id:
                    engine.setProperty("voice", voice_id)
                # espeak-ng ignores a rate equal to the one it last stored, even after a voice
                # change reset the real speed; nudging it first makes the rate apply every time.
                engine.setProperty("rate", int(rate) + 1)
                engine.setProperty("rate", int(rate))
                engine.save_to_file(text, str(path))
                engine.runAndWait()
                if _wait_for_wav(path, SYNTH_TIMEOUT):
                    return
        raise UserError(ESPEAK_FIX.format(error="it produced no audio"))

    def _play(self, samples, sample_rate: int, *, watch: bool = True) -> bool:
        watching = (self.while_playing() if self.while_playing and watch
                    else contextlib.nullcontext())
        try:
            with watching:
                return self.player.play(samples, sample_rate)
        except UserError:
            raise
        except Exception as exc:  # PortAudioError: no output device, device busy or gone
            if not self._warned:
                self._warned = True
                print(f"warning: cannot play the interviewer's voice ({exc}); questions are "
                      "shown as text. Choose a device with --output-device (see `interviewer "
                      "doctor`).", file=sys.stderr)
            return True


def _wait_for_wav(path: Path, timeout: float) -> bool:
    """True once `path` is a complete WAV with audio in it; False if it stays missing or empty.

    pyttsx3 2.99's espeak driver can return from `runAndWait()` just before its callback writes
    the file, and now and then writes a header with no samples (it drops audio that arrives in
    the same callback as the end-of-message event); the caller then synthesizes again.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            with wave.open(str(path), "rb") as wav:
                frames = wav.getnframes()
                if frames == 0:
                    return False
                if len(wav.readframes(frames)) == frames * wav.getsampwidth() * \
                        wav.getnchannels():
                    return True
        except (OSError, EOFError, wave.Error):
            pass  # not written yet, or still being written
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)
