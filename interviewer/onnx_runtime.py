"""onnxruntime without Microsoft's telemetry: the one way this package loads it.

onnxruntime starts its telemetry when the module is first imported: it writes a persistent
device id under ~/.cache/Microsoft/ and, seconds later, connects to
mobile.events.data.microsoft.com. The only switch that stops all of it is the environment
variable ORT_DISABLE_TELEMETRY, read once at import (`disable_telemetry_events()` alone does not
stop the folder or the upload, and "0" means "on"). Importing this module sets it, and the
package imports this module first (interviewer/__init__.py), so faster-whisper's own lazy
import of onnxruntime (Silero VAD) is covered as well as ours.
"""

from __future__ import annotations

import os
import sys

TELEMETRY_SWITCH = "ORT_DISABLE_TELEMETRY"


def disable_telemetry() -> None:
    """Set the switch for this process and every process it starts (overriding "0")."""
    os.environ[TELEMETRY_SWITCH] = "1"


def load_onnxruntime():
    """The onnxruntime module, with telemetry off; use this wherever a session is created."""
    disable_telemetry()
    already = "onnxruntime" in sys.modules
    import onnxruntime

    if not already:
        onnxruntime.disable_telemetry_events()  # belt and braces; the switch does the work
    return onnxruntime


disable_telemetry()
