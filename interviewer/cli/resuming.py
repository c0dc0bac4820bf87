"""Continuing a stopped session: the same kind of answers, carrying on where they stopped."""

from __future__ import annotations

from pathlib import Path

import click

from interviewer.cli.hints import printable, session_command
from interviewer.cli.options import make_brains, resolve_sessions_dir
from interviewer.cli.session_inputs import build_inputs
from interviewer.cli.session_runner import run_session
from interviewer.errors import UserError
from interviewer.live.options import VoiceSettings
from interviewer.session.state import load_state
from interviewer.session.store import DAMAGED_FILE, find_session
from interviewer.session.text_answers import ScriptedAnswers


def resume_session(
    session: str,
    text_mode: bool,
    answers_file: Path | None,
    voice: VoiceSettings,
    brain: str | None,
    sessions_dir: Path | None,
) -> None:
    """Run SESSION on from its first unanswered question; a complete session is an error."""
    store = find_session(session, resolve_sessions_dir(sessions_dir))
    state = load_state(store)
    if state.complete:
        raise UserError(
            f"session {printable(store.session_id)} is already complete; "
            f"see it with `{session_command('replay', store, '--no-audio')}`"
        )
    brains = make_brains(brain or state.started.brain)
    # Typed sessions carry on typed unless told otherwise; voice sessions carry on by voice.
    typed = text_mode or (
        state.started.input in ("typed", "script")
        and not answers_file
        and voice.audio_answers is None
    )
    answers, speaker = build_inputs(typed, answers_file, voice)
    if isinstance(answers, ScriptedAnswers):
        # The same script carries on where it stopped instead of answering from its first block.
        answers.skip_used([t.answer.text for t in state.turns
                           if t.answer and t.answer.source == "script"])
    elif voice.audio_answers is not None and not typed:
        from interviewer.live.voice_answers import AudioFileAnswers

        if isinstance(answers, AudioFileAnswers):  # the same folder carries on likewise
            answers.skip_used([store.folder / t.answer.audio if t.answer.audio else None
                               for t in state.turns
                               if t.answer and t.answer.source == "audio-file"])
    with store.writing():
        if store.set_aside_damage():
            click.echo(f"Damaged lines were copied to {store.folder / DAMAGED_FILE}.", err=True)
        run_session(store, answers, speaker, brains, echo=answers_file is not None or bool(speaker),
                    resuming=True)
