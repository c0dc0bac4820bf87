"""The voice command-line options: commands add `@voice_options` and get one `VoiceSettings`.

Model, language, voice, rate and end silence fall back to $INTERVIEWER_* and the user's config
file (interviewer.settings) when not given on the command line."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from interviewer import settings
from interviewer.live.options import VoiceSettings
from interviewer.live.timing import DEFAULT_END_SILENCE, DEFAULT_PATIENCE, DEFAULT_WAIT
from interviewer.live.whisper_models import DEFAULT_MODEL

VOICE_OPTION_NAMES = ("model", "language", "input_device", "output_device", "end_silence",
                      "max_answer", "voice", "rate", "audio_answers", "realtime", "interrupt",
                      "barge_in", "silence_only", "patience", "wait_for_answer")


def voice_options(func):
    """Add the voice options to a click command; it receives them as `voice: VoiceSettings`."""
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
        click.option("--patience", type=click.FloatRange(min=1, max=60),
                     default=DEFAULT_PATIENCE, show_default=True,
                     help="Seconds of silence allowed after an unfinished thought before the "
                     "answer ends (a finished one is answered after a short pause)."),
        click.option("--silence-only", is_flag=True,
                     help="End answers by silence alone (--end-silence), without the "
                     "end-of-turn model."),
        click.option("--end-silence", type=click.FloatRange(min=0.5, max=30), default=None,
                     callback=settings.click_callback("end_silence"),
                     help="With --silence-only (or no end-of-turn model): seconds of silence "
                     f"that end an answer [default: {DEFAULT_END_SILENCE:g}]."),
        click.option("--wait-for-answer", type=click.FloatRange(min=10, max=600),
                     default=DEFAULT_WAIT, show_default=True,
                     help="Seconds of silence after a question before moving on (gentle "
                     "nudges come before); the question is recorded as not answered."),
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
                     help="Keep the interviewer talking when you start speaking over it (if its "
                     "own voice stops it on loud speakers)."),
    ]

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        values = {name: kwargs.pop(name) for name in VOICE_OPTION_NAMES}
        return func(*args, voice=VoiceSettings(**values), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
