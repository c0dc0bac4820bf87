"""Choosing who interviews and what they ask, reproducibly from a seed.

What each stage holds for each role (its rounds, banks and interviewers) is data in
prompts/stages.yaml; this module only draws from it. Questions the candidate was asked least
often come first, so no question repeats until its bank for that stage and role is used up.
The plan is written into the session's first event, so resuming never depends on the random
generator or on the question banks staying the same.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections import Counter
from dataclasses import dataclass, field

from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import (
    DEFAULT_ROLE,
    STAGES,
    VALUE_NAMES,
    Content,
    Persona,
    Question,
)
from interviewer.rubric.stages import Round
from interviewer.session.events import PlannedInterview, PlannedQuestion

LOOP_ORDER = STAGES


@dataclass
class PlanRequest:
    """What the candidate asked for, and what they have been asked before."""

    role: str = DEFAULT_ROLE
    focus_values: list[str] = field(default_factory=list)
    topic: str | None = None
    asked: Counter[str] = field(default_factory=Counter)


@dataclass
class _Draw:
    """One session's drawing state: no question or interviewer twice in a session."""

    content: Content
    request: PlanRequest
    rng: random.Random
    used_questions: set[str] = field(default_factory=set)
    used_people: set[str] = field(default_factory=set)


def plan_practice(
    content: Content,
    stage: str,
    seed: int,
    focus_values: list[str] | None = None,
    request: PlanRequest | None = None,
) -> list[PlannedInterview]:
    """The interviews of a one-stage practice session (the onsite has a panel and, per role,
    technical rounds)."""
    request = request or PlanRequest()
    if focus_values:
        request.focus_values = list(focus_values)
    draw = _Draw(content, request, random.Random(f"{seed}:{stage}"))
    return _plan_stage(draw, stage)


def plan_loop(
    content: Content, seed: int, request: PlanRequest | None = None
) -> list[PlannedInterview]:
    """Every stage of the loop, in order, with interviewers who know nothing about the candidate."""
    request = request or PlanRequest()
    interviews = []
    used_questions: set[str] = set()
    used_people: set[str] = set()
    for stage in LOOP_ORDER:
        draw = _Draw(content, request, random.Random(f"{seed}:{stage}"), used_questions,
                     used_people)
        interviews += _plan_stage(draw, stage)
    return interviews


def plan_own_question(
    content: Content, stage: str, seed: int, text: str, request: PlanRequest | None = None
) -> list[PlannedInterview]:
    """A practice of one question the candidate wrote, asked by the stage's interviewer."""
    request = request or PlanRequest()
    draw = _Draw(content, request, random.Random(f"{seed}:{stage}"))
    rounds = _rounds(draw, stage)
    # The stage's own kind of interview where it has one (the onsite's behavioural panel, not
    # a coding round), else the role's.
    chosen = next((r for r in rounds if r in draw.content.stages[stage].rounds), rounds[0])
    persona = _pick_person(draw, chosen.interviewers_for(request.role))
    values = request.focus_values or _own_values(content, stage, persona)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    # A pay question of one's own is read as one (its figure is the answer, not off topic).
    topic = "compensation" if lx.ASKS_PAY.search(text.lower()) else "own"
    question = PlannedQuestion(id=f"own-{digest}", text=text, values=values, topic=topic)
    return [_interview(stage, chosen, persona, [question])]


def _own_values(content: Content, stage: str, persona: Persona) -> list[str]:
    if content.is_behavioural(stage):
        return list(persona.values)
    return ["Judgment", "Communication"]


def _plan_stage(draw: _Draw, stage: str) -> list[PlannedInterview]:
    interviews: list[PlannedInterview] = []
    for chosen in _rounds(draw, stage):
        if chosen.panel:
            panel = _plan_panel(draw, stage, chosen)
            # Technical rounds already planned take random places among the panel.
            for interview in panel:
                interviews.insert(draw.rng.randrange(len(interviews) + 1), interview)
            continue
        persona = _pick_person(draw, chosen.interviewers_for(draw.request.role))
        interviews.append(_interview(stage, chosen, persona, _questions(draw, chosen)))
    return interviews


def _rounds(draw: _Draw, stage: str) -> list[Round]:
    """The stage's own rounds, then the role's (all of them, or one drawn)."""
    settings = draw.content.stages[stage]
    extra = settings.role_rounds(draw.request.role)
    if extra is None:
        return list(settings.rounds)
    role_rounds = list(extra.rounds)
    if extra.choose == "one":
        with_topic = [r for r in role_rounds if _has_topic(draw, r)]
        role_rounds = [draw.rng.choice(with_topic or role_rounds)]
    # Role rounds come first so that a panel can shuffle itself around them.
    return [*role_rounds, *settings.rounds]


