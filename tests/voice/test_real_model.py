"""Accuracy on the real Whisper tiny.en (the embedded model the set-up installs).

Real speech comes from five LJ Speech clips the tests carry (public domain, tests/data/speech);
made speech from espeak-ng. The word-error limits are loose on purpose (tiny.en makes real slips,
"than" heard as "then"), so they catch a broken pipeline or a filter that throws speech away,
not one word's luck.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live.transcribe import WhisperTranscriber
from interviewer.live.wav import load_audio
from interviewer.live.word_errors import word_error_rate, word_errors, words
from interviewer.session.ports import Audio
from tests.audio import SPOKEN_ANSWER, espeak_wav
from tests.support import run_cli

SPEECH = Path(__file__).resolve().parents[1] / "data" / "speech"
CLIPS = sorted(SPEECH.glob("LJ*.wav"))


def reference(clip: Path) -> str:
    return clip.with_suffix(".txt").read_text(encoding="utf-8")


def test_the_carried_real_speech_is_there():
    assert len(CLIPS) == 5 and all(clip.with_suffix(".txt").is_file() for clip in CLIPS)


def test_real_speech_clips_are_transcribed_closely(real_transcriber):
    errors = total = 0
    for clip in CLIPS:
        text = real_transcriber.transcribe(load_audio(clip)).text
        assert word_error_rate(reference(clip), text) <= 0.35, (clip.name, text)
        errors += word_errors(reference(clip), text)
        total += len(words(reference(clip)))
    assert errors / total <= 0.15


def test_a_long_answer_with_pauses_keeps_all_its_speech(real_transcriber):
    # Twice through every clip with 1.2 s pauses (about 45 s): each pause is where the old
    # filter threw away confident speech when the no-speech head fired on its own.
    pause = np.zeros(int(16_000 * 1.2), np.float32)
    pieces, said = [], []
    for clip in CLIPS + CLIPS[::-1]:
        pieces += [load_audio(clip).samples, pause]
        said.append(reference(clip))
    transcript = real_transcriber.transcribe(Audio(np.concatenate(pieces)))
    assert word_error_rate(" ".join(said), transcript.text) <= 0.2, transcript.text
    assert transcript.words and transcript.words[-1].end > 40


def test_an_espeak_answer_is_transcribed_with_timestamps(real_transcriber, spoken_answer):
    audio = load_audio(spoken_answer)
    transcript = real_transcriber.transcribe(audio)
    assert word_error_rate(SPOKEN_ANSWER, transcript.text) <= 0.25, transcript.text
    starts = [word.start for word in transcript.words]
    assert starts == sorted(starts) and starts[-1] <= audio.duration_s


def test_reading_stops_at_the_end_of_the_speech(real_transcriber, spoken_answer, monkeypatch):
    """A short answer is one encoder pass: faster-whisper would start a second 30 s window at
    the last word it timed, over nothing but the trailing silence (twice the work, on the
    critical path of every end of turn, and where Whisper invents a closing "Thank you.")."""
    audio = load_audio(spoken_answer)
    audio = Audio(np.concatenate([audio.samples, np.zeros(audio.sample_rate, np.float32)]),
                  audio.sample_rate)
    model = real_transcriber.whisper()
    windows = []
    encode = model.encode
    monkeypatch.setattr(model, "encode", lambda features: windows.append(1) or encode(features))
    transcript = real_transcriber.transcribe(audio)
    assert len(windows) == 1
    assert word_error_rate(SPOKEN_ANSWER, transcript.text) <= 0.25, transcript.text
    assert "thank" not in transcript.text.lower()


FILLED_ANSWER = ("Um, so, I think the main thing, uh, was that we, you know, shipped it too "
                 "early. Uh, I decided to roll back the launch.")


def test_the_filler_prompt_keeps_spoken_fillers(real_transcriber, tmp_path):
    """What delivery scoring can count: with the project's initial prompt, tiny.en writes the
    fillers espeak-ng says; without it, it drops them (as Whisper does by default)."""
    wav = espeak_wav(tmp_path / "filled.wav", FILLED_ANSWER, words_per_minute=150)
    said = words(FILLED_ANSWER)
    fillers = {"um", "uh"}
    expected = sum(word in fillers for word in said)
    kept = sum(word in fillers for word in words(real_transcriber.transcribe(load_audio(wav)).text))
    plain = WhisperTranscriber(model=str(real_transcriber.path), initial_prompt=None,
                               decode_options={"beam_size": 5})
    dropped = sum(word in fillers for word in words(plain.transcribe(load_audio(wav)).text))
    assert kept >= expected - 1
    assert dropped < kept


def test_other_languages_are_refused_on_english_only_weights(real_model_dir, tmp_path):
    renamed = tmp_path / "my-speech-model"  # no ".en" in the name: the config says so
    renamed.symlink_to(real_model_dir, target_is_directory=True)
    with pytest.raises(UserError, match="only knows English"):
        WhisperTranscriber(model=str(renamed), language="de")


def test_the_embedded_model_carries_openais_licence(real_model_dir):
    from interviewer.live import embedded_model

    notice = real_model_dir / embedded_model.LICENSE_NAME
    assert notice.read_text() == embedded_model.LICENSE_SOURCE.read_text()
    assert "Copyright (c) 2022 OpenAI" in notice.read_text()


def test_practice_refuses_another_language_on_the_embedded_model_in_one_line(real_model_dir):
    done = run_cli("practice", "--stage", "manager", "--model", "embedded", "--language", "de",
                   input="", timeout=120,
                   env={"INTERVIEWER_MODELS_DIR": str(real_model_dir.parent)})
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "only knows English" in lines[0], done.stderr
