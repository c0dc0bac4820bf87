"""Peak memory (RSS) of a full voice interview loop.

    python benchmarks/voice_loop_memory.py                 # tiny-shaped random-weight model
    python benchmarks/voice_loop_memory.py --model base.en # a real model

Runs `interviewer loop --cold-start --audio-answers DIR` in a child process: every question is
synthesized with pyttsx3 (saved, not played), every answer is a spoken WAV (espeak-ng) that goes
through faster-whisper with VAD and word timestamps, and the session is scored and saved. The
child's peak resident memory is read from the kernel when it exits. The microphone path adds
only PortAudio and the Silero VAD session (a few MB) on top of this.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from interviewer.live.random_whisper import TINY_SHAPE, build_random_whisper  # noqa: E402

ANSWERS = [
    "So, um, I chose to roll back the launch because members on older devices were suffering.",
    "The principle was that member impact beats our own deadline. I said so before I had data.",
    "What I would weight differently now is how early I ask for dissent. I stopped deciding alone.",
    "I pushed back on my director in the planning meeting and showed the rebuffering numbers.",
    "My limit is that I over-prepare. I started sharing rough drafts earlier, and it helped.",
    "I'd expect around four hundred thousand, based on levels data and a competing offer.",
]


# Runs a command and prints the peak RSS (KB) of its process tree's largest member, measured in a
# fresh parent so earlier children (espeak-ng, other runs) cannot leak into the figure.
MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, capture_output=True, "
    "text=True); "
    "sys.stderr.write(done.stderr[-2000:] if done.returncode else ''); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)"
)


def peak_rss_mb_of(command: list[str], env: dict) -> tuple[float, float, int]:
    """Run `command`; return (peak RSS in MB, wall seconds, exit code)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], cwd=REPO, env=env,
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    if done.stderr:
        sys.stderr.write(done.stderr)
    kilobytes, code = done.stdout.split()
    return int(kilobytes) / 1024, wall, int(code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="size name or CTranslate2 folder (default: random tiny)")
    parser.add_argument("--answers", type=int, default=12, help="spoken answers (default 12)")
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is needed to generate the spoken answers")

    with tempfile.TemporaryDirectory(prefix="bench-voice-loop-") as tmp:
        tmp_path = Path(tmp)
        env = dict(os.environ, INTERVIEWER_SESSIONS_DIR=str(tmp_path / "sessions"),
                   INTERVIEWER_HOME=str(tmp_path / "home"))
        if args.model:
            model, label = args.model, args.model
        else:
            model = str(build_random_whisper(tmp_path / "model", **TINY_SHAPE))
            label = "random-weight tiny-shaped model"
            env["INTERVIEWER_WHISPER_OPTIONS"] = json.dumps(
                {"max_new_tokens": 64, "temperature": 0.0, "no_repeat_ngram_size": 1})
        answers = tmp_path / "answers"
        answers.mkdir()
        for index in range(args.answers):
            subprocess.run(["espeak-ng", "-w", str(answers / f"{index:03d}.wav"),
                            ANSWERS[index % len(ANSWERS)]], check=True)

        baseline, _, _ = peak_rss_mb_of([sys.executable, "-c", "import interviewer.cli"], env)
        command = [sys.executable, "-m", "interviewer", "loop", "--cold-start", "--seed", "7",
                   "--model", model, "--audio-answers", str(answers)]
        peak, wall, code = peak_rss_mb_of(command, env)
        sessions = list((tmp_path / "sessions").glob("*/events.jsonl"))
        recorded = sum(line.count('"answer_recorded"')
                       for path in sessions for line in path.read_text().splitlines())

    print(f"model:              {label}")
    print(f"voice loop:         `interviewer loop --audio-answers` with {args.answers} spoken "
          f"answers, {recorded} recorded, {wall:.1f} s, exit code {code}")
    print(f"peak RSS:           {peak:.0f} MB")
    print(f"(python + interviewer import alone: {baseline:.0f} MB)")


if __name__ == "__main__":
    main()
