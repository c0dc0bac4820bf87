"""The real faster-whisper path on a random-weight model: structure, guards and errors."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.errors import UserError
from interviewer.live import whisper_models
from interviewer.live.transcribe import WhisperTranscriber, keep_segment, load_model
from interviewer.live.wav import load_audio
from interviewer.session.ports import Audio
from tests.audio import TEST_DECODE


def test_speech_gives_words_with_ordered_timestamps_inside_the_audio(transcriber, spoken_answer):
    audio = load_audio(spoken_answer)
    transcript = transcriber.transcribe(audio)
    assert transcript.text.strip()
    assert transcript.words
    assert transcript.duration_s == pytest.approx(audio.duration_s)
    starts = [word.start for word in transcript.words]
    assert starts == sorted(starts)
    for word in transcript.words:
        assert 0.0 <= word.start <= word.end <= audio.duration_s + 0.05
        assert word.text == word.text.strip() and word.text


def test_other_sample_rates_are_resampled(transcriber, spoken_answer):
    audio = load_audio(spoken_answer)
    doubled = Audio(np.repeat(audio.samples, 2), sample_rate=32_000)
    assert transcriber.transcribe(doubled).words


@pytest.mark.parametrize("kind", ["silence", "white", "hum", "clicks"])
def test_no_text_is_invented_for_silence_or_noise(transcriber, kind):
    rng = np.random.default_rng(7)
    seconds = 6
    t = np.arange(16_000 * seconds) / 16_000
    samples = {
        "silence": np.zeros_like(t),
        "white": rng.standard_normal(len(t)) * 0.1,
        "hum": 0.2 * np.sin(2 * np.pi * 60 * t) + 0.1 * np.sin(2 * np.pi * 120 * t),
        "clicks": (rng.random(len(t)) > 0.999) * 0.8,
    }[kind].astype(np.float32)
    transcript = transcriber.transcribe(Audio(samples))
    assert transcript.text == ""
    assert transcript.words == []


def test_empty_audio_is_an_empty_transcript(transcriber):
    assert transcriber.transcribe(Audio(np.zeros(0, np.float32))).text == ""


@pytest.mark.parametrize(
    ("no_speech", "logprob", "compression", "kept"),
    [
        (0.01, -0.2, 1.4, True),  # ordinary speech
        (0.80, -0.2, 1.4, True),  # no-speech head unsure, text confident: speech (Whisper)
        (0.80, -1.2, 1.4, False),  # probably silence and improbable text: Whisper's rule
        (0.01, -0.2, 3.1, False),  # "thank you thank you thank you": a decoding loop
        (0.01, -1.8, 1.4, False),  # barely more likely than noise
        (0.40, -1.2, 1.4, True),  # unsure text, but silence is not likely: keep
        (0.10, -1.2, 1.4, True),  # unsure but clearly speech: keep (mumbled answers count)
    ],
)
def test_segment_guard(no_speech, logprob, compression, kept):
    assert keep_segment(no_speech, logprob, compression) is kept


def test_model_is_loaded_once_per_process_and_warm_up_runs_in_background(whisper_model_dir):
    first = WhisperTranscriber(model=str(whisper_model_dir), beam_size=1,
                               decode_options=dict(TEST_DECODE))
    thread = first.warm_up_in_background()
    thread.join(timeout=60)
    second = WhisperTranscriber(model=str(whisper_model_dir), beam_size=1)
    assert first.whisper() is second.whisper()
    assert first.load_seconds is not None
    assert load_model(first.path, first.cpu_threads, "int8") is first.whisper()


def test_language_checks(whisper_model_dir):
    with pytest.raises(UserError, match="--language 'xx'"):
        WhisperTranscriber(model=str(whisper_model_dir), language="xx")
    # The folder name says nothing; its vocabulary (no language tokens) says English-only.
    renamed = whisper_model_dir.parent / "speech-model"
    renamed.symlink_to(whisper_model_dir, target_is_directory=True)
    with pytest.raises(UserError, match="only knows English"):
        WhisperTranscriber(model=str(renamed), language="de")
    assert WhisperTranscriber(model=str(renamed), language="auto").language == "auto"


def test_english_only_is_read_from_the_vocabulary_size(tmp_path):
    (tmp_path / "vocabulary.txt").write_text("t\n" * whisper_models.MULTILINGUAL_VOCABULARY)
    assert whisper_models.english_only(tmp_path) is False
    (tmp_path / "vocabulary.txt").write_text("t\n" * 51864)
    assert whisper_models.english_only(tmp_path) is True
    (tmp_path / "vocabulary.txt").unlink()
    assert whisper_models.english_only(tmp_path) is None


def test_model_folder_errors(tmp_path):
    with pytest.raises(UserError, match="no such folder"):
        WhisperTranscriber(model=str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="no model.bin"):
        WhisperTranscriber(model=str(tmp_path / "empty"))
    with pytest.raises(UserError, match="neither a model size"):
        WhisperTranscriber(model="enormous")


def test_offline_without_the_model_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(whisper_models, "cached_model", lambda name, cache_dir=None: None)
    with pytest.raises(UserError) as caught:
        WhisperTranscriber(model="base.en")
    message = str(caught.value)
    assert "--model PATH" in message and "connected machine" in message
    assert "python3 -m interviewer.live.embedded_model" in message
    assert "\n" not in message


def test_offline_without_the_model_uses_the_embedded_one(tmp_path, monkeypatch, capsys,
                                                          real_model_dir):
    models = tmp_path / "models" / "whisper-tiny.en"
    models.mkdir(parents=True)
    for file in real_model_dir.iterdir():
        (models / file.name).symlink_to(file)
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(whisper_models, "cached_model", lambda name, cache_dir=None: None)
    assert WhisperTranscriber(model="base.en").path == models
    said = capsys.readouterr().err.strip()
    assert "'base.en' is not downloaded" in said and "embedded tiny.en" in said
    assert "\n" not in said
    assert WhisperTranscriber(model="embedded").path == models


def test_a_damaged_embedded_model_is_refused_before_use(tmp_path, monkeypatch):
    models = tmp_path / "models" / "whisper-tiny.en"
    models.mkdir(parents=True)
    for name in ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt"):
        (models / name).write_bytes(b"not the model")
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    with pytest.raises(UserError, match="damaged or not the pinned file.*Reinstall"):
        WhisperTranscriber(model="embedded")


def test_failed_download_is_one_clear_line_and_shows_progress_first(monkeypatch, capsys,
                                                                   tmp_path):
    import huggingface_hub

    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "no-models"))
    calls = []

    def fake_download(repo_id, **kwargs):
        calls.append(kwargs)
        if kwargs.get("local_files_only"):
            raise huggingface_hub.errors.LocalEntryNotFoundError("not cached")
        assert "tqdm_class" not in kwargs  # progress bars are left on
        raise OSError("[Errno -2] Name or service not known\nlong traceback text")

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_download)
    with pytest.raises(UserError) as caught:
        WhisperTranscriber(model="tiny.en")
    assert "Name or service not known" in str(caught.value)
    assert "long traceback" not in str(caught.value)
    assert "Downloading the Whisper model 'tiny.en' (about 75 MB)" in capsys.readouterr().err
    assert [c.get("local_files_only", False) for c in calls] == [True, False]


def test_cached_model_is_used_without_network(whisper_model_dir, monkeypatch):
    import huggingface_hub

    def cached_only(repo_id, **kwargs):
        assert kwargs["local_files_only"] is True
        assert repo_id == "Systran/faster-whisper-tiny.en"
        return str(whisper_model_dir)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", cached_only)
    assert WhisperTranscriber(model="tiny.en").path == whisper_model_dir


def _embedded_copy(tmp_path, real_model_dir):
    models = tmp_path / "models" / "whisper-tiny.en"
    models.mkdir(parents=True)
    for file in real_model_dir.iterdir():
        (models / file.name).symlink_to(file)
    return models


def _hub_calls(monkeypatch, cached: dict[str, str] | None = None) -> list[tuple[str, bool]]:
    """Record every snapshot_download: (repo, local only); only `cached` repos are found."""
    import huggingface_hub

    calls: list[tuple[str, bool]] = []

    def recorded(repo_id, **kwargs):
        calls.append((repo_id, bool(kwargs.get("local_files_only"))))
        if kwargs.get("local_files_only") and cached and repo_id in cached:
            return cached[repo_id]
        raise huggingface_hub.errors.LocalEntryNotFoundError("not cached")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", recorded)
    return calls


def test_nobody_choosing_a_model_uses_the_embedded_one_without_a_download(
        tmp_path, monkeypatch, capsys, real_model_dir):
    models = _embedded_copy(tmp_path, real_model_dir)
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)  # online as far as anyone knows
    calls = _hub_calls(monkeypatch)
    assert WhisperTranscriber().path == models
    assert WhisperTranscriber(model="auto").path == models
    assert all(local for _, local in calls), calls  # the cache was looked at, nothing fetched
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 2 and said[0] == said[1]
    assert "using the embedded tiny.en" in said[0] and "--model base.en" in said[0]
    assert "INTERVIEWER_MODEL=base.en" in said[0] and "Downloading" not in said[0]


def test_auto_prefers_a_cached_base_en(tmp_path, monkeypatch, capsys, real_model_dir,
                                       whisper_model_dir):
    _embedded_copy(tmp_path, real_model_dir)
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    calls = _hub_calls(monkeypatch, {"Systran/faster-whisper-base.en": str(whisper_model_dir)})
    assert WhisperTranscriber(model="auto").path == whisper_model_dir
    assert calls == [("Systran/faster-whisper-base.en", True)]
    assert capsys.readouterr().err == ""


def test_a_model_the_user_named_is_downloaded_when_not_cached(tmp_path, monkeypatch, capsys,
                                                              real_model_dir):
    models = _embedded_copy(tmp_path, real_model_dir)
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    calls = _hub_calls(monkeypatch)  # the download "fails": no network here
    assert WhisperTranscriber(model="base.en").path == models
    assert calls == [("Systran/faster-whisper-base.en", True),
                     ("Systran/faster-whisper-base.en", False)]
    assert "Downloading the Whisper model 'base.en'" in capsys.readouterr().err


def test_auto_downloads_base_en_only_when_no_model_is_on_the_machine(tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "no-models"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    calls = _hub_calls(monkeypatch)
    with pytest.raises(UserError, match="embedded tiny.en is not installed"):
        WhisperTranscriber()
    assert calls[-1] == ("Systran/faster-whisper-base.en", False)


def test_session_model_names_what_a_session_would_use(tmp_path, monkeypatch, real_model_dir):
    _embedded_copy(tmp_path, real_model_dir)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("INTERVIEWER_MODELS_DIR", str(tmp_path / "models"))
    calls = _hub_calls(monkeypatch)
    assert whisper_models.session_model(None) == "the embedded tiny.en"
    assert whisper_models.session_model("base.en") == "base.en (downloaded first)"
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert whisper_models.session_model("base.en") == "the embedded tiny.en"
    assert whisper_models.session_model(str(tmp_path)) == f"the folder {tmp_path}"
    assert all(local for _, local in calls)
