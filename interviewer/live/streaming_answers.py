"""Spoken answers transcribed while they are spoken, which the interviewer may cut into.

`StreamingVoiceAnswers` keeps the contract of `VoiceAnswers` (the WAV saved to
`prompt.save_audio_to`, an Answer with timed words, one nudge when nothing is heard), but feeds
every microphone block to an `IncrementalTranscriber`, so at the end of the turn only the tail is
left to transcribe. As the partial transcript grows it asks the interviewer's brain whether to
cut in (`prompt.interject`); when the brain decides to, listening stops at once, the partial
answer is kept and marked `interrupted=True`, and its `cut_in` tells the engine which probe to
ask.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from interviewer.brains.contexts import InterjectContext
from interviewer.live.capture import ListeningMicrophone
from interviewer.live.dangling import ends_unfinished, reads_as_finished
from interviewer.live.incremental import IncrementalTranscriber
from interviewer.live.incremental_settings import IncrementalSettings
from interviewer.live.last_word import doubtful_ending
from interviewer.live.voice_answers import DEFAULT_MAX_ANSWER, VoiceAnswers, Waiting, early_until
from interviewer.session.ports import (
    Answer,
    Interruption,
    PreparingSpeaker,
    Prompt,
    Speaker,
    Transcriber,
)

CHECK_EVERY = 0.5  # seconds of audio between two looks at the partial transcript
READ_MARGIN = 0.1  # the transcript covers the last words once it reaches this close to them


class StreamingVoiceAnswers(VoiceAnswers):
    """Answers from the microphone, transcribed while spoken, with optional interruptions.

    With `interrupt` (False for `--no-interrupt`) the brain is asked through `prompt.interject`
    every half second of speech; the prompt's interjection lines are prepared before each
    answer, and the moment the brain decides, the speaker starts saying the probe (on the
    listening thread, without waiting for the transcript); `on_interrupt(interruption)` is also
    called then. The engine's own `say` of the probe then waits for that playback instead of
    repeating it. `prompt.on_partial` gets the partial transcript each time it grows.
    """

    NO_NUDGE = ("enter", "interrupted")

    def __init__(self, microphone: ListeningMicrophone, transcriber: Transcriber, *,
                 speaker: Speaker | None = None, max_answer: float = DEFAULT_MAX_ANSWER,
                 interrupt: bool = True,
                 settings: IncrementalSettings | None = None,
                 on_interrupt: Callable[[Interruption], None] | None = None,
                 waiting: Waiting | None = None, out=None):
        super().__init__(microphone, transcriber, speaker=speaker, max_answer=max_answer,
                         waiting=waiting, out=out)
        self.incremental = IncrementalTranscriber(transcriber, settings, on_slow=self._slow)
        self.slowed_down = False  # transcription fell behind once: decoding was made cheaper
        self.interrupt = interrupt
        self.on_interrupt = on_interrupt
        self.last_interruption: Interruption | None = None

    def next_answer(self, prompt: Prompt) -> Answer:
        """Listen while transcribing; save; finish the transcript (only the tail is left)."""
        self.last_interruption = None
        if isinstance(self.speaker, PreparingSpeaker) and self._interject(prompt) is not None:
            for line in prompt.interjections:
                self.speaker.prepare(line, voice=prompt.voice, rate=prompt.rate)
        return super().next_answer(prompt)

    def _transcribe(self, audio, path) -> Answer:
        transcript = self.incremental.finish()
        return Answer(text=transcript.text, source="voice", audio_path=path,
                      duration_s=round(audio.duration_s, 2), words=list(transcript.words),
                      interrupted=self.last_interruption is not None,
                      cut_in=self.last_interruption)

    def _listen(self, prompt: Prompt, wait: float):
        self.incremental.reset()
        state = {"next_check": CHECK_EVERY, "partial": ""}

        def on_block(block: np.ndarray, probabilities: list[float], endpointer) -> str | None:
            self.incremental.feed(block, probabilities)
            if not endpointer.started:
                return None
            covered = self.incremental.transcribed_until() >= \
                endpointer.last_speech_at - READ_MARGIN
            if covered and (endpointer.wants_words or endpointer.wants_reading):
                so_far = self.incremental.partial_transcript()
                doubtful = doubtful_ending(so_far.words, endpointer.last_speech_at)
                if endpointer.wants_words and endpointer.words(
                        ends_unfinished(so_far.text), doubtful=doubtful):
                    return endpointer.ended_by
                if endpointer.wants_reading and endpointer.read(
                        not doubtful and reads_as_finished(so_far.text)):
                    return endpointer.ended_by
            story = endpointer.elapsed - endpointer.first_speech_at
            if story < state["next_check"]:
                return None
            state["next_check"] = story + CHECK_EVERY
            partial = self.incremental.partial_text()
            if prompt.on_partial is not None and partial != state["partial"]:
                state["partial"] = partial
                prompt.on_partial(partial)
            interject = self._interject(prompt)
            if interject is None:
                return None
            covered = self.incremental.transcribed_until() - endpointer.first_speech_at
            decision = interject(InterjectContext(
                stage=prompt.stage, kind=prompt.kind, asked=prompt.text,
                answer_seconds=prompt.answer_seconds, elapsed=story, partial_text=partial,
                transcribed=covered, asks_principle=prompt.asks_principle))
            if decision is None:
                return None
            self._cut_in(decision, prompt)
            return "interrupted"

        return self.microphone.listen(max_seconds=self.max_answer, no_speech_timeout=wait,
                                      on_block=on_block, check_words=True,
                                      early_until=early_until(prompt))

    def _interject(self, prompt: Prompt):
        """The brain's cut-in check for this answer, or None when not interrupting."""
        return prompt.interject if self.interrupt else None

    def _slow(self, share: float) -> None:
        """Transcription is close to falling behind the speech: say so once, and decode
        greedily from now on (a beam of one is several times cheaper, at a small cost in
        accuracy) instead of leaving the candidate waiting in silence."""
        if self.slowed_down:
            return
        self.slowed_down = True
        from interviewer.live.transcribe import WhisperTranscriber

        faster = isinstance(self.transcriber, WhisperTranscriber) and self.transcriber.beam_size > 1
        if faster:
            self.transcriber.beam_size = 1
        self._tell(f"note: transcription took {share:.0%} of real time on this machine"
                   + ("; switching to faster decoding." if faster else "."))

    def _cut_in(self, decision: Interruption, prompt: Prompt) -> None:
        """Start saying the probe now: the candidate hears it while the tail is transcribed."""
        self.last_interruption = decision
        if isinstance(self.speaker, PreparingSpeaker):
            self.speaker.start(decision.probe, voice=prompt.voice, rate=prompt.rate)
        if self.on_interrupt is not None:
            self.on_interrupt(decision)
