"""Replay logic without a sound card: order, skip, pause, quit; keys from a pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import termios
import threading
import time

import numpy as np

from interviewer.console import Console
from interviewer.replay.clips import ClipSource
from interviewer.replay.cues import cue_times, transcript_lines
from interviewer.replay.keys import Command, TerminalKeys
from interviewer.replay.plan import replay_plan
from interviewer.replay.runner import Outcome, Replayer
from interviewer.session.state import build_state
from tests.report.sessions import give_voice, scripted_session

RATE = 8_000


class FakePlayer:
    """Plays in real time (by sleeping) and can be stopped, like the voice layer's Player."""

    def __init__(self):
        self.played: list[int] = []  # samples handed to each play() call
        self._stop = threading.Event()

    def play(self, samples: np.ndarray, sample_rate: int) -> bool:
        self.played.append(len(samples))
        end = time.monotonic() + len(samples) / sample_rate
        while time.monotonic() < end:
            if self._stop.wait(0.01):
                return False
        return True

    def stop(self) -> None:
        self._stop.set()  # stays in force until reset(), like the real Player

    def reset(self) -> None:
        self._stop.clear()


class ScriptedKeys:
    """Commands handed out on given polls (counted from 1); None otherwise."""

    interactive = True

    def __init__(self, script: dict[int, Command]):
        self.script = script
        self.polls = 0

    def poll(self, timeout: float) -> Command | None:
        self.polls += 1
        time.sleep(min(timeout, 0.01))
        return self.script.get(self.polls)


def silent_source() -> ClipSource:
    """Clips of 0.3 s of silence for every recording, whatever the file holds."""
    source = ClipSource()
    source.recording = lambda clip: (np.zeros(int(0.3 * RATE), np.float32), RATE) \
        if clip.path and not clip.missing else None
    return source


def voiced(tmp_path, limit=3):
    source = scripted_session(tmp_path, "practice", "--stage", "manager", "--seed", "1")
    store, clips = give_voice(source, tmp_path / "voice" / "s", limit=limit)
    return store, build_state(store.read())


def replayer(keys, out, player=None, source=None) -> Replayer:
    return Replayer(Console(out=out, echo_answers=True), source or silent_source(),
                    player or FakePlayer(), keys)


def test_plays_questions_then_answers_in_turn_order(tmp_path):
    store, state = voiced(tmp_path)
    out = io.StringIO()
    run = replayer(ScriptedKeys({}), out)
    assert run.run(replay_plan(state, store.folder), None) is Outcome.DONE
    assert run.log.entries == [("play", f"t{n}-{side}") for n in (1, 2, 3)
                               for side in ("question", "answer")]
    assert out.getvalue().count("Score:") == 3


def test_skip_moves_to_the_next_turn(tmp_path):
    store, state = voiced(tmp_path)
    out = io.StringIO()
    run = replayer(ScriptedKeys({2: Command.SKIP}), out)
    run.run(replay_plan(state, store.folder), None)
    labels = [label for _, label in run.log.entries]
    assert labels[0] == "t1-question" and labels[1] == "t2-question"  # t1's answer skipped
    assert "(skipped)" in out.getvalue()


def test_quit_stops_at_once(tmp_path):
    store, state = voiced(tmp_path)
    run = replayer(ScriptedKeys({2: Command.QUIT}), io.StringIO())
    assert run.run(replay_plan(state, store.folder), None) is Outcome.QUIT
    assert run.log.entries == [("play", "t1-question")]


def test_pause_resumes_where_it_stopped(tmp_path):
    store, state = voiced(tmp_path, limit=1)
    player = FakePlayer()
    out = io.StringIO()
    # Pause early in the first clip, wait a few polls, then resume with the same key.
    run = replayer(ScriptedKeys({8: Command.PAUSE, 12: Command.PAUSE}), out, player)
    run.run(replay_plan(state, store.folder), None)
    whole = int(0.3 * RATE)
    assert player.played[0] == whole
    assert 0 < player.played[1] <= whole  # the rest of the clip (backed up a little)
    assert player.played[2:] == [whole]  # then the answer, whole
    assert "(paused" in out.getvalue()


