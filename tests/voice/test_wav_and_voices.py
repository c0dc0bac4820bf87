"""WAV files (private, 16-bit, resampled) and choosing a voice per persona."""

from __future__ import annotations

import stat

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live.voices import VoiceInfo, choose_voice
from interviewer.live.wav import load_audio, read_wav, resample, save_wav
from interviewer.session.ports import Audio
from tests.audio import write_wav


def test_saved_audio_is_private_16_bit_pcm(tmp_path):
    tone = np.sin(np.linspace(0, 2 * np.pi * 440, 16_000)).astype(np.float32) * 0.5
    path = save_wav(tmp_path / "session" / "audio" / "t001-2-answer.wav", Audio(tone))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    samples, rate = read_wav(path)
    assert rate == 16_000 and len(samples) == 16_000
    np.testing.assert_allclose(samples, tone, atol=1e-3)


def test_stereo_44k_file_becomes_16k_mono(tmp_path):
    seconds = 1.5
    frames = int(44_100 * seconds)
    left = np.sin(np.linspace(0, 2 * np.pi * 300 * seconds, frames)) * 0.4
    stereo = np.stack([left, left], axis=1).reshape(-1)
    path = write_wav(tmp_path / "a.wav", stereo, rate=44_100, channels=2)
    audio = load_audio(path)
    assert audio.sample_rate == 16_000
    assert abs(audio.duration_s - seconds) < 0.01
    assert 0.35 < np.abs(audio.samples).max() <= 0.41


def test_resample_keeps_duration():
    assert len(resample(np.zeros(22_050, np.float32), 22_050, 16_000)) == 16_000
    assert len(resample(np.zeros(0, np.float32), 22_050)) == 0


def test_unreadable_audio_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not audio at all")
    with pytest.raises(UserError, match="cannot read audio"):
        load_audio(bad)


ESPEAK = [
    VoiceInfo("gmw/en", "English (Great Britain)", "Male", ("en-gb",)),
    VoiceInfo("gmw/en-us", "English (America)", "Male", ("en-us",)),
    VoiceInfo("roa/fr", "French", "Male", ("fr-fr",)),
]
NATIVE = [
    VoiceInfo("com.apple.daniel", "Daniel", "Male", ("en_GB",)),
    VoiceInfo("com.apple.samantha", "Samantha", "Female", ("en_US",)),
    VoiceInfo("com.apple.amelie", "Amelie", "Female", ("fr_CA",)),
]


def test_espeak_personas_get_gendered_variants_of_an_english_voice():
    assert choose_voice(ESPEAK, "female", espeak=True) == "gmw/en-us+f3"
    assert choose_voice(ESPEAK, "male", espeak=True) == "gmw/en-us+m3"
    assert choose_voice(ESPEAK, "any", espeak=True) == "gmw/en-us"
    assert choose_voice(list(reversed(ESPEAK)), "female", espeak=True) == "gmw/en-us+f3"


def test_native_drivers_use_reported_genders():
    assert choose_voice(NATIVE, "female", espeak=False) == "com.apple.samantha"
    assert choose_voice(NATIVE, "male", espeak=False) == "com.apple.daniel"


def test_voice_override_by_name_and_unknown_name():
    assert choose_voice(ESPEAK, "French", espeak=True) == "roa/fr"
    assert choose_voice(ESPEAK, "en-us+f4", espeak=True) == "gmw/en-us+f4"
    with pytest.raises(UserError, match="--voice 'klingon'"):
        choose_voice(ESPEAK, "klingon", espeak=True)
