"""The fallback wrapper: the offline brain takes a failed step, says why once per reason, and
every result names the brain that produced it."""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, BrainError, MoveContext, TurnView, VoteContext
from interviewer.brains.fallback import FallbackBrain
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.testing import RecordingBrain
from tests.support import STRONG_STORY, start_practice

PLAN = plan_practice(default_content(), "manager", 1)[0]
QUESTION = PLAN.questions[0]


def answer(turn: int) -> AnswerContext:
    return AnswerContext(stage="manager", question=QUESTION, asked=QUESTION.text,
                         answer=STRONG_STORY, turn=turn)


def moves(turn: int) -> MoveContext:
    view = TurnView(turn=turn, kind="question", asked=QUESTION.text, answer=STRONG_STORY)
    return MoveContext(stage="manager", question=QUESTION, exchange=[view], follow_ups_left=2)


def failing(reasons: dict[str, str]) -> RecordingBrain:
    """A brain called "llm" whose steps named in `reasons` fail with that reason."""
    return RecordingBrain(name="llm", anticipates=False,
                          fails=lambda call: BrainError(reasons[call.step])
                          if call.step in reasons else None)


def test_a_failed_step_is_the_offline_brains_and_its_reason_is_told_once():
    notes: list[tuple[str, int | None]] = []
    brains = FallbackBrain(failing({"score": "endpoint down"}), OfflineBrain(),
                           lambda text, turn: notes.append((text, turn)))
    scores = [brains.score(answer(turn)) for turn in (1, 2, 3)]
    assert {(s.brain, s.fallback) for s in scores} == {("offline", True)}
    assert scores[0].result == OfflineBrain().score(answer(1))
    assert notes == [("llm interviewer unavailable for the score (endpoint down); the offline "
                      "interviewer took this step", 1)]
    move = brains.next_move(moves(4))  # the steps that work stay the chosen brain's
    assert (move.brain, move.fallback) == ("llm", False)


def test_a_new_reason_is_told_again_and_names_the_step_and_turn():
    notes: list[tuple[str, int | None]] = []
    primary = failing({"next_move": "too slow", "vote": "bad output"})
    brains = FallbackBrain(primary, OfflineBrain(), lambda text, turn: notes.append((text, turn)))
    assert brains.next_move(moves(5)).brain == "offline"
    vote = brains.vote(VoteContext(PLAN, moves(5).exchange))
    assert (vote.brain, vote.fallback) == ("offline", True)
    assert [(text.split(" (")[0], turn) for text, turn in notes] == [
        ("llm interviewer unavailable for the next move", 5),
        ("llm interviewer unavailable for the vote", None),
    ]
    taken = brains.take_over("score", "too slow", lambda b: b.score(answer(6)), 6)
    assert (taken.brain, taken.fallback) == ("offline", True)
    assert len(notes) == 2  # "too slow" was told already


def test_without_a_different_fallback_the_failure_is_raised():
    primary = failing({"score": "endpoint down"})
    for fallback in (None, primary):
        with pytest.raises(BrainError, match="endpoint down"):
            FallbackBrain(primary, fallback, lambda *_: None).score(answer(1))


def test_the_interruption_lines_are_both_brains_without_repeats():
    brains = FallbackBrain(RecordingBrain(name="llm"), OfflineBrain(), lambda *_: None)
    written = default_content().interruptions
    assert brains.interjection_lines() == [written.no_principle, written.time_limit]


def test_a_session_notes_the_fallback_once_and_logs_each_step_as_the_offline_brains(tmp_path):
    from interviewer.session.engine import InterviewEngine
    from interviewer.session.events import AnswerScored, Note
    from interviewer.session.ports import Answer
    from tests.support import engine_parts

    class StrongAnswers:
        def next_answer(self, prompt):
            return Answer(text=STRONG_STORY)

    store = start_practice(tmp_path)
    parts = engine_parts(StrongAnswers(), brain=failing({"score": "endpoint down"}))
    state = InterviewEngine(store, parts).run()
    events = store.read()
    scores = [e for e in events if isinstance(e, AnswerScored)]
    assert len(scores) >= 2 and {(e.brain, e.fallback) for e in scores} == {("offline", True)}
    notes = [e for e in events if isinstance(e, Note)]
    assert [(n.text, n.turn) for n in notes] == [
        ("llm interviewer unavailable for the score (endpoint down); the offline interviewer "
         "took this step", 1)]
    assert parts.console.out.getvalue().count("unavailable for the score") == 1
    moves = [t.move for t in state.turns if t.move]
    assert moves and {(m.brain, m.fallback) for m in moves} == {("llm", False)}
    assert state.interviews[0].vote.brain == "llm"


class _Terminal:
    """A terminal `columns` wide, as far as the console can tell."""

    def __init__(self, columns: int):
        import io

        self.text = io.StringIO()
        self.columns = columns

    def write(self, text: str) -> int:
        return self.text.write(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_a_long_fallback_warning_is_wrapped_to_the_terminal(monkeypatch):
    # QA 2026-12-02: the fallback note was one unwrapped ~200-character line on the terminal.
    import io
    import os
    import shutil

    from interviewer.console import WIDTH, Console

    reason = ("could not reach http://127.0.0.1:8080/v1 after 3 attempts: the connection was "
              "refused; start the server or set INTERVIEWER_LLM_BASE_URL")
    message = (f"llm interviewer unavailable for the next move ({reason}); the offline "
               "interviewer took this step")
    assert len(message) > 180
    for columns, limit in ((60, 59), (200, WIDTH)):
        terminal = _Terminal(columns)
        monkeypatch.setattr(shutil, "get_terminal_size",
                            lambda fallback=(80, 24), c=columns: os.terminal_size((c, 24)))
        console = Console(out=terminal)
        console.color = False
        console.warn(message)
        lines = terminal.text.getvalue().splitlines()
        assert len(lines) > 1 and max(len(line) for line in lines) <= limit
        assert " ".join(line.strip() for line in lines) == message  # wrapped, nothing lost
    piped = io.StringIO()
    Console(out=piped).warn(message)
    assert max(len(line) for line in piped.getvalue().splitlines()) <= WIDTH
