"""With live input and an LLM, the next move is asked first and the answer is scored in the
background: the candidate never waits for a slow score, and every score lands before the vote."""

from __future__ import annotations

from interviewer.session.events import AnswerRecorded, AnswerScored, MoveDecided, Note, VoteCast
from tests.llm.llm_support import (
    STORY,
    error,
    llm_brain,
    run_session,
)

ANSWERS = [f"{STORY} (Answer {n}.)" for n in range(1, 30)]


class SlowScores:
    """The default interviewer, with every score taking `delay` seconds."""

    def __init__(self, server, delay: float, fail: bool = False):
        self.inner, self.delay, self.fail = server.responder, delay, fail

    def __call__(self, request):
        reply = self.inner(request)
        if request.schema_name == "LLMScore":
            if self.fail:
                return error(400, "this score cannot be given")
            reply.delay = self.delay
        return reply


def test_the_move_comes_first_and_every_score_lands_before_the_vote(server, tmp_path):
    server.responder = SlowScores(server, delay=0.4)
    run = run_session(tmp_path, llm_brain(server.base_url, timeout=10), ANSWERS,
                      score_in_background=True)
    assert run.finished
    events = run.store.read()
    order = {id(e): n for n, e in enumerate(events)}
    answered = [e.turn for e in events if isinstance(e, AnswerRecorded)]
    scores = {e.turn: e for e in events if isinstance(e, AnswerScored)}
    moves = {e.turn: e for e in events if isinstance(e, MoveDecided)}
    assert sorted(scores) == answered  # each answer scored exactly once
    assert {(e.brain, e.fallback) for e in scores.values()} == {("llm", False)}
    for turn in answered:
        assert order[id(moves[turn])] < order[id(scores[turn])]  # the candidate did not wait
    (vote,) = [e for e in events if isinstance(e, VoteCast)]
    assert all(order[id(s)] < order[id(vote)] for s in scores.values())
    # The vote request saw every turn's score.
    (vote_request,) = [r for r in server.requests if r.schema_name == "LLMVote"]
    assert vote_request.user.count("(Your score for this answer:") == len(answered)


def test_a_background_score_that_fails_falls_back_with_one_note(server, tmp_path):
    server.responder = SlowScores(server, delay=0, fail=True)
    run = run_session(tmp_path, llm_brain(server.base_url), ANSWERS, score_in_background=True)
    assert run.finished
    events = run.store.read()
    scores = [e for e in events if isinstance(e, AnswerScored)]
    assert scores and {(e.brain, e.fallback) for e in scores} == {("offline", True)}
    notes = [e for e in events if isinstance(e, Note)]
    assert len(notes) == 1 and "for the score" in notes[0].text


def test_answers_running_out_still_lands_the_scores_already_started(server, tmp_path):
    server.responder = SlowScores(server, delay=0.3)
    run = run_session(tmp_path, llm_brain(server.base_url), ANSWERS[:2],
                      score_in_background=True)
    assert not run.finished
    events = run.store.read()
    answered = [e.turn for e in events if isinstance(e, AnswerRecorded)]
    assert sorted(e.turn for e in events if isinstance(e, AnswerScored)) == answered


def test_a_script_is_scored_in_line(server, tmp_path):
    run = run_session(tmp_path, llm_brain(server.base_url), ANSWERS)
    events = run.store.read()
    first = next(e for e in events if isinstance(e, (AnswerScored, MoveDecided)))
    assert isinstance(first, AnswerScored)
