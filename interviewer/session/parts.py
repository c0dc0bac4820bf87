"""What an interview engine talks to: the brains, the answer source, the console and content."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.brains.base import Brain
from interviewer.console import Console
from interviewer.rubric.content import Content
from interviewer.session.ports import AnswerSource, Speaker


@dataclass
class EngineParts:
    """What the engine talks to.

    `fallback` takes any step `brain` fails (the same object when the brain is the offline one).
    """

    brain: Brain
    fallback: Brain
    answers: AnswerSource
    console: Console
    content: Content
    speaker: Speaker | None = None
    # Score answers on a worker thread after the next move is chosen (live input with an LLM:
    # the candidate should not wait for a slow model's score).
    score_in_background: bool = False
