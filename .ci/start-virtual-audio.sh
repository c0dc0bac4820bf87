#!/usr/bin/env bash
# Start a PulseAudio server with two virtual devices, no sound card needed:
#   candidate    a null sink; its monitor (candidate.monitor) is the default *source*, so anything
#                played into it (`paplay --device=candidate answer.wav`) is what the microphone hears.
#   interviewer  a null sink that is the default *sink*: the interviewer's speech goes there, and
#                tests can record it from interviewer.monitor.
# PortAudio reaches PulseAudio through ALSA's pulse plugin (Debian's libasound2-plugins).
#
# Idempotent: if a server is already running it only makes sure both sinks exist.
# As root PulseAudio needs writable HOME and XDG_RUNTIME_DIR; export the same XDG_RUNTIME_DIR
# to every process that should reach this server (the test run), as .ci/run does.
set -euo pipefail

export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/interviewer-audio-runtime}"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
if [ -z "${HOME:-}" ] || [ ! -w "${HOME}" ]; then
    export HOME="$XDG_RUNTIME_DIR/home"
    mkdir -p "$HOME"
fi

if ! pactl info >/dev/null 2>&1; then
    # --exit-idle-time=-1: stay up between tests; -n: no default.pa (no hardware probing).
    pulseaudio --daemonize=yes --exit-idle-time=-1 --disallow-exit -n \
        --load=module-native-protocol-unix \
        --log-target=file:"$XDG_RUNTIME_DIR/pulseaudio.log" 2>/dev/null || true
    for _ in $(seq 1 50); do
        pactl info >/dev/null 2>&1 && break
        sleep 0.1
    done
    pactl info >/dev/null 2>&1 || {
        echo "PulseAudio did not start; log:" >&2
        cat "$XDG_RUNTIME_DIR/pulseaudio.log" >&2 || true
        exit 1
    }
fi

sinks="$(pactl list short sinks)"
for sink in candidate interviewer; do
    if ! grep -q "[[:space:]]$sink[[:space:]]" <<<"$sinks"; then
        pactl load-module module-null-sink sink_name="$sink" \
            sink_properties=device.description="$sink" >/dev/null
    fi
done
pactl set-default-source candidate.monitor
pactl set-default-sink interviewer
echo "virtual audio ready: microphone = candidate.monitor, speaker = interviewer" \
     "(XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR)"
