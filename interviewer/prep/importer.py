"""Turning stories told in practice sessions into story drafts for the bank.

An exchange (a bank question and its follow-ups) holds one story told in pieces. The candidate's
answers are split into the bank's fields using what the scorer already found in them: the
sentence that named a principle, the one that reflected, the one with the outcome. The values
are the ones the scorer quoted evidence for, so the draft's mapping starts out checked.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from interviewer.errors import UserError
from interviewer.prep.story import Story, StoryBank, StorySource, slug
from interviewer.rubric import lexicon as lx
from interviewer.rubric.content import default_content
from interviewer.rubric.retelling import by_story
from interviewer.rubric.signals import sentences
from interviewer.session.events import PlannedQuestion
from interviewer.session.state import SessionState, TurnState

MIN_WORDS = 40  # shorter than this is not a story yet
TITLE_CHARS = 70


@dataclass
class ImportResult:
    """Drafts to add, and exchanges left out with the reason (so nothing vanishes silently)."""

    drafts: list[Story]
    skipped: list[str]


def exchanges(state: SessionState) -> list[tuple[str, list[TurnState]]]:
    """Every exchange in the session with its stage: the bank question and its follow-ups. A
    different example given when the interviewer asked for one is another story, so it starts
    an exchange of its own (with the follow-ups after it)."""
    result = []
    for interview in state.interviews:
        indexes = sorted({t.asked.question_index for t in interview.turns})
        for index in indexes:
            pieces: list[list[TurnState]] = []
            for turn in interview.exchange(index):
                if not pieces or turn.asked.gap == "retold":
                    pieces.append([])
                pieces[-1].append(turn)
            result += [(interview.plan.stage, piece) for piece in pieces]
    return result


def drafts_from_session(
    state: SessionState, bank: StoryBank, turn: int | None = None
) -> ImportResult:
    """Story drafts from a session's exchanges (or only the one holding `turn`)."""
    session_id = state.started.session_id
    content = default_content()
    # The interview of every turn that was no story from the candidate's own work: a technical
    # stage's problems, or a coding, design or product round held on the behavioural onsite
    # (a portfolio walkthrough is one, wherever it is held).
    not_stories = {t.asked.turn: (i.plan.stage if not content.is_behavioural(i.plan.stage)
                                  else content.stage_title(i.plan.stage, i.plan.style))
                   for i in state.interviews
                   if not content.tells_stories(i.plan.stage, i.plan.style) for t in i.turns}
    chosen = exchanges(state)
    if turn is not None:
        chosen = [(stage, ex) for stage, ex in chosen if any(t.asked.turn == turn for t in ex)]
        if not chosen:
            raise UserError(
                f"session {session_id} has no turn {turn}; "
                f"`interviewer replay {shlex.quote(session_id)} --no-audio` shows the turn numbers"
            )
    imported = _already_imported(bank, session_id)
    drafts, skipped = [], []
    for _, tellings in _same_story_together(chosen):
        exchange = [t for telling in tellings for t in telling]
        turns = [t.asked.turn for t in exchange]
        label = _label(turns)
        if turn is None and turns[0] in not_stories:
            skipped.append(f"{label}: a {not_stories[turns[0]]} question (use --turn {turns[0]} "
                           "to import it)")
            continue
        if imported & set(turns):
            skipped.append(f"{label}: already in the bank")
            continue
        reason = _unusable(exchange)
        if reason:
            skipped.append(f"{label}: {reason}")
            continue
        first = exchange[0].asked
        bank = state.interviews[first.interview].plan.questions[first.question_index]
        draft = draft_from_exchange(exchange, session_id, bank)
        if len(tellings) > 1:
            draft.notes += " " + _retold_note(tellings)
        drafts.append(draft)
    return ImportResult(drafts=drafts, skipped=skipped)


def _label(turns: list[int]) -> str:
    if len(turns) == 1:
        return f"turn {turns[0]}"
    if turns == list(range(turns[0], turns[-1] + 1)):
        return f"turns {turns[0]}-{turns[-1]}"
    return "turns " + ", ".join(str(t) for t in turns)


