"""A reason defends a choice when it says what the choice buys or costs (for the users, the
business, the system) or what the evidence showed; taste, habit or authority alone does not.

Any "because" used to count: "because it looks more cinematic", "because my manager wanted it" or
"because that's how we always did it" defended a portfolio, product or design choice, so the
answer was never asked to defend one and earned the reasons part in full.
"""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.exchange import exchange_signals, turns_of
from interviewer.rubric.probing import next_move
from interviewer.rubric.reasons import defends_choice
from interviewer.rubric.round_kind import settings_for
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.spoken import plain
from interviewer.session.events import PlannedInterview, PlannedQuestion
from tests.rubric.corpus import bank_question

CONTENT = default_content()


MOTION = bank_question("port-motion-1")
SEARCH = bank_question("tech-search-1")
PORTFOLIO_START = (
    "Um, so the one I'd pick is the little animation when you add a show to your list on the TV "
    "app, I designed it last year. The poster shrinks and slides up into the list icon, and the "
    "icon sort of pulses once, the whole thing's about half a second. "
)
DESIGN_START = (
    "So I'd put the search index in Elasticsearch, with one shard per region, and a small "
    "typeahead service in front of it that keeps the top ten thousand queries in memory. "
)
# The same answers with the why given as taste, habit or authority, in spoken and ASR forms.
UNARGUED = [
    (MOTION, PORTFOLIO_START + "I went with the slide because it just looks more premium, you "
     "know, and the pulse is there because my design director loved it."),
    (MOTION, (PORTFOLIO_START + "and I kept half a second because that's how we've always done "
              "it on the phone app").lower().replace(",", "").replace(".", "")),
    (SEARCH, DESIGN_START + "Elasticsearch because, honestly, it's what the team knows, and the "
     "typeahead because my manager asked for it."),
    (SEARCH, (DESIGN_START + "the typeahead's there since the lead on the last project wanted "
              "it").lower().replace(",", "").replace(".", "")),
]
# Real reasons in the same forms: what the choice does for the viewer or the system.
ARGUED = [
    (MOTION, PORTFOLIO_START + "I went with the slide because people across the room need to "
     "see where the show went, and on the older sticks anything longer dropped frames."),
    (MOTION, (PORTFOLIO_START + "i went with the slide because it looks nicer and you can see "
              "from the couch where the show went").lower().replace(",", "").replace(".", "")),
    (SEARCH, DESIGN_START + "The typeahead's in memory because a round trip to the index costs "
     "about forty milliseconds, and you get a keystroke every hundred."),
]


def _plan(style: str, question: PlannedQuestion) -> PlannedInterview:
    return PlannedInterview(stage="onsite", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style=style, questions=[question])


def _style(question: PlannedQuestion) -> str:
    return "portfolio" if question is MOTION else "design"


def _first_gap(question: PlannedQuestion, answer: str) -> tuple[str | None, dict[str, int]]:
    plan = _plan(_style(question), question)
    score = score_answer(AnswerContext(stage="onsite", question=question, asked=question.text,
                                       answer=answer, interviewer=plan), CONTENT)
    view = TurnView(turn=1, kind="question", asked=question.text, answer=answer, score=score)
    move = next_move(MoveContext(stage="onsite", question=question, exchange=[view],
                                 follow_ups_left=3, interviewer=plan), CONTENT)
    return move.gap, score.components


@pytest.mark.parametrize(("question", "answer"), UNARGUED)
def test_a_choice_defended_only_by_taste_habit_or_authority_is_asked_to_be_defended(
    question, answer
):
    gap, parts = _first_gap(question, answer)
    assert gap == "defend_decision"
    assert parts["reasons"] == 0


@pytest.mark.parametrize(("question", "answer"), ARGUED)
def test_a_choice_defended_by_what_it_does_for_the_viewer_or_the_system_counts(question, answer):
    gap, parts = _first_gap(question, answer)
    assert gap != "defend_decision"
    assert parts["reasons"] > 0


@pytest.mark.parametrize(("reason", "defends"), [
    ("because it looks more cinematic", False),
    ("because I liked how it felt", False),
    ("since leadership asked us to start on mobile", False),
    ("because that's what we've always used for on-demand", False),
    ("because my manager wanted it and that's how we always did it", False),
    ("the reason is my manager asked for it", False),
    # Joined to a real reason, or said of whom it served, it argues the choice.
    ("because it looked good and let you see everything at once", True),
    ("because it felt better to the families in testing", True),
    # Said of a thing, a verdict can be evidence; a person can pass on a fact.
    ("because the numbers looked better", True),
    ("because the lead engineer said the cache was stale", True),
])
def test_which_reasons_defend_a_choice(reason, defends):
    assert defends_choice(plain(f"I'd keep it. {reason}.")) is defends


@pytest.mark.parametrize(("reply", "fills"), [
    ("Honestly I kept half a second because I liked how it felt when I tried it on the big TV in "
     "our office, and then the director signed off on it in the review.", False),
    ("Um, we tried a quarter second first and on the older sticks it dropped frames, so half a "
     "second, because that's the shortest that ran smooth on the slowest box we support.", True),
])
def test_a_reply_to_defend_your_choice_fills_the_gap_only_with_a_real_reason(reply, fills):
    first = UNARGUED[0][1]
    views = [TurnView(turn=1, kind="question", asked=MOTION.text, answer=first),
             TurnView(turn=2, kind="follow_up", asked="Why that timing?", answer=reply,
                      gap="defend_decision")]
    stage = settings_for(CONTENT, "onsite", MOTION, _plan("portfolio", MOTION))
    _, filled = exchange_signals(turns_of(views), stage=stage, question=MOTION,
                                 keywords=CONTENT.keywords(MOTION.id))
    assert ("defend_decision" in filled) is fills
