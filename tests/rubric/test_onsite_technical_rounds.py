"""The onsite's coding and system-design rounds are read, scored, probed and voted like the
technical screen's coding and design questions, not like the onsite's behavioural panel.

QA typed a full loop by hand: a two-sum answer with its approach, O(n), the rejected
alternative and tests scored 53 at the onsite with "no named principle", "no reflection" and
"no outcome" (85-89 at the technical screen), and the vote counted unprompted principles. Coding
questions also drew load probes ("What happens at ten times the load?") meant for designs.
"""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.probing import next_move
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.voting import vote
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.rubric.corpus import bank_question

CONTENT = default_content()


TWO_SUM = bank_question("tech-coding-15")
ONE_EDIT = bank_question("tech-coding-14")
REGION = bank_question("tech-chaos-2")

STRONG_CODING = (
    "Okay so, um, my approach is one pass with a hash map. I walk the episodes once, and for "
    "each one I look up whether the flight length minus its duration is already in the map. If "
    "it is, that's the pair; if not, I put this duration in the map with its index. That's O(n) "
    "time and O(n) extra space. I'd pick that over sorting with two pointers, because sorting is "
    "n log n and I lose the original positions, and over checking every pair, which is quadratic. "
    "Edge cases: an empty list or a single episode returns none, and two episodes with the same "
    "duration still work because I check the map before I insert. For tests I'd write one where "
    "the pair is the first and the last episode, one with no pair at all, and one with duplicate "
    "durations."
)
WEAK_CODING = (
    "Um, I'd probably just loop through the episodes and, like, check each one against all the "
    "others until two of them add up to the flight. Then return those two. I think that should "
    "work fine."
)
STRONG_DESIGN = (
    "So I'd run every region active-active, each taking live traffic at about sixty percent of "
    "its capacity, so that any two can absorb a third going dark at peak. I'd pick that over a "
    "cold standby because a standby that never serves traffic is the one that fails when you need "
    "it. When a region fails, health checks at the edge notice within about thirty seconds and "
    "DNS and the edge steering shift members to the nearest healthy region gradually, in steps, "
    "rather than all at once, which would stampede the caches and the databases. Member state is "
    "replicated across regions asynchronously, so the trade-off is that a few seconds of viewing "
    "history written in the failed region can be lost; I accept that because playback matters "
    "more than an exact resume point. To prove it works I'd rehearse a full regional evacuation "
    "every couple of weeks in production, and at my last company we found two hidden "
    "dependencies the first time we did that."
)
WEAK_DESIGN = (
    "I'd make sure we have backups in other regions and, um, use the cloud provider's tools so "
    "traffic goes somewhere else. Then I'd monitor it closely and test it from time to time."
)


def _plan(stage: str, style: str, question: PlannedQuestion) -> PlannedInterview:
    return PlannedInterview(stage=stage, interviewer_id="x", interviewer_name="X",
                            interviewer_role="engineer", style=style, questions=[question])


def _score(stage: str, style: str, question: PlannedQuestion, answer: str):
    return score_answer(AnswerContext(
        stage=stage, question=question, asked=question.text, answer=answer,
        interviewer=_plan(stage, style, question),
    ), CONTENT)


def _first_move(stage: str, style: str, question: PlannedQuestion, answer: str):
    score = _score(stage, style, question, answer)
    view = TurnView(turn=1, kind="question", asked=question.text, answer=answer, score=score)
    return next_move(MoveContext(stage=stage, question=question, exchange=[view],
                                 follow_ups_left=2, interviewer=_plan(stage, style, question)),
                     CONTENT)


def _vote(stage: str, style: str, question: PlannedQuestion, answer: str):
    score = _score(stage, style, question, answer)
    view = TurnView(turn=1, kind="question", asked=question.text, answer=answer, score=score)
    return vote(_plan(stage, style, question), [view], CONTENT)


