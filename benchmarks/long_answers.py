"""Long spoken answers built from real speech: the LJ Speech clips the tests carry.

An answer of about N seconds is the five clips (public domain, tests/data/speech) in a shuffled
order, again and again, with pauses of 0.4-2.5 s between them like a speaker thinking, and its
reference text is the clips' own transcriptions in the same order. Five clips hold only about
17 s of speech, so a 180 s answer repeats each about ten times; the order changes every pass so
no 30 s window holds the same run twice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SPEECH = Path(__file__).resolve().parents[1] / "tests" / "data" / "speech"
RATE = 16_000


@dataclass
class LongAnswer:
    """Audio (16 kHz mono float32) and what was said in it."""

    seconds: float
    samples: np.ndarray
    reference: str


def clips() -> list[tuple[np.ndarray, str]]:
    """The carried real speech clips and their reference texts."""
    from interviewer.live.wav import load_audio

    found = []
    for wav in sorted(SPEECH.glob("*.wav")):
        audio = load_audio(wav)
        assert audio.sample_rate == RATE, wav
        found.append((audio.samples, wav.with_suffix(".txt").read_text(encoding="utf-8")))
    if not found:
        raise SystemExit(f"no speech clips in {SPEECH}")
    return found


def long_answer(seconds: float, seed: int = 0) -> LongAnswer:
    """About `seconds` of real speech with pauses (at least one of each clip)."""
    rng = random.Random(seed)
    available = clips()
    pieces, said, total = [], [], 0.0
    while total < seconds:
        order = available[:]
        rng.shuffle(order)
        for samples, text in order:
            pause = np.zeros(int(RATE * rng.uniform(0.4, 2.5)), np.float32)
            pieces += [samples, pause]
            said.append(text.strip())
            total += (len(samples) + len(pause)) / RATE
            if total >= seconds:
                break
    audio = np.concatenate(pieces).astype(np.float32)
    return LongAnswer(seconds=len(audio) / RATE, samples=audio, reference=" ".join(said))
