"""Turn-taking on the virtual microphone and speaker: cut-offs, reply gaps, barge-in over echo.

End of turn: a set of spoken answers (espeak-ng, several voices), a third of them with a thinking
pause of 1.5-4 s after an unfinished phrase ("...the reason was <pause> that..."), the rest
ending normally, is played into this run's candidate null sink while the product's own voice
parts (`build_voice`: the microphone, real-time transcription with the real Whisper model loaded
and warmed exactly as a session does, the speaker with barge-in) take the answer and the
speaker says a prepared reply. Two recorders on the sinks' monitors time the candidate's last
sample and the reply's first. For the end-of-turn model (the default) and for silence alone at
1.0 and 2.5 s it prints the false cut-off rate (the answer ended while the candidate still had
more to say) and the median and 95th percentile gap from the end of speech to the first sample
of the reply.

Barge-in (`barge_in_echo.py`): the interviewer's voice is looped back into the microphone at
about -18 dB; a candidate (real speech) cuts into lines at the echo's loudness, and more lines
play with nobody talking. With echo cancellation (the default) and with the level heuristic
alone, it prints the share of barge-ins detected, how soon after the candidate's onset the
voice stopped, the lines stopped by echo alone and the echo left in the handed-over audio.

    python benchmarks/turn_taking.py [--model PATH] [--answers 30] [--tries 10]
        [--echo-lines 20] [--cpu-load] [--set dev|holdout|blind]

Needs .ci/start-virtual-audio.sh, espeak-ng, PortAudio and the end-of-turn model. The last line
is `turn-taking: false cut-offs X%, median gap Y s` for the default configuration.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from turn_answers import SETS, answer_set  # noqa: E402
from turn_gap import pactl, private_sinks  # noqa: E402
from turn_stages import STAGES, StageClock, breakdown  # noqa: E402

REPLY = "Thanks. Let's go one level deeper on that."
LOUD = 0.01  # a sample above this is sound on the monitors
VERBOSE = "--verbose" in sys.argv


# -- timing what the sinks play -------------------------------------------------------------


class SinkRecorder:
    """Records a sink's monitor with parec, timestamping every sample on the monotonic clock."""

    def __init__(self, sink: str):
        self._process = subprocess.Popen(
            ["parec", f"--device={sink}.monitor", "--raw", "--format=float32le", "--rate=16000",
             "--channels=1", "--latency-msec=10"], stdout=subprocess.PIPE)
        self._chunks: list[tuple[float, np.ndarray]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            data = self._process.stdout.read(640)
            if not data:
                return
            chunk = np.frombuffer(data, np.float32)
            with self._lock:
                self._chunks.append((time.monotonic(), chunk))

    def loud_times(self, start: float, end: float, level: float = LOUD) -> np.ndarray:
        """Monotonic times of the samples louder than `level` between `start` and `end`."""
        with self._lock:
            chunks = [(t, c) for t, c in self._chunks if start <= t <= end + 0.1]
        times = []
        for arrived, chunk in chunks:
            loud = np.flatnonzero(np.abs(chunk) > level)
            times.append(arrived - (len(chunk) - loud) / 16_000)
        found = np.concatenate(times) if times else np.zeros(0)
        return found[(found >= start) & (found <= end)]

    def level(self, start: float, end: float) -> float:
        """RMS of what the sink played between two times."""
        with self._lock:
            chunks = [c for t, c in self._chunks if start <= t <= end]
        joined = np.concatenate(chunks) if chunks else np.zeros(1, np.float32)
        return float(np.sqrt(np.mean(joined * joined)))

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(5)


def paplay(path: Path, sink: str) -> None:
    subprocess.run(["paplay", f"--device={sink}", str(path)], check=True, timeout=120)


# -- end of turn ------------------------------------------------------------------------------


def endpointing(name: str, settings, answers, sinks, folder: Path) -> dict:
    """Every answer through the session's voice parts with `settings`; cut-offs and gaps."""
    from interviewer.live.options import build_voice
    from interviewer.session.going_on import cut_in_early
    from interviewer.session.ports import Prompt

    parts = build_voice(settings)
    microphone = parts.answers.microphone
    clock = StageClock(parts)
    # The candidate's own voice: with --speakers the microphone's sink also carries the
    # interviewer's echo, so the voice is played into a sink of its own and recorded there.
    voice = sinks.get("voice", sinks["candidate"])
    candidate, interviewer = SinkRecorder(voice), SinkRecorder(sinks["interviewer"])
    cut, gaps, by_pause, recovered, recovered_gaps = 0, [], [], 0, []
    try:
        parts.speaker.say("Let's begin.")  # opens the streams, as a session's opening line does
        for index, (path, pause) in enumerate(answers):
            player = threading.Thread(target=paplay, args=(path, voice))
            microphone.on_listening = player.start
            parts.speaker.prepare(REPLY)
            times = clock.start()
            started = time.monotonic()
            # Its answers are one or two sentences, the shape of a reply to a follow-up; the
            # start of a main question's answer is held longer (timing.EARLY_SILENCE).
            answer = parts.answers.next_answer(Prompt(
                text="Tell me about a decision.", stage="manager", turn=index + 1,
                kind="follow_up", save_audio_to=folder / f"{name}_{index}.wav"))
            listened = ended = time.monotonic()
            clock.mark("answered", listened)
            reply_said = parts.speaker.say(REPLY)
            went_on = cut_in_early(reply_said)
            if reply_said.interrupted and player.is_alive():
                # The candidate talked over the reply. Early on, a session withdraws it
                # (session/going_on.py) and listens to the rest of the answer; late, the rest
                # is the answer to the reply. Either way it is listened to, so none of it is
                # left over to start the next answer.
                microphone.on_listening = None  # the candidate is already talking
                rest = parts.answers.next_answer(Prompt(
                    text=REPLY, stage="manager", turn=index + 1, kind="follow_up",
                    save_audio_to=folder / f"{name}_{index}_rest.wav"))
                ended = time.monotonic()
                parts.speaker.say(REPLY)
                answer = replace(answer, text=f"{answer.text} | {rest.text}")
            player.join()
            time.sleep(0.3)
            spoken = candidate.loud_times(started, time.monotonic())
            last_word = float(spoken[-1]) if len(spoken) else listened
            if listened < last_word - 0.3:  # the candidate still had more to say
                cut += 1
                by_pause.append(pause)
                clock.answers.remove(times)
                whole = went_on and ended >= last_word - 0.3
                recovered += whole
                if whole:
                    reply = interviewer.loud_times(ended - 0.2, time.monotonic())
                    if len(reply):
                        recovered_gaps.append(float(reply[0]) - last_word)
                if VERBOSE:
                    how = "went on, heard whole" if whole else (
                        f"cut off; reply talked over: {reply_said.interrupted}, heard "
                        f"{reply_said.heard_s} of {reply_said.duration_s} s")
                    print(f"  answer {index}: pause {pause}, {how} ({times.why}): "
                          f"{answer.text!r}{last_word_note(answer)}")
                continue
            reply = interviewer.loud_times(listened - 0.2, time.monotonic())
            times.marks["last_word"] = last_word
            if len(reply):
                times.marks["first_sample"] = float(reply[0])
                gaps.append(float(reply[0]) - last_word)
                if VERBOSE:
                    print(f"  answer {index}: pause {pause}, gap {reply[0] - last_word:.2f} s: "
                          + ", ".join(f"{label} {v:.2f}" for label, a, b in STAGES
                                      if (v := times.stage(a, b)) is not None)
                          + f"; {times.why}: {answer.text!r}{last_word_note(answer)}")
    finally:
        candidate.close()
        interviewer.close()
        parts.answers.close()
    return {"name": name, "cut": cut, "n": len(answers), "gaps": gaps, "pauses": by_pause,
            "recovered": recovered, "recovered_gaps": recovered_gaps,
            "stages": breakdown(clock.answers)}


def last_word_note(answer) -> str:
    """The final transcript's last word and Whisper's probability for it (what the doubt reads,
    near enough: the check itself reads the partial transcript)."""
    if not answer.words:
        return ""
    last = answer.words[-1]
    return f" (last word p={last.probability:.2f})"


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95)) if values else float("nan")


