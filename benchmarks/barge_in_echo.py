"""Barge-in over the interviewer's own echo, on the virtual microphone and speaker.

The interviewer's voice is looped back into the microphone at about -18 dB (a laptop speaker
heard by its own microphone). Lines of the product's synthesized voice are played through the
product's speaker with barge-in on; in `tries` of them a candidate (real speech, the LJ Speech
clips, or espeak-ng) cuts in at a different second of the line, as loud as the echo (speech
RMS matched); `echo_lines` more play with nobody talking. Printed per configuration:

- barge-ins detected, and the time from the candidate's first sample reaching the microphone
  (found by cross-correlating the clip with what the microphone's sink carried) to the
  interviewer's voice stopping on its sink;
- lines stopped by echo alone (every line counts: the ones the candidate cut into too, if
  they stopped before the candidate spoke);
- echo in the audio handed over to the answer: its level before the candidate's first word,
  relative to the echo at the microphone (the raw microphone would be 0 dB);
- echo reaching the next answer: after each echo-alone line that played to the end, the level
  of what the microphone queued for the answer, relative to the echo's (a line the echo
  stopped hands its audio on as a barge-in would, so it is counted as a stop instead).

Run through `turn_taking.py` (it owns the private sinks), or alone:
    python benchmarks/barge_in_echo.py [--tries 10] [--echo-lines 20] [--cancel-only]
"""

from __future__ import annotations

import contextlib
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from turn_gap import pactl  # noqa: E402

LINE = ("Tell me about a decision you made with incomplete data, what you knew at the time, and "
        "what principle guided you in the end. ")
SPEECH = Path(__file__).resolve().parents[1] / "tests" / "data" / "speech"
CUT_IN_AT = [0.6, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0]  # seconds into the line
RATE = 16_000


@contextlib.contextmanager
def loopback(sinks: dict, volume: str = "50%"):
    """The interviewer's voice fed back into the microphone (50% is about -18 dB)."""
    module = pactl("load-module", "module-loopback", f"source={sinks['interviewer']}.monitor",
                   f"sink={sinks['candidate']}", "latency_msec=60")
    listing = subprocess.run(["pactl", "list", "sink-inputs"], capture_output=True,
                             text=True).stdout
    for entry in listing.split("Sink Input #")[1:]:
        if re.search(rf"Owner Module: {module}\b", entry):
            pactl("set-sink-input-volume", entry.split()[0], volume)
    try:
        time.sleep(2.0)  # a fresh loopback passes nothing for its first second or two
        yield module
    finally:
        pactl("unload-module", module)


@contextlib.contextmanager
def speakers(sinks: dict):
    """The interviewer's voice reaches the microphone (the barge-in benchmark's loopback), and
    the candidate speaks into a sink of their own, passed on to the microphone's in full (the
    loopback adds about 60 ms to the path, so gaps read that much longer)."""
    name = f"bench_voice_{os.getpid()}"
    modules = [pactl("load-module", "module-null-sink", f"sink_name={name}")]
    modules.append(pactl("load-module", "module-loopback", f"source={name}.monitor",
                         f"sink={sinks['candidate']}", "latency_msec=60"))
    try:
        with loopback(sinks):
            yield {**sinks, "voice": name}
    finally:
        for module in reversed(modules):
            pactl("unload-module", module)


