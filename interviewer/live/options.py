"""Building the voice parts of an interview from the voice settings.

The command-line options live in `interviewer.cli.voice_options`, which hands commands one
`VoiceSettings`; `build_voice(settings)` turns it into the speaker and the answer source for the
engine. Building resolves and loads the Whisper model on the calling thread (so a missing model
is reported before a session starts, and the model is never built on a short-lived thread: one
built that way ran every later transcription 4-30x slower under CPU contention), and loads the
end-of-turn model, falling back to silence-only endpointing with a clear message without it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import UserError
from interviewer.live.timing import DEFAULT_END_SILENCE, DEFAULT_PATIENCE, DEFAULT_WAIT
from interviewer.live.whisper_models import DEFAULT_MODEL
from interviewer.session.ports import AnswerSource, Speaker


@dataclass
class VoiceSettings:
    """Everything the voice layer needs from the command line."""

    model: str = DEFAULT_MODEL
    language: str = "en"
    input_device: str | None = None
    output_device: str | None = None
    end_silence: float = DEFAULT_END_SILENCE
    max_answer: float = 300.0
    voice: str | None = None
    rate: int | None = None
    audio_answers: Path | None = None
    realtime: bool = True
    interrupt: bool = True
    barge_in: bool = True
    silence_only: bool = False
    patience: float = DEFAULT_PATIENCE
    wait_for_answer: float = DEFAULT_WAIT


@dataclass
class VoiceParts:
    """What the engine gets for a voice session."""

    speaker: Speaker
    answers: AnswerSource
    transcriber: object


def build_voice(settings: VoiceSettings, *, speak_aloud: bool | None = None,
                warm_up: bool = True) -> VoiceParts:
    """The speaker, transcriber and answer source for a voice session.

    Questions are spoken aloud for microphone answers; with `--audio-answers` they are only
    synthesized and saved (no one is listening live) unless `speak_aloud` says otherwise.
    """
    from interviewer.live.transcribe import WhisperTranscriber
    from interviewer.live.tts import Pyttsx3Speaker
    from interviewer.live.voice_answers import AudioFileAnswers

    files = settings.audio_answers is not None
    transcriber = WhisperTranscriber(model=settings.model, language=settings.language)
    if files:
        answers: AnswerSource = AudioFileAnswers(settings.audio_answers, transcriber)
    play = (not files) if speak_aloud is None else speak_aloud
    speaker = Pyttsx3Speaker(voice=settings.voice, rate=settings.rate,
                             output_device=settings.output_device, play=play)
    if not files:
        answers = _microphone_answers(settings, transcriber, speaker)
    if warm_up:
        prepare_transcriber(transcriber)
    return VoiceParts(speaker=speaker, answers=answers, transcriber=transcriber)


def prepare_transcriber(transcriber) -> None:
    """Load and warm the Whisper model here, on the thread that builds the session (benchmarks
    call this too, so they measure what a session does)."""
    transcriber.warm_up()


def load_turn_detector(settings: VoiceSettings, out=None):
    """The end-of-turn model's verdict function, or None for silence-only endpointing (asked
    for with --silence-only, or the model is missing: then a warning says how to install it)."""
    if settings.silence_only:
        return None
    import numpy as np

    from interviewer.live.smart_turn import SmartTurn

    try:
        model = SmartTurn()
    except UserError as exc:
        print(f"warning: no end-of-turn model ({exc}); answers end after "
              f"{settings.end_silence:g} s of silence instead.", file=out or sys.stderr)
        return None
    model.is_complete(np.zeros(1600, np.float32))  # the first run allocates
    return model.is_complete


def _microphone_answers(settings: VoiceSettings, transcriber, speaker) -> AnswerSource:
    """Answers from the microphone: transcribed while spoken, with interruptions (the default),
    or recorded whole and then transcribed (`--no-realtime`); barge-in unless `--no-barge-in`."""
    from interviewer.live.bargein import enable_barge_in
    from interviewer.live.capture import SoundDeviceMicrophone
    from interviewer.live.portaudio import find_device
    from interviewer.live.streaming_answers import StreamingVoiceAnswers
    from interviewer.live.voice_answers import VoiceAnswers, Waiting

    find_device(settings.input_device, "input")  # no microphone: say so before starting
    microphone = SoundDeviceMicrophone(device=settings.input_device,
                                       end_silence=settings.end_silence,
                                       turn_detector=load_turn_detector(settings),
                                       patience=settings.patience)
    waiting = Waiting(give_up=settings.wait_for_answer)
    if settings.barge_in and speaker.play_audio:
        enable_barge_in(speaker, microphone)
    if not settings.realtime:
        return VoiceAnswers(microphone, transcriber, speaker=speaker,
                            max_answer=settings.max_answer, waiting=waiting)
    # When to cut in is the brain's call (asked through each prompt); here only whether to.
    return StreamingVoiceAnswers(microphone, transcriber, speaker=speaker,
                                 max_answer=settings.max_answer, interrupt=settings.interrupt,
                                 waiting=waiting)
