"""Endpointing: the decision logic on made-up probabilities, and the streaming Silero VAD."""

from __future__ import annotations

import numpy as np
import pytest

from interviewer.live.endpointing import (
    WINDOW,
    WINDOW_SECONDS,
    Endpointer,
    EndpointSettings,
    StreamingVad,
)
from interviewer.live.wav import load_audio


def feed(endpointer: Endpointer, probabilities) -> str | None:
    for probability in probabilities:
        reason = endpointer.update(probability)
        if reason:
            return reason
    return None


def windows(seconds: float) -> int:
    return int(round(seconds / WINDOW_SECONDS))


def test_answer_ends_after_end_silence_once_speech_began():
    endpointer = Endpointer(EndpointSettings(end_silence=2.0))
    assert feed(endpointer, [0.0] * windows(1) + [0.9] * windows(3)) is None
    assert feed(endpointer, [0.1] * windows(1.9)) is None  # a thinking pause is not the end
    assert feed(endpointer, [0.1] * windows(0.2)) == "silence"
    assert abs(endpointer.elapsed - endpointer.last_speech_at - 2.0) < 2 * WINDOW_SECONDS
    assert abs(endpointer.speech_seconds - 3.0) < 2 * WINDOW_SECONDS


def test_pauses_shorter_than_end_silence_keep_listening():
    endpointer = Endpointer(EndpointSettings(end_silence=2.5))
    pattern = ([0.9] * windows(2) + [0.05] * windows(2)) * 5
    assert feed(endpointer, pattern) is None


def test_nothing_said_ends_at_the_no_speech_timeout():
    endpointer = Endpointer(EndpointSettings(no_speech_timeout=8.0))
    assert feed(endpointer, [0.05] * windows(7.9)) is None
    assert feed(endpointer, [0.05] * windows(0.2)) == "no_speech"
    assert not endpointer.started


def test_a_click_does_not_start_an_answer():
    endpointer = Endpointer(EndpointSettings(no_speech_timeout=3.0, min_speech=0.25))
    probabilities = [0.05] * 20 + [0.95] * 3 + [0.05] * windows(3)
    assert feed(endpointer, probabilities) == "no_speech"


def test_maximum_length_wins_over_ongoing_speech():
    endpointer = Endpointer(EndpointSettings(max_seconds=5.0))
    assert feed(endpointer, [0.9] * windows(6)) == "max_length"
    assert abs(endpointer.elapsed - 5.0) < 2 * WINDOW_SECONDS


def test_hysteresis_keeps_speech_going_between_thresholds():
    endpointer = Endpointer(EndpointSettings(end_silence=1.0))
    feed(endpointer, [0.9] * 10)
    assert feed(endpointer, [0.4] * windows(2)) is None  # above 0.35 once speaking: still speech
    assert endpointer.in_speech


def test_streaming_vad_matches_faster_whispers_batch_vad(spoken_answer):
    from faster_whisper.vad import get_vad_model

    samples = load_audio(spoken_answer).samples
    samples = samples[: len(samples) // WINDOW * WINDOW]
    batch = np.asarray(get_vad_model()(samples.copy())).reshape(-1)
    vad = StreamingVad()
    streamed: list[float] = []
    for start in range(0, len(samples), 700):  # odd block sizes, as a device delivers them
        streamed.extend(vad.feed(samples[start:start + 700]))
    assert len(streamed) == len(batch)
    np.testing.assert_allclose(streamed, batch, atol=1e-4)
    assert np.mean(np.array(streamed) > 0.5) > 0.5  # mostly speech


def test_streaming_vad_hears_no_speech_in_silence_or_noise():
    vad = StreamingVad()
    silence = vad.feed(np.zeros(16_000 * 2, dtype=np.float32))
    vad.reset()
    noise = np.random.default_rng(1).standard_normal(16_000 * 3).astype(np.float32) * 0.1
    assert max(silence) < 0.5
    assert max(vad.feed(noise)) < 0.5


# -- semantic end of turn: the end-of-turn model's verdicts on made-up probabilities ----------


def semantic(**fields) -> Endpointer:
    return Endpointer(EndpointSettings(semantic=True, finished_silence=0.3, read_silence=1.2,
                                       patience=6.0, **fields))


def run_pause(endpointer: Endpointer, seconds: float, verdict: bool | None = None,
              reading: bool | None = None, dangling: bool | None = None,
              words_after: float = 0.0, doubtful: bool = False) -> str | None:
    """Silence for `seconds`, answering the model (the words' check once `words_after` seconds
    of silence have passed, and the transcript reading) when asked."""
    for _ in range(windows(seconds)):
        reason = endpointer.update(0.05)
        if reason is None and endpointer.wants_judgement:
            assert verdict is not None, "the model was asked"
            reason = endpointer.judged(verdict)
        if (reason is None and endpointer.wants_words
                and endpointer.speech.silence >= words_after - 1e-9):
            assert dangling is not None, "the words were checked"
            reason = endpointer.words(dangling, doubtful=doubtful)
        if reason is None and endpointer.wants_reading:
            assert reading is not None, "the transcript was read"
            reason = endpointer.read(reading)
        if reason:
            return reason
    return None


def test_a_finished_thought_ends_the_answer_after_a_short_silence():
    endpointer = semantic()
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 0.6, verdict=True) == "finished"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(0.3, abs=0.05)
    assert endpointer.judgements == 1


