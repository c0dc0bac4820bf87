"""Does the thread that builds the Whisper model slow every later transcription down?

An earlier session built its `WhisperModel` inside `warm_up_in_background()`, on a short-lived
daemon thread, and every later transcription then ran 4-30x slower while another process used
the CPU. Sessions now build and warm the model on the thread that builds the session
(`interviewer.live.options.build_voice` -> `prepare_transcriber`). This compares, each in a fresh
process so nothing is shared:
- calling thread: the model built and warmed exactly as a session does (`prepare_transcriber`);
- short-lived thread: built and warmed by `warm_up_in_background()`, that thread then gone;
then the same spoken clip (espeak-ng, about 8 s) is transcribed on the main thread, on an idle
machine (no load of its own) and with a busy loop on every core, and the median time and the ratio
short-lived/calling are printed for each. About 1-3 minutes.

    python benchmarks/model_thread.py [--model PATH] [--repeats 3]

The last line is `model thread: short-lived/calling x A idle, x B under load`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CLIP = ("We had a launch planned for the holiday weekend and the error rate kept creeping up. "
        "So I called the owners together and we talked through the risk of waiting.")

# Run in a fresh interpreter: build the model one way, then time transcriptions of the clip.
CHILD = r"""
import json, statistics, sys, time
from interviewer.live.options import prepare_transcriber
from interviewer.live.transcribe import WhisperTranscriber
from interviewer.live.wav import load_audio

model, clip, how, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
transcriber = WhisperTranscriber(model=model)
if how == "calling":
    prepare_transcriber(transcriber)
else:
    transcriber.warm_up_in_background().join()
audio = load_audio(clip)
times = []
for _ in range(repeats):
    started = time.perf_counter()
    text = transcriber.transcribe(audio).text
    times.append(time.perf_counter() - started)
print(json.dumps({"seconds": times, "text": text}))
"""


def timed(model: str, clip: Path, how: str, repeats: int) -> list[float]:
    done = subprocess.run([sys.executable, "-c", CHILD, model, str(clip), how, str(repeats)],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    if done.returncode != 0:
        raise SystemExit(f"the {how} run failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def main() -> None:
    from turn_taking import default_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="Whisper model (default: tiny.en)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    model = args.model or default_model()
    folder = Path(tempfile.mkdtemp(prefix="model-thread-"))
    clip = folder / "clip.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "165", "-w", str(clip), CLIP], check=True,
                   capture_output=True)
    cores = os.cpu_count() or 1
    print(f"model: {model}; cores: {cores}; load average before: {os.getloadavg()[0]:.1f}")
    print("\nbuilt on            load        transcription median (runs)")
    ratios = {}
    for loaded in (False, True):
        load = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(cores)] if loaded else []
        try:
            medians = {}
            for how in ("calling", "short-lived"):
                seconds = timed(model, clip, how, args.repeats)
                medians[how] = statistics.median(seconds)
                print(f"{how + ' thread':19s} {'busy loop' if loaded else 'no extra':10s}  "
                      f"{medians[how]:6.2f} s  ({', '.join(f'{s:.2f}' for s in seconds)})")
        finally:
            for process in load:
                process.terminate()
                process.wait(5)
        ratios[loaded] = medians["short-lived"] / medians["calling"]
    print(f"\nmodel thread: short-lived/calling x {ratios[False]:.2f} idle, "
          f"x {ratios[True]:.2f} under load")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
