"""The LLM interviewer against a real local model: speed, time per step, and whose steps they are.

Starts llama.cpp's server (xllamacpp) with the pinned SmolLM2-135M-Instruct on 127.0.0.1, runs
short scripted manager interviews (one question, its follow-ups, the vote) with `--brain llm`,
and prints the generated tokens per second, the time of each kind of step, the share of steps
that were the model's own (not offline fallbacks), and how many follow-ups were worded by the
model or replaced by the rubric's probe because the model's words were not fit to speak.

    python benchmarks/llm_steps.py [--runs 2] [--threads 1] [--move-seconds 40] [--live]

`--move-seconds 0` leaves the move budget unset (sized from the server's pace, as users get it);
`--live` scores in the background as live input does (the move is asked first).

Install first: pip install --no-deps --require-hashes -r .ci/llm-requirements.txt
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ANSWERS = [
    "At my last company I owned the playback service. When the error rate doubled after a "
    "release, I rolled it back myself instead of waiting for the weekly review, because 12% of "
    "sessions were failing. I told my director directly and we cut failures to under 1%.",
    "The principle was that the person closest to the problem owns the call. I would make the "
    "same call again, but I would tell my director before rolling back, not after.",
    "We watched the error rate per region; it fell from 12% to under 1% within two hours.",
    "Next time I would set up a two-region canary before the launch.",
]


def start_server(port: int, threads: int) -> subprocess.Popen:
    """The local server in a child process, once its model is loaded."""
    process = subprocess.Popen(
        [sys.executable, "-m", "interviewer.brains.llm.local_server", "--port", str(port),
         "--threads", str(threads)], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as reply:
                if json.load(reply).get("status") == "ok":
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the local server did not start in 120 s")


def one_interview(folder: Path, seed: int, live: bool) -> tuple[list, float, object]:
    """Run one short interview; its events, seconds and the brain (for its measured pace)."""
    from interviewer.brains.llm.factory import llm_brain_from_env
    from interviewer.brains.offline import OfflineBrain
    from interviewer.console import Console
    from interviewer.rubric.content import default_content
    from interviewer.rubric.planning import plan_practice
    from interviewer.session.engine import AnswersExhausted, EngineParts, InterviewEngine
    from interviewer.session.events import SessionStarted
    from interviewer.session.store import SessionStore
    from interviewer.session.text_answers import ScriptedAnswers

    content = default_content()
    brain = llm_brain_from_env()
    store = SessionStore.create(folder, "manager")
    plans = [p.model_copy(update={"questions": p.questions[:1]})
             for p in plan_practice(content, "manager", seed)]
    store.append(SessionStarted(session_id=store.session_id, mode="practice", seed=seed,
                                cold_start=False, brain="llm", input="script", interviews=plans))
    script = folder / "answers.txt"
    script.write_text("\n---\n".join(ANSWERS) + "\n", encoding="utf-8")
    parts = EngineParts(brain=brain, fallback=OfflineBrain(content),
                        answers=ScriptedAnswers(script), content=content,
                        console=Console(out=io.StringIO()), score_in_background=live)
    started = time.monotonic()
    with contextlib.suppress(AnswersExhausted):
        InterviewEngine(store, parts).run()
    return store.read(), time.monotonic() - started, brain


def step_seconds(events) -> dict[str, list[float]]:
    """Seconds per step, from the time each event was logged after the one it follows."""
    from interviewer.session.events import AnswerRecorded, AnswerScored, MoveDecided, VoteCast

    times: dict[str, list[float]] = {"score": [], "move": [], "vote": []}
    previous = None
    for event in events:
        if previous is not None:
            gap = (event.at - previous.at).total_seconds()
            if isinstance(event, AnswerScored):
                times["score"].append(gap)
            elif isinstance(event, MoveDecided):
                times["move"].append(gap)
            elif isinstance(event, VoteCast):
                times["vote"].append(gap)
        if isinstance(event, (AnswerRecorded, AnswerScored, MoveDecided, VoteCast)):
            previous = event
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--move-seconds", type=float, default=40.0,
                        help="the move budget; 0: unset, sized from the server's pace")
    parser.add_argument("--live", action="store_true",
                        help="score in the background, as live input does")
    args = parser.parse_args()
    from interviewer.session.events import AnswerScored, MoveDecided, VoteCast

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    os.environ.update({
        "INTERVIEWER_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
        "INTERVIEWER_LLM_MODEL": "SmolLM2-135M-Instruct.Q4_1", "OPENAI_API_KEY": "",
        "INTERVIEWER_LLM_TIMEOUT": "120", "INTERVIEWER_LLM_MAX_RETRIES": "0",
    })
    if args.move_seconds:
        os.environ["INTERVIEWER_LLM_MOVE_SECONDS"] = str(args.move_seconds)
    else:
        os.environ.pop("INTERVIEWER_LLM_MOVE_SECONDS", None)
    server = start_server(port, args.threads)
    own = total = worded = rubric = own_moves = moves = 0
    times: dict[str, list[float]] = {"score": [], "move": [], "vote": []}
    rates = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for run in range(args.runs):
                events, seconds, brain = one_interview(Path(tmp) / f"run{run}", seed=5 + run,
                                                       live=args.live)
                steps = [e for e in events if isinstance(e, (AnswerScored, MoveDecided, VoteCast))]
                own += sum(e.brain == "llm" for e in steps)
                total += len(steps)
                for move in (e for e in events if isinstance(e, MoveDecided)):
                    moves += 1
                    own_moves += move.brain == "llm"
                    if move.brain == "llm" and move.move.action == "follow_up":
                        worded += move.move.probe_id == "llm"
                        rubric += move.move.probe_id != "llm"
                for kind, values in step_seconds(events).items():
                    times[kind] += values
                pace = brain.client.pace
                if pace.seconds:
                    rates.append(pace.tokens / pace.seconds)
                print(f"run {run + 1}: {seconds:.0f} s, {pace.describe()}")
    finally:
        server.terminate()
        server.wait()
    budget = f"{args.move_seconds:g} s" if args.move_seconds else "sized from the pace"
    scoring = "in the background" if args.live else "in line"
    print(f"\nthreads {args.threads}, move budget {budget}, scores {scoring}, "
          f"{args.runs} interviews")
    if rates:
        print(f"generated tokens/s (whole requests, prompt included): "
              f"{statistics.median(rates):.1f} median")
    for kind, values in times.items():
        if values:
            print(f"{kind:>5}: median {statistics.median(values):5.1f} s, "
                  f"max {max(values):5.1f} s over {len(values)}")
    print(f"steps by the model itself: {own}/{total} ({own / max(1, total):.0%}); "
          f"moves {own_moves}/{moves}")
    print(f"follow-ups chosen by the model: {worded} in its own words, {rubric} worded by the "
          "rubric (its words were not fit to speak)")


if __name__ == "__main__":
    main()