BEHAVIOURAL_GAPS = ("no named principle", "no reflection", "no outcome", "mostly 'we'")


@pytest.mark.parametrize(("style", "question", "answer"), [
    ("coding", TWO_SUM, STRONG_CODING), ("design", REGION, STRONG_DESIGN),
])
def test_a_strong_technical_answer_scores_at_the_onsite_as_it_does_at_the_screen(
    style, question, answer
):
    onsite = _score("onsite", style, question, answer)
    screen = _score("technical", style, question, answer)
    assert onsite.overall >= 75, onsite
    assert abs(onsite.overall - screen.overall) <= 3
    assert not [g for g in onsite.gaps if g.startswith(BEHAVIOURAL_GAPS)], onsite.gaps
    assert "principle" not in onsite.components


@pytest.mark.parametrize(("style", "question", "strong", "weak"), [
    ("coding", TWO_SUM, STRONG_CODING, WEAK_CODING), ("design", REGION, STRONG_DESIGN, WEAK_DESIGN),
])
def test_a_weak_technical_answer_scores_well_below_a_strong_one_at_the_onsite(
    style, question, strong, weak
):
    assert _score("onsite", style, question, weak).overall + 30 <= _score(
        "onsite", style, question, strong).overall


def test_a_weak_coding_answer_at_the_onsite_is_probed_like_code_not_like_a_story():
    move = _first_move("onsite", "coding", TWO_SUM, WEAK_CODING)
    assert move.action == "follow_up"
    assert move.gap in ("defend_decision", "no_complexity", "no_edge_cases", "no_trade_off")
    assert move.gap == _first_move("technical", "coding", TWO_SUM, WEAK_CODING).gap


def test_a_weak_design_answer_at_the_onsite_is_probed_on_scale_failure_and_trade_offs():
    move = _first_move("onsite", "design", REGION, WEAK_DESIGN)
    assert move.action == "follow_up"
    assert move.gap in ("defend_decision", "no_scale", "no_trade_off", "no_failure_mode")
    assert move.gap == _first_move("technical", "design", REGION, WEAK_DESIGN).gap


ALL_FOUR = [("coding", TWO_SUM, STRONG_CODING, True), ("coding", TWO_SUM, WEAK_CODING, False),
            ("design", REGION, STRONG_DESIGN, True), ("design", REGION, WEAK_DESIGN, False)]


@pytest.mark.parametrize(("style", "question", "answer", "strong"), ALL_FOUR)
def test_the_onsite_technical_notes_and_vote_ask_nothing_of_a_story(style, question, answer,
                                                                    strong):
    """Neither the answer's notes nor the vote hold a coding or design answer to a story's
    rubric: no principle, hindsight or outcome gaps, no count of unprompted principles."""
    score = _score("onsite", style, question, answer)
    assert not [g for g in score.gaps if g.startswith(BEHAVIOURAL_GAPS)], score.gaps
    cast = _vote("onsite", style, question, answer)
    assert not [r for r in cast.reasons if "unprompted" in r], cast.reasons
    assert (cast.vote in ("yes", "strong yes")) == strong, cast


def test_the_onsite_behavioural_panel_still_counts_unprompted_principles():
    question = PlannedQuestion(id="b", text="Tell me about a time you disagreed with your manager.",
                               values=["Courage"], topic="disagreement")
    answer = ("Last year my manager wanted to ship the billing change before the holidays. I "
              "wrote a one-page note with the refund failure rate from staging and asked for two "
              "more weeks. We shipped ten days later and refunds failed far less often.")
    cast = _vote("onsite", "behavioural", question, answer)
    assert [r for r in cast.reasons if "named a principle unprompted in 0 of 1" in r]
    assert [g for g in _score("onsite", "behavioural", question, answer).gaps
            if g.startswith("no named principle")]


RAMBLING = ("So first I'd look at the list of episodes and then I'd go through them and see what "
            "they add up to and keep going through the rest of them after that. ") * 3
