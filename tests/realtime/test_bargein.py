"""Barge-in: the decision logic on made-up numbers, the hand-over of the candidate's first words,
and the real thing on the virtual audio setup (a speaking interviewer, a talking candidate, and
the interviewer's own voice looped back into the microphone as echo)."""

from __future__ import annotations

import contextlib
import re
import subprocess
import threading
import time

import numpy as np
import pytest

from interviewer.live.bargein import (
    BargeIn,
    BargeInDetector,
    BargeInSettings,
    enable_barge_in,
)
from interviewer.live.capture import SoundDeviceMicrophone
from interviewer.live.endpointing import WINDOW, WINDOW_SECONDS
from interviewer.live.shared_input import SharedInput
from interviewer.live.tts import Pyttsx3Speaker
from interviewer.live.wav import load_audio
from tests.audio import play, speech_span, write_wav

QUIET, ECHO, VOICE = 0.0005, 0.02, 0.2  # RMS levels: room noise, echo, the candidate up close


def n(seconds: float) -> int:
    """Windows in `seconds`."""
    return int(round(seconds / WINDOW_SECONDS))


def feed(detector: BargeInDetector, windows) -> int | None:
    """Feed (probability, rms) pairs; the index of the window that triggered, or None."""
    for index, (probability, rms) in enumerate(windows):
        if detector.update(probability, rms):
            return index
    return None


def silence(seconds: float, rms: float = QUIET):
    return [(0.05, rms)] * n(seconds)


def speech(seconds: float, rms: float = VOICE):
    return [(0.9, rms)] * n(seconds)


# -- the decision logic ---------------------------------------------------------------------


def test_sustained_speech_after_the_learning_period_is_a_barge_in():
    detector = BargeInDetector(BargeInSettings(min_speech=0.28, learn_seconds=0.5))
    assert feed(detector, silence(2.0)) is None
    assert detector.echo_level == pytest.approx(QUIET)
    triggered = feed(detector, speech(1.0))
    assert triggered is not None
    assert (triggered + 1) * WINDOW_SECONDS == pytest.approx(0.28, abs=WINDOW_SECONDS)
    assert detector.onset_at == pytest.approx(2.0, abs=WINDOW_SECONDS)


def test_blips_shorter_than_min_speech_are_ignored():
    detector = BargeInDetector(BargeInSettings(min_speech=0.28))
    pattern = silence(1.0) + (speech(0.2) + silence(0.3)) * 10  # coughs, "mm", a click
    assert feed(detector, pattern) is None
    assert not detector.triggered


def test_nothing_stops_the_line_while_the_echo_level_is_learned():
    detector = BargeInDetector(BargeInSettings(learn_seconds=0.5, learn_timeout=1.5))
    assert feed(detector, silence(0.8) + speech(0.45)) is None  # too early to judge
    assert detector.trigger_level is None
    assert feed(detector, speech(0.05)) is None
    assert detector.echo_level == pytest.approx(VOICE)


def test_with_nothing_heard_the_learning_ends_at_its_timeout():
    detector = BargeInDetector(BargeInSettings(learn_seconds=0.5, learn_timeout=1.5))
    assert feed(detector, silence(1.45)) is None and detector.echo_level is None
    assert feed(detector, silence(0.1)) is None and detector.echo_level == pytest.approx(QUIET)


def test_the_interviewers_own_echo_is_not_a_barge_in():
    rng = np.random.default_rng(7)
    detector = BargeInDetector(BargeInSettings(echo_factor=2.0))
    # The echo of a whole line, arriving late (output latency, the line's lead-in): speech to
    # the VAD, with its level swinging between half and one and a half times the typical echo.
    echo = [(0.95, ECHO * level) for level in rng.uniform(0.5, 1.5, n(20))]
    assert feed(detector, silence(0.7) + echo) is None
    # Learned from the echo once it arrived, not from the silence before it.
    assert detector.echo_level == pytest.approx(ECHO, rel=0.25)


