"""The interruption policy (elapsed seconds as the clock) and the streaming answer source that
asks it through the prompt."""

from __future__ import annotations

import threading

import numpy as np

from interviewer.brains.base import InterjectContext
from interviewer.live.capture import CapturedAudio, SoundDeviceMicrophone
from interviewer.live.endpointing import Endpointer, EndpointSettings
from interviewer.live.incremental_settings import IncrementalSettings
from interviewer.live.streaming_answers import StreamingVoiceAnswers
from interviewer.live.wav import read_wav
from interviewer.rubric.content import load_content
from interviewer.rubric.interrupting import InterruptPolicy, names_a_principle
from interviewer.session.ports import Prompt, Word
from interviewer.testing import FakeMicrophone, FakeSpeaker, FakeTranscriber, ListenCall
from tests.audio import play
from tests.realtime.helpers import windows

WRITTEN = load_content().interruptions
PRINCIPLE_PROBE, TIME_PROBE = WRITTEN.no_principle, WRITTEN.time_limit


def policy_with(**fields) -> InterruptPolicy:
    """The policy from prompts/interruptions.yaml with some fields changed."""
    return InterruptPolicy.from_content(WRITTEN, **fields)


STORY = Prompt(text="Tell me about a hard call.", stage="hiring_manager", turn=1,
               answer_seconds=(120, 180))


def heard(prompt: Prompt, elapsed: float, text: str,
          transcribed: float | None = None) -> InterjectContext:
    """What has been heard of the answer to `prompt` so far."""
    return InterjectContext(stage=prompt.stage, kind=prompt.kind, asked=prompt.text,
                            answer_seconds=prompt.answer_seconds, elapsed=elapsed,
                            partial_text=text, transcribed=transcribed)


def test_no_principle_by_the_set_time_interrupts_with_the_principle_probe():
    policy = policy_with(principle_after=60)
    assert policy.check(heard(STORY, 59.9, "we had an outage and I rolled back")) is None
    cut = policy.check(heard(STORY, 60.0, "we had an outage and I rolled back"))
    assert cut.reason == "no_principle" and cut.probe == PRINCIPLE_PROBE and cut.at_seconds == 60


def test_a_named_principle_lets_the_story_run_until_the_time_limit():
    policy = policy_with(principle_after=60)
    text = "We had an outage. The principle I acted on was that members come first."
    assert names_a_principle(text)
    assert policy.check(heard(STORY, 120.0, text)) is None
    assert policy.check(heard(STORY, 180.0, text)).reason == "time_limit"
    assert policy.check(heard(STORY, 181.0, text)).probe == TIME_PROBE


def test_listing_value_names_is_not_naming_a_principle():
    assert not names_a_principle("I showed judgment, courage, candor and impact.")


def test_follow_ups_are_only_cut_at_the_time_limit():
    follow_up = Prompt(text="Why?", stage="hiring_manager", turn=2, kind="follow_up",
                       answer_seconds=(30, 60))
    assert policy_with(principle_after=5).check(heard(follow_up, 30, "")) is None
    assert policy_with().check(heard(follow_up, 60, "")).reason == "time_limit"


def test_a_missing_principle_is_judged_only_on_transcribed_speech():
    policy = policy_with(principle_after=60)
    assert policy.check(heard(STORY, 62, "we rolled back", transcribed=50)) is None
    assert policy.check(heard(STORY, 62, "we rolled back", transcribed=61)).reason == \
        "no_principle"


def test_a_lagging_transcript_delays_the_cut_in_by_at_most_the_wait():
    # On a loaded machine the transcript ran 23 s behind and the cut-in came at 113 s.
    policy = policy_with(principle_after=90, transcript_wait=3)
    assert policy.check(heard(STORY, 92.5, "we rolled back", transcribed=70)) is None
    late = policy.check(heard(STORY, 93, "we rolled back", transcribed=70))
    assert late.reason == "no_principle" and late.at_seconds == 93
    assert policy.check(heard(STORY, 93, "my principle was to", transcribed=70)) is None


