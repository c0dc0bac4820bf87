"""Where a session's answers come from and who speaks its questions, from the command's options."""

from __future__ import annotations

from pathlib import Path

from interviewer.errors import UserError
from interviewer.live.options import VoiceSettings, build_voice
from interviewer.session.ports import AnswerSource, Speaker
from interviewer.session.text_answers import ScriptedAnswers, TypedAnswers


def build_inputs(
    text_mode: bool, answers_file: Path | None, voice: VoiceSettings
) -> tuple[AnswerSource, Speaker | None]:
    """Where answers come from and who speaks the questions."""
    if answers_file is not None:
        return ScriptedAnswers(answers_file), None
    if text_mode:
        return TypedAnswers(), None
    _check_answer_folder(voice.audio_answers)  # cheap checks before the model is looked for
    from interviewer.live.alsa_messages import quiet_underruns

    quiet_underruns()  # before PortAudio opens a stream: xrun chatter stays off the screen
    parts = build_voice(voice)
    return parts.answers, parts.speaker


def input_name(text_mode: bool, answers_file: Path | None, voice: VoiceSettings) -> str:
    """The `input` a new session records: script, typed, audio-file or voice."""
    if answers_file is not None:
        return "script"
    if text_mode:
        return "typed"
    return "audio-file" if voice.audio_answers is not None else "voice"


def _check_answer_folder(folder: Path | None) -> None:
    """`--audio-answers` names a folder with audio in it: said before any model is touched."""
    from interviewer.live.voice_answers import AUDIO_SUFFIXES

    if folder is None:
        return
    folder = folder.expanduser()
    if not folder.is_dir():
        raise UserError(f"--audio-answers {folder}: no such folder")
    if not any(p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES for p in folder.iterdir()):
        raise UserError(f"--audio-answers {folder}: no .wav files in it")
