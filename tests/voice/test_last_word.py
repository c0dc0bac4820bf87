"""Doubting the last word of a partial transcript: Whisper finishing a sentence nobody finished."""

from __future__ import annotations

from interviewer.live.last_word import SPOKEN_UNDER_WORD, UNSURE_BELOW, doubtful_ending
from interviewer.session.ports import Word


def ending(last: Word) -> list[Word]:
    return [Word("We", 0.2, 0.4, 0.99), Word("looked", 0.4, 0.8, 0.97), last]


def test_a_sure_word_well_inside_the_speech_is_trusted():
    assert not doubtful_ending(ending(Word("dashboards.", 0.9, 1.6, 0.95)), speech_ended_at=1.7)


def test_a_word_whisper_is_unsure_of_is_doubted():
    assert doubtful_ending(ending(Word("ordinance.", 0.9, 1.6, UNSURE_BELOW - 0.05)), 1.7)


def test_a_word_placed_where_no_speech_was_heard_is_doubted():
    # "a one-page memo for it.": the "it" starts at the very end of the speech
    late = Word("it.", 1.7 - SPOKEN_UNDER_WORD / 2, 2.1, 0.9)
    assert doubtful_ending(ending(late), speech_ended_at=1.7)


def test_no_words_or_no_speech_end_leave_nothing_to_doubt_on_timing():
    assert not doubtful_ending([], 1.0)
    assert not doubtful_ending(ending(Word("it.", 5.0, 5.2, 0.9)), speech_ended_at=None)
