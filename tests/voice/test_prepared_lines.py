"""Lines synthesized ahead of time: prepared once, taken at once, started without blocking."""

from __future__ import annotations

import threading
import time

from interviewer.errors import UserError
from interviewer.live.prepared import PreparedLines
from interviewer.live.tts import Pyttsx3Speaker

PROBE = "Let me stop you there. What principle were you acting on?"


class CountingRender:
    def __init__(self, delay: float = 0.0, fail_in_background: bool = False):
        self.calls: list[tuple[object, str]] = []
        self.delay = delay
        self.fail_in_background = fail_in_background

    def __call__(self, key):
        thread = threading.current_thread().name
        self.calls.append((key, thread))
        time.sleep(self.delay)
        if self.fail_in_background and thread != threading.main_thread().name:
            raise UserError("the synthesizer crashed")
        return f"audio of {key}"


def test_a_prepared_line_is_rendered_once_in_the_background():
    render = CountingRender(delay=0.05)
    lines = PreparedLines(render)
    lines.prepare("next question")
    lines.prepare("next question")  # asking twice does not render twice
    assert lines.take("next question") == "audio of next question"
    assert lines.take("next question") == "audio of next question"
    assert len(render.calls) == 1
    assert render.calls[0][1] != threading.main_thread().name


def test_an_unprepared_line_is_rendered_when_asked_for():
    render = CountingRender()
    lines = PreparedLines(render)
    assert lines.take("surprise") == "audio of surprise"
    assert render.calls == [("surprise", threading.main_thread().name)]


def test_a_background_failure_is_retried_where_the_line_is_needed():
    render = CountingRender(fail_in_background=True)
    lines = PreparedLines(render)
    lines.prepare("line")
    assert lines.take("line") == "audio of line"  # rendered again in the caller's thread
    assert [thread for _, thread in render.calls][-1] == threading.main_thread().name


def test_only_the_newest_lines_are_kept():
    lines = PreparedLines(CountingRender(), limit=2)
    for key in ("a", "b", "c"):
        lines.prepare(key)
    assert not lines.is_prepared("a") and lines.is_prepared("b") and lines.is_prepared("c")


class CountingSpeaker(Pyttsx3Speaker):
    """The real speaker (espeak-ng), counting syntheses and playbacks."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rendered: list[str] = []
        self.played = 0

    def _render(self, key):
        self.rendered.append(key[0])
        return super()._render(key)

    def _play(self, samples, sample_rate, **kwargs):
        self.played += 1
        time.sleep(0.2)  # stands in for the playback (the real one is tested with audio)
        return True


def test_say_uses_the_prepared_audio_and_keeps_it_in_the_session(espeak, tmp_path):
    speaker = CountingSpeaker()
    speaker.prepare(PROBE, voice="female", rate=180)
    utterance = speaker.say(PROBE, voice="female", rate=180, save_to=tmp_path / "probe.wav")
    assert speaker.rendered == [PROBE] and speaker.played == 1
    assert utterance.audio_path.stat().st_size > 10_000 and utterance.duration_s > 1
    speaker.say(PROBE, voice="male", rate=180)  # another voice is another rendering
    assert speaker.rendered == [PROBE, PROBE]


def test_a_started_line_is_not_said_twice(espeak, tmp_path):
    speaker = CountingSpeaker()
    speaker.prepare(PROBE)
    started = time.monotonic()
    speaker.start(PROBE)
    assert time.monotonic() - started < 0.15  # start() does not wait for the playback
    utterance = speaker.say(PROBE, save_to=tmp_path / "cut-in.wav")
    assert speaker.played == 1 and speaker.rendered == [PROBE]
    assert not utterance.interrupted and (tmp_path / "cut-in.wav").exists()


def test_saying_another_line_stops_a_started_one(espeak):
    speaker = Pyttsx3Speaker(play=True)
    outcomes = []

    def play(samples, rate):  # the first line plays until stopped, the second to its end
        finished = not speaker.player._stop.wait(10) if not outcomes else True
        outcomes.append(finished)
        return finished

    speaker.player.play = play
    speaker.start(PROBE)
    time.sleep(0.3)
    utterance = speaker.say("Something else entirely.")
    assert outcomes == [False, True]  # the started line was cut short, the new one played
    assert utterance.text == "Something else entirely." and not utterance.interrupted


def test_barge_in_watches_questions_but_not_cut_ins(espeak):
    import contextlib

    speaker = Pyttsx3Speaker(play=True)
    speaker.player.play = lambda samples, rate: True
    watched = []

    @contextlib.contextmanager
    def watch():
        watched.append(True)
        yield

    speaker.while_playing = watch
    speaker.start(PROBE)  # said over the candidate's last words on purpose
    speaker.say(PROBE)
    assert watched == []
    speaker.say("Tell me about a time you disagreed with your manager.")
    assert watched == [True]
