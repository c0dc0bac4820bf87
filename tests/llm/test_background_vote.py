"""With live input and an LLM, the vote is asked on the scoring worker as soon as the last answer
is in, after that interview's scores: the closing line is spoken while the model decides, and
what is left of the wait shows "Deciding... N s"."""

from __future__ import annotations

import io
import signal
import threading
import time

import pytest

from interviewer.report.derived import write_derived
from interviewer.rubric.content import default_content
from interviewer.session.engine import InterviewEngine
from interviewer.session.events import AnswerRecorded, AnswerScored, Note, VoteCast
from interviewer.testing import FakeSpeaker
from tests.llm.llm_support import STORY, llm_brain, refused_url, start_session

ANSWERS = [f"{STORY} (Answer {n}.)" for n in range(1, 30)]
CLOSING = default_content().stages["manager"].closing


class Terminal(io.StringIO):
    """A stream that says it is a terminal, so status lines count up in place."""

    def isatty(self) -> bool:
        return True


class Timed:
    """The default interviewer, with scores and votes taking their time; keeps when each
    request started and ended."""

    def __init__(self, server, score_delay: float, vote_delay: float):
        self.inner, self.delays = server.responder, {"LLMScore": score_delay,
                                                     "LLMVote": vote_delay}
        self.spans: list[tuple[str, float, float]] = []
        self.vote_asked = threading.Event()

    def __call__(self, request):
        started = time.monotonic()
        if request.schema_name == "LLMVote":
            self.vote_asked.set()
        time.sleep(self.delays.get(request.schema_name, 0.0))
        self.spans.append((request.schema_name, started, time.monotonic()))
        return self.inner(request)


class ClosingSpeaker(FakeSpeaker):
    """Says every line at once, except the closing line: `on_closing()` runs while it is said."""

    def __init__(self, on_closing):
        super().__init__()
        self.on_closing = on_closing

    def say(self, text, **options):
        utterance = super().say(text, **options)
        if text == CLOSING:
            self.on_closing()
        return utterance


def votes_in(store):
    return [e for e in store.read() if isinstance(e, VoteCast)]


def test_the_vote_is_asked_while_the_closing_line_is_spoken(server, tmp_path):
    timed = server.responder = Timed(server, score_delay=0.3, vote_delay=1.0)
    seen = {}

    def while_closing():
        seen["vote logged"] = bool(votes_in(store))
        seen["vote asked"] = timed.vote_asked.wait(5)

    store, parts = start_session(tmp_path, llm_brain(server.base_url, timeout=10), ANSWERS,
                                 questions=1, speaker=ClosingSpeaker(while_closing),
                                 score_in_background=True)
    InterviewEngine(store, parts).run()
    assert seen == {"vote logged": False, "vote asked": True}
    events = store.read()
    (vote,) = [e for e in events if isinstance(e, VoteCast)]
    assert vote.brain == "llm"
    answered = [e.turn for e in events if isinstance(e, AnswerRecorded)]
    scores = [e for e in events if isinstance(e, AnswerScored)]
    assert sorted(e.turn for e in scores) == answered and len(answered) == 2
    assert events.index(vote) > max(events.index(s) for s in scores)  # logged after them
    # One request at a time on the worker: the vote went out once every score was back.
    ((_, vote_started, _),) = [s for s in timed.spans if s[0] == "LLMVote"]
    assert all(end <= vote_started for name, _, end in timed.spans if name == "LLMScore")
    (vote_request,) = [r for r in server.requests if r.schema_name == "LLMVote"]
    assert vote_request.user.count("(Your score for this answer:") == len(answered)


def test_waiting_for_the_vote_shows_deciding_counting_up(server, tmp_path):
    server.responder = Timed(server, score_delay=0, vote_delay=1.5)
    status = Terminal()
    store, parts = start_session(tmp_path, llm_brain(server.base_url, timeout=10), ANSWERS,
                                 questions=1, speaker=FakeSpeaker(), status=status,
                                 score_in_background=True)
    InterviewEngine(store, parts).run()
    shown = status.getvalue()
    assert "\r  Deciding... 1." in shown  # past a second: shown with its elapsed time
    assert shown.endswith("\r\033[K")  # and cleared once the vote came
    assert "Deciding" not in parts.console.out.getvalue()  # never in the transcript
    assert votes_in(store)[0].brain == "llm"


def test_a_dead_endpoint_still_falls_back_to_the_offline_vote_with_a_warning(tmp_path):
    store, parts = start_session(tmp_path, llm_brain(refused_url()), ANSWERS, questions=1,
                                 speaker=FakeSpeaker(), score_in_background=True)
    InterviewEngine(store, parts).run()
    events = store.read()
    assert [v.brain for v in votes_in(store)] == ["offline"]
    scores = [e for e in events if isinstance(e, AnswerScored)]
    assert scores and {(e.brain, e.fallback) for e in scores} == {("offline", True)}
    notes = [e for e in events if isinstance(e, Note)]
    assert notes and all("offline interviewer took this step" in n.text for n in notes)
    shown = " ".join(parts.console.out.getvalue().split())
    assert all(" ".join(n.text.split()) in shown for n in notes)  # each told on the console


