"""Turn gap on the virtual microphone: incremental vs record-then-transcribe, same audio.

Spoken answers of about 20, 60 and 180 s (espeak-ng, concatenated sentences) are played into a
private PulseAudio null sink whose monitor is the microphone. Each answer goes through the
product's real-time path: `StreamingVoiceAnswers` on the virtual microphone (incremental
transcription), with the engine's preparation (`Anticipation` guessing the follow-up from the
partial transcript, the next question prepared before the answer) and the product's speaker. Then
record-then-transcribe runs on the same captured audio: save, transcribe the whole recording,
decide, synthesize with nothing prepared, play.

Turn gap = end of the candidate's speech -> first audio sample of the interviewer's reply, in parts:
silence (end-of-turn silence the endpointer waits for), stop (closing the input stream),
transcribe (saving the answer's WAV and the final transcription: waiting for the last background
pass and the tail, or the whole recording), decide (the offline interviewer's
score and move), synthesize (pyttsx3/espeak-ng, or taking the prepared line), playback (opening
the output stream, first write, plus the stream's reported latency).

With no --model, a random-weight model in whisper-tiny's shape stands in for real weights; it
would decode to its token cap, so the cap follows the audio: about what real Whisper emits for
espeak at 160 words a minute (3.7 tokens a second, per 30 s window).

    python benchmarks/turn_gap.py [--quick] [--model PATH] [--end-silence 1.0]

Needs .ci/start-virtual-audio.sh (a PulseAudio server), espeak-ng and PortAudio. The last line is
`turn-gap ratio incremental/whole at 180 s: X` (gap = median of the whole gap, silence included).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SENTENCES = [
    "We had a launch planned for the holiday weekend and the error rate kept creeping up.",
    "I pulled the data from the canary and saw members in two regions were affected.",
    "So I called the owners together and we talked through the risk of waiting.",
    "I decided to roll back, even though marketing had already announced the date.",
    "The next week we shipped with a fix, and the error rate stayed flat.",
    "Looking back, I would ask for dissent earlier, before the pressure builds.",
]


CANDIDATE = ["candidate"]  # this run's private candidate sink (the microphone hears it)


def pactl(*args: str) -> str:
    done = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10)
    return done.stdout.strip() if done.returncode == 0 else ""


def private_sinks() -> list[str]:
    """A pair of null sinks for this run only; PULSE_SOURCE/PULSE_SINK point PortAudio at them."""
    sock = Path("/tmp/interviewer-audio-runtime/pulse/native")
    if not pactl("info") and sock.exists():
        os.environ["PULSE_SERVER"] = f"unix:{sock}"
    if not pactl("info"):
        sys.exit("no PulseAudio server: run .ci/start-virtual-audio.sh first")
    modules, names = [], {}
    for role in ("candidate", "interviewer"):
        names[role] = f"bench_{role}_{os.getpid()}"
        modules.append(pactl("load-module", "module-null-sink", f"sink_name={names[role]}"))
    CANDIDATE[0] = names["candidate"]
    os.environ["PULSE_SOURCE"] = f"{names['candidate']}.monitor"
    os.environ["PULSE_SINK"] = names["interviewer"]
    return modules, names


def spoken(folder: Path, seconds: float) -> Path:
    """About `seconds` of espeak-ng speech (the story's sentences repeated, 160 wpm)."""
    from interviewer.live.wav import read_wav

    path = folder / f"answer_{int(seconds)}.wav"
    count = max(1, int(seconds / 5))
    while True:
        text = " ".join(SENTENCES[i % len(SENTENCES)] for i in range(count))
        subprocess.run(["espeak-ng", "-s", "160", "-w", str(path), text], check=True,
                       capture_output=True)
        samples, rate = read_wav(path)
        duration = len(samples) / rate
        if duration >= seconds * 0.97:
            return path
        count = max(count + 1, int(count * seconds / duration))


class TimedSpeaker:
    """The product's speaker, timing synthesis and the start of playback for each line."""

    def __init__(self):
        from interviewer.live.tts import Pyttsx3Speaker

        speaker = Pyttsx3Speaker()
        self.speaker, self.times = speaker, {}
        take = speaker._lines.take

        def timed_take(key):
            started = time.perf_counter()
            line = take(key)
            self.times["synthesize"] = time.perf_counter() - started
            return line

        def first_sample_play(samples, rate):
            # Only the start of the reply matters here: note when its first sample is out.
            started = time.perf_counter()
            self.times["playback"] = playback_start(samples, rate)
            self.times["heard_at"] = started + self.times["playback"]
            return True

        speaker._lines.take = timed_take
        speaker.player.play = first_sample_play


def playback_start(samples: np.ndarray, rate: int) -> float:
    """Seconds until the first sample is out: open, start, first 50 ms written, + latency."""
    import sounddevice as sd

    started = time.perf_counter()
    stream = sd.OutputStream(samplerate=rate, channels=1, dtype="float32")
    stream.start()
    stream.write(np.ascontiguousarray(samples[: rate // 20].reshape(-1, 1)))
    first = time.perf_counter() - started + float(stream.latency)
    stream.abort()
    stream.close()
    return first


class Interviewer:
    """The offline interviewer's decision for the benchmark's question, as the engine makes it."""

    def __init__(self):
        from interviewer.brains.offline import OfflineBrain
        from interviewer.rubric.content import default_content
        from interviewer.rubric.planning import plan_practice

        self.content = default_content()
        self.brain = OfflineBrain(self.content)
        self.plan = plan_practice(self.content, "manager", 7)[0]
        self.question = self.plan.questions[0]

    def reply(self, text: str) -> str:
        """What the interviewer says next: its follow-up, or the next question."""
        move = self.move(text)
        if move.action == "follow_up" and move.text:
            return move.text
        return self.plan.questions[1].text

    def move(self, text: str):
        """The move after an answer with this text."""
        from interviewer.brains.base import AnswerContext, MoveContext, TurnView

        score = self.brain.score(AnswerContext(stage="manager", question=self.question,
                                               asked=self.question.text, answer=text,
                                               interviewer=self.plan))
        return self.brain.next_move(MoveContext(
            stage="manager", question=self.question, variant=1, follow_ups_left=2,
            exchange=[TurnView(turn=1, kind="question", asked=self.question.text, answer=text,
                               score=score)], interviewer=self.plan))


def one_turn(answer: Path, transcriber, end_silence: float, folder: Path) -> dict:
    from interviewer.live.bargein import enable_barge_in
    from interviewer.live.capture import SoundDeviceMicrophone
    from interviewer.live.streaming_answers import StreamingVoiceAnswers
    from interviewer.session.anticipation import Anticipation
    from interviewer.session.ports import Audio, Prompt

    interviewer = Interviewer()
    timed = TimedSpeaker()
    speaker = timed.speaker
    speaker.prepare(interviewer.plan.questions[1].text)  # as the engine does before an answer
    anticipation = Anticipation(speaker.prepare, interviewer.move)

    def start_playing() -> None:
        command = ["paplay", f"--device={CANDIDATE[0]}", str(answer)]
        threading.Thread(target=subprocess.run, args=(command,), daemon=True).start()

    microphone = SoundDeviceMicrophone(end_silence=end_silence, enter_to_stop=False,
                                     on_listening=start_playing)
    enable_barge_in(speaker, microphone)  # as in a session: the stream stays open between turns
    source = StreamingVoiceAnswers(microphone, transcriber, speaker=speaker,
                                   out=io.StringIO())
    listened = {}
    listen = microphone.listen

    def timed_listen(**kwargs):
        audio = listen(**kwargs)
        listened["at"] = time.perf_counter()
        return audio

    microphone.listen = timed_listen
    ends = {}
    prompt = Prompt(text=interviewer.question.text, stage="manager", turn=1,
                    save_audio_to=folder / "answer.wav", on_partial=anticipation.on_partial)
    feed = source.incremental.feed

    def feed_noting(block, probabilities=None):
        feed(block, probabilities)
        ends["at"] = time.perf_counter()  # the last block is where the end of turn was decided
        ends["samples"] = ends.get("samples", 0) + len(block)
        if probabilities and max(probabilities) >= 0.5:
            ends["speech_end"] = ends["samples"]

    source.incremental.feed = feed_noting
    answer_text = source.next_answer(prompt)
    transcribe = time.perf_counter() - listened["at"]  # save the WAV + the incremental tail
    stop = listened["at"] - ends["at"]  # closing the input stream (both paths pay it)
    silence = (ends["samples"] - ends.get("speech_end", ends["samples"])) / 16_000
    result = {"seconds": answer_text.duration_s}
    t = time.perf_counter()
    reply = interviewer.reply(answer_text.text)
    decision = time.perf_counter() - t
    speaker.say(reply)
    microphone.close()
    result["incremental"] = dict(silence=silence, stop=stop, transcribe=transcribe,
                                 finish=source.incremental.stats.finish_seconds, decide=decision,
                                 synthesize=timed.times["synthesize"],
                                 playback=timed.times["playback"],
                                 tail_s=source.incremental.stats.tail_samples / 16_000,
                                 passes=source.incremental.stats.passes,
                                 merged=source.incremental.stats.merged,
                                 guessed=reply in anticipation.guesses
                                 or reply == interviewer.plan.questions[1].text)

    # Record-then-transcribe on the same audio, with a speaker that has nothing prepared.
    from interviewer.live.wav import read_wav, save_wav

    samples, _ = read_wav(folder / "answer.wav")
    audio = Audio(samples)
    t = time.perf_counter()
    save_wav(folder / "answer-whole.wav", audio)
    whole_text = transcriber.transcribe(audio).text
    transcribe = time.perf_counter() - t
    t = time.perf_counter()
    reply = interviewer.reply(whole_text)
    decision = time.perf_counter() - t
    fresh = TimedSpeaker()
    fresh.speaker.say(reply)
    result["whole"] = dict(silence=silence, stop=stop, transcribe=transcribe, decide=decision,
                           synthesize=fresh.times["synthesize"], playback=fresh.times["playback"])
    for mode in ("incremental", "whole"):
        parts = result[mode]
        parts["gap"] = sum(parts[k] for k in ("silence", "stop", "transcribe", "decide",
                                              "synthesize",
                                              "playback"))
    return result


class SpeechPacedTokens:
    """A random-weight model with its token cap set to what real Whisper emits for the audio."""

    TOKENS_PER_SECOND = 3.7  # 160 wpm x ~1.3 BPE tokens a word, plus timestamp tokens

    def __init__(self, whisper):
        self.whisper = whisper
        self.language = whisper.language

    def warm_up(self) -> None:
        self.whisper.warm_up()

    def transcribe(self, audio):
        window = min(audio.duration_s, 30.0)
        self.whisper.decode_options["max_new_tokens"] = int(window * self.TOKENS_PER_SECOND) + 4
        return self.whisper.transcribe(audio)


def cut_in(answer: Path, transcriber, folder: Path) -> float:
    """Seconds from the decision to interrupt to the first sample of the interviewer's probe."""
    from interviewer.live.bargein import enable_barge_in
    from interviewer.live.capture import SoundDeviceMicrophone
    from interviewer.live.streaming_answers import StreamingVoiceAnswers
    from interviewer.rubric.content import default_content
    from interviewer.rubric.interrupting import InterruptPolicy
    from interviewer.session.ports import Prompt

    timed = TimedSpeaker()
    policy = InterruptPolicy.from_content(default_content().interruptions, principle_after=8.0)
    player: list[subprocess.Popen] = []
    microphone = SoundDeviceMicrophone(end_silence=1.0, enter_to_stop=False, on_listening=lambda:
                                     player.append(subprocess.Popen(
                                         ["paplay", f"--device={CANDIDATE[0]}", str(answer)])))
    enable_barge_in(timed.speaker, microphone)
    decided = {}
    source = StreamingVoiceAnswers(microphone, transcriber, speaker=timed.speaker,
                                   out=io.StringIO(),
                                   on_interrupt=lambda _: decided.setdefault(
                                       "at", time.perf_counter()))
    try:
        source.next_answer(Prompt(text="Tell me about a hard call.", stage="manager", turn=1,
                                  save_audio_to=folder / "cut-in.wav", interject=policy.check,
                                  interjections=tuple(policy.probes())))
        timed.speaker.say(policy.principle_probe)  # the engine's say joins the started line
    finally:
        microphone.close()
        for process in player:
            process.terminate()
    if "at" not in decided:
        return float("nan")
    return timed.times["heard_at"] - decided["at"]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a CTranslate2 Whisper folder or `embedded` (the real "
                        "tiny.en the set-up installs; default: random tiny)")
    parser.add_argument("--quick", action="store_true", help="one answer per length")
    parser.add_argument("--end-silence", type=float, default=1.0)
    parser.add_argument("--lengths", default="20,60,180")
    args = parser.parse_args()
    modules, _ = private_sinks()
    try:
        # Everything the run writes (a tiny-shaped model, answers, recordings: about 23 MB) goes
        # in a folder removed at the end, even when the run fails.
        with tempfile.TemporaryDirectory(prefix="turn-gap-") as folder:
            run(args, Path(folder))
    finally:
        for module in modules:
            if module:
                pactl("unload-module", module)


def run(args, folder: Path) -> None:
    """Every length's turns, written under `folder`."""
    from interviewer.live.random_whisper import TINY_SHAPE, build_random_whisper
    from interviewer.live.transcribe import WhisperTranscriber

    if args.model:
        transcriber = WhisperTranscriber(model=args.model)
    else:
        model = build_random_whisper(folder / "tiny-random", **TINY_SHAPE)
        transcriber = SpeechPacedTokens(WhisperTranscriber(model=str(model), decode_options={
            "temperature": 0.0, "no_repeat_ngram_size": 1}))
    from interviewer.live.options import prepare_transcriber

    prepare_transcriber(transcriber)  # loaded and warmed exactly as a session does
    lengths = [float(x) for x in args.lengths.split(",")]
    repeats = {20.0: 3, 60.0: 2, 180.0: 1} if not args.quick else {}
    print(f"model: {args.model or 'random-weight, whisper-tiny shape'}; cores: "
          f"{os.cpu_count()}; end-of-turn silence: {args.end_silence} s")
    ratio_180 = None
    for length in lengths:
        answer = spoken(folder, length)
        runs = [one_turn(answer, transcriber, args.end_silence, folder)
                for _ in range(repeats.get(length, 1))]
        print(f"\nanswer ~{length:.0f} s (captured {runs[0]['seconds']:.1f} s, n={len(runs)}):")
        medians = {}
        for mode in ("incremental", "whole"):
            gaps = [r[mode]["gap"] for r in runs]
            medians[mode] = statistics.median(gaps)
            parts = "  ".join(f"{k} {statistics.median(r[mode][k] for r in runs):.3f}"
                              for k in ("silence", "stop", "transcribe", "decide", "synthesize",
                                        "playback"))
            extra = ""
            if mode == "incremental":
                guessed = sum(r[mode]["guessed"] for r in runs)
                extra = (f"  [of which finish() {runs[-1][mode]['finish']:.3f} s, tail "
                         f"{runs[-1][mode]['tail_s']:.2f} s, passes "
                         f"{runs[-1][mode]['passes']}, merged {runs[-1][mode]['merged']}, "
                         f"reply prepared {guessed}/{len(runs)}]")
            print(f"  {mode:<11} gap median {medians[mode]:.3f} s  p95 {p95(gaps):.3f} s  "
                  f"beyond silence {medians[mode] - runs[0][mode]['silence']:.3f} s | {parts}"
                  f"{extra}")
        ratio = medians["incremental"] / medians["whole"] if medians["whole"] else float("nan")
        print(f"  ratio incremental/whole: {ratio:.3f}")
        if length == 180.0:
            ratio_180 = ratio
    if 20.0 in lengths:
        cuts = [cut_in(spoken(folder, 20.0), transcriber, folder) for _ in range(3)]
        print(f"\ncut-in (story without a principle, cut at 8 s): decision to first sample of "
              f"the probe, median {statistics.median(cuts):.3f} s, max {max(cuts):.3f} s")
    shown = f"{ratio_180:.3f}" if ratio_180 is not None else "nan"
    print(f"turn-gap ratio incremental/whole at 180 s: {shown}")


if __name__ == "__main__":
    main()