def _same_story_together(
    chosen: list[tuple[str, list[TurnState]]],
) -> list[tuple[str, list[list[TurnState]]]]:
    """Exchanges grouped so a story told again (to another question, in other words) makes one
    draft, not one per telling; each group keeps the stage of its first telling."""
    groups = by_story([_first_answer(exchange) for _, exchange in chosen])
    return [(chosen[group[0]][0], [chosen[i][1] for i in group]) for group in groups]


def _first_answer(exchange: list[TurnState]) -> str:
    """The exchange's first answer: the telling of the story itself (the follow-ups differ with
    the question)."""
    return next((t.answer.text for t in exchange if t.answer and t.answer.text.strip()), "")


def _retold_note(tellings: list[list[TurnState]]) -> str:
    starts = ", ".join(str(telling[0].asked.turn) for telling in tellings)
    return f"You told this story {len(tellings)} times in that session (turns {starts})."


def _already_imported(bank: StoryBank, session_id: str) -> set[int]:
    return {
        t
        for story in bank.stories
        if story.source and story.source.session == session_id
        for t in story.source.turns
    }


def _unusable(exchange: list[TurnState]) -> str | None:
    answered = [t for t in exchange if t.answer and t.answer.text.strip()]
    if not answered:
        return "no answer"
    scores = [t.latest_score for t in answered if t.latest_score]
    if scores and all(s.signals.gibberish or s.signals.off_topic for s in scores):
        return "the answers were not a story (unreadable or off topic)"
    words = sum(len(t.answer.text.split()) for t in answered)
    if words < MIN_WORDS:
        return f"only {words} words: not enough for a story"
    return None


def draft_from_exchange(exchange: list[TurnState], session_id: str,
                        bank: PlannedQuestion | None = None) -> Story:
    """One story draft from one exchange's answers (or the turns of all its tellings); `bank`
    is the question the story answered (default: the exchange's first turn, which is the bank
    question unless the story was a different example asked for in a follow-up)."""
    answered = [t for t in exchange if t.answer and t.answer.text.strip()]
    # dict.fromkeys: a story told more than once lists each sentence once, in order.
    parts = list(dict.fromkeys(s for t in answered for s in sentences(t.answer.text)))
    scores = [t.latest_score for t in answered if t.latest_score]
    principle = _first_quote(scores, "principle_quote")
    differently = _first_quote(scores, "reflection_quote")
    outcome = _first_quote(scores, "outcome_quote")
    used = {principle, differently, outcome}
    rest = [s for s in parts if s not in used]
    situation, action = _split_situation(rest)
    values: list[str] = []
    for score in scores:
        for evidence in score.values:
            if evidence.score is not None and evidence.value not in values:
                values.append(evidence.value)
    question = bank.text if bank else exchange[0].asked.text
    question_id = bank.id if bank else exchange[0].asked.question_id
    # The bank question's id ("mgr-decision-2") names the story until the candidate renames it.
    return Story(
        id=slug(question_id or "practice"),
        title=_title(question),
        situation=situation,
        action=action,
        outcome=outcome or "",
        principle=principle or "",
        differently=differently or "",
        values=values,
        notes=(
            f"Imported from practice session {session_id}. Give it a title of its own and tighten "
            "each field; the values are the ones the scorer heard."
        ),
        source=StorySource(
            session=session_id, turns=[t.asked.turn for t in exchange], question=question
        ),
    )


def _first_quote(scores: list, attribute: str) -> str | None:
    return next(
        (getattr(s.signals, attribute) for s in scores if getattr(s.signals, attribute)), None
    )


def _split_situation(parts: list[str]) -> tuple[str, str]:
    """Leading scene-setting sentences (no first-person action yet) form the situation."""
    count = 0
    for sentence in parts:
        lower = sentence.lower()
        if lx.SITUATION.search(lower) and not lx.ACTION.search(lower):
            count += 1
        else:
            break
    return " ".join(parts[:count]), " ".join(parts[count:])


def _title(question: str) -> str:
    first = sentences(question)[0] if sentences(question) else question
    if len(first) <= TITLE_CHARS:
        return f"From practice: {first.rstrip('?.')}"
    cut = first[:TITLE_CHARS].rsplit(" ", 1)[0]
    return f"From practice: {cut}..."
