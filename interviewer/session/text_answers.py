"""Answer sources for text mode: typed in the terminal, or scripted in a file.

Typed answers end with an empty line or end of input, so answers can be piped in. A script holds
blocks separated by a line that is only `---`; they are used in order by every question and
follow-up, and when they run out the session ends cleanly.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from interviewer.errors import UserError
from interviewer.session.ports import Answer, InterruptedAnswer, Prompt
from interviewer.userfiles import read_user_text

SEPARATOR = "---"
# Three minutes of fast speech is about 4,000 characters; this leaves room for pasted notes.
MAX_ANSWER_CHARS = 100_000
REPROMPT = "  (nothing typed yet: type your answer, then press Enter on an empty line)\n"
# Return to the start of the line and clear it. When the candidate typed ahead (or pasted an
# answer with its empty line), the terminal echoed their Enter before the "> " prompt was written,
# so the cursor sits after a dangling "> " and the interviewer's next line would follow it.
# After a normal Enter the cursor is already on a fresh line and this changes nothing.
CLEAR_LINE = "\r\033[K"


class TypedAnswers:
    """Answers typed (or piped) into standard input."""

    def __init__(self, stream: TextIO | None = None, out: TextIO | None = None):
        self.stream = stream or sys.stdin
        self.out = out or sys.stdout
        self.finished = False

    def next_answer(self, prompt: Prompt) -> Answer | None:
        """Read lines until an empty line or end of input; None once input has ended.

        Ctrl-C after some lines were entered raises `InterruptedAnswer` with them, so the
        engine logs what was typed (as it does for a spoken answer) before the session stops.
        """
        if self.finished:
            return None
        lines: list[str] = []
        try:
            return self._read(lines)
        except KeyboardInterrupt:
            typed = "\n".join(lines).strip()
            if not typed:
                raise
            raise InterruptedAnswer(Answer(
                text=typed, source="typed",
                problem=f"stopped with Ctrl-C during the answer; kept the {len(lines)} "
                        "line(s) typed so far",
            )) from None

    def _read(self, lines: list[str]) -> Answer | None:
        """Fill `lines` until the answer ends (they stay readable if Ctrl-C cuts this short)."""
        if self.stream.isatty():
            self.out.write("  (answer, then press Enter on an empty line)\n")
            self.out.flush()
        size = 0
        while True:
            if self.stream.isatty():
                self.out.write("> ")
                self.out.flush()
            line = self.stream.readline()
            if not line:
                self.finished = True
                break
            if not line.strip():
                if lines:
                    break
                # A stray Enter (often a double Enter after the last answer) is not an answer:
                # say so and wait for the real one instead of sending an empty reply.
                if self.stream.isatty():
                    self.out.write(CLEAR_LINE + REPROMPT)
                    self.out.flush()
                continue
            lines.append(line.rstrip("\n"))
            size += len(line)
            if size > MAX_ANSWER_CHARS:
                raise UserError(
                    f"that answer is over {MAX_ANSWER_CHARS:,} characters, far longer than any "
                    "spoken answer; keep answers to a few minutes of speech"
                )
        if self.stream.isatty():
            self.out.write(CLEAR_LINE)
            self.out.flush()
        if not lines and self.finished:
            return None
        return Answer(text="\n".join(lines).strip(), source="typed")

    def close(self) -> None:
        """Nothing to release: standard input belongs to the terminal."""


class ScriptedAnswers:
    """Answers read from a file, one block per question or follow-up."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.blocks = parse_script(read_user_text(self.path, "answers file"))
        self.position = 0

    def next_answer(self, prompt: Prompt) -> Answer | None:
        """The next block, or None when the script has run out."""
        if self.position >= len(self.blocks):
            return None
        text = self.blocks[self.position]
        self.position += 1
        return Answer(text=text, source="script")

    def close(self) -> None:
        """Nothing to release: the script was read whole."""

    def skip_used(self, recorded: Sequence[str]) -> int:
        """Skip the blocks the session already answered with, and say how many.

        The script's used blocks are the longest run of its first blocks that ends the
        session's scripted answers (an earlier script may have answered before it). Resuming
        with the same script carries on after them; a different script starts at its first
        block instead of losing as many blocks as the session has answers.
        """
        longest = min(len(self.blocks), len(recorded))
        used = next((k for k in range(longest, 0, -1)
                     if list(recorded[-k:]) == self.blocks[:k]), 0)
        self.position = used
        return used


def parse_script(text: str) -> list[str]:
    """Split a script into answer blocks at lines that hold only `---`."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip() == SEPARATOR:
            blocks.append([])
        else:
            blocks[-1].append(line)
    answers = ["\n".join(block).strip() for block in blocks]
    if answers and not answers[-1]:
        answers.pop()  # a trailing separator does not add an empty answer
    return answers
