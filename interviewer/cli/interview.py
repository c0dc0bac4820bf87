"""`practice`, `loop` and `resume`: running interviews."""

from __future__ import annotations

import contextlib
import random
import sys
from pathlib import Path

import click

from interviewer.brains.base import Brain
from interviewer.cli import cli
from interviewer.cli.choice import Choice
from interviewer.cli.hints import printable, session_command
from interviewer.cli.options import (
    answer_options,
    brain_option,
    make_brains,
    resolve_sessions_dir,
    sessions_dir_option,
)
from interviewer.cli.voice_options import voice_options
from interviewer.console import Console
from interviewer.errors import UserError
from interviewer.live.options import VoiceSettings, build_voice
from interviewer.report.derived import write_derived
from interviewer.report.focus import summary_lines, work_on
from interviewer.rubric.content import DEFAULT_ROLE, ROLES, STAGES, Content, default_content
from interviewer.rubric.planning import PlanRequest, plan_loop, plan_own_question, plan_practice
from interviewer.session.asked import asked_counts
from interviewer.session.engine import AnswersExhausted, EngineParts, InterviewEngine, stop
from interviewer.session.events import SessionStarted
from interviewer.session.files import DiskFullError
from interviewer.session.ports import AnswerSource, Speaker
from interviewer.session.state import load_state
from interviewer.session.store import DAMAGED_FILE, SessionStore, find_session
from interviewer.session.summary import session_overall, value_coverage
from interviewer.session.text_answers import ScriptedAnswers, TypedAnswers
from interviewer.session.whereabouts import Whereabouts


def role_option(func):
    """`--role engineer|product|design`: shapes the technical screen and the onsite."""
    return click.option(
        "--role",
        type=Choice(ROLES),
        default=DEFAULT_ROLE,
        show_default=True,
        help="Your role: engineers get coding and system design, product managers product "
        "sense, designers a portfolio walkthrough.",
    )(func)


@cli.command()
@click.option(
    "--stage", type=Choice(STAGES), required=True, help="Which interview to practise."
)
@role_option
@click.option(
    "--question",
    "own_question",
    default=None,
    help="Practise a question of your own instead of one from the bank.",
)
@click.option(
    "--topic",
    default=None,
    help="A technical topic to practise, e.g. cdn, coding, churn (--stage technical or onsite).",
)
@answer_options
@voice_options
@click.option("--seed", type=int, default=None, help="Same seed and answers: same interview.")
@click.option(
    "--focus",
    "focus_values",
    multiple=True,
    help="A value to practise (repeatable); its questions come first.",
)
@click.option(
    "--thin",
    is_flag=True,
    help="Aim at the three thinnest values in your story bank (`interviewer stories coverage`).",
)
@brain_option
@sessions_dir_option
def practice(
    stage, role, own_question, topic, text_mode, answers_file, voice, seed, focus_values, thin,
    brain, sessions_dir,
) -> None:
    """One interview of the loop: recruiter, manager, technical, or the onsite panel."""
    content = default_content()
    seed = _seed(seed)
    focus = _check_values(focus_values)
    if (focus or thin) and not content.is_behavioural(stage):
        raise UserError(
            f"--focus and --thin choose behavioural questions and the {stage} stage has none; "
            f"use them with --stage {' or --stage '.join(content.behavioural_stages)}"
        )
    if thin:
        from interviewer.prep import thin_focus

        focus += [value for value in thin_focus() if value not in focus]
    request = PlanRequest(role=role, focus_values=focus, topic=_check_topic(content, stage,
                                                                              role, topic),
                          asked=asked_counts(resolve_sessions_dir(sessions_dir)))
    if own_question is not None:
        if not own_question.strip():
            raise UserError("--question is empty; give the question text in quotes")
        interviews = plan_own_question(content, stage, seed, own_question.strip(), request)
    else:
        interviews = plan_practice(content, stage, seed, request=request)
    _start(
        label=stage,
        mode="practice",
        cold_start=False,
        seed=seed,
        interviews=interviews,
        text_mode=text_mode,
        answers_file=answers_file,
        voice=voice,
        brain=brain,
        sessions_dir=sessions_dir,
        focus=focus,
        role=role,
    )


@cli.command()
@click.option(
    "--cold-start",
    is_flag=True,
    help="Interviewers know nothing about you (the only way the loop runs today; "
    "accepted for clarity).",
)
@role_option
@answer_options
@voice_options
@click.option("--seed", type=int, default=None, help="Same seed and answers: same loop.")
@brain_option
@sessions_dir_option
def loop(cold_start, role, text_mode, answers_file, voice, seed, brain, sessions_dir) -> None:
    """The whole loop: recruiter, hiring manager, technical screen, onsite panel, decision."""
    seed = _seed(seed)
    request = PlanRequest(role=role, asked=asked_counts(resolve_sessions_dir(sessions_dir)))
    interviews = plan_loop(default_content(), seed, request)
    _start(
        label="loop",
        mode="loop",
        cold_start=True,
        seed=seed,
        interviews=interviews,
        text_mode=text_mode,
        answers_file=answers_file,
        voice=voice,
        brain=brain,
        sessions_dir=sessions_dir,
        focus=[],
        role=role,
    )


@cli.command()
@click.argument("session")
@answer_options
@voice_options
@brain_option
@sessions_dir_option
def resume(session, text_mode, answers_file, voice, brain, sessions_dir) -> None:
    """Continue an interrupted session from its first unanswered question."""
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
    answers, speaker = _inputs(typed, answers_file, voice)
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
        _run(store, answers, speaker, brains, echo=answers_file is not None or bool(speaker),
             resuming=True)


