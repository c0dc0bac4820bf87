"""Whether the last word of a partial transcript can be trusted to say how the answer ends.

Whisper finishes sentences: given "we looked at the dashboards and" and a pause, tiny.en often
writes a whole clause ("...at the national ordinance.") or adds a word nobody said ("a memo for
it."). The words check (`dangling.py`) then reads a finished sentence where the candidate was
mid-thought. Two signs give such an ending away, and both are Whisper's own:
- it is unsure of the word (a low word probability), or
- it places the word where the microphone heard no speech: a word that starts less than
  `SPOKEN_UNDER_WORD` before the speech ended was not said (a real last word starts well before
  the end of the speech it names; an invented one sits at the very end).
A doubtful ending counts as unfinished, so the candidate gets the patience of a thinking pause
instead of being cut off; a finished answer with a doubtful last word only waits longer.
"""

from __future__ import annotations

from collections.abc import Sequence

from interviewer.session.ports import Word

UNSURE_BELOW = 0.5  # a last word Whisper gives less probability than this is doubtful
SPOKEN_UNDER_WORD = 0.1  # seconds of speech a spoken last word has under it, at least


def doubtful_ending(words: Sequence[Word], speech_ended_at: float | None) -> bool:
    """True when the transcript's last word is unsure or lies past the speech heard.

    `words` are timed on the answer's clock, as is `speech_ended_at` (when the speech detector
    last heard speech). No words, no doubt: there is nothing to read."""
    if not words:
        return False
    last = words[-1]
    if last.probability < UNSURE_BELOW:
        return True
    return speech_ended_at is not None and last.start > speech_ended_at - SPOKEN_UNDER_WORD
