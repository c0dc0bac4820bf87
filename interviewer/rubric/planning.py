"""Choosing who interviews and what they ask, reproducibly from a seed.

The plan is written into the session's first event, so resuming never depends on the random
generator or on the question banks staying the same.
"""

from __future__ import annotations

import itertools
import random

from interviewer.rubric.content import VALUE_NAMES, Content, Persona, Question
from interviewer.session.events import PlannedInterview, PlannedQuestion

RECRUITER_TOPICS = ("career_arc", "why_role", "environment", "compensation")
LOOP_ORDER = ("recruiter", "manager", "technical", "onsite")


def plan_practice(
    content: Content, stage: str, seed: int, focus_values: list[str] | None = None
) -> list[PlannedInterview]:
    """The interviews of a one-stage practice session (the onsite has 4-5 interviewers)."""
    rng = random.Random(f"{seed}:{stage}")
    if stage == "onsite":
        return plan_onsite(content, rng, focus_values or [])
    return [plan_screen(content, stage, rng, focus_values or [])]


def plan_loop(content: Content, seed: int) -> list[PlannedInterview]:
    """Every stage of the loop, in order, with interviewers who know nothing about the candidate."""
    interviews = []
    for stage in LOOP_ORDER:
        interviews += plan_practice(content, stage, seed)
    return interviews


def plan_screen(
    content: Content, stage: str, rng: random.Random, focus_values: list[str]
) -> PlannedInterview:
    """A recruiter, hiring-manager or technical screen."""
    persona = content.personas.screens[stage]
    bank = content.banks[stage].questions
    count = content.stages[stage].questions
    if stage == "recruiter":
        chosen = _one_per_topic(bank, RECRUITER_TOPICS, rng)
    elif stage == "technical":
        designs = [q for q in bank if q.topic != "coding"]
        coding = [q for q in bank if q.topic == "coding"]
        chosen = rng.sample(designs, min(len(designs), max(1, count - 1)))
        chosen += rng.sample(coding, min(1, len(coding)))
    else:
        chosen = _pick(bank, count, rng, focus_values)
    return _interview(stage, persona, chosen[:count] if stage != "recruiter" else chosen)


def plan_onsite(
    content: Content, rng: random.Random, focus_values: list[str]
) -> list[PlannedInterview]:
    """A panel of 4-5 that covers all nine values, each asking about the values they own."""
    pool = content.personas.onsite
    panels = [
        panel
        for size in (4, 5)
        for panel in itertools.combinations(pool, size)
        if {v for p in panel for v in p.values} >= set(VALUE_NAMES)
    ]
    panel = list(rng.choice(panels)) if panels else pool[:5]
    rng.shuffle(panel)
    owners = _assign_values(panel, rng)
    per_interviewer = content.stages["onsite"].questions
    bank = content.banks["onsite"].questions
    used: set[str] = set()
    interviews = []
    for persona in panel:
        assigned = owners[persona.id]
        # Every value assigned to this interviewer is asked; spare slots go to their other values.
        values = assigned + [v for v in persona.values if v not in assigned]
        values.sort(key=lambda v: (v not in assigned, v not in focus_values))
        wanted = max(per_interviewer, len(assigned))
        questions: list[Question] = []
        for value in values:
            options = [q for q in bank if q.values[0] == value and q.id not in used]
            if options and len(questions) < wanted:
                question = rng.choice(options)
                used.add(question.id)
                questions.append(question)
        interviews.append(_interview("onsite", persona, questions))
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


def _one_per_topic(
    bank: list[Question], topics: tuple[str, ...], rng: random.Random
) -> list[Question]:
    chosen = []
    for topic in topics:
        options = [q for q in bank if q.topic == topic]
        if options:
            chosen.append(rng.choice(options))
    return chosen


def _pick(
    bank: list[Question], count: int, rng: random.Random, focus_values: list[str]
) -> list[Question]:
    shuffled = rng.sample(bank, len(bank))
    shuffled.sort(key=lambda q: not set(q.values) & set(focus_values))
    return shuffled[:count]


def _interview(stage: str, persona: Persona, questions: list[Question]) -> PlannedInterview:
    return PlannedInterview(
        stage=stage,
        interviewer_id=persona.id,
        interviewer_name=persona.name,
        interviewer_role=persona.role,
        interviewer_style=persona.style,
        interviewer_values=list(persona.values),
        voice=persona.voice,
        rate=persona.rate,
        questions=[
            PlannedQuestion(id=q.id, text=q.text, values=list(q.values), topic=q.topic)
            for q in questions
        ],
    )