def _start(
    *,
    label,
    mode,
    cold_start,
    seed,
    interviews,
    text_mode,
    answers_file,
    voice,
    brain,
    sessions_dir,
    focus,
    role,
) -> None:
    # Everything that can fail on configuration (brain, microphone, model) fails before a
    # session folder exists, so a typo never leaves an empty session behind.
    brain_name = brain or "offline"
    brains = make_brains(brain_name)
    answers, speaker = _inputs(text_mode, answers_file, voice)
    store = SessionStore.create(resolve_sessions_dir(sessions_dir), label)
    started = SessionStarted(
        session_id=store.session_id,
        mode=mode,
        cold_start=cold_start,
        seed=seed,
        brain=brain_name,
        input=_input_name(text_mode, answers_file, voice),
        interviews=interviews,
        focus_values=focus,
        role=role,
    )
    with store.writing():
        _begin(store, seed, started)
        echo = answers_file is not None or speaker is not None
        _run(store, answers, speaker, brains, echo=echo)


def _begin(store: SessionStore, seed: int, started: SessionStarted) -> None:
    try:
        store.append(started)
    except DiskFullError:
        raise UserError(
            f"the disk is full, so the session could not start; free some space in "
            f"{store.folder.parent} and start again"
        ) from None
    click.echo(
        f"Session {printable(store.session_id)} (seed {seed}). Ctrl-C stops; "
        f"`{session_command('resume', store)}` continues."
    )


def _run(
    store: SessionStore,
    answers: AnswerSource,
    speaker: Speaker | None,
    brains: tuple[Brain, Brain],
    echo: bool,
    resuming: bool = False,
) -> None:
    content = default_content()
    brain, fallback = brains
    console = Console(echo_answers=echo or not sys.stdin.isatty())
    parts = EngineParts(
        brain=brain,
        fallback=fallback,
        answers=answers,
        console=console,
        content=content,
        speaker=speaker,
        # A person answering gives a slow model time to score the last answer; a script does
        # not, and its next move would only queue behind that score at a one-slot server.
        score_in_background=not isinstance(answers, ScriptedAnswers),
    )
    engine = InterviewEngine(store, parts)
    if resuming:
        console.info(Whereabouts(engine.state, content).resuming(printable(store.session_id)))
    try:
        state = engine.run()
    except AnswersExhausted:
        _stop(store, "answers_exhausted")
        _finish(store, "The answers ran out; the session is saved.", resumable=True)
        return
    except KeyboardInterrupt:
        _stop(store, "interrupted")
        _finish(store, "Stopped. Every finished answer is saved.", resumable=True)
        raise SystemExit(130) from None
    except DiskFullError:
        _disk_full(store)
    except UserError as exc:
        # A device that vanished or a model that failed mid-session: keep what is recorded.
        _stop(store, "error", str(exc))
        _finish(store, f"error: {exc}.", resumable=True)
        raise SystemExit(exc.exit_code) from None
    finally:
        answers.close()
    try:
        write_derived(store, state)
    except DiskFullError:
        _disk_full(store, finished=True)
    overall = session_overall(state)
    click.echo(f"\nOverall: {overall if overall is not None else '-'}/100. Saved to {store.folder}")
    for line in summary_lines(work_on(state, value_coverage(state.turns))):
        click.echo(line)
    click.echo(f"Review it: {session_command('replay', store, '--no-audio')}")
    click.echo(f"The report, with what to work on: {session_command('report', store, '--html')}")


def _stop(store: SessionStore, reason: str, detail: str = "") -> None:
    try:
        stop(store, reason, detail)
    except DiskFullError:
        _disk_full(store)


def _finish(store: SessionStore, message: str, resumable: bool) -> None:
    try:
        write_derived(store, load_state(store))
    except DiskFullError:
        _disk_full(store)
    click.echo(f"\n{message} Saved to {store.folder}")
    if resumable:
        click.echo(f"Continue later: {session_command('resume', store)}")


def _disk_full(store: SessionStore, finished: bool = False) -> None:
    """Out of space: every event already written is intact; say how to carry on."""
    with contextlib.suppress(OSError, UserError):
        stop(store, "error", "disk full")  # may not fit either; resume works without it
    then = (
        f"`{session_command('report', store)}` rewrites its report"
        if finished
        else f"`{session_command('resume', store)}` continues from the first unanswered question"
    )
    raise UserError(
        f"the disk is full. Every finished answer is saved in {store.folder}; free some space, "
        f"then {then}"
    )


def _inputs(
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


def _input_name(text_mode: bool, answers_file: Path | None, voice: VoiceSettings) -> str:
    if answers_file is not None:
        return "script"
    if text_mode:
        return "typed"
    return "audio-file" if voice.audio_answers is not None else "voice"


def _seed(seed: int | None) -> int:
    return seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)


def _check_values(names: tuple[str, ...]) -> list[str]:
    from interviewer.rubric.content import VALUE_NAMES

    by_lower = {v.lower(): v for v in VALUE_NAMES}
    chosen = []
    for name in names:
        if name.lower() not in by_lower:
            raise UserError(f"--focus {name!r} is not one of the values: {', '.join(VALUE_NAMES)}")
        chosen.append(by_lower[name.lower()])
    return chosen


def _check_topic(content: Content, stage: str, role: str, topic: str | None) -> str | None:
    if topic is None:
        return None
    topics = content.topics_of(stage, role)
    if topic not in topics:
        raise UserError(
            f"--topic {topic!r} is not a {stage} topic for --role {role}; "
            f"choose one of: {', '.join(topics)}"
        )
    return topic