class BlockMicrophone(FakeMicrophone):
    """Hands out a prepared recording block by block, like SoundDeviceMicrophone, and stops when
    the hook says so."""

    def __init__(self, pattern: str, verdict: bool | None = None):
        super().__init__()
        self.samples, self.probabilities = windows(pattern)
        self.keep_up = None  # called after each block: lets the transcriber keep up, as live
        self.verdict = verdict  # the end-of-turn model's verdict on every pause (None: no model)

    def listen(self, *, max_seconds, no_speech_timeout=None, on_block=None, check_words=False,
               early_until=0.0):
        self.calls.append(ListenCall(max_seconds, no_speech_timeout))
        endpointer = Endpointer(EndpointSettings(end_silence=2.0, max_seconds=max_seconds,
                                                 semantic=self.verdict is not None,
                                                 check_words=check_words))
        reason = None
        for index, probability in enumerate(self.probabilities):
            block = self.samples[index * 512:(index + 1) * 512]
            reason = endpointer.update(probability)
            if reason is None and endpointer.wants_judgement:
                reason = endpointer.judged(self.verdict)
            reason = (on_block(block, [probability], endpointer) if on_block else None) or reason
            if self.keep_up is not None:
                self.keep_up()
            if reason:
                break
        end = (index + 1) * 512
        return CapturedAudio(self.samples[:end], ended_by=reason or "silence")


def answers(pattern: str, fake=None, verdict: bool | None = None, **kw):
    fake = fake or FakeTranscriber(text="and then we shipped it.")
    source = StreamingVoiceAnswers(BlockMicrophone(pattern, verdict), fake,
                                   settings=IncrementalSettings(min_stretch=1.0), out=None, **kw)
    source.microphone.keep_up = lambda: source.incremental.drain(timeout=5)
    return source


def prompt(tmp_path, kind="question", policy: InterruptPolicy | None = None) -> Prompt:
    """A question whose cut-ins `policy` decides (as a brain's `interject` would)."""
    return Prompt(text="Tell me about a hard call.", stage="hiring_manager", turn=1, kind=kind,
                  answer_seconds=(120, 180), save_audio_to=tmp_path / "answer.wav",
                  interject=policy.check if policy else None,
                  interjections=tuple(policy.probes()) if policy else ())


def test_an_interrupted_answer_is_kept_and_marked(tmp_path):
    decisions = []
    source = answers("ss.ss.ss.ss.ss.ss.ss." * 3, on_interrupt=decisions.append)
    answer = source.next_answer(prompt(tmp_path, policy=policy_with(principle_after=10)))
    assert answer.interrupted and source.last_interruption.reason == "no_principle"
    assert decisions == [source.last_interruption] and answer.cut_in == decisions[0]
    assert 10 <= answer.duration_s < 16  # stopped at the decision, not at the end of the story
    assert answer.text and answer.words
    samples, rate = read_wav(answer.audio_path)
    assert rate == 16_000 and abs(len(samples) / rate - answer.duration_s) < 0.05


def test_no_interrupt_lets_the_answer_end_at_its_pause(tmp_path):
    speaker = FakeSpeaker()
    source = answers("ss.ss.ss.ss.ss.ss.ss." * 3 + "...", interrupt=False, speaker=speaker)
    asked: list[InterjectContext] = []
    question = prompt(tmp_path, policy=policy_with(principle_after=10))
    question.interject = lambda context: asked.append(context)
    answer = source.next_answer(question)
    assert not answer.interrupted and source.last_interruption is None
    assert answer.duration_s > 60
    assert asked == [] and speaker.calls == []  # never asked, and no probe rendered


def test_a_principle_in_the_partial_transcript_prevents_the_cut(tmp_path):
    fake = FakeTranscriber(text="The principle I acted on was candor.")
    source = answers("ss.ss.ss.ss.ss.ss.ss." * 3 + "...", fake=fake)
    answer = source.next_answer(prompt(tmp_path, policy=policy_with(principle_after=10)))
    assert not answer.interrupted


