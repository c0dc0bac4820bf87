"""Voice-like sessions for the report and replay tests.

Sessions are made the way users make them (the CLI with scripted answers), then given audio the
way the voice layer would: a WAV per question and answer under `audio/`, named in the events,
with word timestamps and spoken delivery. Each clip is a pure tone of its own pitch, so a test
can tell from a recording which clip played when.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from interviewer.rubric.delivery import delivery_from_words
from interviewer.session.events import AnswerRecorded, QuestionAsked
from interviewer.session.ports import Word
from interviewer.session.store import SessionStore, list_sessions
from tests.audio import write_wav
from tests.support import run_cli

CLIP_RATE = 16_000
ANSWERS = [
    "I led the migration of our billing service to a new queue. The principle I acted on was "
    "that context beats control, so I shared the data and let the team decide. I chose to ship "
    "in phases because a big-bang cutover was too risky. Revenue errors dropped 40 percent. "
    "Looking back, I would weight the on-call load more heavily.",
    "I disagreed with my director about cutting the test suite. I said so in the meeting, um, "
    "and showed the data on escaped defects. We kept the suite. I think candor matters even "
    "when it is uncomfortable.",
    "My manager told me my design docs were too long. I stopped writing ten pages and started "
    "writing a one-page summary with the decision up front. Reviews got faster.",
    "I'm expecting around 420k total compensation, based on levels.fyi data for senior "
    "engineers and a competing offer I have.",
]


def scripted_session(root: Path, *args: str, repeat: int = 25) -> SessionStore:
    """A session made by the CLI from scripted answers (`args`: e.g. 'loop', '--cold-start')."""
    answers = root / "answers.txt"
    answers.write_text("\n---\n".join(ANSWERS * repeat) + "\n", encoding="utf-8")
    sessions = root / "scripted"
    run_cli(*args, "--answers", str(answers), "--sessions-dir", str(sessions), timeout=120,
            check=True)
    (store,) = list_sessions(sessions)
    return store


def tone(frequency: float, seconds: float, rate: int = CLIP_RATE) -> np.ndarray:
    """A sine tone with short fades (no clicks that smear the spectrum)."""
    t = np.arange(int(seconds * rate)) / rate
    samples = 0.5 * np.sin(2 * np.pi * frequency * t)
    fade = min(len(t) // 10, int(0.01 * rate))
    ramp = np.linspace(0, 1, fade)
    samples[:fade] *= ramp
    samples[-fade:] *= ramp[::-1]
    return samples.astype(np.float32)


def clip_frequency(index: int) -> int:
    """The pitch of the index-th clip of a voiced session: distinct for the first 60 clips.

    They stay well under the 8 kHz a 16 kHz recording can hold.
    """
    return 500 + 100 * (index % 60)


def give_voice(source: SessionStore, folder: Path, seconds: float = 0.4,
               limit: int | None = None) -> tuple[SessionStore, list[tuple[str, int]]]:
    """Copy a session into `folder` as a voice session; returns it and its clips in order.

    Every question and answer (of the first `limit` turns; later turns are dropped) gets a WAV
    `audio/tNNN-1-question.wav` / `tNNN-2-answer.wav` holding a tone of its own pitch; answers
    get word timestamps and spoken delivery, as the voice layer records them.
    """
    store = SessionStore(folder)
    folder.mkdir(parents=True)
    clips: list[tuple[str, int]] = []
    for event in source.read():
        turn = getattr(event, "turn", None)
        if limit is not None and turn is not None and turn > limit:
            continue
        if isinstance(event, QuestionAsked):
            event = event.model_copy(update={"audio": _clip(folder, turn, "question", clips,
                                                            seconds)})
        elif isinstance(event, AnswerRecorded):
            words = _timed_words(event.text, pause_after=3 if turn % 2 else None)
            event = event.model_copy(update={
                "audio": _clip(folder, turn, "answer", clips, seconds),
                "duration_s": seconds,
                "source": "voice",
                "words": [(w.text, w.start, w.end) for w in words],
                "delivery": delivery_from_words(words, event.text, (60, 120)),
            })
        store.append(event)
    return store, clips


def _clip(folder: Path, turn: int, what: str, clips: list, seconds: float) -> str:
    order = 1 if what == "question" else 2
    relative = f"audio/t{turn:03d}-{order}-{what}.wav"
    frequency = clip_frequency(len(clips))
    (folder / relative).parent.mkdir(parents=True, exist_ok=True)
    write_wav(folder / relative, tone(frequency, seconds), rate=CLIP_RATE)
    clips.append((relative, frequency))
    return relative


def _timed_words(text: str, pause_after: int | None) -> list[Word]:
    """Words at ~140 words a minute with one long pause if asked, as a real answer would have.

    The timings run past the short test clip; only the delivery figures are derived from them.
    """
    words, start = [], 0.0
    for index, token in enumerate(text.split()):
        words.append(Word(token, start, start + 0.3))
        start += 60 / 140
        if index == pause_after:
            start += 2.5
    return words