def test_candidate_louder_than_the_echo_barges_in_and_a_single_loud_window_does_not():
    detector = BargeInDetector(BargeInSettings(echo_factor=2.0, min_speech=0.28))
    assert feed(detector, speech(3.0, rms=ECHO)) is None
    knock = [(0.95, 10 * ECHO)] * 2  # a knock or a cough over the echo
    assert feed(detector, knock + speech(1.0, rms=ECHO)) is None
    syllables = [(0.95, 3 * ECHO)] * 4 + [(0.95, 1.2 * ECHO)]  # and a dip between them
    candidate = syllables * 4
    assert feed(detector, candidate) is not None
    assert detector.onset_at == pytest.approx(4.06, abs=0.1)


def test_speech_no_louder_than_the_echo_does_not_barge_in():
    detector = BargeInDetector(BargeInSettings(echo_factor=2.0))
    assert feed(detector, speech(1.0, rms=ECHO) + speech(5.0, rms=1.5 * ECHO)) is None


def test_with_no_echo_at_all_the_noise_floor_sets_the_bar():
    settings = BargeInSettings(noise_floor=0.002, echo_factor=2.0)
    detector = BargeInDetector(settings)
    assert feed(detector, silence(2.0, rms=0.0) + speech(1.0, rms=0.003)) is None  # a murmur
    assert detector.trigger_level == pytest.approx(0.004)
    assert feed(detector, silence(0.5, rms=0.0) + speech(1.0, rms=0.02)) is not None


def test_a_dip_in_the_speech_probability_does_not_restart_the_run():
    detector = BargeInDetector(BargeInSettings(min_speech=0.28))
    wobbly = [(0.9, VOICE), (0.4, VOICE)] * n(0.3)  # 0.4 is above silence_threshold
    assert feed(detector, silence(2.0) + wobbly) is not None


# -- the hand-over, with the real Silero VAD on a scripted stream -----------------------------


class ScriptedInput(SharedInput):
    """A SharedInput whose blocks are pushed by the test instead of a sound card."""

    def open(self) -> None:  # nothing to open: the test delivers the blocks
        return None

    def push(self, samples: np.ndarray) -> None:
        for start in range(0, len(samples), WINDOW):
            self._callback(samples[start:start + WINDOW, None], WINDOW, None, None)


def scripted_watch(samples: np.ndarray, settings: BargeInSettings | None = None,
                   barge_in: BargeIn | None = None):
    """Run one watched 'playback' over `samples` (with `barge_in`'s memory of earlier lines,
    if given); returns the BargeIn and its input."""
    stopped = threading.Event()
    if barge_in is None:
        barge_in = BargeIn(stopped.set, ScriptedInput(), settings)
    else:
        barge_in.stop = stopped.set
    source = barge_in.source
    with barge_in.watch():
        source.push(samples)
        # The watcher reads far faster than real time; give it the time it needs.
        deadline = time.monotonic() + 20
        while source.pending() and not stopped.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.wait(0.3)
    return barge_in, source


def read_all(source: SharedInput) -> np.ndarray:
    blocks = []
    while (block := source.get(0)) is not None:
        blocks.append(block)
    return np.concatenate(blocks) if blocks else np.zeros(0, np.float32)


def test_the_next_reader_gets_the_audio_from_before_the_onset_onwards(spoken_answer):
    speech_audio = load_audio(spoken_answer).samples.astype(np.float32)
    lead_in = np.zeros(16_000 * 2, np.float32)
    samples = np.concatenate([lead_in, speech_audio])
    settings = BargeInSettings(pre_roll=0.3)
    barge_in, source = scripted_watch(samples, settings)
    assert barge_in.last_barged_in and barge_in.error is None
    first_sound = (len(lead_in) + np.flatnonzero(np.abs(speech_audio) > 0.02)[0]) / 16_000
    assert first_sound - 0.1 <= barge_in.last_onset <= first_sound + 0.3
    heard = read_all(source)
    # Gap-free: exactly the stream from pre_roll before the onset to its end.
    start = (round(barge_in.last_onset / WINDOW_SECONDS) - round(0.3 / WINDOW_SECONDS)) * WINDOW
    assert start < len(lead_in) + np.flatnonzero(np.abs(speech_audio) > 0.02)[0]
    assert np.array_equal(heard, samples[start:])


