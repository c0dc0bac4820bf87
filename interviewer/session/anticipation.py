"""Preparing the interviewer's next line while the candidate is still answering.

Before an answer starts, the engine prepares the line that follows it if the question is done
(the next question, or the closing line). While the answer is spoken, each time its partial
transcript grows, `Anticipation` works out the follow-up the interviewer would choose for the
answer so far and prepares that too. A wrong guess costs a few milliseconds of synthesis; a
right one means the reply plays the moment the turn ends.
"""

from __future__ import annotations

from collections.abc import Callable

from interviewer.rubric.results import Move


class Anticipation:
    """Turns a growing partial transcript into prepared follow-ups.

    `prepare(text)` renders a line ahead of time; `likely_move(partial_text)` is the move the
    interviewer would make if the answer ended now. Called from the listening thread, so it
    never raises: a guess that fails only means no line is prepared.
    """

    def __init__(self, prepare: Callable[[str], None],
                 likely_move: Callable[[str], Move]):
        self.prepare = prepare
        self.likely_move = likely_move
        self.guesses: list[str] = []  # the follow-ups prepared so far, for tests and benchmarks
        self._last_text: str | None = None

    def on_partial(self, text: str) -> None:
        """The partial transcript grew: prepare the follow-up it now calls for, if any."""
        text = text.strip()
        if not text or text == self._last_text:
            return
        self._last_text = text
        try:
            move = self.likely_move(text)
        except Exception:  # a guess is an optimisation: the real decision is made at the end
            return
        if move.action == "follow_up" and move.text and move.text not in self.guesses:
            self.guesses.append(move.text)
            self.prepare(move.text)
