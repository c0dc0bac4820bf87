"""Whether the words of an answer so far stop mid-phrase (the check on a finished verdict).

The unfinished phrases here are held out: none is one of the benchmark's spoken answers, so the
rule is not tuned to them.
"""

from __future__ import annotations

import pytest

from interviewer.live.dangling import ends_unfinished, reads_as_finished

HELD_OUT_UNFINISHED = [
    "and then what we did was",
    "I think the main thing, um,",
    "The problem with the old pipeline is",
    "So we sat down with the",
    "My first instinct was to go to",
    "What surprised me about the whole thing was...",
    "We had two options, and",
    "Honestly the hardest part of that quarter was",
    "I pushed back because",
    "I told them that if",
    "The data showed that we",
    "and the thing's",
    "so I basically, uh",
    "The metric we cared about most was retention, but",
    "I'd say the lesson for my",
    "It came down to whether",
    "Looking back I would have talked to the team about",
    "we could have shipped it earlier than",
    "The real issue with the rollout was that",
    "what broke the pipeline wasn't that",
    "We spent most of that quarter focused on",
    "So in the retro I pointed out that",
    "Our error budget went from 2% to",
]

FINISHED = [
    "So that was it.",
    "...and that's why.",
    "We rolled back, and the numbers held.",
    "I think so.",
    "That's how it was.",
    "Yes, I would.",
    "That is what I did.",
    "And it worked",
    "I was proud of the team",
    "So the principle was candour?",
    "It's the one thing I'd change.",
    "It was that.",
    "And that was that.",
    "I'd say it wasn't that.",
    "Reviews, rollbacks and so on.",
    "So we moved on.",
    "I learned that early on.",
    "Nobody else wanted it, so I took it on.",
    "It was hard, but it was the right thing to do.",
    "Latency went from 900 milliseconds down to 120.",
    "Adoption went from 10% to 45%.",
    "I never said that.",
]


@pytest.mark.parametrize("text", HELD_OUT_UNFINISHED)
def test_phrases_that_stop_mid_thought_read_as_unfinished(text):
    assert ends_unfinished(text)
    assert not reads_as_finished(text + ".")


@pytest.mark.parametrize("text", FINISHED)
def test_finished_answers_are_not_held_back(text):
    assert not ends_unfinished(text)


@pytest.mark.parametrize(("text", "finished"), [
    ("We rolled back, and the numbers held.", True),
    ("So that was it.", True),
    ("...and that's why.", True),
    ("The reason I made that call myself was...", False),
    ("What I should have done is", False),
    ("I went to the director and the.", False),
    ("The reason was.", False),
    ("", False),
])
def test_reading_a_transcript_for_a_finished_sentence(text, finished):
    assert reads_as_finished(text) is finished


def test_nothing_transcribed_is_not_unfinished():
    assert not ends_unfinished("")
    assert not ends_unfinished("  ")
