"""Keep ALSA's "underrun occurred" chatter off the candidate's terminal.

libasound prints its errors straight to stderr from C, so a replay or a live session whose
playback briefly starves the sound card (or whose capture overruns) scatters "ALSA lib
pcm.c:...: underrun occurred" lines through the interview screen. An xrun is harmless here (the
stream carries on), so this installs an ALSA error handler that drops those lines and still prints
every other ALSA error, unformatted but with where it came from. Replay and every voice session
install it once, before PortAudio opens a stream.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

# void handler(const char *file, int line, const char *function, int err, const char *fmt, ...)
_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)
# snd_pcm_recover reports `SNDERR("%s occurred", "underrun" or "overrun")`: the handler gets
# only the format, so an xrun is recognised by the function and the format's tail.
RECOVER = b"snd_pcm_recover"
_installed: list[object] = []  # keeps the callback alive while libasound may call it


def alsa_message(file: bytes | None, line: int, function: bytes | None, err: int,
                 fmt: bytes | None) -> str | None:
    """The line to show for an ALSA error report, or None to drop it (underruns)."""
    text = (fmt or b"").decode("utf-8", "replace")
    if "underrun" in text or (function == RECOVER and text.endswith("occurred")):
        return None
    where = f"{(file or b'?').decode('utf-8', 'replace')}:{line}"
    return f"ALSA lib {where}:({(function or b'?').decode('utf-8', 'replace')}) {text}"


def _handler(file, line, function, err, fmt) -> None:
    message = alsa_message(file, line, function, err, fmt)
    if message is not None:
        print(message, file=sys.stderr)


def quiet_underruns() -> bool:
    """Install the filtering handler once; False where libasound is not present."""
    if _installed:
        return True
    name = ctypes.util.find_library("asound")
    if name is None:
        return False
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return False
    callback = _HANDLER_TYPE(_handler)
    if library.snd_lib_error_set_handler(callback) != 0:
        return False
    _installed.append(callback)
    return True
