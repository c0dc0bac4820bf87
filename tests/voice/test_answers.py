"""Answer sources: the microphone (with a scripted microphone) and a folder of WAV files."""

from __future__ import annotations

import io
import stat
import wave

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live.capture import CapturedAudio
from interviewer.live.voice_answers import (
    MOVING_ON,
    NOTHING_HEARD,
    STILL_NOTHING,
    AudioFileAnswers,
    VoiceAnswers,
    Waiting,
)
from interviewer.session.ports import InterruptedAnswer, Prompt, Word
from interviewer.testing import FakeMicrophone, FakeSpeaker, FakeTranscriber
from tests.audio import write_wav


def counting_transcriber() -> FakeTranscriber:
    return FakeTranscriber("so I decided", words=[Word("so", 0.1, 0.3), Word("I", 0.4, 0.5),
                                                  Word("decided", 0.6, 1.0)])


def speech(seconds: float = 2.0, **fields) -> CapturedAudio:
    tone = np.sin(np.arange(int(16_000 * seconds)) / 5).astype(np.float32) * 0.3
    return CapturedAudio(samples=tone, sample_rate=16_000, **fields)


def nothing(reason: str = "no_speech") -> CapturedAudio:
    return CapturedAudio(samples=np.zeros(0, np.float32), ended_by=reason)


def prompt(tmp_path, turn: int = 1) -> Prompt:
    return Prompt(text="Tell me about a decision.", stage="manager", turn=turn,
                  save_audio_to=tmp_path / "session" / "audio" / f"t{turn:03d}-2-answer.wav")


def test_voice_answer_is_saved_privately_and_transcribed_with_words(tmp_path):
    microphone = FakeMicrophone(speech(2.0))
    transcriber = counting_transcriber()
    answer = VoiceAnswers(microphone, transcriber, max_answer=120,
                          out=io.StringIO()).next_answer(prompt(tmp_path))
    assert answer.source == "voice" and answer.text == "so I decided"
    assert [w.text for w in answer.words] == ["so", "I", "decided"]
    assert answer.duration_s == pytest.approx(2.0)
    assert [call.max_seconds for call in microphone.calls] == [120]
    path = answer.audio_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16_000, 1, 2)
        assert wav.getnframes() == 32_000


def test_silence_gets_two_gentle_nudges_then_moves_on_as_no_answer(tmp_path):
    microphone = FakeMicrophone(nothing(), nothing(), nothing())
    speaker, out = FakeSpeaker(), io.StringIO()
    transcriber = counting_transcriber()
    waiting = Waiting(first_nudge=15, second_nudge=35, give_up=60)
    answer = VoiceAnswers(microphone, transcriber, speaker=speaker, waiting=waiting,
                          out=out).next_answer(prompt(tmp_path))
    assert answer.text == "" and answer.audio_path is None and answer.source == "voice"
    assert answer.no_answer  # recorded as not answered, so it is not scored
    # Each listen waits for the rest of the time to the next step: 15 + 20 + 25 = 60 s.
    assert [call.no_speech_timeout for call in microphone.calls] == [15, 20, 25]
    assert speaker.said == [NOTHING_HEARD, STILL_NOTHING]
    assert out.getvalue().count(NOTHING_HEARD) == 1 and MOVING_ON in out.getvalue()
    assert transcriber.calls == []


def test_a_short_waiting_limit_drops_the_nudges_it_cannot_reach(tmp_path):
    microphone = FakeMicrophone(nothing(), nothing())
    speaker = FakeSpeaker()
    waiting = Waiting(first_nudge=15, second_nudge=35, give_up=20)
    answer = VoiceAnswers(microphone, counting_transcriber(), speaker=speaker, waiting=waiting,
                          out=io.StringIO()).next_answer(prompt(tmp_path))
    assert answer.no_answer and [c.no_speech_timeout for c in microphone.calls] == [15, 5]
    assert speaker.said == [NOTHING_HEARD]


