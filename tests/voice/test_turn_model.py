"""The end-of-turn model (Smart Turn v3.2, installed by the set-up): its verdicts on spoken
phrases, its pinned file, and the silence-only fallback when it is missing."""

from __future__ import annotations

import io

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live import smart_turn
from interviewer.live.options import VoiceSettings, load_turn_detector
from interviewer.live.wav import load_audio
from tests.audio import espeak_wav

FINISHED = "I learned to ask for dissent much earlier in the project."
UNFINISHED = "The reason I made that call myself, instead of waiting for my manager, was"


def spoken(tmp_path, text: str, trailing: float = 0.3) -> np.ndarray:
    audio = load_audio(espeak_wav(tmp_path / "phrase.wav", text)).samples
    return np.concatenate([audio, np.zeros(int(trailing * 16_000), np.float32)])


def test_a_finished_sentence_sounds_finished_and_an_unfinished_phrase_does_not(turn_model,
                                                                                tmp_path):
    assert turn_model.probability_complete(spoken(tmp_path, FINISHED)) > 0.8
    assert turn_model.probability_complete(spoken(tmp_path, UNFINISHED)) < 0.2


def test_the_model_hears_the_last_eight_seconds_zero_padded_in_front(turn_model):
    short = turn_model.features(np.ones(16_000, np.float32))
    assert short.shape == (80, 800)
    long = turn_model.features(np.concatenate([np.zeros(16_000 * 20, np.float32),
                                               np.ones(16_000, np.float32)]))
    assert np.allclose(short, long)


def test_a_missing_model_says_how_to_install_it(tmp_path):
    with pytest.raises(UserError, match="install_models"):
        smart_turn.check_installed(tmp_path)
    (tmp_path / smart_turn.MODEL.name).write_bytes(b"not the model")
    (tmp_path / smart_turn.LICENSE.name).write_bytes(b"licence")
    with pytest.raises(UserError, match="damaged or not the pinned file"):
        smart_turn.check_installed(tmp_path)


def test_without_the_model_answers_end_by_silence_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path))
    out = io.StringIO()
    assert load_turn_detector(VoiceSettings(end_silence=2.5), out=out) is None
    assert "no end-of-turn model" in out.getvalue() and "2.5 s of silence" in out.getvalue()
    assert load_turn_detector(VoiceSettings(silence_only=True), out=out) is None
