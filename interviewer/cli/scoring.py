"""`score`: score an existing interview transcript written as plain text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.brains.offline import OfflineBrain
from interviewer.cli import cli
from interviewer.cli.choice import Choice
from interviewer.errors import UserError
from interviewer.report.lines import score_line
from interviewer.rubric.content import STAGES, VALUE_NAMES, Content, default_content
from interviewer.rubric.exchange import score_exchange, turns_of
from interviewer.rubric.requests import after_requests, request_words
from interviewer.session.events import PlannedQuestion
from interviewer.session.transcript_text import has_candidate_turn, parse_transcript
from interviewer.userfiles import read_user_text

_PAY = ("salary", "compensation", "pay", "expectations for comp", "number")
# Questions a recruiter screen asks whatever the transcript's stage: read with its weights, so a
# request for heavy mentorship counts as the culture-fit risk it is.
_RECRUITER_LIKE = re.compile(
    r"\b(?:mentor\w*|need from (?:your|a|the) manager|support (?:do|would) you need|"
    r"why netflix|why (?:are you|do you want)|looking for in (?:your|a|the) next|career|"
    r"next (?:chapter|role|step)|leaving|notice period|start date|relocat\w*)\b"
)
# A short interviewer turn that points back at the answer ("What happened?", "Why that one?")
# follows up on it rather than opening a new question.
_REFERS_BACK = re.compile(
    r"\b(?:that|there|then|happened|why|more|it|this|those|them|example|mean|result)\b"
)
FOLLOW_UP_MAX_WORDS = 10


@cli.command()
@click.argument("transcript", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--stage",
    type=Choice(STAGES),
    default="onsite",
    show_default=True,
    help="Which interview the transcript comes from (sets what is weighted). Questions about "
    "pay, mentorship, career or motivation are always read as recruiter-screen questions.",
)
def score(transcript: Path, as_json: bool, stage: str) -> None:
    """Score a transcript whose turns start with Interviewer:/Candidate: (or Q:/A:).

    An interviewer turn is a follow-up of the exchange before it (not a new question) when it
    is one of the interviewer's probes (prompts/probes.yaml), is labelled `Interviewer
    (follow-up):`, or is a short question (at most ten words) that points back at the answer,
    such as "What happened?" or "Why that one?".
    """
    text = _read(transcript)
    exchanges = parse_transcript(text, str(transcript))
    if not has_candidate_turn(text):
        raise UserError(
            f"{transcript} has no candidate answers to score; add turns starting with "
            "'Candidate:' (or A:) after the interviewer's questions"
        )
    result = score_exchanges([(e.question, e.answer) for e in exchanges], stage)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    for number, item in enumerate(result["answers"], start=1):
        click.echo(f"[{number}] Q: {item['question'] or '(no question)'}")
        click.echo(f"    A: {_short(item['answer'])}")
        click.echo(f"    {item['summary']}")
        for gap in item["score"]["gaps"] if item["score"] else []:
            click.echo(f"      - {gap}")
        move = item["next_move"]
        if move["action"] == "follow_up":
            click.echo(f"    next: follow up ({move['reason']}): {move['text']}")
    click.echo("")
    click.echo(
        "Values: "
        + ", ".join(
            f"{name} {v['score'] if v['score'] is not None else '-'}"
            for name, v in result["values"].items()
        )
    )
    for exchange in result["exchanges"]:
        figure = (f"{exchange['overall']}/100" if exchange["overall"] is not None
                  else "no answer to score")
        click.echo(f"Exchange {exchange['exchange']} ({exchange['turns']} turn(s)): {figure}")
    click.echo(f"Overall (mean of exchanges): {result['overall']}/100")


def _stage_for(question: str, topic: str, stage: str, content: Content) -> str:
    """The stage a question is read in: pay, mentorship and career questions are the fit
    screen's (the recruiter's: `reads_fit` in stages.yaml)."""
    if topic == "compensation" or _RECRUITER_LIKE.search(question.lower()):
        return next((key for key, s in content.stages.items() if s.reads_fit), stage)
    return stage


def _topic(question: str) -> str:
    lower = question.lower()
    if any(w in lower for w in _PAY):
        return "compensation"
    return "feedback" if "feedback" in lower else "general"


def _is_follow_up(text: str, probe_texts: set[str]) -> bool:
    """An interviewer line that follows up on the answer before it (see `score`'s help)."""
    key = " ".join(text.lower().split())
    if key in probe_texts or key.startswith("(follow-up)"):
        return True
    return len(key.split()) <= FOLLOW_UP_MAX_WORDS and bool(_REFERS_BACK.search(key))


def _filled_probes(content: Content, question: str) -> dict[str, str]:
    """The probes that quote the question, as said about `question`, with their gaps."""
    return {
        " ".join(text.format(question=question).lower().split()): probe.gap
        for probe in content.probes
        for text in probe.texts
        if "{question}" in text
    }


def score_exchanges(pairs: list[tuple[str, str]], stage: str) -> dict:
    """Score (question, answer) pairs with the offline interviewer; JSON-ready result.

    An interviewer line that is one of the follow-ups in prompts/probes.yaml belongs to the
    exchange before it; every answer gets its own score and the interviewer's `next_move`, and
    every exchange its score.
    """
    content = default_content()
    brain = OfflineBrain(content)
    probe_gap = {
        " ".join(text.lower().split()): probe.gap
        for probe in content.probes
        for text in probe.texts
    }
    answers, groups = [], []
    for index, (question, answer) in enumerate(pairs, start=1):
        if question.lower().startswith("(follow-up)"):
            question = question[len("(follow-up)"):].strip()
            follow_up = bool(groups)
        else:
            if groups:  # a probe that repeats the question ("Of course. {question}")
                probe_gap.update(_filled_probes(content, groups[-1]["question"].text))
            follow_up = bool(groups) and _is_follow_up(question, set(probe_gap))
        if not follow_up:
            topic = _topic(question)
            planned = PlannedQuestion(
                id=f"transcript-{index}", text=question, values=list(VALUE_NAMES), topic=topic
            )
            read_as = _stage_for(question, topic, stage, content)
            groups.append({"question": planned, "stage": read_as, "views": [], "answers": []})
        group = groups[-1]
        answer_stage = group["stage"]
        settings = content.stages[answer_stage]
        kind = "follow_up" if follow_up else "question"
        gap = probe_gap.get(" ".join(question.lower().split())) if follow_up else None
        # A request ("could you repeat the question?") is not scored; the reply after it is the
        # answer to the question, read as the main answer.
        request = request_words(answer)
        main = after_requests([v.answer for v in group["views"]])
        result = None if request else brain.score(
            AnswerContext(
                stage=answer_stage,
                question=group["question"],
                asked=question,
                answer=answer,
                kind="question" if main else kind,
                answer_seconds=settings.answer_seconds,
                gap=None if main else gap,
            )
        )
        group["views"].append(TurnView(
            turn=index, kind=kind, asked=question, answer=answer, score=result, gap=gap,
        ))
        move = brain.next_move(MoveContext(
            stage=answer_stage, question=group["question"], exchange=group["views"],
            follow_ups_left=settings.max_follow_ups - len(group["views"]) + 1, variant=0,
            earlier=[g["views"] for g in groups[:-1]],
        ))
        item = {
            "question": question,
            "answer": answer,
            "kind": kind,
            "exchange": len(groups),
            "overall": result.overall if result else None,
            "summary": score_line(result) if result else f"not an answer: {request}",
            "request": request,
            "next_move": {
                "action": move.action, "gap": move.gap, "probe_id": move.probe_id,
                "text": move.text, "reason": move.reason,
            },
            "score": result.model_dump(mode="json") if result else None,
        }
        answers.append(item)
        group["answers"].append(item)
    exchanges = []
    for number, group in enumerate(groups, start=1):
        settings = content.stages[group["stage"]]
        views = group["views"]
        answered = turns_of(views)
        if not answered:  # only requests: nothing to score
            exchanges.append({"exchange": number, "question": views[0].asked,
                              "turns": len(views), "overall": None, "flags": [],
                              "strengths": [], "gaps": []})
            continue
        context = AnswerContext(
            stage=group["stage"], question=group["question"], asked=views[0].asked,
            answer=views[0].answer, answer_seconds=settings.answer_seconds,
        )
        scored = score_exchange(answered, context, content)
        exchanges.append({
            "exchange": number,
            "question": views[0].asked,
            "turns": len(views),
            "overall": scored.overall,
            "flags": scored.flags,
            "strengths": scored.strengths,
            "gaps": scored.gaps,
        })
    values: dict[str, dict] = {}
    for name in VALUE_NAMES:
        evidence = [v for a in answers if a["score"] for v in a["score"]["values"]
                    if v["value"] == name]
        scored_values = [v for v in evidence if v["score"] is not None]
        values[name] = {
            "score": max((v["score"] for v in scored_values), default=None),
            "status": "evidence" if scored_values else "insufficient evidence",
            "quotes": [q for v in scored_values for q in v["quotes"]][:5],
        }
    scored_exchanges = [e["overall"] for e in exchanges if e["overall"] is not None]
    overall = (round(sum(scored_exchanges) / len(scored_exchanges))
               if scored_exchanges else 0)
    return {
        "overall": overall,
        "stage": stage,
        "answers": answers,
        "exchanges": exchanges,
        "values": values,
    }


def _read(path: Path) -> str:
    text = read_user_text(path, "transcript")
    if not text.strip():
        raise UserError(f"{path} is empty; it needs turns starting with Interviewer:/Candidate:")
    return text


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