LOAD_WORDS = ("load", "requests a second", "traffic", "per second")


@pytest.mark.parametrize("stage", ["technical", "onsite"])
def test_a_coding_question_is_not_probed_on_load(stage):
    """A correct, defended answer with no cost, no edge cases and no tests is asked for them."""
    answer = ("I'd compare the two strings with two pointers, because if the lengths differ by "
              "more than one they can't be one edit apart. I walk both until the first "
              "mismatch, then skip one character in the longer string, or one in each if they "
              "are the same length, and check that the rest match.")
    plan = _plan(stage, "coding", ONE_EDIT)
    views = [TurnView(turn=1, kind="question", asked=ONE_EDIT.text, answer=answer,
                      score=_score(stage, "coding", ONE_EDIT, answer))]
    asked, gaps = [], []
    for _ in range(3):
        move = next_move(MoveContext(stage=stage, question=ONE_EDIT, exchange=views,
                                     follow_ups_left=3, interviewer=plan), CONTENT)
        if move.action != "follow_up":
            break
        asked.append(move.text)
        gaps.append(move.gap)
        views.append(TurnView(turn=len(views) + 1, kind="follow_up", asked=move.text,
                              answer="I'm not sure, I'd have to think about that.",
                              gap=move.gap, probe_id=move.probe_id))
    assert asked, "a coding answer with no complexity, edge cases or tests is probed"
    assert all(not any(word in text.lower() for word in LOAD_WORDS) for text in asked), asked
    assert {"no_complexity", "no_edge_cases"} & set(gaps), gaps


@pytest.mark.parametrize(("role", "styles"), [("engineer", {"coding", "design"}),
                                              ("product", {"product"}),
                                              ("design", {"portfolio"})])
def test_an_onsite_problem_or_portfolio_round_has_the_screens_follow_ups_and_answer_time(
    tmp_path, role, styles,
):
    """Three follow-ups per question and the screen's answer length, not the panel's two: the
    round's one problem (or walkthrough) fills its 45 minutes."""
    from interviewer.session.brain_contexts import answer_context
    from interviewer.session.engine import InterviewEngine
    from interviewer.session.state import build_state
    from interviewer.testing import FakeAnswers
    from tests.support import engine_parts, start_practice

    store = start_practice(tmp_path, stage="onsite", seed=1, role=role)
    unhelpful = "I'm not sure, I would have to think about that one."
    InterviewEngine(store, engine_parts(FakeAnswers([WEAK_CODING, unhelpful] * 40))).run()
    state = build_state(store.read())
    screen = CONTENT.stages["technical"]
    for interview in state.interviews:
        expected = screen if interview.plan.style in styles else CONTENT.stages["onsite"]
        assert len(interview.exchange(0)) == 1 + expected.max_follow_ups, interview.plan.style
        first = interview.exchange(0)[0]
        assert answer_context(interview, first, CONTENT).answer_seconds == tuple(
            expected.answer_seconds)
    assert {i.plan.style for i in state.interviews} >= styles | {"behavioural"}