def test_virtual_microphone_streams_blocks_and_leaves_only_the_tail(
        virtual_audio, spoken_answer, transcriber, tmp_path):
    microphone = SoundDeviceMicrophone(end_silence=1.5, enter_to_stop=False,
                                     on_listening=lambda: threading.Thread(
                                         target=play, args=(spoken_answer,)).start())
    source = StreamingVoiceAnswers(microphone, transcriber,
                                   settings=IncrementalSettings(min_stretch=1.0), out=None)
    answer = source.next_answer(prompt(tmp_path))
    stats = source.incremental.stats
    assert not answer.interrupted and answer.duration_s > 5
    assert answer.words and all(0 <= w.start <= w.end <= answer.duration_s + 0.01
                                for w in answer.words)
    assert stats.passes >= 1
    assert stats.tail_samples <= 0.3 * answer.duration_s * 16_000
    assert np.isclose(len(read_wav(answer.audio_path)[0]) / 16_000, answer.duration_s, atol=0.05)


def test_the_probes_are_ready_before_the_answer_and_the_cut_in_starts_at_once(tmp_path):
    speaker = FakeSpeaker()
    source = answers("ss.ss.ss.ss.ss.ss.ss." * 3, speaker=speaker)
    question = prompt(tmp_path, policy=policy_with(principle_after=10))
    question.voice = "female"
    partials = []
    question.on_partial = partials.append
    answer = source.next_answer(question)
    assert answer.interrupted
    log = [(call.action, call.text, call.voice) for call in speaker.calls]
    assert log[:2] == [("prepare", PRINCIPLE_PROBE, "female"), ("prepare", TIME_PROBE, "female")]
    # started on the listening thread the moment of the decision, in the interviewer's voice
    assert log[2:] == [("start", PRINCIPLE_PROBE, "female")]
    pairs = zip(partials[:-1], partials[1:], strict=True)
    assert partials and all(len(a) < len(b) for a, b in pairs)  # grows, reported once each
    assert partials[-1].startswith("and then we shipped it.")


def test_a_finished_verdict_ends_the_answer_when_the_words_so_far_are_finished(tmp_path):
    source = answers("sss....ss.......", verdict=True)
    answer = source.next_answer(prompt(tmp_path))
    assert answer.duration_s < 4.5  # ended at the first pause, once its transcript was ready


def test_a_finished_verdict_on_words_that_stop_mid_phrase_waits_through_the_pause(tmp_path):
    fake = FakeTranscriber(text="The reason I made that call myself was")
    source = answers("sss....ss........", fake, verdict=True)
    answer = source.next_answer(prompt(tmp_path))
    assert answer.duration_s > 8.0  # the 4 s thinking pause did not end it; the speech after it
    # ended in the same dangling words, so patience ran out at the end



def test_a_finished_verdict_on_a_sentence_whisper_is_unsure_of_waits_through_the_pause(tmp_path):
    # tiny.en heard "we looked at the dashboards and" as a finished clause, but unsure of it
    unsure = "We looked at the national ordinance."
    fake = FakeTranscriber(text=unsure, words=[Word(unsure, 0.0, 2.0, probability=0.1)])
    source = answers("sss....ss........", fake, verdict=True)
    answer = source.next_answer(prompt(tmp_path))
    assert answer.duration_s > 8.0  # not ended at the 4 s pause


def test_a_sentence_whisper_is_unsure_of_is_not_read_as_finished_after_an_unfinished_verdict(
        tmp_path):
    unsure = "We looked at the national ordinance."
    fake = FakeTranscriber(text=unsure, words=[Word(unsure, 0.0, 2.0, probability=0.1)])
    source = answers("sss....ss........", fake, verdict=False)
    answer = source.next_answer(prompt(tmp_path))
    assert answer.duration_s > 8.0  # the reading at 1.0 s did not end it at the 4 s pause
