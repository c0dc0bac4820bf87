"""The interviewer's answers to the keeper test's two questions (prompts/keeper.yaml).

Netflix's keeper test is a manager's question about someone already on the team, and both of its
questions come from there. After one interview they ask different things:

- "Would I fight hard to keep them?" asks whether I would stand up for this person. At Netflix a
  hire you would not fight for is a no: adequate work gets a generous severance, not a place on
  the team. So a yes vote is a keeper and a no vote is not (rubric/voting.py).
- "Knowing everything I know today, would I hire them again?" asks the same hire in hindsight,
  with everything the interview showed, including what an average of the scores hides. A no vote
  never hires again, because the vote is this interviewer's hire decision. A yes vote hires again
  unless the interview showed something against the candidate: a red flag (a culture-fit risk,
  strength claimed in every value, an unreadable answer, text aimed at the scorer) or a question
  clearly failed (an exchange below `voting.FAILED_BELOW`). Then the answer is "would fight to
  keep; would not hire again": strong enough to argue for, not clean enough to hire again.
  A question declined, left unanswered or answered with a story told again is missing evidence,
  not evidence against. The vote's caps already weigh it (no strong yes), and it is no reason
  to regret a hire.

The LLM vote answers the second question with these same rules, applied to its own vote
(brains/llm/guard.py), so "would hire again" means the same thing whichever brain voted.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from interviewer.rubric.content import Content
from interviewer.rubric.results import AnswerScore, VoteLabel

YES_VOTES: tuple[VoteLabel, ...] = ("yes", "strong yes")


@dataclass(frozen=True)
class Heard:
    """What the keeper answers name, each with the question it came up in: the strongest and the
    weakest things heard, and the evidence against the candidate (None when there was none)."""

    strongest: str
    weakest: str
    against: str | None


def heard(scored: list[AnswerScore], asked: list[str], red: list[str], failed: list[int],
          content: Content, held_back: str | None = None,
          unassessed: str | None = None) -> Heard:
    """The best and the worst of an interview, from its exchange scores (`asked` are their
    questions) with the vote's red flags and failed exchanges (indexes into `scored`).

    The weakest thing is a red flag first, then the lowest failed exchange with its score, then
    `held_back` (what capped the vote: a question not assessed, a story told again), then the
    lowest exchange's first flag or gap, then `unassessed` (a question declined or left
    unanswered). The first two are also the evidence against the candidate.
    """
    answers = content.keeper.answers
    # Best first and worst first; a tie goes to the earlier exchange, as in the spread reason.
    best_first = sorted(range(len(scored)), key=lambda i: (-scored[i].overall, i))
    worst_first = sorted(range(len(scored)), key=lambda i: (scored[i].overall, i))

    def where(i: int, score: str = "") -> str:
        question = quoted(asked[i]) if i < len(asked) else f"question {i + 1}"
        return f" (on {question}{score})"

    strongest = next((note_of(note) + where(i) for i in best_first
                      for note in scored[i].strengths), answers.no_strength)
    red_at = next((i for i in worst_first for f in scored[i].flags if f in red), None)
    against = None
    if red and red_at is not None:
        against = note_of(red[0]) + where(red_at)
    elif failed:
        lowest = min(failed, key=lambda i: (scored[i].overall, i))
        notes = [*scored[lowest].flags, *scored[lowest].gaps]
        against = ((note_of(notes[0]) if notes else answers.failed_answer)
                   + where(lowest, f", scored {scored[lowest].overall}/100"))
    weakest = against or held_back or next(
        (note_of(note) + where(i) for i in worst_first
         for note in [*scored[i].flags, *scored[i].gaps]), unassessed or answers.no_weakness)
    return Heard(strongest=strongest, weakest=weakest, against=against)


def keeper_reason(label: VoteLabel, evidence: Heard, content: Content) -> str:
    """The answer to "would I fight to keep them?" in the words of the vote's band, so it can
    never say "fight to keep" beside a no, or praise what the reasons fault."""
    return content.keeper.answers.for_vote(label).format(
        strongest=evidence.strongest, weakest=evidence.weakest)


def hire_again(label: VoteLabel, evidence: Heard, content: Content) -> tuple[bool, str]:
    """The answer to "knowing everything I know today, would I hire them again?" and its reason
    (see the module docstring): only a yes vote with no evidence against the candidate says yes."""
    texts = content.keeper.hire_again_answers
    if label not in YES_VOTES:
        text, again = texts.no, False
    elif evidence.against:
        text, again = texts.yes_with_evidence_against, False
    else:
        text, again = texts.yes, True
    return again, text.format(strongest=evidence.strongest, weakest=evidence.weakest)


def note_of(note: str) -> str:
    """A strength, gap or flag without its advice: "hedged: state where you stand" -> "hedged"."""
    return note.partition(": ")[0]


def quoted(text: str) -> str:
    """A question in quotes, cut at a word (not mid-word) when it is long."""
    return f"\"{textwrap.shorten(text, width=60, placeholder='...')}\""
