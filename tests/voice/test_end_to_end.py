"""A voice interview end to end: spoken questions, answers through the virtual microphone or WAV
files, the real transcriber (random-weight model), and the session on disk.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import pytest

from interviewer.brains.offline import OfflineBrain
from interviewer.console import Console
from interviewer.live.capture import SoundDeviceMicrophone
from interviewer.live.tts import Pyttsx3Speaker
from interviewer.live.voice_answers import AudioFileAnswers, VoiceAnswers
from interviewer.live.wav import load_audio
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.session.engine import AnswersExhausted, EngineParts, InterviewEngine
from interviewer.session.events import SessionStarted
from interviewer.session.store import SessionStore

from .conftest import TEST_DECODE, espeak_wav, play, speech_span

REPO = Path(__file__).resolve().parents[2]
END_SILENCE = 1.5


def start_session(root: Path, input_name: str) -> SessionStore:
    content = default_content()
    store = SessionStore.create(root, "manager")
    store.append(SessionStarted(session_id=store.session_id, mode="practice", seed=5,
                                brain="offline", input=input_name,
                                interviews=plan_practice(content, "manager", 5)))
    return store


def run_engine(store: SessionStore, answers, speaker) -> None:
    content = default_content()
    brain = OfflineBrain(content)
    parts = EngineParts(brain=brain, fallback=brain, answers=answers, content=content,
                        console=Console(out=io.StringIO()), speaker=speaker)
    with pytest.raises(AnswersExhausted):
        InterviewEngine(store, parts).run()


def events(store: SessionStore, kind: str) -> list[dict]:
    lines = store.events_path.read_text().splitlines()
    return [e for e in map(json.loads, lines) if e["type"] == kind]


class FirstAnswers:
    """Passes through the first `count` answers of a live source, then ends the session."""

    def __init__(self, source, count: int):
        self.source, self.count = source, count

    def next_answer(self, prompt):
        if self.count == 0:
            return None
        self.count -= 1
        return self.source.next_answer(prompt)


def test_voice_turn_through_the_virtual_microphone(virtual_audio, tmp_path, transcriber,
                                                    spoken_answer):
    store = start_session(tmp_path / "sessions", "voice")
    played: dict[str, float] = {}

    def answer_aloud() -> None:
        def run() -> None:
            time.sleep(0.3)
            played["end"] = play(spoken_answer)

        threading.Thread(target=run, daemon=True).start()

    class Timed(VoiceAnswers):
        def next_answer(self, prompt):
            answer = super().next_answer(prompt)
            played["answered"] = time.monotonic()
            return answer

    microphone = SoundDeviceMicrophone(end_silence=END_SILENCE, enter_to_stop=False,
                                       on_listening=answer_aloud)
    answers = Timed(microphone, transcriber, out=io.StringIO())
    run_engine(store, FirstAnswers(answers, 1), Pyttsx3Speaker())

    asked = events(store, "question_asked")[0]
    recorded = events(store, "answer_recorded")[0]
    question_wav = store.folder / asked["audio"]
    answer_wav = store.folder / recorded["audio"]
    assert question_wav.name == "t001-1-question.wav" and question_wav.stat().st_size > 1000
    assert answer_wav.name == "t001-2-answer.wav"
    with wave.open(str(answer_wav)) as wav:
        assert wav.getframerate() == 16_000
    source, captured = load_audio(spoken_answer), load_audio(answer_wav)
    expected = speech_span(source.samples, 16_000)
    assert speech_span(captured.samples, 16_000) == pytest.approx(expected, abs=0.25)
    # Listening ended by end-silence + 1 s after the speech stopped (transcription excluded).
    listening_lag = played["answered"] - played["end"] - transcriber_seconds(transcriber,
                                                                             captured)
    assert listening_lag <= END_SILENCE + 1.0
    assert recorded["source"] == "voice" and recorded["text"] and recorded["words"]
    assert recorded["delivery"]["words_per_minute"] is not None


def transcriber_seconds(transcriber, audio) -> float:
    started = time.monotonic()
    transcriber.transcribe(audio)
    return time.monotonic() - started


def test_audio_answers_folder_through_the_engine(tmp_path, transcriber):
    folder = tmp_path / "recorded"
    folder.mkdir()
    espeak_wav(folder / "01.wav", "Um, so, I chose to ship late because quality mattered more.")
    espeak_wav(folder / "02.wav", "I stopped deciding alone and started asking for dissent.")
    store = start_session(tmp_path / "sessions", "audio-file")
    run_engine(store, AudioFileAnswers(folder, transcriber), Pyttsx3Speaker(play=False))
    recorded = events(store, "answer_recorded")
    assert len(recorded) == 2
    for event in recorded:
        assert event["source"] == "audio-file" and event["words"]
        assert (store.folder / event["audio"]).is_file()
    questions = [e["audio"] for e in events(store, "question_asked")]
    assert questions[0] == "audio/t001-1-question.wav"
    assert all((store.folder / q).is_file() for q in questions)
    audio_files = sorted(p.name for p in (store.folder / "audio").iterdir())
    assert audio_files == sorted(audio_files, key=lambda n: (n[:4], n))  # order is obvious


def test_practice_command_speaks_listens_and_saves(virtual_audio, tmp_path, whisper_model_dir,
                                                    spoken_answer):
    """`interviewer practice --stage manager` in voice mode, answered through the microphone."""
    sessions = tmp_path / "sessions"
    decode = dict(TEST_DECODE, beam_size=1)  # the random model decodes to the limit otherwise
    env = dict(os.environ, INTERVIEWER_SESSIONS_DIR=str(sessions), PYTHONUNBUFFERED="1",
               INTERVIEWER_WHISPER_OPTIONS=json.dumps(decode))
    command = [sys.executable, "-m", "interviewer", "practice", "--stage", "manager",
               "--seed", "3", "--model", str(whisper_model_dir),
               "--silence-only", "--end-silence", str(END_SILENCE), "--max-answer", "60"]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stderr_lines: list[str] = []
    played: dict[str, float] = {}
    stopped = threading.Event()

    def watch_stderr() -> None:
        for line in process.stderr:
            stderr_lines.append(line)
            if line.startswith("Listening") and "end" not in played:
                time.sleep(0.3)
                played["end"] = play(spoken_answer)
            elif line.startswith("Stopped listening") and "end" in played:
                played.setdefault("stopped", time.monotonic())
                stopped.set()

    watcher = threading.Thread(target=watch_stderr, daemon=True)
    watcher.start()
    try:
        assert stopped.wait(90), "".join(stderr_lines) or "the command never listened"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not answer_recorded(sessions):
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    assert played["stopped"] - played["end"] <= END_SILENCE + 1.0
    (folder,) = list(sessions.iterdir())
    store = SessionStore(folder)
    recorded = events(store, "answer_recorded")
    assert recorded, "".join(stderr_lines)
    assert (folder / "audio" / "t001-1-question.wav").is_file()
    answer_wav = folder / recorded[0]["audio"]
    captured = load_audio(answer_wav)
    expected = speech_span(load_audio(spoken_answer).samples, 16_000)
    assert speech_span(captured.samples, 16_000) == pytest.approx(expected, abs=0.25)
    assert recorded[0]["source"] == "voice" and recorded[0]["words"]
    transcript = json.loads((folder / "transcript.json").read_text())
    assert recorded[0]["text"] in strings_in(transcript)
    assert "Traceback" not in "".join(stderr_lines)


def answer_recorded(sessions: Path) -> bool:
    for events_file in sessions.glob("*/events.jsonl"):
        if '"answer_recorded"' in events_file.read_text():
            return True
    return False


def strings_in(value) -> list[str]:
    """Every string anywhere inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def test_talking_over_the_question_stops_it_and_the_whole_answer_is_kept(
        virtual_audio, tmp_path, transcriber, spoken_answer):
    """Real-time answers with barge-in through the engine: the candidate starts answering while
    the first question is still being spoken."""
    from interviewer.live.bargein import enable_barge_in
    from interviewer.live.capture import SoundDeviceMicrophone
    from interviewer.live.streaming_answers import StreamingVoiceAnswers

    store = start_session(tmp_path / "sessions", "voice")
    speaker = Pyttsx3Speaker()
    microphone = SoundDeviceMicrophone(end_silence=END_SILENCE, enter_to_stop=False)
    barge_in = enable_barge_in(speaker, microphone)
    lines = {"count": 0}
    watch = barge_in.watch

    @contextlib.contextmanager
    def watch_and_talk_over_the_question():
        lines["count"] += 1
        if lines["count"] == 2:  # the opening is line 1; the first question is line 2
            threading.Timer(1.5, play, args=(spoken_answer,)).start()
        with watch():
            yield
        if lines["count"] == 2:
            lines["onset"] = barge_in.last_onset if barge_in.last_barged_in else None

    speaker.while_playing = watch_and_talk_over_the_question
    answers = StreamingVoiceAnswers(microphone, transcriber, speaker=speaker, out=io.StringIO())
    try:
        run_engine(store, FirstAnswers(answers, 1), speaker)
    finally:
        microphone.close()

    asked = events(store, "question_asked")[0]
    recorded = events(store, "answer_recorded")[0]
    assert asked["talked_over"] and lines["onset"] is not None
    question_audio = load_audio(store.folder / asked["audio"])
    assert lines["onset"] < question_audio.duration_s - 1  # stopped well before its end
    captured = load_audio(store.folder / recorded["audio"])
    expected = speech_span(load_audio(spoken_answer).samples, 16_000)
    # From the first word: nothing said over the question is lost.
    assert speech_span(captured.samples, 16_000) == pytest.approx(expected, abs=0.3)
    assert recorded["text"] and recorded["words"]
