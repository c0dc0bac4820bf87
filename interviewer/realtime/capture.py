"""The microphone for real-time answers: every block is handed out as it arrives.

`SoundDeviceMicrophone.listen(on_block=...)` calls `on_block(block, probabilities, endpointer)`
for each block, with the Silero speech probabilities the endpointer just used. The hook may
return a reason to end the answer now ('interrupted'): the audio so far is kept, exactly as when
the answer ends at a pause. `StreamingMicrophone` is that microphone under the name the real-time
answer source expects.

With barge-in (`interviewer.realtime.bargein.enable_barge_in`) the same microphone's stream is
also read while the interviewer speaks and stays open between turns; `close()` releases it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from interviewer.voice.capture import SoundDeviceMicrophone
from interviewer.voice.endpointing import Endpointer

BlockHook = Callable[[np.ndarray, list[float], Endpointer], "str | None"]
StreamingMicrophone = SoundDeviceMicrophone
