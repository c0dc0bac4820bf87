"""Turn-taking timings, stated once: every module and option takes its default from here.

All in seconds. The README's "Turn-taking" section documents them.
"""

FINISHED_SILENCE = 0.3  # a finished thought is answered after this much silence
READ_SILENCE = 1.0  # ...or after this much, when the model heard it unfinished but the
# transcript ends a sentence (the model misses some finished thoughts; Whisper marks a trailing
# unfinished phrase with "...")
EARLY_SILENCE = 1.5  # early in the answer to a main question, a finished-sounding sentence is
# a pause between sentences unless the silence lasts this long (candidates were cut off after
# their first sentence, eight seconds into a story)
EARLY_SHARE = 0.2  # "early": under this share of the stage's shortest advised answer time
WORDS_WAIT = 2.0  # a finished verdict waits at most this long (from the end of speech) for
# the transcript so far, to check its words do not stop mid-phrase; later, the verdict stands
DEFAULT_PATIENCE = 6.0  # silence allowed after an unfinished thought (--patience)
DOUBTFUL_SHARE = 0.75  # a thought that sounds finished and whose words read finished, but whose
# last word Whisper may have written itself (`last_word.py`), waits this share of the patience
# (4.5 s at the default): still longer than the 4 s thinking pauses the goal names, while most
# such endings are finished answers that waited the full patience
DEFAULT_END_SILENCE = 2.5  # silence-only endpointing: silence that ends an answer (--end-silence)
FIRST_NUDGE = 15.0  # silence after a question before a gentle spoken nudge
SECOND_NUDGE = 35.0  # ...and a second one
DEFAULT_WAIT = 60.0  # silence after a question before moving on, as no answer (--wait-for-answer)
