"""The LLM interviewer cuts into a story that runs on, exactly as the offline one does, without
asking the model (the check runs every half second of speech), and the cut-in is its own."""

from __future__ import annotations

from interviewer.brains.base import InterjectContext
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from interviewer.session.events import MoveDecided, QuestionAsked
from interviewer.session.ports import Answer, Prompt
from tests.llm.llm_support import STORY, llm_brain, run_session

RAMBLING = "So at my last company I was on the payments team and we had this long project " * 3
ANSWERS = [f"{STORY} (Answer number {n}.)" for n in range(1, 40)]


class RunningOnAnswers:
    """The first answer runs on with no principle; the brain is asked every half second of it
    (through the prompt, as the streaming voice source asks) until it cuts in. Then full
    answers. Records how many requests the server had seen around each check."""

    def __init__(self, server=None):
        self.server = server
        self.count = 0
        self.requests_around_checks: list[tuple[int, int]] = []

    def next_answer(self, prompt: Prompt) -> Answer | None:
        self.count += 1
        if self.count > 1:
            return Answer(text=ANSWERS[self.count], source="voice") if self.count < 12 else None
        for step in range(1, 400):
            seconds = step * 0.5
            heard = InterjectContext(stage=prompt.stage, kind=prompt.kind, asked=prompt.text,
                                     answer_seconds=prompt.answer_seconds, elapsed=seconds,
                                     partial_text=RAMBLING, transcribed=seconds)
            before = len(self.server.requests) if self.server else 0
            cut_in = prompt.interject(heard)
            after = len(self.server.requests) if self.server else 0
            self.requests_around_checks.append((before, after))
            if cut_in is not None:
                return Answer(text=RAMBLING, source="voice", duration_s=seconds,
                              interrupted=True, cut_in=cut_in)
        raise AssertionError("the brain never cut in")

    def close(self) -> None:
        pass


def first_move_and_probe(run) -> tuple[MoveDecided, QuestionAsked]:
    events = run.store.read()
    move = next(e for e in events if isinstance(e, MoveDecided))
    probe = next(e for e in events if isinstance(e, QuestionAsked) and e.turn == 2)
    return move, probe


def test_the_llm_interviewer_interrupts_like_the_offline_one_without_asking_the_model(
        server, tmp_path):
    answers = RunningOnAnswers(server)
    run = run_session(tmp_path / "llm", llm_brain(server.base_url), ANSWERS,
                      answer_source=answers)
    move, probe = first_move_and_probe(run)
    assert (move.brain, move.fallback) == ("llm", False)
    assert move.move.probe_id == "interruption" and move.move.gap == "no_principle"
    assert probe.kind == "interruption"
    assert probe.text == default_content().interruptions.no_principle
    assert all(before == after for before, after in answers.requests_around_checks)
    assert len(server.requests) > 0  # the model did take the session's other steps

    offline = run_session(tmp_path / "offline", OfflineBrain(), ANSWERS,
                          answer_source=RunningOnAnswers())
    offline_move, offline_probe = first_move_and_probe(offline)
    assert offline_move.brain == "offline"
    assert (offline_move.move.reason, offline_probe.text) == (move.move.reason, probe.text)
    assert move.move.reason == "interrupted at 90 s (no_principle)"  # interruptions.yaml
