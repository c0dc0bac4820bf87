"""When each line of an answer's transcript should appear while its recording plays.

With word timestamps a line appears as its first word is spoken. Without them (a recording
whose words were not kept) the lines are spread over the clip in proportion to their length.
"""

from __future__ import annotations

import re
import textwrap

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LINE_WIDTH = 86


def transcript_lines(text: str, width: int = LINE_WIDTH) -> list[str]:
    """The answer as short lines: sentence by sentence, long sentences wrapped."""
    lines: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        if sentence:
            lines += textwrap.wrap(sentence, width=width) or [sentence]
    return lines


def cue_times(
    lines: list[str], words: list[tuple[str, float, float]], duration_s: float
) -> list[float]:
    """The time (seconds into the clip) at which each line starts."""
    if not lines:
        return []
    counts = [len(line.split()) for line in lines]
    if words and len(words) >= sum(counts) * 0.5:
        # Word n of the text is word n of the timestamps; a transcript that drifts a little
        # from the word list (punctuation, merged words) only shifts a line by a word or two.
        times, index = [], 0
        for count in counts:
            times.append(words[min(index, len(words) - 1)][1])
            index += count
        return times
    total = sum(len(line) for line in lines) or 1
    times, elapsed = [], 0.0
    for line in lines:
        times.append(duration_s * elapsed / total)
        elapsed += len(line)
    return times
