"""Incremental transcription: stretches cut at pauses, only the tail left at the end."""

from __future__ import annotations

import threading
import time

import numpy as np

from interviewer.live.incremental import IncrementalTranscriber
from interviewer.live.incremental_settings import IncrementalSettings
from interviewer.live.wav import load_audio
from interviewer.session.ports import Audio
from interviewer.testing import FakeTranscriber
from tests.realtime.helpers import feed_in_blocks, windows


def test_stretches_are_cut_at_pauses_and_words_moved_onto_the_answer_timeline():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(pause=0.5, min_stretch=3.0))
    samples, probabilities = windows("ssss.sssss.ss" + "...")  # end-of-turn silence
    feed_in_blocks(incremental, samples, probabilities)
    result = incremental.finish()
    assert incremental.stats.passes == 3  # three stretches, each ended by a pause
    assert incremental.stats.tail_skipped and incremental.stats.tail_samples == 0
    assert result.text == "word word word"
    starts = [w.start for w in result.words]
    assert starts == sorted(starts) and starts[0] == 0.0
    assert 4.0 < starts[1] < 5.0 and 10.0 < starts[2] < 11.0  # cut in the middle of each pause
    assert result.words[-1].end <= result.duration_s == len(samples) / 16_000
    assert fake.threads == {"incremental-transcriber"}  # nothing left for the end of the turn


def test_a_long_pause_after_a_short_stretch_is_cut_so_the_end_of_turn_has_no_tail():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(min_stretch=3.0))
    # A 0.4 s pause after 1 s of speech is not cut (too little context); the 2.4 s of speech
    # before the end-of-turn silence is cut once the silence passes long_pause (0.6 s).
    samples, probabilities = windows("sssss..sssss" + "." * 10, seconds_per_char=0.2)
    feed_in_blocks(incremental, samples, probabilities)
    incremental.finish()
    assert incremental.stats.passes == 1 and incremental.stats.tail_skipped


def test_a_word_or_two_before_a_long_pause_waits_for_more_context():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(min_stretch=3.0))
    samples, probabilities = windows("sss" + "." * 5 + "s" * 10, seconds_per_char=0.2)
    feed_in_blocks(incremental, samples, probabilities)
    incremental.finish()
    assert incremental.stats.passes == 0  # 0.6 s of speech then 1 s of silence: not cut


def test_the_first_silence_starts_a_provisional_pass_so_a_short_answer_leaves_no_tail():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(min_stretch=3.0))
    # 2 s of speech (under min_stretch) and 0.4 s of silence (under long_pause): only the
    # provisional pass at the first silence transcribes it before the end of the turn.
    samples, probabilities = windows("s" * 10 + "." * 2, seconds_per_char=0.2)
    feed_in_blocks(incremental, samples, probabilities)
    result = incremental.finish()
    stats = incremental.stats
    assert (stats.provisional, stats.retracted, stats.passes) == (1, 0, 1)
    assert stats.tail_skipped and stats.tail_samples == 0
    assert result.text == "word"


def test_speech_resuming_after_a_short_pause_takes_the_provisional_pass_back():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(min_stretch=3.0))
    # A 0.2 s pause after 1 s of speech: transcribed provisionally, then taken back when the
    # candidate goes on, so the whole answer is one stretch (one word here), not two.
    samples, probabilities = windows("sssss.sssss..", seconds_per_char=0.2)
    feed_in_blocks(incremental, samples, probabilities)
    result = incremental.finish()
    stats = incremental.stats
    assert (stats.provisional, stats.retracted, stats.passes) == (2, 1, 1)
    assert result.text == "word" and result.words[0].start == 0.0
    assert result.words[0].end > 2.0  # the kept pass covers both halves of the answer


class GatedTranscriber(FakeTranscriber):
    """Its first pass waits until `gate` is set (a background pass still running)."""

    def __init__(self):
        super().__init__()
        self.gate, self.busy = threading.Event(), threading.Event()

    def transcribe(self, audio):
        if not self.busy.is_set():
            self.busy.set()
            self.gate.wait(10)
        return super().transcribe(audio)


