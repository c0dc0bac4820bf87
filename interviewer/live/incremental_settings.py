"""The incremental transcriber's settings (when to cut an answer into stretches) and its stats
(what it did for one answer)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IncrementalSettings:
    """When to cut the audio into stretches. Times in seconds."""

    pause: float = 0.3  # silence this long after speech is a natural place to cut
    min_stretch: float = 3.0  # do not cut stretches shorter than this (too little context)
    # A silence this long may be the end of the turn: cut whatever the stretch's length, so its
    # last words are transcribed during the end-of-turn wait instead of after it. (Were it the
    # tail, it would be transcribed alone all the same.)
    long_pause: float = 0.6
    long_pause_min_stretch: float = 1.0  # ...unless it is a word or two, which needs context
    # Any pause may be the end of the turn: once it has lasted this long (and no other stretch
    # waits) the stretch is transcribed provisionally, during the end-of-turn decision instead
    # of after it. Speech resuming before the pause would have been cut by the
    # rules above takes it back (the words then go into a longer stretch, with more context).
    # None: no provisional passes.
    early_pause: float | None = 0.1
    max_stretch: float = 20.0  # without a pause, cut at the quietest window anyway (< 30 s)
    busy_share: float = 0.7  # transcription slower than this share of real time: grow stretches


@dataclass
class IncrementalStats:
    """What the incremental transcription did for one answer."""

    passes: int = 0  # background passes over finished stretches
    provisional: int = 0  # passes started at the first silence, in case it ended the turn
    retracted: int = 0  # ...taken back because the candidate went on
    merged: int = 0  # stretches merged into one already waiting (the degrade path)
    background_seconds: float = 0.0  # audio seconds transcribed in the background
    busy_seconds: float = 0.0  # wall time the worker spent transcribing
    tail_samples: int = 0  # samples transcribed at the end of the turn
    tail_skipped: bool = False  # the tail held no speech, so it was not transcribed
    wait_seconds: float = 0.0  # finish(): waiting for the worker to be done
    tail_seconds: float = 0.0  # finish(): transcribing the tail
    min_stretch: float = 0.0  # the minimum stretch length in force at the end

    @property
    def finish_seconds(self) -> float:
        """Wall time `finish()` took: what the end of the turn waited for."""
        return self.wait_seconds + self.tail_seconds