def test_an_onsite_coding_or_design_answer_is_no_story_for_the_bank_or_the_principle_share(
    tmp_path,
):
    """`stories import` leaves the onsite's coding and design answers out as it does the
    screen's, and progress's named-principle share counts only the story answers."""
    from interviewer.prep.importer import drafts_from_session
    from interviewer.prep.progress import session_point
    from interviewer.prep.story import StoryBank
    from interviewer.session.engine import InterviewEngine
    from interviewer.session.state import build_state
    from interviewer.testing import FakeAnswers
    from tests.support import STRONG_STORY, engine_parts, start_practice

    technical_bank = {q.text for name in ("coding", "system_design")
                      for q in CONTENT.banks[name].questions}

    class ByQuestion(FakeAnswers):
        """A story (with its principle) for story questions, code for the technical rounds."""

        def next_answer(self, prompt):
            asked = " ".join(prompt.text.split())
            technical_question = any(" ".join(q.split()) in asked for q in technical_bank)
            self.script = [STRONG_CODING if technical_question else STRONG_STORY]
            return super().next_answer(prompt)

    store = start_practice(tmp_path, stage="onsite", seed=1)
    InterviewEngine(store, engine_parts(ByQuestion([]))).run()
    state = build_state(store.read())
    technical = {t.asked.turn for i in state.interviews if i.plan.style != "behavioural"
                 for t in i.turns}
    assert technical
    result = drafts_from_session(state, StoryBank())
    imported = {t for d in result.drafts for t in d.source.turns}
    assert not imported & technical
    assert any("Coding round question" in s for s in result.skipped), result.skipped
    stories = [t.latest_score.signals.named_principle for i in state.interviews
               if i.plan.style == "behavioural" for t in i.turns
               if t.asked.kind == "question" and t.latest_score]
    assert session_point(state).figures["named_principle"] == round(
        sum(stories) / len(stories), 3)


def test_the_llm_interviewer_of_an_onsite_coding_round_is_told_it_is_a_coding_round():
    """Not "the onsite is a set of behavioural interviews ... listen for a named principle"."""
    from interviewer.brains.llm.messages import MessageBuilder, Who
    from interviewer.brains.llm.prompts import default_llm_prompts

    builder = MessageBuilder(default_llm_prompts(), CONTENT)
    for style, title in (("coding", "Coding round"), ("design", "System design round"),
                         ("product", "Product sense round"),
                         ("portfolio", "Portfolio walkthrough")):
        (system, _) = builder.score(stage="onsite", who=Who.from_plan(_plan("onsite", style,
                                                                               TWO_SUM)),
                                    question=TWO_SUM, asked=TWO_SUM.text, kind="question",
                                    answer=STRONG_CODING)
        assert f"running the {title}" in system["content"]
        assert "behavioural interviews" not in system["content"]
        assert "not a value story" in system["content"]
    (system, _) = builder.score(stage="onsite", who=Who.from_plan(_plan("onsite", "behavioural",
                                                                           TWO_SUM)),
                                question=TWO_SUM, asked=TWO_SUM.text, kind="question",
                                answer=STRONG_CODING)
    assert "behavioural interviews" in system["content"]


@pytest.mark.parametrize("stage", ["technical", "onsite"])
def test_a_coding_or_design_answer_is_not_cut_in_on_for_a_missing_principle(tmp_path, stage):
    """After 100 s of walkthrough with no principle, a story is cut in on ("What principle were
    you acting on?"); code and designs are not. The time limit still applies to both."""
    from interviewer.brains.base import InterjectContext
    from interviewer.brains.offline import OfflineBrain
    from interviewer.session.engine import InterviewEngine
    from interviewer.testing import FakeAnswers
    from tests.support import engine_parts, start_practice

    brain = OfflineBrain(CONTENT)
    cut_ins: dict[bool, set[str | None]] = {True: set(), False: set()}

    class Heard(FakeAnswers):
        def next_answer(self, prompt):
            if prompt.kind == "question":
                for seconds in (100, 1000):
                    heard = InterjectContext(
                        stage=prompt.stage, kind=prompt.kind, asked=prompt.text,
                        answer_seconds=prompt.answer_seconds, elapsed=seconds,
                        partial_text=RAMBLING, transcribed=seconds,
                        asks_principle=prompt.asks_principle)
                    cut = brain.interject(heard)
                    cut_ins[prompt.asks_principle].add(cut.reason if cut else None)
            self.script = [STRONG_CODING]
            return super().next_answer(prompt)

    store = start_practice(tmp_path, stage=stage, seed=1)
    InterviewEngine(store, engine_parts(Heard([]))).run()
    plans = [e for e in store.read() if e.type == "session_started"][0].interviews
    technical = any(p.style in ("coding", "design") for p in plans)
    assert technical
    assert cut_ins[False] == {None, "time_limit"}
    if stage == "onsite":
        assert cut_ins[True] == {"no_principle", "time_limit"}
    else:
        assert not cut_ins[True]