def test_an_unfinished_thought_gets_patience_not_the_end_silence():
    endpointer = semantic(end_silence=1.0)
    assert feed(endpointer, [0.9] * windows(3)) is None
    # A 4-second thinking pause after an unfinished phrase is not the end...
    assert run_pause(endpointer, 4.0, verdict=False, reading=False) is None
    assert endpointer.judgements == 1  # asked once per pause, not on every window
    assert feed(endpointer, [0.9] * windows(2)) is None  # ...the candidate carries on
    assert run_pause(endpointer, 5.9, verdict=False, reading=False) is None
    assert run_pause(endpointer, 0.2) == "silence"  # patience runs out at 6 s
    assert endpointer.judgements == 2


def test_a_transcript_that_ends_a_sentence_ends_the_turn_the_model_heard_unfinished():
    endpointer = semantic()
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 2.0, verdict=False, reading=True) == "finished"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(1.2, abs=0.05)


def test_a_finished_verdict_on_words_that_stop_mid_phrase_gets_patience():
    endpointer = semantic(check_words=True)
    assert feed(endpointer, [0.9] * windows(3)) is None
    # The voice sounded finished, but the transcript ends "...the reason was": a thinking pause.
    assert run_pause(endpointer, 4.0, verdict=True, dangling=True, reading=False) is None
    assert feed(endpointer, [0.9] * windows(2)) is None
    assert run_pause(endpointer, 6.1, verdict=False, reading=False) == "silence"


def test_a_finished_verdict_on_words_with_a_doubtful_last_word_gets_part_of_the_patience():
    endpointer = semantic(check_words=True, doubtful_share=0.75)
    assert feed(endpointer, [0.9] * windows(3)) is None
    # Sounds finished, reads finished, but Whisper may have written the last word itself: a
    # 4-second thinking pause is still not the end...
    assert run_pause(endpointer, 4.0, verdict=True, dangling=False, doubtful=True) is None
    # ...but the answer ends before the full 6 s of patience.
    assert run_pause(endpointer, 0.6) == "silence"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(4.5, abs=0.05)


def test_a_doubtful_last_word_on_words_that_stop_mid_phrase_gets_the_full_patience():
    endpointer = semantic(check_words=True, doubtful_share=0.75)
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 5.9, verdict=True, dangling=True, doubtful=True) is None
    assert run_pause(endpointer, 0.2) == "silence"


def test_the_shorter_patience_holds_for_its_own_pause_only():
    endpointer = semantic(check_words=True, doubtful_share=0.75)
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 2.0, verdict=True, dangling=False, doubtful=True) is None
    assert feed(endpointer, [0.9] * windows(2)) is None  # the candidate goes on
    assert run_pause(endpointer, 5.9, verdict=False, reading=False) is None


def test_a_finished_verdict_on_finished_words_ends_the_turn_when_the_transcript_is_ready():
    endpointer = semantic(check_words=True)
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 2.0, verdict=True, dangling=False, words_after=0.5) \
        == "finished"
    assert endpointer.finished_by == "model and words"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(0.5, abs=0.05)


def test_a_late_transcript_is_waited_for_a_while_then_the_verdict_stands():
    endpointer = semantic(check_words=True, words_wait=2.0)
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 3.0, verdict=True, dangling=False, words_after=5.0) \
        == "finished"
    assert endpointer.finished_by == "model, words late"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(2.0, abs=0.05)


def test_without_checking_words_a_finished_verdict_ends_the_turn_at_once():
    endpointer = semantic()
    assert feed(endpointer, [0.9] * windows(3)) is None
    assert run_pause(endpointer, 0.6, verdict=True) == "finished"
    assert not endpointer.wants_words and endpointer.finished_by == "model"


def test_silence_only_endpointing_never_asks_the_model():
    endpointer = Endpointer(EndpointSettings(end_silence=1.0))
    assert feed(endpointer, [0.9] * windows(2)) is None
    assert run_pause(endpointer, 1.1) == "silence"
    assert endpointer.judgements == 0


def test_early_in_a_main_answer_a_pause_between_sentences_does_not_end_it():
    # Eight seconds into a story the first sentence ends and the candidate breathes for 0.8 s:
    # the model would call that finished, but it is not asked before the early silence.
    endpointer = semantic(early_until=24.0, early_silence=1.5)
    assert feed(endpointer, [0.9] * windows(8)) is None
    assert run_pause(endpointer, 0.8) is None  # not asked: no verdict given
    assert endpointer.judgements == 0
    assert feed(endpointer, [0.9] * windows(8)) is None  # the story goes on
    # A real end this early is answered after the early silence.
    assert run_pause(endpointer, 2.0, verdict=True) == "finished"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(1.5, abs=0.05)


def test_past_the_early_part_a_finished_thought_is_answered_after_the_short_silence():
    endpointer = semantic(early_until=24.0, early_silence=1.5)
    assert feed(endpointer, [0.9] * windows(25)) is None
    assert run_pause(endpointer, 0.6, verdict=True) == "finished"
    assert endpointer.elapsed - endpointer.last_speech_at == pytest.approx(0.3, abs=0.05)


def test_only_the_answer_to_a_main_question_is_held_early():
    from interviewer.live.voice_answers import early_until
    from interviewer.session.ports import Prompt

    question = Prompt(text="Tell me about a hard call.", stage="manager", turn=1,
                      answer_seconds=(120, 180))
    follow_up = Prompt(text="What principle was that?", stage="manager", turn=2,
                       kind="follow_up", answer_seconds=(120, 180))
    assert early_until(question) == pytest.approx(24.0)
    assert early_until(follow_up) == 0.0