def test_ctrl_c_during_an_answer_keeps_and_transcribes_what_was_said(tmp_path):
    microphone = FakeMicrophone(speech(2.5, ended_by="ctrl_c"))
    with pytest.raises(InterruptedAnswer) as stopped:
        VoiceAnswers(microphone, counting_transcriber(),
                     out=io.StringIO()).next_answer(prompt(tmp_path))
    answer = stopped.value.answer
    assert isinstance(stopped.value, KeyboardInterrupt)  # still stops the session
    assert answer.text == "so I decided" and answer.audio_path.exists()
    assert "Ctrl-C" in answer.problem and "2.5 s" in answer.problem


def test_ctrl_c_before_a_word_was_said_just_stops(tmp_path):
    microphone = FakeMicrophone(nothing("ctrl_c"))
    with pytest.raises(KeyboardInterrupt) as stopped:
        VoiceAnswers(microphone, counting_transcriber(),
                     out=io.StringIO()).next_answer(prompt(tmp_path))
    assert not isinstance(stopped.value, InterruptedAnswer)


def test_answer_after_the_nudge_is_used(tmp_path):
    microphone = FakeMicrophone(nothing(), speech(1.0))
    answer = VoiceAnswers(microphone, counting_transcriber(),
                          out=io.StringIO()).next_answer(prompt(tmp_path))
    assert answer.text == "so I decided" and answer.audio_path.exists()


def test_enter_with_nothing_said_skips_without_nagging(tmp_path):
    microphone = FakeMicrophone(nothing("enter"))
    out = io.StringIO()
    answer = VoiceAnswers(microphone, counting_transcriber(), out=out).next_answer(prompt(tmp_path))
    assert answer.text == "" and answer.no_answer and len(microphone.calls) == 1
    assert NOTHING_HEARD not in out.getvalue()


def test_lost_device_keeps_and_transcribes_what_was_said(tmp_path):
    microphone = FakeMicrophone(speech(3.0, ended_by="device_lost",
                                           device_error="no audio arrived for 2 s"))
    out = io.StringIO()
    answer = VoiceAnswers(microphone, counting_transcriber(), out=out).next_answer(prompt(tmp_path))
    assert answer.audio_path.exists() and answer.text
    assert "kept the 3.0 s recorded so far" in out.getvalue()
    assert "microphone stopped" in answer.problem  # the engine writes it to the log as a Note


def test_bad_max_answer_is_a_user_error():
    with pytest.raises(UserError, match="--max-answer"):
        VoiceAnswers(FakeMicrophone(), counting_transcriber(), max_answer=0)


def test_audio_files_in_name_order_resampled_copied_then_none(tmp_path):
    folder = tmp_path / "answers"
    folder.mkdir()
    t = np.arange(44_100 * 2) / 44_100
    write_wav(folder / "02-second.wav", 0.3 * np.sin(2 * np.pi * 200 * t), rate=44_100)
    write_wav(folder / "01-first.WAV", np.zeros(8_000), rate=8_000)
    (folder / "notes.txt").write_text("ignored")
    transcriber = counting_transcriber()
    answers = AudioFileAnswers(folder, transcriber)
    first = answers.next_answer(prompt(tmp_path, 1))
    second = answers.next_answer(prompt(tmp_path, 2))
    assert answers.next_answer(prompt(tmp_path, 3)) is None
    assert first.duration_s == pytest.approx(1.0) and second.duration_s == pytest.approx(2.0)
    assert first.source == second.source == "audio-file"
    assert [a.sample_rate for a in transcriber.calls] == [16_000, 16_000]
    with wave.open(str(second.audio_path)) as wav:
        assert wav.getframerate() == 16_000 and wav.getnframes() == 32_000
    assert stat.S_IMODE(second.audio_path.stat().st_mode) == 0o600