@pytest.mark.parametrize(("stage", "style", "asks"), [
    ("onsite", "behavioural", True), ("recruiter", "behavioural", True),
    ("manager", "behavioural", True), ("onsite", "coding", False), ("onsite", "design", False),
    ("onsite", "product", False), ("onsite", "portfolio", False),
    ("technical", "behavioural", False), ("technical", "product", False),
])
def test_only_value_story_rounds_cut_in_for_a_missing_principle(stage, style, asks):
    """A product-sense plan or a portfolio review is asked "What principle were you acting
    on?" no more than a coding walkthrough is."""
    from interviewer.rubric.round_kind import asks_for_principle

    assert asks_for_principle(CONTENT, stage, TWO_SUM, _plan(stage, style, TWO_SUM)) is asks


@pytest.mark.parametrize(("gap", "reply"), [
    ("no_complexity", "It's linear, one pass, so O(n) time, and the map is O(n) extra space."),
    ("no_edge_cases", "An empty list returns nothing, a single episode too, and I'd test two "
                      "episodes with the same duration and a pair at both ends."),
])
def test_a_reply_that_answers_a_coding_probe_fills_its_gap(gap, reply):
    from interviewer.rubric.exchange import exchange_signals, turns_of

    views = [TurnView(turn=1, kind="question", asked=TWO_SUM.text, answer=WEAK_CODING),
             TurnView(turn=2, kind="follow_up", asked="(the probe)", answer=reply, gap=gap)]
    _, filled = exchange_signals(turns_of(views), stage=CONTENT.stage("technical"),
                                 question=TWO_SUM, keywords=CONTENT.keywords(TWO_SUM.id))
    assert gap in filled


CHURN = bank_question("prod-churn-1")
WALKTHROUGH = bank_question("port-walkthrough-1")
STRONG_PRODUCT = (
    "So, um, before changing anything I'd cut the second-month cancellations by signup channel, "
    "plan and device, and by whether the member finished anything in their first two weeks. My "
    "bet is onboarding rather than price, because the price hasn't moved and it's only month two "
    "that got worse. The first thing I'd test is a shorter first-week home page built from what "
    "people pick at signup, against the current one, for half of new members. I'd judge it on "
    "how many of that cohort are still paying after sixty days, not on total cancellations, "
    "because long-time members would drown out the signal. The trade-off is less exploration in "
    "week one, so I'd keep viewing hours in month three as a guardrail. And I'd hold off on a "
    "discount, since it only buys a month and tells us nothing about why people leave."
)
STRONG_PORTFOLIO = (
    "The one I'd pick is the downloads screen I redesigned last year. The brief said people "
    "wanted more storage, but when I watched eight commuters use it, the real problem was they "
    "couldn't tell which episodes were already on the phone. So I decided to group downloads by "
    "show with a clear count, instead of the flat list of files we had, because people think in "
    "shows, not files. I tested two prototypes, and finding a downloaded episode went from about "
    "forty seconds to under ten. Engineering pushed back on live storage numbers, so I settled "
    "for a daily estimate. If I did it again I'd watch people before I accepted the brief."
)


