"""Report details a tester tripped over: score parts for empty answers, round titles on the
board, shared keeper reasons once, word guides for typed answers, chart axes that fit."""

from __future__ import annotations

import re

from interviewer.report.charts import DeliveryPoint, delivery_chart
from interviewer.report.html import render_html
from interviewer.report.markdown import render_markdown
from interviewer.report.view import build_view, delivery_line
from interviewer.rubric.delivery import delivery_from_text
from interviewer.session.state import build_state
from interviewer.session.store import list_sessions
from tests.report.sessions import ANSWERS, scripted_session
from tests.support import run_cli


def _practice(root, stage, answers):
    path = root / "a.txt"
    path.write_text("\n---\n".join(answers) + "\n", encoding="utf-8")
    sessions = root / "s"
    run_cli("practice", "--stage", stage, "--seed", "2", "--answers", str(path),
            "--sessions-dir", str(sessions), timeout=120, check=True)
    (store,) = list_sessions(sessions)
    return store, build_state(store.read())


def test_an_empty_answer_shows_no_score_parts(tmp_path):
    store, state = _practice(tmp_path, "manager", ["", ANSWERS[0], ANSWERS[1]] * 4)
    view = build_view(state, store)
    empty = next(t for t in view.turns if t.answered and not t.answer)
    assert empty.score is not None and empty.score.components, "the scorer gave parts"
    assert empty.components is None
    full = next(t for t in view.turns if t.answer == ANSWERS[0])
    assert full.components
    page = render_html(state, store, store.folder)
    article = page.split(f'id="turn-{empty.number}"')[1].split("</article>")[0]
    assert "not applicable" in article and "<meter" not in article


def test_board_rows_use_the_round_title_and_shared_reasons_come_once(tmp_path):
    store = scripted_session(tmp_path, "loop", "--cold-start", "--seed", "3")
    state = build_state(store.read())
    # The offline keeper sentences name each interview's own evidence; two interviewers who
    # say the same words (as an LLM may) are what the board shows once.
    shared = "No: nothing I heard would make me fight to keep them."
    for interview in state.interviews[:2]:
        cast = interview.votes[-1]
        interview.votes[-1] = cast.model_copy(
            update={"vote": cast.vote.model_copy(update={"keeper_reason": shared})})
    view = build_view(state, store)
    page = render_html(state, store, store.folder)
    cells = re.findall(r'data-label="Interview"><div>(.*?)</div>', page)
    assert cells == [i.title for i in view.voted]
    links = re.findall(r'<a href="#interview-\d+">([^<:]*)', page)
    assert set(cells) <= {link.strip() for link in links}
    # The contents name who held each panel interview (the onsite), not each screen's.
    contents = dict(re.findall(r'<a href="#interview-(\d+)">([^<]*)</a>', page))
    for interview in view.voted:
        named = contents[str(interview.index)].endswith(f": {interview.interviewer}")
        assert named == (interview.stage == "onsite"), contents[str(interview.index)]
    technical_rounds = [i.title for i in view.voted if i.style not in ("", None)
                        and i.stage == "onsite" and i.title != "Onsite interview"]
    assert technical_rounds and set(technical_rounds) <= set(cells)
    reasons = [v.keeper_reason for v in view.votes]
    repeated = {r for r in reasons if reasons.count(r) > 1}
    assert shared in repeated
    board = page.split('id="board"')[1].split("</section>")[0]
    markdown = render_markdown(state, store)
    table = markdown.split("| Interview |")[1].split("## Decision")[0]
    for reason in repeated:
        assert board.count(reason) == 1 and table.count(reason) == 1


def test_typed_answers_get_a_length_guide_in_words():
    short = delivery_from_text("We shipped it on time.", (60, 120))
    line = delivery_line(short)
    assert "length short (guide about 140-280 words)" in line and " s)" not in line


def test_pause_axis_starts_at_zero_and_the_typical_label_has_room():
    from matplotlib.figure import Figure

    from interviewer.report import charts

    points = [DeliveryPoint(turn=i, interview=0, stage="manager (Dan)", words_per_minute=140.0,
                            fillers_per_100=6.0, long_pauses=0) for i in range(1, 5)]
    pauses, fillers = Figure().subplots(2, 1)
    charts._pause_panel(pauses, points)
    charts._filler_panel(fillers, points)
    assert pauses.get_ylim()[0] == 0 and pauses.get_ylim()[1] >= 1
    assert fillers.get_ylim()[1] >= charts.TYPICAL_FILLERS_PER_100 * 1.2
    assert delivery_chart(points).startswith("<svg")


def test_the_length_guide_is_shown_for_answers_to_the_question_not_for_follow_ups(tmp_path):
    store, state = _practice(tmp_path, "manager", ["Could you repeat the question?"]
                             + ["We shipped it on time."] * 12)
    lines = {t.number: t.delivery_line for t in build_view(state, store).turns if t.answer}
    repeated = next(t for t in state.turns if t.asked.gap == "clarify")
    probe = next(t for t in state.turns if t.asked.kind == "follow_up"
                 and t.asked.gap not in ("clarify", "thinking", "no_answer"))
    question = next(t for t in state.turns if t.asked.kind == "question" and not t.request)
    for main in (repeated, question):  # the question, first or asked again
        assert "length short (guide about" in lines[main.asked.turn]
    follow_up = lines[probe.asked.turn]
    assert follow_up.startswith("5 words") and "length" not in follow_up, follow_up