def speech_level(samples: np.ndarray) -> float:
    """RMS of the speech in `samples`: its 20 ms frames within 30 dB of the loudest."""
    frames = samples[:len(samples) // 320 * 320].reshape(-1, 320)
    levels = np.sqrt(np.mean(frames * frames, axis=1))
    if not len(levels) or levels.max() <= 0:
        return 0.0
    active = levels[levels > levels.max() * 10 ** (-30 / 20)]
    return float(np.sqrt(np.mean(active * active)))


def candidate_clips(folder: Path, level: float) -> list[tuple[Path, np.ndarray]]:
    """Real speech (LJ Speech) and espeak-ng voices, each scaled to speak at `level`."""
    from turn_answers import espeak

    from interviewer.live.wav import read_wav, resample, save_wav
    from interviewer.session.ports import Audio

    voices = []
    for path in sorted(SPEECH.glob("LJ*.wav")):
        samples, rate = read_wav(path)
        voices.append(resample(samples, rate)[:int(2.5 * RATE)])
    for voice in ("en-us+f3", "en-gb"):
        voices.append(espeak("I think we should look at the data from the second region first.",
                             voice, folder / "c.wav"))
    clips = []
    for index, voice in enumerate(voices):
        scaled = (voice * level / speech_level(voice)).astype(np.float32)
        clips.append((save_wav(folder / f"candidate_{index}.wav", Audio(scaled)), scaled))
    return clips


def first_sound(clip: np.ndarray) -> int:
    """Index of the clip's first sample of speech (its lead-in silence skipped)."""
    return int(np.argmax(np.abs(clip) > 0.1 * np.abs(clip).max()))


def locate(clip: np.ndarray, heard: np.ndarray) -> int | None:
    """Where `clip` starts within `heard` (the echo in it is uncorrelated), or None."""
    probe = clip[first_sound(clip):][:RATE // 2]
    if len(heard) < len(probe):
        return None
    size = 1 << int(np.ceil(np.log2(len(heard) + len(probe))))
    correlation = np.fft.irfft(np.fft.rfft(heard, size) * np.conj(np.fft.rfft(probe, size)),
                               size)[:len(heard) - len(probe) + 1]
    return int(np.argmax(correlation)) - first_sound(clip)


def recorder(sink: str):
    """A sink recorder (turn_taking's) that also hands out what it heard, with its start time."""
    from turn_taking import SinkRecorder

    class Recorder(SinkRecorder):
        def samples(self, start: float, end: float) -> tuple[float, np.ndarray]:
            with self._lock:
                chunks = [(t, c) for t, c in self._chunks if start <= t <= end]
            if not chunks:
                return start, np.zeros(0, np.float32)
            return (chunks[0][0] - len(chunks[0][1]) / RATE,
                    np.concatenate([c for _, c in chunks]))

    return Recorder(sink)


def trials(sinks: dict, folder: Path, tries: int, echo_lines: int, cancel: bool,
           settings=None) -> dict:
    """`tries` lines cut into by the candidate and `echo_lines` with the echo alone."""
    from turn_taking import paplay

    from interviewer.live.bargein import enable_barge_in
    from interviewer.live.capture import SoundDeviceMicrophone
    from interviewer.live.tts import Pyttsx3Speaker

    speaker = Pyttsx3Speaker()
    microphone = SoundDeviceMicrophone(enter_to_stop=False)
    barge_in = enable_barge_in(speaker, microphone, settings, echo_cancellation=cancel)
    watch = speaker.while_playing
    playing: list[float] = []

    @contextlib.contextmanager
    def timed_watch():
        with watch() as watching:
            playing.append(time.monotonic())
            yield watching

    speaker.while_playing = timed_watch
    heard_sink, spoken_sink = recorder(sinks["candidate"]), recorder(sinks["interviewer"])
    line = LINE * 2
    result = {"cancel": cancel and barge_in.canceller is not None, "tries": tries,
              "detected": 0, "delays": [], "echo_stops": 0, "lines": 0, "leaks": [],
              "tails": [], "echo_level": 0.0}
    try:
        microphone.shared_input.open()
        for _ in range(5):  # the session's first line; a fresh loopback may pass nothing yet
            started = time.monotonic()
            result["lines"] += 1
            result["echo_stops"] += speaker.say(line).interrupted
            _, heard = heard_sink.samples(started, time.monotonic())
            result["echo_level"] = speech_level(heard)
            if result["echo_level"] > 0.002:
                break
        clips = candidate_clips(folder, result["echo_level"])
        for index in range(tries):
            path, clip = clips[index % len(clips)]
            at = CUT_IN_AT[index % len(CUT_IN_AT)]
            playing.clear()
            fired: list[float] = []

            def cut_in(path=path, at=at, fired=fired):
                while not playing:
                    time.sleep(0.005)
                time.sleep(max(0.0, playing[0] + at - time.monotonic()))
                fired.append(time.monotonic())
                paplay(path, sinks["candidate"])

            talker = threading.Thread(target=cut_in, daemon=True)
            begun = time.monotonic()
            talker.start()
            utterance = speaker.say(line)
            talker.join()
            handed = _handed_over(microphone.shared_input)
            time.sleep(0.3)
            result["lines"] += 1
            heard_from, heard = heard_sink.samples(fired[0], time.monotonic())
            offset = locate(clip, heard)
            onset = heard_from + ((offset or 0) + first_sound(clip)) / RATE
            voice = spoken_sink.loud_times(begun, time.monotonic())
            stopped = float(voice[-1]) if len(voice) else time.monotonic()
            if utterance.interrupted and stopped > onset:
                result["detected"] += 1
                result["delays"].append(stopped - onset)
                result["leaks"].append(_leak(handed, clip, result["echo_level"]))
            elif utterance.interrupted:
                result["echo_stops"] += 1
            microphone.shared_input.discard()
            time.sleep(0.5)
        for _ in range(echo_lines):
            result["lines"] += 1
            stopped = speaker.say(line).interrupted
            result["echo_stops"] += stopped
            time.sleep(0.3)  # what reaches the next answer: the echo's tail
            tail = _drain(microphone.shared_input)
            if not stopped:  # a stopped line hands its audio on, and is counted above
                result["tails"].append(speech_level(tail) / result["echo_level"]
                                       if len(tail) else 0)
            microphone.shared_input.discard()
    finally:
        heard_sink.close()
        spoken_sink.close()
        microphone.close()
    return result


def _handed_over(source) -> np.ndarray:
    blocks = []
    while source.handed_over:
        blocks.append(source.get(0))
    return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)


def _drain(source) -> np.ndarray:
    blocks = []
    while source.pending():
        blocks.append(source.get(0))
    return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)


