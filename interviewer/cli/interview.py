"""`practice`, `loop` and `resume`: the interview commands, their options and option checks."""

from __future__ import annotations

import random

import click

from interviewer.cli import cli
from interviewer.cli.choice import Choice
from interviewer.cli.options import (
    answer_options,
    brain_option,
    resolve_sessions_dir,
    sessions_dir_option,
)
from interviewer.cli.resuming import resume_session
from interviewer.cli.session_runner import start_session
from interviewer.cli.voice_options import voice_options
from interviewer.errors import UserError
from interviewer.rubric.content import DEFAULT_ROLE, ROLES, STAGES, Content, default_content
from interviewer.rubric.planning import PlanRequest, plan_loop, plan_own_question, plan_practice
from interviewer.session.asked import asked_counts


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
    start_session(
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
    start_session(
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
    resume_session(session, text_mode, answers_file, voice, brain, sessions_dir)


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
