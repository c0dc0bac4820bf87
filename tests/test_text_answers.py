"""Typed answers: a stray Enter re-prompts instead of sending an empty answer."""

from __future__ import annotations

import io

from conftest import STRONG_STORY, run_cli

from interviewer.session.ports import Prompt
from interviewer.session.text_answers import REPROMPT, TypedAnswers


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
