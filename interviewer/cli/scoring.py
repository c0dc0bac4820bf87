"""`score`: score an existing interview transcript written as plain text."""

from __future__ import annotations

import json
from pathlib import Path

import click

from interviewer.brains.base import AnswerContext
from interviewer.brains.offline import OfflineBrain
from interviewer.cli import cli
from interviewer.errors import UserError
from interviewer.report.lines import score_line
from interviewer.rubric.content import STAGES, VALUE_NAMES, default_content
from interviewer.session.events import PlannedQuestion
from interviewer.session.transcript_text import parse_transcript
from interviewer.userfiles import read_user_text

_PAY = ("salary", "compensation", "pay", "expectations for comp", "number")


@cli.command()
@click.argument("transcript", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default="onsite",
    show_default=True,
    help="Which interview the transcript comes from (sets what is weighted).",
)
def score(transcript: Path, as_json: bool, stage: str) -> None:
    """Score a transcript whose turns start with Interviewer:/Candidate: (or Q:/A:)."""
    text = _read(transcript)
    exchanges = parse_transcript(text, str(transcript))
    result = score_exchanges([(e.question, e.answer) for e in exchanges], stage)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    for number, item in enumerate(result["answers"], start=1):
        click.echo(f"[{number}] Q: {item['question'] or '(no question)'}")
        click.echo(f"    A: {_short(item['answer'])}")
        click.echo(f"    {item['summary']}")
        for gap in item["score"]["gaps"]:
            click.echo(f"      - {gap}")
    click.echo("")
    click.echo(
        "Values: "
        + ", ".join(
            f"{name} {v['score'] if v['score'] is not None else '-'}"
            for name, v in result["values"].items()
        )
    )
    click.echo(f"Overall: {result['overall']}/100")


def score_exchanges(pairs: list[tuple[str, str]], stage: str) -> dict:
    """Score (question, answer) pairs with the offline interviewer; JSON-ready result."""
    content = default_content()
    brain = OfflineBrain(content)
    answers = []
    for index, (question, answer) in enumerate(pairs, start=1):
        topic = (
            "compensation"
            if any(w in question.lower() for w in _PAY)
            else ("feedback" if "feedback" in question.lower() else "general")
        )
        planned = PlannedQuestion(
            id=f"transcript-{index}", text=question, values=list(VALUE_NAMES), topic=topic
        )
        answer_stage = "recruiter" if topic == "compensation" else stage
        settings = content.stages[answer_stage]
        result = brain.score(
            AnswerContext(
                stage=answer_stage,
                question=planned,
                asked=question,
                answer=answer,
                answer_seconds=settings.answer_seconds,
            )
        )
        answers.append(
            {
                "question": question,
                "answer": answer,
                "overall": result.overall,
                "summary": score_line(result),
                "score": result.model_dump(mode="json"),
            }
        )
    values: dict[str, dict] = {}
    for name in VALUE_NAMES:
        evidence = [v for a in answers for v in a["score"]["values"] if v["value"] == name]
        scored = [v for v in evidence if v["score"] is not None]
        values[name] = {
            "score": max((v["score"] for v in scored), default=None),
            "status": "evidence" if scored else "insufficient evidence",
            "quotes": [q for v in scored for q in v["quotes"]][:5],
        }
    overall = round(sum(a["overall"] for a in answers) / len(answers)) if answers else 0
    return {"overall": overall, "stage": stage, "answers": answers, "values": values}


def _read(path: Path) -> str:
    text = read_user_text(path, "transcript")
    if not text.strip():
        raise UserError(f"{path} is empty; it needs turns starting with Interviewer:/Candidate:")
    return text


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