def busy() -> None:
    while True:
        pass


# -- the run -----------------------------------------------------------------------------------


def default_model() -> str:
    from interviewer.paths import models_dir

    folder = models_dir() / "whisper-tiny.en"
    return str(folder) if (folder / "model.bin").is_file() else "tiny.en"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="Whisper model (default: tiny.en)")
    parser.add_argument("--answers", type=int, default=30)
    parser.add_argument("--tries", type=int, default=10)
    parser.add_argument("--echo-lines", type=int, default=20,
                        help="barge-in: lines played with the echo alone")
    parser.add_argument("--skip-echo", action="store_true")
    parser.add_argument("--skip-endpointing", action="store_true")
    parser.add_argument("--cancel-only", action="store_true",
                        help="barge-in: echo cancellation only, not the level heuristic too")
    parser.add_argument("--echo-ratio", type=float, default=None,
                        help="barge-in: the share of the level that must survive cancelling")
    parser.add_argument("--verbose", action="store_true", help="one line per answer")
    parser.add_argument("--only-default", action="store_true",
                        help="end of turn: the default configuration only")
    parser.add_argument("--set", choices=sorted(SETS), default="dev",
                        help="end of turn: the answers (turn_answers.py; default dev)")
    parser.add_argument("--cpu-load", action="store_true",
                        help="a busy loop on every core while answers are taken")
    parser.add_argument("--speakers", action="store_true",
                        help="end of turn: the interviewer's voice reaches the microphone "
                             "(loopback at about -18 dB), as from laptop speakers")
    args = parser.parse_args()
    modules, sinks = private_sinks()
    load = []
    try:
        if args.cpu_load:
            load = [multiprocessing.Process(target=busy, daemon=True)
                    for _ in range(os.cpu_count() or 1)]
            for process in load:
                process.start()
        run(args, sinks)
    finally:
        for process in load:
            process.terminate()
        for module in modules:
            if module:
                pactl("unload-module", module)