def test_answer_lines_follow_their_word_times():
    text = "First I decided. Then I shipped it. Finally it worked."
    lines = transcript_lines(text)
    assert lines == ["First I decided.", "Then I shipped it.", "Finally it worked."]
    words = [(w, i * 1.0, i * 1.0 + 0.5) for i, w in enumerate(text.split())]
    assert cue_times(lines, words, 10.0) == [0.0, 3.0, 7.0]
    # Without word times, lines are spread over the clip by length.
    spread = cue_times(lines, [], 10.0)
    assert spread[0] == 0.0 and spread == sorted(spread) and spread[-1] < 10.0


def test_from_skips_earlier_interviews_and_flags_missing_recordings(tmp_path):
    store, state = voiced(tmp_path)
    (store.folder / "audio" / "t003-1-question.wav").unlink()
    plan = replay_plan(state, store.folder, start=3)
    assert [step.number for i in plan for step in i.turns] == [3]
    assert plan[0].turns[0].question.missing
    out = io.StringIO()
    run = replayer(ScriptedKeys({}), out)  # no synthesizer: the question is shown instead
    run.run(plan, None)
    assert run.log.entries == [("show", "t3-question"), ("play", "t3-answer")]
    assert "missing" in out.getvalue()


def test_terminal_keys_read_single_keys_and_restore_the_terminal():
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "rb", buffering=0, closefd=False) as stream:
            before = termios.tcgetattr(follower)
            with TerminalKeys(stream) as keys:
                assert not termios.tcgetattr(follower)[3] & termios.ICANON  # no Enter needed
                for key, command in ((b" ", Command.PAUSE), (b"n", Command.SKIP),
                                     (b"S", Command.SKIP), (b"q", Command.QUIT),
                                     (b"x", None)):
                    os.write(leader, key)
                    assert keys.poll(1.0) is command
                assert keys.poll(0.01) is None
            assert termios.tcgetattr(follower) == before
    finally:
        os.close(leader)
        os.close(follower)


def test_a_loop_walks_its_stages_and_ends_with_the_board_and_decision(tmp_path):
    source = scripted_session(tmp_path, "loop", "--cold-start")
    state = build_state(source.read())
    out = io.StringIO()
    run = Replayer(Console(out=out, echo_answers=True), ClipSource(), None, ScriptedKeys({}))
    votes = [i.vote.vote for i in state.interviews]
    assert run.run(replay_plan(state, source.folder), state.decision.decision, votes) \
        is Outcome.DONE
    text = out.getvalue()
    headings = [line for line in text.splitlines() if line.startswith("== ")]
    interviewers = [i.plan.interviewer_name for i in state.interviews]
    # One heading per interview, in loop order (recruiter, manager, technical, onsite...).
    assert [name for h in headings for name in interviewers if name in h] == interviewers
    assert headings[-2:] == ["== The board: independent votes ==",
                             f"== Decision: {state.decision.decision.outcome.upper()} =="]
    assert text.index("The board") > text.index(f"[{state.turns[-1].asked.turn}]")
    assert all(v.interviewer in text.split("The board")[1] for v in votes)
    assert state.decision.decision.rule.split()[0] in text.split("Decision:")[1]


def test_a_request_turn_is_shown_as_not_an_answer_like_the_printout(tmp_path):
    from interviewer.report.lines import request_line
    from interviewer.session.store import list_sessions
    from tests.report.sessions import ANSWERS
    from tests.support import run_cli

    answers = tmp_path / "answers.txt"
    answers.write_text("\n---\n".join(["Sorry, could you repeat the question?", *ANSWERS * 5]),
                       encoding="utf-8")
    run_cli("practice", "--stage", "recruiter", "--answers", str(answers), "--sessions-dir",
            str(tmp_path / "s"), timeout=120, check=True)
    (store,) = list_sessions(tmp_path / "s")
    state = build_state(store.read())
    assert state.turns[0].request  # the session took it as a request, not an answer
    out = io.StringIO()
    run = Replayer(Console(out=out, echo_answers=True), ClipSource(), None, ScriptedKeys({}))
    assert run.run(replay_plan(state, store.folder), None) is Outcome.DONE
    first_turn = out.getvalue().split("[2]")[0]
    assert request_line(state.turns[0].answer.text) in first_turn
    assert "Not an answer: you " in first_turn and "Score:" not in first_turn