def test_noise_during_playback_is_no_barge_in_and_leaves_nothing_for_the_answer():
    rng = np.random.default_rng(1)
    noise = (rng.standard_normal(16_000 * 3) * 0.05).astype(np.float32)
    barge_in, source = scripted_watch(noise)
    assert not barge_in.last_barged_in and barge_in.last_onset is None
    assert source.pending() == 0 and not source.handed_over


def test_with_no_echo_on_earlier_lines_the_candidate_can_cut_in_from_the_first_syllable(
        spoken_answer):
    """Headphones: once two lines played out with no echo, nothing is learned at a line's start,
    so a candidate going on with an answer at once is heard (before, their own voice was taken
    for the echo during the first second, and the line played on)."""
    voice_audio = load_audio(spoken_answer).samples.astype(np.float32)
    early = np.concatenate([np.zeros(1_600, np.float32), voice_audio])  # speaks 0.1 s in
    first, _ = scripted_watch(early)
    assert not first.last_barged_in  # a session's first line: learning, as before
    quiet = np.zeros(16_000 * 2, np.float32)
    barge_in = BargeIn(lambda: None, ScriptedInput())
    for _ in range(2):
        scripted_watch(quiet, barge_in=barge_in)
        assert not barge_in.last_barged_in
    assert barge_in.hears_no_echo
    scripted_watch(early, barge_in=barge_in)
    assert barge_in.last_barged_in and barge_in.last_onset < 0.6


def test_a_line_that_brings_echo_ends_the_no_echo_shortcut():
    rng = np.random.default_rng(2)
    barge_in = BargeIn(lambda: None, ScriptedInput())
    for _ in range(2):
        scripted_watch(np.zeros(16_000 * 2, np.float32), barge_in=barge_in)
    assert barge_in.hears_no_echo
    echo_like = (rng.standard_normal(16_000 * 2) * 0.02).astype(np.float32)
    scripted_watch(echo_like, barge_in=barge_in)  # heard, but not speech: played out
    assert not barge_in.last_barged_in and not barge_in.hears_no_echo


def test_a_disabled_barge_in_does_not_touch_the_microphone():
    class Untouchable(SharedInput):
        def open(self):
            raise AssertionError("opened the microphone")

        def discard(self):
            raise AssertionError("dropped audio")

    barge_in = BargeIn(lambda: None, Untouchable())
    barge_in.enabled = False
    with barge_in.watch():
        pass
    assert not barge_in.last_barged_in


# -- the real thing on the virtual audio setup -----------------------------------------------

LINE = ("Tell me about a decision you made with incomplete data, what you knew at the time, "
        "and what principle guided you. ")


@pytest.fixture
def interview(virtual_audio):
    """A real speaker and microphone with barge-in enabled, on this run's virtual sinks.

    The microphone is already delivering audio, as it is from the second line of a session on
    (the stream stays open between turns): on the virtual devices the first block of a freshly
    opened stream takes a second or two to arrive.
    """
    speaker = Pyttsx3Speaker()
    microphone = SoundDeviceMicrophone(end_silence=1.5, enter_to_stop=False)
    barge_in = enable_barge_in(speaker, microphone)
    microphone.shared_input.open()
    assert microphone.shared_input.get(10) is not None
    yield speaker, microphone, barge_in
    microphone.close()
    assert not microphone.shared_input.active


def talk_during_playback(speaker, path, after: float) -> dict:
    """Play `path` into the candidate microphone `after` seconds into the next playback."""
    played: dict = {}
    watch = speaker.while_playing

    def talk() -> None:
        played["start"] = time.monotonic()
        play(path)

    @contextlib.contextmanager
    def watch_and_talk():
        with watch() as watching:
            played["timer"] = threading.Timer(after, talk)
            played["timer"].start()
            yield watching

    speaker.while_playing = watch_and_talk
    return played


