"""`interviewer doctor`: check the microphone, speaker, voice, Whisper model and LLM settings."""

from __future__ import annotations

import sys

import click

from interviewer import settings
from interviewer.cli import cli
from interviewer.errors import UserError


@cli.command()
@click.option("--model", default=None, help="Whisper model to check (default: the model setting).")
@click.option("--input-device", default=None, help="Microphone to check (number or name).")
@click.option("--output-device", default=None, help="Speaker to check (number or name).")
@click.option("--voice", default=None, help="Interviewer voice to check (female, male or a name).")
@click.option("--llm", "contact_llm", is_flag=True,
              help="Also contact the OpenAI API (a configured local endpoint is always contacted).")
def doctor(model, input_device, output_device, voice, contact_llm) -> None:
    """Check that this machine is ready for voice interviews; each line is ok or the fix."""
    from interviewer.live.doctor import Check, run_checks

    try:
        in_effect = settings.in_effect({"model": model, "voice": voice})
        config_problem = None
    except UserError as exc:
        in_effect, config_problem = [], Check("settings", False, str(exc))
    chosen = {found.key: found.value for found in in_effect}
    checks = run_checks(model=chosen.get("model", model), input_device=input_device,
                        output_device=output_device, voice=chosen.get("voice", voice),
                        contact_llm=contact_llm)
    if config_problem is not None:
        checks.append(config_problem)
    for check in checks:
        mark = "ok " if check.ok else ("FIX" if check.required else " - ")
        click.echo(f"[{mark}] {check.name}: {check.detail}")
    if in_effect:
        click.echo(f"\nSettings in effect (command line > environment > {settings.config_path()}"
                   " > default):")
        for found in in_effect:
            click.echo(f"  {found.key:<14} {found.shown():<28} from {found.source}")
    failed = [c for c in checks if c.required and not c.ok]
    if failed:
        click.echo(f"\n{len(failed)} problem(s). Text mode (--text) works without any of these.")
        sys.exit(1)
    from interviewer.live.whisper_models import session_model

    click.echo(f"\nReady for a voice interview; speech model: "
               f"{session_model(chosen.get('model', model))}.")