@pytest.mark.parametrize(("style", "question", "answer", "parts"), [
    ("product", CHURN, STRONG_PRODUCT, {"reasons", "tradeoffs", "point_of_view", "outcome"}),
    ("portfolio", WALKTHROUGH, STRONG_PORTFOLIO, {"reasons", "tradeoffs", "ownership", "outcome"}),
], ids=["product", "portfolio"])
def test_a_product_or_portfolio_round_weighs_its_own_parts_not_a_value_story(
    style, question, answer, parts
):
    """A product-sense plan or a portfolio walkthrough is scored on its reasoning, its
    trade-offs and its evidence wherever the round is held, never on a named value: at the
    onsite it used to be weighed like the behavioural panel (principle, values...), and at the
    screen like a system design (scale, failure modes)."""
    onsite = _score("onsite", style, question, answer)
    screen = _score("technical", style, question, answer)
    assert onsite.components == screen.components
    assert parts <= set(onsite.components)
    assert not {"principle", "values", "scale", "failure"} & set(onsite.components)
    assert onsite.overall >= 75, onsite
    assert not [g for g in onsite.gaps if g.startswith(BEHAVIOURAL_GAPS)], onsite.gaps
    cast = _vote("onsite", style, question, answer)
    assert not [r for r in cast.reasons if "unprompted" in r], cast.reasons
    assert cast.vote in ("yes", "strong yes"), cast


RATE_LIMITER = bank_question("tech-coding-7")
LAUNCH = bank_question("tech-cdn-2")
CONFLICT_STORY = (
    "Yeah so, um, the one that comes to mind is when my manager wanted to move our on-call "
    "handover to Fridays. I thought that was a bad idea, honestly, because Friday is when most "
    "of our deploys go out and the person coming off call would be the one who knew what was "
    "going on. So I asked for a one on one, I brought the numbers from the last three months, "
    "like, eleven of our nineteen incidents started on a Friday afternoon, and I told her I "
    "didn't think we should do it. She pushed back at first. But we agreed to try Tuesdays for a "
    "quarter, and the number of escalations after a handover dropped from about six to one. What "
    "I learned is to disagree early and bring data, and I still do that now."
)
STORY_OF_THE_CODE = (
    "So I actually built one of these at my last job. Um, I kept a queue of request timestamps "
    "for each member in a hash map. When a request comes in, I pop timestamps older than a "
    "minute off the front, and if the queue still holds the limit, I reject it; otherwise I "
    "append the new timestamp. That's a true sliding window, which I picked over fixed "
    "one-minute buckets, because buckets let a member send double the limit across the boundary. "
    "It costs memory per request though, so for ten million members I'd switch to a sliding "
    "window counter with two buckets per member. And I'd test the boundary at exactly sixty "
    "seconds."
)


@pytest.mark.parametrize("stage", ["technical", "onsite"])
@pytest.mark.parametrize(("style", "question"), [("coding", RATE_LIMITER), ("design", LAUNCH)],
                         ids=["coding", "design"])
def test_a_story_with_no_technical_content_does_not_answer_a_coding_or_design_question(
    stage, style, question
):
    """A well-told conflict story given to a rate limiter or a launch-night design scored about
    90: its "because", "ten percent" and hindsight read as reasons, scale and reflection, and a
    real story in other words counted as answering the question. It answers nothing a coding or
    design interviewer asked, who brings the candidate back to the question."""
    score = _score(stage, style, question, CONFLICT_STORY)
    assert "did not address the question asked" in score.flags
    assert score.overall <= 25, score
    move = _first_move(stage, style, question, CONFLICT_STORY)
    assert move.gap == "off_question", move


def test_a_real_technical_answer_told_from_past_work_still_answers_the_question():
    """Only the story fallback is gone in a problem round: an answer that takes the problem up
    in its words, told as something the candidate built before, is read as an answer."""
    score = _score("onsite", "coding", RATE_LIMITER, STORY_OF_THE_CODE)
    assert not [f for f in score.flags if "address" in f or "off topic" in f], score.flags
    assert score.overall >= 55, score


def test_the_same_story_still_answers_a_behavioural_question_in_other_words():
    """In a behavioural round a real story keeps answering a question it shares few words with."""
    question = bank_question("ons-judgment-3")
    score = _score("onsite", "behavioural", question, CONFLICT_STORY)
    assert "did not address the question asked" not in score.flags
    assert score.overall >= 60, score