def _leak(handed: np.ndarray, clip: np.ndarray, echo_level: float) -> float | None:
    """dB of the echo left in the handed-over audio before the candidate's first word."""
    where = locate(clip, handed)
    if where is None:
        return None
    before = handed[:max(0, where + first_sound(clip) - 160)]
    if len(before) < 800:  # under 50 ms of pre-roll: nothing to judge
        return None
    level = float(np.sqrt(np.mean(before * before)))
    return 20 * np.log10(max(level, 1e-6) / echo_level)


def report(result: dict) -> str:
    """One line of figures for a configuration."""
    label = "echo cancellation" if result["cancel"] else "level heuristic"
    delays = result["delays"]
    timing = (f"stopped {statistics.median(delays):.2f} s after the candidate's onset (median; "
              f"max {max(delays):.2f} s)" if delays else "no stop timed")
    leaks = [leak for leak in result["leaks"] if leak is not None]
    leak = f"echo in the handed-over audio {max(leaks):+.0f} dB at most" if leaks else \
        "no handed-over audio to judge"
    tails = result["tails"]
    tail = f"; echo reaching the next answer {max(tails):.2f} of its level" if tails else ""
    return (f"{label:18s} detected {result['detected']}/{result['tries']}, {timing}; lines "
            f"stopped by echo alone {result['echo_stops']}/{result['lines']}; {leak}{tail} "
            f"(echo speech RMS {result['echo_level']:.3f})")


def run(sinks: dict, folder: Path, tries: int, echo_lines: int, cancel_only: bool = False,
        settings=None) -> None:
    """Print the figures for echo cancellation and (unless `cancel_only`) the level rule."""
    print(f"\nbarge-in over echo (loopback about -18 dB; candidate as loud as the echo; "
          f"{tries} cut-ins, {echo_lines} lines of echo alone)")
    with loopback(sinks):
        for cancel in ((True,) if cancel_only else (True, False)):
            print(report(trials(sinks, folder, tries, echo_lines, cancel, settings)),
                  flush=True)


def main() -> None:
    import argparse
    import tempfile

    from turn_gap import private_sinks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=10)
    parser.add_argument("--echo-lines", type=int, default=20)
    parser.add_argument("--cancel-only", action="store_true")
    args = parser.parse_args()
    modules, sinks = private_sinks()
    try:
        run(sinks, Path(tempfile.mkdtemp(prefix="barge-in-")), args.tries, args.echo_lines,
            args.cancel_only)
    finally:
        for module in modules:
            if module:
                pactl("unload-module", module)


if __name__ == "__main__":
    main()