def _tones(folder, count: int, rate: int = 44_100) -> list:
    folder.mkdir()
    t = np.arange(rate // 2) / rate
    for n in range(count):
        write_wav(folder / f"{n:02d}.wav", 0.2 * np.sin(2 * np.pi * (200 + 50 * n) * t),
                  rate=rate)
    return sorted(folder.iterdir())


def test_the_same_audio_folder_carries_on_after_the_files_already_used(tmp_path):
    # QA 2026-12-02: `resume --audio-answers DIR` answered from the first file again.
    files = _tones(tmp_path / "answers", 3)
    first = AudioFileAnswers(tmp_path / "answers", counting_transcriber())
    recorded = [first.next_answer(prompt(tmp_path, turn)).audio_path for turn in (1, 2)]
    again = AudioFileAnswers(tmp_path / "answers", counting_transcriber())
    assert again.skip_used(recorded) == 2
    third = again.next_answer(prompt(tmp_path, 3))
    assert third.audio_path.read_bytes() != recorded[0].read_bytes()
    assert again.next_answer(prompt(tmp_path, 4)) is None
    assert len(files) == 3


def test_a_different_audio_folder_starts_at_its_first_file(tmp_path):
    _tones(tmp_path / "used", 2)
    first = AudioFileAnswers(tmp_path / "used", counting_transcriber())
    recorded = [first.next_answer(prompt(tmp_path, turn)).audio_path for turn in (1, 2)]
    other = tmp_path / "other"
    other.mkdir()
    write_wav(other / "a.wav", np.zeros(1600))
    answers = AudioFileAnswers(other, counting_transcriber())
    assert answers.skip_used(recorded) == 0
    # An earlier folder answered first, then this one: only this one's files are skipped.
    mine = answers.next_answer(prompt(tmp_path, 3)).audio_path
    resumed = AudioFileAnswers(other, counting_transcriber())
    assert resumed.skip_used([*recorded, mine]) == 1
    assert resumed.skip_used([None, tmp_path / "gone.wav"]) == 0  # copies missing: none used


def test_audio_folder_errors(tmp_path):
    with pytest.raises(UserError, match="no such folder"):
        AudioFileAnswers(tmp_path / "missing", counting_transcriber())
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no .wav files"):
        AudioFileAnswers(tmp_path / "empty", counting_transcriber())


@pytest.mark.parametrize("kind", ["silence", "whitenoise", "pinknoise", "brownnoise"])
def test_real_transcriber_invents_nothing_for_recorded_silence_or_noise(
        tmp_path, transcriber, kind):
    """Files made by sox (as a recorder would produce them) through the real transcriber."""
    import shutil
    import subprocess

    from tests.audio import require

    require(shutil.which("sox") is not None, "sox is not installed")
    folder = tmp_path / "answers"
    folder.mkdir()
    target = folder / f"{kind}.wav"
    effect = ["trim", "0", "5"] if kind == "silence" else ["synth", "5", kind, "vol", "0.3"]
    command = ["sox", "-n", "-r", "44100", "-c", "2", "-b", "16", str(target), *effect]
    subprocess.run(command, check=True, capture_output=True)
    answer = AudioFileAnswers(folder, transcriber).next_answer(prompt(tmp_path))
    assert answer.duration_s == pytest.approx(5.0, abs=0.05)
    assert answer.text == "" and answer.words == []


def test_resume_with_the_same_audio_folder_answers_from_the_next_file(
        tmp_path, sessions_dir, whisper_model_dir):
    import json as json_module

    from interviewer.live.wav import SAMPLE_RATE, load_audio, wav_bytes
    from interviewer.session.state import build_state
    from interviewer.session.store import list_sessions
    from tests.audio import TEST_DECODE
    from tests.support import run_cli

    folder = tmp_path / "answers"
    files = _tones(folder, 2)
    files[1].rename(tmp_path / "later.wav")  # the first run has one answer
    env = {"INTERVIEWER_WHISPER_OPTIONS": json_module.dumps(dict(TEST_DECODE, beam_size=1))}
    voice = ["--model", str(whisper_model_dir), "--audio-answers", str(folder)]
    first = run_cli("practice", "--stage", "manager", "--seed", "3", *voice, env=env,
                    timeout=300)
    assert "answers ran out" in first.stdout, first.stdout + first.stderr
    (tmp_path / "later.wav").rename(files[1])
    (store,) = list_sessions(sessions_dir)
    resumed = run_cli("resume", store.session_id, *voice, env=env, timeout=300)
    assert "answers ran out" in resumed.stdout, resumed.stdout + resumed.stderr
    copies = [store.folder / t.answer.audio for t in build_state(store.read()).turns
              if t.answer and t.answer.audio]
    expected = [wav_bytes(load_audio(f).samples, SAMPLE_RATE) for f in files]
    assert [c.read_bytes() for c in copies] == expected