def test_a_provisional_stretch_taken_back_before_its_turn_is_never_transcribed():
    gated = GatedTranscriber()
    incremental = IncrementalTranscriber(gated, IncrementalSettings(min_stretch=3.0))
    # 4 s of speech and a 0.4 s pause: a stretch, still being transcribed when a 0.2 s pause
    # queues a provisional one behind it, taken back when the candidate goes on.
    first, first_p = windows("s" * 20 + "..", seconds_per_char=0.2)
    feed_in_blocks(incremental, first, first_p, keep_up=False)
    assert gated.busy.wait(10)
    rest, rest_p = windows("sssss.sssss...", seconds_per_char=0.2)
    feed_in_blocks(incremental, rest, rest_p, keep_up=False)
    gated.gate.set()
    result = incremental.finish()
    stats = incremental.stats
    # The one taken back left the queue: the end of the turn could queue its own after it.
    assert (stats.provisional, stats.retracted) == (3, 1)
    assert len(gated.calls) == 2 and sum(gated.sample_counts) == len(first) + len(rest)  # once each
    assert result.text == "word word"


def test_provisional_passes_can_be_turned_off():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(min_stretch=3.0,
                                                                   early_pause=None))
    samples, probabilities = windows("s" * 10 + "." * 2, seconds_per_char=0.2)
    feed_in_blocks(incremental, samples, probabilities)
    incremental.finish()
    assert incremental.stats.provisional == 0 and incremental.stats.tail_samples > 0
    assert fake.threads == {"MainThread"}  # the whole answer was left for the end of the turn


def test_no_pause_still_cuts_below_whispers_window_and_tail_is_transcribed():
    fake = FakeTranscriber()
    incremental = IncrementalTranscriber(fake, IncrementalSettings(max_stretch=10.0))
    samples, probabilities = windows("s" * 25)  # 25 s without a pause, ends mid-speech
    feed_in_blocks(incremental, samples, probabilities)
    result = incremental.finish()
    assert incremental.stats.passes >= 2
    assert max(fake.sample_counts) <= 10 * 16_000
    assert 0 < incremental.stats.tail_samples <= 10 * 16_000
    assert sum(fake.sample_counts) == len(samples)  # every sample transcribed exactly once
    assert len(result.words) == incremental.stats.passes + 1


def test_falling_behind_merges_stretches_instead_of_queueing():
    slow = FakeTranscriber(delay=0.3)
    incremental = IncrementalTranscriber(slow, IncrementalSettings(min_stretch=1.0))
    samples, probabilities = windows("s.s.s.s.s.s.s.s.", seconds_per_char=1.0)
    feed_in_blocks(incremental, samples, probabilities, block_windows=500, keep_up=False)
    result = incremental.finish()
    stats = incremental.stats
    assert stats.merged >= 1
    assert len(slow.sample_counts) < 8  # fewer, larger passes than stretches
    assert not slow.overlapped  # worker and tail never transcribe at the same time
    assert sum(slow.sample_counts) == len(samples) or stats.tail_skipped
    assert result.words[-1].end <= result.duration_s


def test_slow_transcription_grows_the_minimum_stretch():
    slow = FakeTranscriber(delay=0.2)
    incremental = IncrementalTranscriber(slow, IncrementalSettings(min_stretch=0.5,
                                                                   busy_share=0.05))
    samples, probabilities = windows("s.", seconds_per_char=1.0)
    feed_in_blocks(incremental, samples, probabilities)
    time.sleep(0.4)
    incremental.finish()
    assert incremental.stats.min_stretch > 0.5


def test_real_speech_random_model_covers_the_whole_answer_and_leaves_a_small_tail(
        spoken_answer, transcriber):
    speech = load_audio(spoken_answer).samples
    gap = np.zeros(16_000, np.float32)
    quiet_end = np.zeros(int(2.5 * 16_000), np.float32)  # the end-of-turn silence
    samples = np.concatenate([speech, gap, speech, gap, speech, quiet_end])
    incremental = IncrementalTranscriber(transcriber)
    for start in range(0, len(samples), 512):  # the real Silero VAD, block by block
        incremental.feed(samples[start:start + 512])
        incremental.drain(timeout=30)  # as if spoken: the worker keeps up between blocks
    result = incremental.finish()
    whole = transcriber.transcribe(Audio(samples))
    stats = incremental.stats
    assert stats.passes >= 2
    assert stats.tail_samples <= 0.2 * len(samples)
    assert result.duration_s == whole.duration_s
    assert result.words, "the random model still yields words with timestamps"
    assert all(0 <= w.start <= w.end <= result.duration_s + 0.01 for w in result.words)
    starts = [w.start for w in result.words]
    assert starts == sorted(starts)
    assert result.words[-1].start > 2 * len(speech) / 16_000  # the last sentence is there
    assert np.array_equal(incremental.audio().samples, samples)