def run(args, sinks: dict) -> None:
    from interviewer.live.options import VoiceSettings

    folder = Path(tempfile.mkdtemp(prefix="turn-taking-"))
    model = args.model or default_model()
    answers = answer_set(folder, args.answers, args.set)
    paused = sum(1 for _, pause in answers if pause)
    held = f", set {args.set}"
    print(f"model: {model}; cores: {os.cpu_count()}; answers: {len(answers)} ({paused} with "
          f"a thinking pause of 1.5-4 s{held}); cpu load: {'yes' if args.cpu_load else 'no'}; "
          f"interviewer heard by the microphone: {'yes' if args.speakers else 'no'}")
    configs = [("end-of-turn model", VoiceSettings(model=model))]
    if args.skip_endpointing:
        configs = []
    elif not args.only_default:
        configs += [(f"silence {s:.1f} s", VoiceSettings(model=model, silence_only=True,
                                                         end_silence=s)) for s in (1.0, 2.5)]
    # With --speakers the interviewer's voice reaches the microphone, as from laptop speakers:
    # barge-in then has an echo to cancel, so the candidate can cut in from the first syllable.
    from barge_in_echo import speakers

    with speakers(sinks) if args.speakers else contextlib.nullcontext(sinks) as heard:
        results = [endpointing(name.replace(" ", "_"), settings, answers, heard, folder)
                   for name, settings in configs]
    print("\nend of turn            false cut-offs   gap median   gap p95")
    for (name, _), result in zip(configs, results, strict=True):
        rate = 100 * result["cut"] / result["n"]
        gaps = result["gaps"]
        print(f"{name:22s} {result['cut']:3d}/{result['n']} ({rate:4.1f}%)  "
              f"{statistics.median(gaps) if gaps else float('nan'):7.2f} s  "
              f"{p95(gaps):7.2f} s   cut in pauses of: {result['pauses'] or '-'}")
        if result["cut"]:
            after = ", ".join(f"{g:.2f}" for g in result["recovered_gaps"]) or "-"
            print(f"{'':22s} of these, the candidate went on over the reply and the answer "
                  f"was heard whole: {result['recovered']}/{result['cut']} (reply after the "
                  f"real end: {after} s)")
    for (name, _), result in zip(configs, results, strict=True):
        print(f"\nwhere the gap goes ({name}; answers not cut off):")
        print("\n".join(result["stages"]))
    if not args.skip_echo:
        from barge_in_echo import run as echo_run

        from interviewer.live.bargein import BargeInSettings

        settings = BargeInSettings()
        if args.echo_ratio is not None:
            settings.echo_ratio = args.echo_ratio
        echo_run(sinks, folder, args.tries, args.echo_lines, args.cancel_only, settings)
    if not results:
        return
    default = results[0]
    gaps = default["gaps"]
    print(f"\nturn-taking: false cut-offs {100 * default['cut'] / default['n']:.0f}%, "
          f"median gap {statistics.median(gaps) if gaps else float('nan'):.2f} s")


if __name__ == "__main__":
    main()