def finish_talking(played: dict) -> None:
    """Wait until the candidate's clip has been played to its end."""
    played["timer"].join(timeout=30)


@pytest.fixture
def echo(virtual_audio, tmp_path):
    """The interviewer's voice looped back into the candidate microphone at about -18 dB, like
    a laptop speaker heard by its own microphone. Yields the loopback module id."""
    module = subprocess.run(
        ["pactl", "load-module", "module-loopback",
         f"source={virtual_audio['interviewer']}.monitor", f"sink={virtual_audio['candidate']}",
         "latency_msec=60"],
        capture_output=True, text=True, check=True).stdout.strip()
    try:
        listing = subprocess.run(["pactl", "list", "sink-inputs"], capture_output=True,
                                 text=True, check=True).stdout
        for entry in listing.split("Sink Input #")[1:]:
            if re.search(rf"Owner Module: {module}\b", entry):
                # 50% on PulseAudio's cubic scale is 0.125 in amplitude.
                subprocess.run(["pactl", "set-sink-input-volume", entry.split()[0], "50%"],
                               check=True)
        wait_for_echo(virtual_audio["interviewer"], tmp_path)
        yield module
    finally:
        subprocess.run(["pactl", "unload-module", module], capture_output=True)


def wait_for_echo(interviewer_sink: str, tmp_path) -> None:
    """Play beeps to the interviewer until the microphone hears them: a freshly loaded loopback
    passes nothing for its first second or two."""
    beep = np.sin(2 * np.pi * 440 * np.arange(4_800) / 16_000).astype(np.float32) * 0.5
    path = write_wav(tmp_path / "beep.wav", beep)
    microphone = SharedInput()
    microphone.open()
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            play(path, interviewer_sink)
            while (block := microphone.get(0.3)) is not None:
                if np.abs(block).max() > 0.01:
                    return
        pytest.fail("the loopback never brought the interviewer's voice to the microphone")
    finally:
        microphone.close()


def test_candidate_talking_over_the_interviewer_stops_it_and_is_heard_from_the_start(
        interview, spoken_answer):
    speaker, microphone, barge_in = interview
    played = talk_during_playback(speaker, spoken_answer, after=2.5)
    utterance = speaker.say(LINE * 3, voice="female")
    stopped = time.monotonic()
    assert utterance.interrupted and barge_in.last_barged_in
    assert utterance.duration_s > 15
    # A functional bound only (the figure itself belongs in a benchmark): the interviewer
    # stopped soon after the candidate started, not at the end of its line.
    assert stopped - played["start"] < 2.5  # the line is over 15 s long
    assert 1.0 < barge_in.last_onset < 4.0
    # Some of the line was heard, and no more than up to where the candidate came in (the
    # onset is counted from the watch's start, which a slow device start can lead by a second).
    assert 0.3 < utterance.heard_s < barge_in.last_onset + 1.0
    audio = microphone.listen(max_seconds=60)
    finish_talking(played)
    clip = load_audio(spoken_answer)
    assert audio.ended_by == "silence"
    assert microphone.shared_input.active  # kept open for the next line
    # Nothing lost: from the candidate's first sound to the last, the answer is the whole clip.
    assert speech_span(audio.samples, 16_000) == pytest.approx(
        speech_span(clip.samples, clip.sample_rate), abs=0.25)
    # It starts with the pre-roll: a moment of quiet before the first word.
    first_sound = np.flatnonzero(np.abs(audio.samples) > 0.02)[0] / 16_000
    assert 0.05 < first_sound < 0.8


