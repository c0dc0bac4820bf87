"""A random-weight Whisper model in CTranslate2 format, built without torch or a download.

Tests and benchmarks use it to run the real faster-whisper loading and decoding path (features,
VAD, beam search, word timestamps) on machines that cannot fetch real weights. Its text is
meaningless; only structure and timing can be asserted. The decoder embeddings are scaled up on
purpose: random logits then come out sharply peaked, so decoding is "confident" (high average
log-probability) like a real model's. That keeps the hallucination guards honest in tests: they
cannot pass just because random text looks unsure.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

N_MELS = 80
AUDIO_CTX = 1500  # encoder positions: 30 s of audio at 50 frames per second
TEXT_CTX = 448
SAMPLE_WORDS = (
    "the so we team data cache stream edge user test scale chose because I um uh like you know "
    "decided learned feedback changed stopped started principle judgment impact courage metric "
    "latency service outage launch customer priority tradeoff risk owner context candor"
).split()

# Whisper's special tokens, in its order, after the text vocabulary. English-only models (a
# vocabulary under 51865 entries) carry no language token in the start sequence.
SPECIAL_TOKENS = (
    "<|endoftext|>",
    "<|startoftranscript|>",
    "<|en|>",
    "<|translate|>",
    "<|transcribe|>",
    "<|startoflm|>",
    "<|startofprev|>",
    "<|nocaptions|>",
    "<|notimestamps|>",
)
TIMESTAMP_TOKENS = tuple(f"<|{i * 0.02:.2f}|>" for i in range(1501))

TINY_SHAPE = {"d_model": 384, "layers": 4, "heads": 6, "vocab_size": 51864}
TEST_SHAPE = {"d_model": 64, "layers": 1, "heads": 2, "vocab_size": 2000}


def build_random_whisper(
    folder: Path,
    *,
    d_model: int = 64,
    layers: int = 1,
    heads: int = 2,
    vocab_size: int = 2000,
    seed: int = 0,
) -> Path:
    """Write a random-weight Whisper model to `folder` and return it.

    `vocab_size` is the total vocabulary including special and timestamp tokens (Whisper
    tiny.en has 51864). The folder holds model.bin, config.json, vocabulary.json,
    tokenizer.json and preprocessor_config.json, like a converted real model.
    """
    from ctranslate2.specs import whisper_spec

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokens = _vocabulary(vocab_size)
    rng = np.random.default_rng(seed)
    spec = whisper_spec.WhisperSpec(layers, heads, layers, heads)
    _fill_encoder(spec.encoder, d_model, layers, rng)
    _fill_decoder(spec.decoder, d_model, layers, len(tokens), rng)
    spec.config.suppress_ids = []
    spec.config.suppress_ids_begin = [tokens.index("<|endoftext|>")]
    spec.config.lang_ids = [tokens.index("<|en|>")]
    spec.config.alignment_heads = [[layers // 2, h] for h in range(heads)]
    spec.register_vocabulary(tokens)
    spec.validate()
    spec.save(str(folder))
    _write_tokenizer(folder / "tokenizer.json", tokens)
    (folder / "preprocessor_config.json").write_text(json.dumps({
        "chunk_length": 30, "feature_size": N_MELS, "hop_length": 160, "n_fft": 400,
        "n_samples": 480000, "nb_max_frames": 3000, "sampling_rate": 16000,
    }))
    return folder


def _vocabulary(vocab_size: int) -> list[str]:
    """Byte-level text tokens, some whole words, then Whisper's special and timestamp tokens."""
    from tokenizers.pre_tokenizers import ByteLevel

    byte_chars = sorted(ByteLevel.alphabet())
    text_size = vocab_size - len(SPECIAL_TOKENS) - len(TIMESTAMP_TOKENS)
    if text_size < len(byte_chars) + len(SAMPLE_WORDS):
        raise ValueError(f"vocab_size {vocab_size} is too small for Whisper's special tokens")
    words = [f"\u0120{word}" for word in SAMPLE_WORDS]
    fillers = [f"\u0120w{i}" for i in range(text_size - len(byte_chars) - len(words))]
    return byte_chars + words + fillers + list(SPECIAL_TOKENS) + list(TIMESTAMP_TOKENS)


def _write_tokenizer(path: Path, tokens: list[str]) -> None:
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

    first_special = tokens.index(SPECIAL_TOKENS[0])
    vocab = {token: index for index, token in enumerate(tokens[:first_special])}
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=[]))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens(
        [AddedToken(token, special=True) for token in tokens[first_special:]]
    )
    for index, token in enumerate(tokens):
        if tokenizer.token_to_id(token) != index:
            raise RuntimeError(f"tokenizer id mismatch for {token!r}")
    tokenizer.save(str(path))


def _normal(rng, *shape, scale: float = 0.02) -> np.ndarray:
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def _layer_norm(spec, d_model: int) -> None:
    spec.gamma = np.ones(d_model, dtype=np.float32)
    spec.beta = np.zeros(d_model, dtype=np.float32)


def _linear(spec, rng, out_dim: int, in_dim: int) -> None:
    spec.weight = _normal(rng, out_dim, in_dim, scale=in_dim**-0.5)
    spec.bias = np.zeros(out_dim, dtype=np.float32)


def _attention(spec, rng, d_model: int, cross: bool = False) -> None:
    _layer_norm(spec.layer_norm, d_model)
    if cross:  # query, then fused key/value over the encoder output, then output
        _linear(spec.linear[0], rng, d_model, d_model)
        _linear(spec.linear[1], rng, 2 * d_model, d_model)
        _linear(spec.linear[2], rng, d_model, d_model)
    else:  # fused query/key/value, then output
        _linear(spec.linear[0], rng, 3 * d_model, d_model)
        _linear(spec.linear[1], rng, d_model, d_model)


def _ffn(spec, rng, d_model: int) -> None:
    _layer_norm(spec.layer_norm, d_model)
    _linear(spec.linear_0, rng, 4 * d_model, d_model)
    _linear(spec.linear_1, rng, d_model, 4 * d_model)


def _sinusoids(length: int, channels: int) -> np.ndarray:
    scales = np.exp(-np.log(10000) / (channels // 2 - 1) * np.arange(channels // 2))
    angles = np.arange(length)[:, None] * scales[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def _fill_encoder(spec, d_model: int, layers: int, rng) -> None:
    spec.conv1.weight = _normal(rng, d_model, N_MELS, 3, scale=0.1)
    spec.conv1.bias = np.zeros(d_model, dtype=np.float32)
    spec.conv2.weight = _normal(rng, d_model, d_model, 3, scale=0.05)
    spec.conv2.bias = np.zeros(d_model, dtype=np.float32)
    spec.position_encodings.encodings = _sinusoids(AUDIO_CTX, d_model)
    _layer_norm(spec.layer_norm, d_model)
    for layer in spec.layer[:layers]:
        _attention(layer.self_attention, rng, d_model)
        _ffn(layer.ffn, rng, d_model)


def _fill_decoder(spec, d_model: int, layers: int, vocab: int, rng) -> None:
    # Large embeddings (tied to the output projection) make the random logits peaked.
    embeddings = _normal(rng, vocab, d_model, scale=1.0)
    spec.embeddings.weight = embeddings
    spec.position_encodings.encodings = _normal(rng, TEXT_CTX, d_model, scale=0.02)
    _layer_norm(spec.layer_norm, d_model)
    spec.projection.weight = embeddings
    for layer in spec.layer[:layers]:
        _attention(layer.self_attention, rng, d_model)
        _attention(layer.attention, rng, d_model, cross=True)
        _ffn(layer.ffn, rng, d_model)
