"""Loading sounddevice (PortAudio) and finding devices, with errors that say how to fix things.

`--input-device` and `--output-device` take a device number or part of its name, as listed by
`interviewer doctor` (or `python -m sounddevice`).
"""

from __future__ import annotations

from interviewer.errors import UserError

PORTAUDIO_FIX = (
    "PortAudio is not installed, so there is no microphone or speaker access. "
    "Install it (Debian/Ubuntu: sudo apt-get install libportaudio2; macOS: brew install "
    "portaudio), or use --text to type your answers"
)


def load_sounddevice():
    """The sounddevice module, or a UserError naming the package to install."""
    try:
        import sounddevice
    except OSError as exc:  # raised at import when libportaudio is missing
        raise UserError(PORTAUDIO_FIX) from exc
    return sounddevice


def find_device(spec: str | int | None, kind: str) -> int | None:
    """The PortAudio device index for `spec` ('input' or 'output'); None means the default.

    `spec` may be a device number or a case-insensitive part of a device name. Raises UserError
    when nothing matches, or when there is no default device of that kind.
    """
    sd = load_sounddevice()
    option = f"--{kind}-device"
    channels_key = f"max_{kind}_channels"
    devices = list(sd.query_devices())
    usable = [(i, d) for i, d in enumerate(devices) if d[channels_key] > 0]
    if spec is None or spec == "":
        if not usable:
            raise UserError(
                f"no audio {kind} device found; connect one (or start PulseAudio/PipeWire), "
                f"then check with `interviewer doctor`"
                + ("; or type answers with --text" if kind == "input" else "")
            )
        default = sd.default.device[0 if kind == "input" else 1]
        if default is None or default < 0 or devices[default][channels_key] <= 0:
            return usable[0][0]
        return None
    text = str(spec).strip()
    if text.isdigit():
        index = int(text)
        if any(i == index for i, _ in usable):
            return index
    else:
        matches = [i for i, d in usable if text.lower() in d["name"].lower()]
        if matches:
            return matches[0]
    names = ", ".join(f"{i}: {d['name']}" for i, d in usable) or "none"
    raise UserError(
        f"{option} {text!r} matches no {kind} device (available: {names}); "
        f"see `interviewer doctor`"
    )


def describe_devices(kind: str) -> list[str]:
    """'index: name' for every device that can do `kind` ('input' or 'output'), default marked."""
    sd = load_sounddevice()
    default = sd.default.device[0 if kind == "input" else 1]
    lines = []
    for index, device in enumerate(sd.query_devices()):
        if device[f"max_{kind}_channels"] > 0:
            mark = " (default)" if index == default else ""
            lines.append(f"{index}: {device['name']}{mark}")
    return lines
