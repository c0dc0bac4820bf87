"""A story told again within one interview: the interviewer asks for a different example, and
a retelling with none is evidence about the same situation again, so the vote is no strong yes.

Onsite interviewers are independent, so "again" means within one interviewer's own interview.
What counts as the same story is rubric/retelling.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.brains.base import TurnView
from interviewer.rubric.exchange import turns_of
from interviewer.rubric.retelling import SHARED_WEIGHT, first_telling, story_marks


def stories_told(exchange: Sequence[TurnView]) -> list[str]:
    """The stories an exchange told: its main answer, and the answer given when asked for a
    different example."""
    return [t.answer for t in turns_of(exchange) if t.kind == "question" or t.gap == "retold"]


def retells(exchange: Sequence[TurnView], earlier: Sequence[Sequence[TurnView]]) -> bool:
    """Whether the exchange's main answer retells a story told in an earlier exchange."""
    told = [story for group in earlier for story in stories_told(group)]
    main = stories_told(exchange)[:1]
    return bool(main) and first_telling(main[0], told) is not None


def retold_exchanges(exchanges: Sequence[Sequence[TurnView]],
                     noticed: Sequence[bool] | None = None) -> list[int]:
    """The indexes of the exchanges that brought no story of their own: the main answer retold
    an earlier story and, asked for a different example, the candidate gave none (another
    retelling, or too little to be a story). `noticed[i]` False leaves exchange i out (an
    interview style that does not ask for stories)."""
    retold = []
    for index, exchange in enumerate(exchanges):
        if noticed is not None and not noticed[index]:
            continue
        earlier = exchanges[:index]
        if not retells(exchange, earlier):
            continue
        told = [story for group in earlier for story in stories_told(group)]
        told += stories_told(exchange)[:1]
        replaced = any(
            sum(story_marks(other).values()) >= SHARED_WEIGHT and first_telling(other, told) is None
            for other in stories_told(exchange)[1:]
        )
        if not replaced:
            retold.append(index)
    return retold
