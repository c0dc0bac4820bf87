"""Typed answers: a stray Enter re-prompts instead of sending an empty answer."""

from __future__ import annotations

import io

from interviewer.session.ports import Prompt
from interviewer.session.text_answers import REPROMPT, TypedAnswers
from tests.support import STRONG_STORY, run_cli


class Terminal(io.StringIO):
    """Typed input that looks like a terminal to the answer source."""

    def isatty(self) -> bool:
        return True


def _prompt() -> Prompt:
    return Prompt(text="Why?", stage="manager", turn=2, kind="follow_up",
                  answer_seconds=(60, 120))


def test_double_enter_re_prompts_and_waits_for_the_answer():
    out = io.StringIO()
    answers = TypedAnswers(Terminal("first answer\n\n\n\nsecond answer\n\n"), out)
    assert answers.next_answer(_prompt()).text == "first answer"
    assert answers.next_answer(_prompt()).text == "second answer"
    assert out.getvalue().count(REPROMPT) == 2  # one for each stray Enter
    assert answers.next_answer(_prompt()) is None


def test_a_typed_session_never_records_an_empty_follow_up_answer(sessions_dir):
    typed = "".join(f"{STRONG_STORY}\n\n\n" for _ in range(12))  # every answer ends with 2 Enters
    result = run_cli("practice", "--stage", "manager", "--text", input=typed)
    assert result.returncode == 0, result.stderr
    from interviewer.session.state import build_state
    from interviewer.session.store import list_sessions

    (store,) = list_sessions(sessions_dir)
    texts = [t.answer.text for t in build_state(store.read()).turns if t.answer]
    assert texts and all(text.strip() for text in texts)


def _screen(written: str) -> list[str]:
    """What a terminal shows for the program's output alone (a typed-ahead echo came earlier):
    a carriage return with ESC [K clears what the line held so far."""
    return [line.split("\r\033[K")[-1] for line in written.split("\n")]


def test_typed_ahead_answers_leave_no_prompt_before_the_interviewers_line():
    from interviewer.console import Console

    out = Terminal()
    console = Console(out=out)
    console.color = False
    answers = TypedAnswers(Terminal("first answer\n\nsecond\n\n"), out)
    for _ in range(2):
        console.interviewer("Priya Raman", "What principle guided you?")
        assert answers.next_answer(_prompt()) is not None
    console.interviewer("Priya Raman", "Thanks.")
    shown = _screen(out.getvalue())
    assert [line for line in shown if "Priya Raman" in line] == [
        "Priya Raman: What principle guided you?", "Priya Raman: What principle guided you?",
        "Priya Raman: Thanks."]


class CtrlCAfter(Terminal):
    """A terminal where the candidate types some lines, then presses Ctrl-C mid-answer."""

    def readline(self, size: int = -1) -> str:
        line = super().readline(size)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_mid_answer_keeps_the_lines_already_typed():
    import pytest

    from interviewer.session.ports import InterruptedAnswer

    typed = CtrlCAfter("I chose to build our own scheduler\nbecause\n")
    answers = TypedAnswers(typed, io.StringIO())
    with pytest.raises(InterruptedAnswer) as stopped:
        answers.next_answer(_prompt())
    assert stopped.value.answer.text == "I chose to build our own scheduler\nbecause"
    assert "Ctrl-C" in stopped.value.answer.problem


def test_ctrl_c_before_typing_anything_just_stops():
    import pytest

    from interviewer.session.ports import InterruptedAnswer

    with pytest.raises(KeyboardInterrupt) as stopped:
        TypedAnswers(CtrlCAfter(""), io.StringIO()).next_answer(_prompt())
    assert not isinstance(stopped.value, InterruptedAnswer)


def test_resuming_with_another_answers_file_starts_at_its_first_block(sessions_dir, tmp_path):
    from interviewer.session.state import build_state
    from interviewer.session.store import list_sessions
    from tests.support import WEAK_STORY, write_answers

    first = write_answers(tmp_path / "first.txt", [WEAK_STORY, STRONG_STORY])
    run_cli("practice", "--stage", "manager", "--seed", "2", "--answers", str(first))
    (store,) = list_sessions(sessions_dir)
    fresh = [f"{STRONG_STORY} (take {n})" for n in range(6)]
    run_cli("resume", store.session_id, "--answers",
            str(write_answers(tmp_path / "fresh.txt", fresh[:1])))
    texts = [t.answer.text for t in build_state(store.read()).turns if t.answer]
    assert texts == [WEAK_STORY, STRONG_STORY, fresh[0]]  # not skipped by 2: nothing left
    # The same file with more blocks carries on after the block it used.
    run_cli("resume", store.session_id, "--answers",
            str(write_answers(tmp_path / "fresh.txt", fresh)))
    texts = [t.answer.text for t in build_state(store.read()).turns if t.answer]
    assert texts[2:] == fresh[:len(texts) - 2] and len(texts) > 3