def test_a_failed_score_lets_the_vote_see_the_offline_score_that_is_logged(server, tmp_path):
    from tests.llm.llm_support import error

    inner = server.responder

    def scores_fail(request):
        if request.schema_name == "LLMScore":
            time.sleep(0.3)  # still being given when the vote is asked
            return error(400, "this score cannot be given")
        return inner(request)

    server.responder = scores_fail
    store, parts = start_session(tmp_path, llm_brain(server.base_url), ANSWERS, questions=1,
                                 speaker=FakeSpeaker(), score_in_background=True)
    InterviewEngine(store, parts).run()
    events = store.read()
    scores = [e for e in events if isinstance(e, AnswerScored)]
    assert len(scores) == 2 and {(e.brain, e.fallback) for e in scores} == {("offline", True)}
    assert [v.brain for v in votes_in(store)] == ["llm"]
    (vote_request,) = [r for r in server.requests if r.schema_name == "LLMVote"]
    assert vote_request.user.count("(Your score for this answer:") == len(scores)
    for scored in scores:
        assert f"(Your score for this answer: {scored.score.overall}/100" in vote_request.user


def run_stopped(store, parts):
    """Run the session until Ctrl-C stops it."""
    with pytest.raises(KeyboardInterrupt):
        InterviewEngine(store, parts).run()


def resume_to_the_end(tmp_path, store, server):
    _, parts = start_session(tmp_path / "again", llm_brain(server.base_url, timeout=10), ANSWERS,
                             speaker=FakeSpeaker(), score_in_background=True)
    state = InterviewEngine(store, parts).run()
    write_derived(store, state)
    return state


def test_ctrl_c_during_the_closing_line_keeps_every_answer_and_resume_votes(server, tmp_path):
    timed = server.responder = Timed(server, score_delay=0.2, vote_delay=3.0)

    def ctrl_c():
        timed.vote_asked.wait(5)
        raise KeyboardInterrupt

    store, parts = start_session(tmp_path, llm_brain(server.base_url, timeout=10), ANSWERS,
                                 questions=1, speaker=ClosingSpeaker(ctrl_c),
                                 score_in_background=True)
    started = time.monotonic()
    run_stopped(store, parts)
    assert time.monotonic() - started < 2.5  # the slow vote was not waited for
    events = store.read()
    assert len([e for e in events if isinstance(e, AnswerRecorded)]) == 2 and not votes_in(store)
    timed.delays["LLMVote"] = 0
    state = resume_to_the_end(tmp_path, store, server)
    assert state.complete and [v.brain for v in votes_in(store)] == ["llm"]


def test_ctrl_c_while_deciding_keeps_every_answer_and_resume_votes(server, tmp_path):
    timed = server.responder = Timed(server, score_delay=0, vote_delay=3.0)
    main = threading.get_ident()

    def ctrl_c_soon():  # as the terminal does: SIGINT to the waiting main thread
        timed.vote_asked.wait(5)
        time.sleep(0.3)
        signal.pthread_kill(main, signal.SIGINT)

    threading.Thread(target=ctrl_c_soon, daemon=True).start()
    store, parts = start_session(tmp_path, llm_brain(server.base_url, timeout=10), ANSWERS,
                                 questions=1, speaker=FakeSpeaker(), score_in_background=True)
    started = time.monotonic()
    run_stopped(store, parts)
    assert time.monotonic() - started < 2.5
    events = store.read()
    assert len([e for e in events if isinstance(e, AnswerRecorded)]) == 2 and not votes_in(store)
    timed.delays["LLMVote"] = 0
    state = resume_to_the_end(tmp_path, store, server)
    assert state.complete and [v.brain for v in votes_in(store)] == ["llm"]


def test_the_vote_asked_on_the_worker_sees_an_answer_gone_on_with_as_one(server, tmp_path):
    from interviewer.session.brain_contexts import turn_views
    from interviewer.session.ports import Answer, Utterance
    from interviewer.session.state import build_state
    from interviewer.testing import FakeAnswers
    from tests.llm.llm_support import answers_in

    class TalkedOverFirstProbe(FakeSpeaker):
        """The candidate goes on with their answer 0.4 s into the first follow-up."""

        def say(self, text, **options):
            said = super().say(text, **options)
            if text.startswith("LLM probe 1"):
                return Utterance(text=text, duration_s=2.0, interrupted=True, heard_s=0.4)
            return said

    first, rest = STORY[:160], STORY[160:]
    script = [Answer(text=t, source="voice") for t in (first, rest, ANSWERS[1])]
    timed = server.responder = Timed(server, score_delay=0.3, vote_delay=0)
    store, parts = start_session(tmp_path, llm_brain(server.base_url, timeout=10), [],
                                 questions=1, speaker=TalkedOverFirstProbe(),
                                 answer_source=FakeAnswers(script), score_in_background=True)
    InterviewEngine(store, parts).run()
    assert timed.vote_asked.is_set()
    state = build_state(store.read())
    assert any(t.asked.went_on for t in state.turns)
    views = turn_views(state.interviews[0].turns)
    (vote_request,) = [r for r in server.requests if r.schema_name == "LLMVote"]
    # One answer for the two parts, each view with the score the log keeps for it.
    assert answers_in(vote_request.user) == [v.answer for v in views if v.answer]
    assert " ".join(STORY.split()) in [" ".join(a.split()) for a in answers_in(vote_request.user)]
    assert vote_request.user.count("(Your score for this answer:") == len(views)