def test_a_stream_kept_open_that_goes_quiet_is_reopened(virtual_audio, spoken_answer):
    microphone = SoundDeviceMicrophone(end_silence=1.5, enter_to_stop=False)
    microphone.keep_open = True
    source = microphone.shared_input
    source._callback = lambda *args: None  # this stream goes quiet without failing
    source.open()
    del source._callback  # a fresh stream delivers again
    microphone.on_listening = lambda: threading.Thread(target=play, args=(spoken_answer,),
                                                       daemon=True).start()
    try:
        audio = microphone.listen(max_seconds=60)
    finally:
        microphone.close()
    assert audio.ended_by == "silence" and audio.duration_s > 5


def test_the_interviewers_echo_neither_stops_it_nor_leaks_into_the_answer(
        interview, echo, spoken_answer):
    speaker, microphone, barge_in = interview
    utterance = speaker.say(LINE * 2, voice="male")
    assert not utterance.interrupted and not barge_in.last_barged_in
    assert barge_in.last_echo_level and barge_in.last_echo_level > 0.002  # the echo was heard
    answer_started: dict = {}

    def answer() -> None:
        time.sleep(0.5)
        answer_started["at"] = time.monotonic()
        play(spoken_answer)

    microphone.on_listening = lambda: threading.Thread(target=answer, daemon=True).start()
    audio = microphone.listen(max_seconds=60)
    clip = load_audio(spoken_answer)
    assert audio.ended_by == "silence"
    # Only the answer: the question's echo (seconds of speech) was dropped at its end.
    assert speech_span(audio.samples, 16_000) == pytest.approx(
        speech_span(clip.samples, clip.sample_rate), abs=0.3)


def test_with_headphones_the_candidate_cuts_in_at_a_lines_very_start(interview, spoken_answer):
    """Going on with an answer the interviewer took for finished: the candidate talks 0.2 s into
    the line. Before, the first second's speech was learned as echo and the line played on."""
    speaker, microphone, barge_in = interview
    for _ in range(2):
        assert not speaker.say("Thanks, that is helpful. Let's go on to the next part.").interrupted
    played = talk_during_playback(speaker, spoken_answer, after=0.2)
    utterance = speaker.say(LINE * 2, voice="female")
    assert utterance.interrupted and barge_in.last_barged_in
    audio = microphone.listen(max_seconds=60)
    finish_talking(played)
    clip = load_audio(spoken_answer)
    assert audio.ended_by == "silence"
    # Nothing of the candidate's first words was lost to the wait for the canceller's verdict.
    assert speech_span(audio.samples, 16_000) == pytest.approx(
        speech_span(clip.samples, clip.sample_rate), abs=0.25)


def test_speakers_turned_up_after_lines_with_no_echo_still_do_not_stop_the_line(
        interview, request, tmp_path):
    """The no-echo shortcut (nothing learned at a line's start once lines bring no echo) must
    not let an echo that appears later stop a line: the canceller looks for it first."""
    speaker, _, barge_in = interview
    for _ in range(2):  # headphones, as far as the microphone can tell
        assert not speaker.say("Thanks, that is helpful. Let's go on to the next part.").interrupted
    assert barge_in.hears_no_echo
    request.getfixturevalue("echo")  # now the speakers are heard
    wait_for_echo(request.getfixturevalue("virtual_audio")["interviewer"], tmp_path)
    utterance = speaker.say(LINE * 2, voice="male")
    assert not utterance.interrupted and not barge_in.last_barged_in
    assert not barge_in.hears_no_echo


def test_candidate_louder_than_the_echo_still_barges_in(interview, echo, spoken_answer):
    speaker, microphone, barge_in = interview
    played = talk_during_playback(speaker, spoken_answer, after=2.5)
    utterance = speaker.say(LINE * 3, voice="male")
    stopped = time.monotonic()
    assert utterance.interrupted and barge_in.last_barged_in
    assert stopped - played["start"] < 2.0
    audio = microphone.listen(max_seconds=60)
    finish_talking(played)
    clip = load_audio(spoken_answer)
    expected = speech_span(clip.samples, clip.sample_rate)
    # The pre-roll may hold a little of the interviewer's echo before the candidate's words.
    assert expected - 0.25 <= speech_span(audio.samples, 16_000) <= expected + 0.6
