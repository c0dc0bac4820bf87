"""Starting a new session, running the interview engine, and saying how the session ended."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from interviewer.brains.base import Brain
from interviewer.cli.hints import printable, session_command
from interviewer.cli.options import make_brains, resolve_sessions_dir
from interviewer.cli.session_inputs import build_inputs, input_name
from interviewer.console import Console
from interviewer.errors import UserError
from interviewer.live.options import VoiceSettings
from interviewer.report.derived import write_derived
from interviewer.report.focus import summary_lines, work_on
from interviewer.rubric.content import default_content
from interviewer.session.engine import AnswersExhausted, EngineParts, InterviewEngine, stop
from interviewer.session.events import PlannedInterview, SessionStarted
from interviewer.session.files import DiskFullError
from interviewer.session.ports import AnswerSource, Speaker
from interviewer.session.state import load_state
from interviewer.session.store import SessionStore
from interviewer.session.summary import session_overall, value_coverage
from interviewer.session.text_answers import ScriptedAnswers
from interviewer.session.whereabouts import Whereabouts


def start_session(
    *,
    label: str,
    mode: str,
    cold_start: bool,
    seed: int,
    interviews: list[PlannedInterview],
    text_mode: bool,
    answers_file: Path | None,
    voice: VoiceSettings,
    brain: str | None,
    sessions_dir: Path | None,
    focus: list[str],
    role: str,
) -> None:
    """Create a session folder for the planned interviews and run it to its end."""
    # Everything that can fail on configuration (brain, microphone, model) fails before a
    # session folder exists, so a typo never leaves an empty session behind.
    brain_name = brain or "offline"
    brains = make_brains(brain_name)
    answers, speaker = build_inputs(text_mode, answers_file, voice)
    store = SessionStore.create(resolve_sessions_dir(sessions_dir), label)
    started = SessionStarted(
        session_id=store.session_id,
        mode=mode,
        cold_start=cold_start,
        seed=seed,
        brain=brain_name,
        input=input_name(text_mode, answers_file, voice),
        interviews=interviews,
        focus_values=focus,
        role=role,
    )
    with store.writing():
        _begin(store, seed, started)
        echo = answers_file is not None or speaker is not None
        run_session(store, answers, speaker, brains, echo=echo)


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


def run_session(
    store: SessionStore,
    answers: AnswerSource,
    speaker: Speaker | None,
    brains: tuple[Brain, Brain],
    echo: bool,
    resuming: bool = False,
) -> None:
    """Run the engine on an open session; however it stops, say so and how to carry on."""
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
