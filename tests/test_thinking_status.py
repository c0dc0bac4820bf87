"""'Thinking... N s' while the candidate waits for the brain, the way transcribing is shown."""

from __future__ import annotations

import io
import time

from interviewer.console import Console
from interviewer.session.engine import EngineParts, InterviewEngine
from interviewer.session.ports import Answer
from interviewer.testing import RecordingBrain
from tests.support import STRONG_STORY, start_practice


class Terminal(io.StringIO):
    """A stream that says it is a terminal, so status lines count up in place."""

    def isatty(self) -> bool:
        return True


class StrongAnswers:
    def next_answer(self, prompt):
        return Answer(text=STRONG_STORY)


def run_with_a_slow_first_move(tmp_path, status):
    from interviewer.rubric.content import default_content

    def slow_first_move(call):
        if call.step == "next_move" and call.count == 1:
            time.sleep(1.5)

    content = default_content()
    brain = RecordingBrain(after=slow_first_move)
    out = io.StringIO()
    parts = EngineParts(brain=brain, fallback=brain, answers=StrongAnswers(), content=content,
                        console=Console(out=out, status=status))
    InterviewEngine(start_practice(tmp_path), parts).run()
    return out.getvalue()


def test_a_slow_move_shows_thinking_counting_up_and_clears_it_on_a_terminal(tmp_path):
    status = Terminal()
    printed = run_with_a_slow_first_move(tmp_path, status)
    shown = status.getvalue()
    assert "\r  Thinking... 1." in shown  # past a second: shown with its elapsed time
    assert shown.endswith("\r\033[K")  # and cleared once the move came
    assert shown.count("Thinking...") >= 1 and "Thinking" not in printed  # never in the transcript


def test_piped_output_gets_one_plain_line_and_no_control_characters(tmp_path):
    status = io.StringIO()
    printed = run_with_a_slow_first_move(tmp_path, status)
    lines = status.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Thinking took 1.") and "\r" not in lines[0]
    assert "\r" not in printed and "\033" not in printed


def test_a_warning_during_a_step_starts_on_a_clean_line():
    status = Terminal()
    console = Console(out=status, status=status)
    working = console.working("Thinking")
    working.after = 0  # shown at once, for the test
    with working:
        time.sleep(0.3)
        console.warn("llm interviewer unavailable for the next move")
    text = status.getvalue()
    before_warning = text[: text.index("llm interviewer")]
    assert "Thinking... 0." in before_warning
    assert before_warning.replace("\033[33m", "").endswith("\r\033[K")