def _has_topic(draw: _Draw, chosen: Round) -> bool:
    topic = draw.request.topic
    return bool(topic) and any(q.topic == topic for q in draw.content.banks[chosen.bank].questions)


def _pick_person(draw: _Draw, ids: list[str]) -> Persona:
    pool = draw.content.personas.pool(ids)
    fresh = [p for p in pool if p.id not in draw.used_people] or pool
    persona = draw.rng.choice(fresh)
    draw.used_people.add(persona.id)
    return persona


def _questions(draw: _Draw, chosen: Round) -> list[Question]:
    bank = [q for q in draw.content.banks[chosen.bank].questions
            if q.id not in draw.used_questions]
    if chosen.topics:
        picked = [_least_asked(draw, [q for q in bank if q.topic == t]) for t in chosen.topics]
        picked = [q for q in picked if q is not None]
    else:
        topic = draw.request.topic
        on_topic = [q for q in bank if q.topic == topic] if topic else []
        focus = set(draw.request.focus_values)
        ranked = sorted(
            bank,
            key=lambda q: (q not in on_topic, not set(q.values) & focus,
                           draw.request.asked[q.id], draw.rng.random()),
        )
        picked = ranked[: chosen.questions]
    draw.used_questions.update(q.id for q in picked)
    return picked


def _least_asked(draw: _Draw, options: list[Question]) -> Question | None:
    if not options:
        return None
    return min(options, key=lambda q: (draw.request.asked[q.id], draw.rng.random()))


def _plan_panel(draw: _Draw, stage: str, chosen: Round) -> list[PlannedInterview]:
    """A panel that covers all nine values, each member asking about the values they own."""
    pool = [p for p in draw.content.personas.pool(chosen.interviewers_for(draw.request.role))
            if p.id not in draw.used_people]
    low, high = chosen.panel or (4, 5)
    panels = [
        panel
        for size in range(low, high + 1)
        for panel in itertools.combinations(pool, size)
        if {v for p in panel for v in p.values} >= set(VALUE_NAMES)
    ]
    panel = list(draw.rng.choice(panels)) if panels else pool[:high]
    draw.rng.shuffle(panel)
    draw.used_people.update(p.id for p in panel)
    owners = _assign_values(panel, draw.rng)
    focus = draw.request.focus_values
    bank = draw.content.banks[chosen.bank].questions
    interviews = []
    for persona in panel:
        assigned = owners[persona.id]
        # Every value assigned to this interviewer is asked; spare slots go to their other values.
        values = assigned + [v for v in persona.values if v not in assigned]
        values.sort(key=lambda v: (v not in assigned, v not in focus))
        wanted = max(chosen.questions, len(assigned))
        questions: list[Question] = []
        for value in values:
            options = [q for q in bank if q.values[0] == value and q.id not in draw.used_questions]
            question = _least_asked(draw, options)
            if question is not None and len(questions) < wanted:
                draw.used_questions.add(question.id)
                questions.append(question)
        interviews.append(_interview(stage, chosen, persona, questions))
    return interviews


def _assign_values(panel: list[Persona], rng: random.Random) -> dict[str, list[str]]:
    """Give each value to one panel member who owns it, spreading the load."""
    owners: dict[str, list[str]] = {p.id: [] for p in panel}
    values = list(VALUE_NAMES)
    rng.shuffle(values)
    for value in values:
        holders = [p for p in panel if value in p.values]
        if holders:
            least = min(holders, key=lambda p: (len(owners[p.id]), rng.random()))
            owners[least.id].append(value)
    return owners


def _interview(
    stage: str, chosen: Round, persona: Persona, questions: list[Question] | list[PlannedQuestion]
) -> PlannedInterview:
    return PlannedInterview(
        stage=stage,
        interviewer_id=persona.id,
        interviewer_name=persona.name,
        interviewer_role=persona.role,
        interviewer_style=persona.style,
        interviewer_values=list(persona.values),
        style=chosen.style,
        voice=persona.voice,
        rate=persona.rate,
        questions=[
            q if isinstance(q, PlannedQuestion)
            else PlannedQuestion(id=q.id, text=q.text, values=list(q.values), topic=q.topic)
            for q in questions
        ],
    )
