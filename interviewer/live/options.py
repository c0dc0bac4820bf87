"""Voice command-line options and building the voice parts of an interview from them.

Commands add `@voice_options` and receive one `voice: VoiceSettings` argument instead of nine;
`build_voice(settings)` turns it into the speaker and the answer source for the engine. Building
resolves the Whisper model first (so a missing model is reported before a session starts) and
warms the model up in the background while the first question is spoken.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import click

from interviewer import settings
from interviewer.live.whisper_models import DEFAULT_MODEL
from interviewer.session.ports import AnswerSource, Speaker

VOICE_OPTION_NAMES = ("model", "language", "input_device", "output_device", "end_silence",
                      "max_answer", "voice", "rate", "audio_answers", "realtime", "interrupt",
                      "barge_in")


@dataclass
class VoiceSettings:
    """Everything the voice layer needs from the command line."""

    model: str = DEFAULT_MODEL
    language: str = "en"
    input_device: str | None = None
    output_device: str | None = None
    end_silence: float = 2.5
    max_answer: float = 300.0
    voice: str | None = None
    rate: int | None = None
    audio_answers: Path | None = None
    realtime: bool = True
    interrupt: bool = True
    barge_in: bool = True


@dataclass
class VoiceParts:
    """What the engine gets for a voice session."""

    speaker: Speaker
    answers: AnswerSource
    transcriber: object


def voice_options(func):
    """Add the voice options to a click command; it receives them as `voice: VoiceSettings`.

    Model, language, voice, rate and end silence fall back to $INTERVIEWER_* and the user's
    config file (interviewer.settings) when not given on the command line."""
    options = [
        click.option("--model", default=None, callback=settings.click_callback("model"),
                     help="Whisper model: a size (tiny.en, base.en, small.en...), `embedded` "
                     "(the offline tiny.en the set-up installs) or a local CTranslate2 model "
                     f"folder [default: {DEFAULT_MODEL}, or $INTERVIEWER_MODEL, or config.toml]."),
        click.option("--language", default=None, callback=settings.click_callback("language"),
                     help="Language spoken in answers (a Whisper code, or auto) [default: en]."),
        click.option("--input-device", default=None,
                     help="Microphone: device number or part of its name (see "
                     "`interviewer doctor`)."),
        click.option("--output-device", default=None,
                     help="Speaker for the interviewer's voice: number or part of its name."),
        click.option("--end-silence", type=click.FloatRange(min=0.5, max=30), default=None,
                     callback=settings.click_callback("end_silence"),
                     help="Seconds of silence that end an answer [default: 2.5]."),
        click.option("--max-answer", type=click.FloatRange(min=5, max=3600), default=300,
                     show_default=True, help="Longest answer in seconds."),
        click.option("--voice", default=None, callback=settings.click_callback("voice"),
                     help="Interviewer voice for every persona: female, male or an installed "
                     "voice name."),
        click.option("--rate", type=click.IntRange(min=60, max=400), default=None,
                     callback=settings.click_callback("rate"),
                     help="Interviewer speaking rate in words per minute (default: per persona)."),
        click.option("--audio-answers", type=click.Path(file_okay=False, path_type=Path),
                     default=None,
                     help="Answer from the WAV files in this folder, in name order, instead of "
                     "the microphone."),
        click.option("--realtime/--no-realtime", default=True, show_default=True,
                     help="Transcribe while you speak, so the interviewer replies as soon as "
                     "you stop and can cut in. --no-realtime records the whole answer, then "
                     "transcribes it."),
        click.option("--no-interrupt", "interrupt", flag_value=False, default=True,
                     help="Never cut into an answer (the interviewer waits for you to stop)."),
        click.option("--no-barge-in", "barge_in", flag_value=False, default=True,
                     help="Keep the interviewer talking when you start speaking over it (for "
                     "loud speakers without headphones, if its own voice stops it)."),
    ]

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        values = {name: kwargs.pop(name) for name in VOICE_OPTION_NAMES}
        return func(*args, voice=VoiceSettings(**values), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


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
        transcriber.warm_up_in_background()
    return VoiceParts(speaker=speaker, answers=answers, transcriber=transcriber)


def _microphone_answers(settings: VoiceSettings, transcriber, speaker) -> AnswerSource:
    """Answers from the microphone: transcribed while spoken, with interruptions (the default),
    or recorded whole and then transcribed (`--no-realtime`); barge-in unless `--no-barge-in`."""
    from interviewer.live.bargein import enable_barge_in
    from interviewer.live.capture import SoundDeviceMicrophone
    from interviewer.live.interrupt import InterruptPolicy
    from interviewer.live.portaudio import find_device
    from interviewer.live.streaming_answers import StreamingVoiceAnswers
    from interviewer.live.voice_answers import VoiceAnswers
    from interviewer.rubric.content import default_content

    find_device(settings.input_device, "input")  # no microphone: say so before starting
    microphone = SoundDeviceMicrophone(device=settings.input_device,
                                       end_silence=settings.end_silence)
    if settings.barge_in and speaker.play_audio:
        enable_barge_in(speaker, microphone)
    if not settings.realtime:
        return VoiceAnswers(microphone, transcriber, speaker=speaker,
                            max_answer=settings.max_answer)
    policy = InterruptPolicy.from_content(default_content().interruptions,
                                          enabled=settings.interrupt)
    return StreamingVoiceAnswers(microphone, transcriber, speaker=speaker,
                                 max_answer=settings.max_answer, interrupt=policy)
