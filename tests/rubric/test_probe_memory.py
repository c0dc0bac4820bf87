"""A follow-up answer is read for the gap its probe asked about, so that gap is not probed again.

QA (a loop typed by hand) heard hindsight asked for right after "I'd ask to keep one engineer
embedded with SRE", the outcome after "Tomas got promoted a year later", the principle after "I
care about understanding the whole system"; principles said in the main answer ("explaining is my
job, not understanding is theirs") read as none; and a generic answer was asked for its principle
instead of an example. Each case has several spoken phrasings and negatives that must not count.
"""

from __future__ import annotations

import pytest

from interviewer.brains.base import MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.gap_fill import fills
from interviewer.rubric.probing import next_move
from interviewer.rubric.signals import read_signals
from interviewer.session.events import PlannedInterview, PlannedQuestion

CONTENT = default_content()
ONSITE = CONTENT.stage("onsite")
STORY_Q = PlannedQuestion(id="q", text="Tell me about a decision where you argued against "
                          "something that would have helped you personally.",
                          values=["Selflessness"], topic="general")


def _fills(gap: str, answer: str) -> bool:
    signals = read_signals(answer, stage=ONSITE, question=STORY_Q, keywords=[])
    return fills(gap, answer, signals)


def _next(question: str, answer: str, *replies: tuple[str, str, str]):
    """The move after a main answer and (probe gap, probe text, reply) follow-ups."""
    planned = PlannedQuestion(id="q", text=question, values=["Judgment"], topic="general")
    plan = PlannedInterview(stage="onsite", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style="behavioural", questions=[planned])
    views = [TurnView(turn=1, kind="question", asked=question, answer=answer)]
    for number, (gap, asked, reply) in enumerate(replies, start=2):
        views.append(TurnView(turn=number, kind="follow_up", asked=asked, answer=reply,
                              probe_id=f"p{number}", gap=gap))
    return next_move(MoveContext(stage="onsite", question=planned, exchange=views,
                                 follow_ups_left=3, variant=0, interviewer=plan), CONTENT)


HINDSIGHT = [
    "I'd ask to keep one engineer embedded with SRE for the project, so my team still learned "
    "the pipeline. We ended up depending on it six months later and had to ramp up anyway.",
    "I'd go to the support queue after the second escalation, not the tenth. We lost about "
    "three weeks arguing over dashboards first.",
    "I just answered that, I think: I'd give more weight now to my team's long-term knowledge "
    "of the systems we depend on.",
    "um so next time I would uh bring the support lead into the first meeting",
    "honestly i'd probably push for a shared on-call rotation with them",
    "Next month I'll sit with the on-call team before I write a single line of the proposal.",
    "I could have asked the SRE lead what they needed from us before I argued for it.",
    # As tiny Whisper writes it: lower case, no full stops.
    "i'd go to the support queue after the second escalation not the tenth we lost about three "
    "weeks arguing over dashboards",
    "I wouldn't change the call, but I'd tell my team the reasoning before the planning doc went "
    "out.",
]
NOT_HINDSIGHT = [
    "Honestly, I don't think I'd change anything. It worked out.",
    "I'd say it went pretty well, overall.",
    "um I'd probably do the exact same thing again",
    "I'd make the same call, it was the right one.",
    "I guess I'd have to think about that.",
    "I'd have to say the team did a great job there.",
    "Nothing really, it was fine.",
    "We'd already shipped it by then, so there wasn't much to do.",
]


@pytest.mark.parametrize("answer", HINDSIGHT)
def test_what_id_do_next_time_answers_the_hindsight_probe(answer):
    assert _fills("no_reflection", answer)


@pytest.mark.parametrize("answer", NOT_HINDSIGHT)
def test_nothing_to_change_or_a_hedge_is_not_hindsight(answer):
    assert not _fills("no_reflection", answer)


OUTCOMES = [
    "Tomas got promoted a year later and he started presenting his own work at reviews without "
    "me pushing. I'd measure it by whether juniors on the team put their own names on design "
    "docs, which went from almost none to about half.",
    "Same as I just said: Tomas was promoted, and juniors started owning their design docs.",
    "The migration finished two weeks late but with zero member-facing incidents.",
    "uh she got promoted that spring and um two other teams adopted the format",
    "it went from basically nobody reading the updates to most of the org",
    "The export ran every morning after that and the customer never missed a file.",
    "tomas got promoted a year later and the juniors started putting their names on design docs",
]
NOT_OUTCOMES = [
    "I think it went well.",
    "Everyone was happy with it, I think.",
    "I presented it at the next engineering review with him.",
    "I'd measure it by how many juniors present their own work.",
    "I started looking into the logs the next day.",
    "It was a good learning experience for the whole team.",
]


@pytest.mark.parametrize("answer", OUTCOMES)
def test_a_result_said_without_a_percentage_answers_the_outcome_probe(answer):
    assert _fills("no_outcome", answer)


@pytest.mark.parametrize("answer", NOT_OUTCOMES)
def test_a_feeling_or_the_candidates_own_step_is_not_an_outcome(answer):
    assert not _fills("no_outcome", answer)


PRINCIPLES = [
    "That I care about understanding the whole system the member experiences, not just my slice "
    "of it.",
    "um what I really care about is that members never see the seams between our teams",
    "I believe the person closest to the problem should be the one to fix it.",
    "For me it's about leaving the system better than I found it.",
    "It comes down to owning what you ship, even after it's shipped.",
    "I'm a big believer in going to look at the work yourself.",
    "I already said it: explaining is my job, not understanding is theirs.",
]
NOT_PRINCIPLES = [
    "I'm not sure there was a principle, really. I just did what needed doing.",
    "Honestly, I'm not sure. I guess working hard.",
    "It was mostly good teamwork, and the result was really good for everyone.",
    "We shipped it on time and the numbers went up.",
    "I believe so, yes.",
]


@pytest.mark.parametrize("answer", PRINCIPLES)
def test_a_belief_said_as_what_i_care_about_answers_the_principle_probe(answer):
    assert _fills("no_principle", answer)


@pytest.mark.parametrize("answer", NOT_PRINCIPLES)
def test_no_principle_or_a_bare_result_does_not_answer_the_principle_probe(answer):
    assert not _fills("no_principle", answer)


STATED = [
    "What I took from it is that explaining is my job, not understanding is theirs, so I now "
    "test every explanation on someone outside the team first.",
    "I'd make the same call: the work should go where it's cheapest for the company, not where "
    "it's best for my review.",
    "what i took away is uh it's my job to explain it not their job to understand it",
    "I'd do it again. The work belongs with whoever can do it cheapest, not with whoever gets "
    "the credit.",
    "I care about the member's whole experience, not just the part my service owns.",
    "the work should go where its cheapest for the company not where its best for my review",
    "explaining is my job not understanding is theirs",
]
NOT_STATED = [
    "They approved the budget in that meeting and the cache hit rate went to 95 percent.",
    "I told them it should go out Friday, not Monday.",
    "It was my job to run the migration that quarter.",
    "The latency was 90 milliseconds after the change, not 180.",
]


@pytest.mark.parametrize("answer", STATED)
def test_a_principle_said_as_whose_job_it_is_or_where_work_should_go_is_named(answer):
    assert read_signals(answer, stage=ONSITE, question=STORY_Q, keywords=[]).named_principle


@pytest.mark.parametrize("answer", NOT_STATED)
def test_a_result_or_a_plain_instruction_is_not_a_principle(answer):
    assert not read_signals(answer, stage=ONSITE, question=STORY_Q, keywords=[]).named_principle


def test_what_i_took_from_it_is_a_lesson_as_well():
    # Said like "what I learned", it is hindsight too: the story is not asked for it again.
    signals = read_signals(STATED[0], stage=ONSITE, question=STORY_Q, keywords=[])
    assert signals.reflection
    plain = read_signals("I took the train to the office and met them.", stage=ONSITE,
                         question=STORY_Q, keywords=[])
    assert not plain.reflection


SELF_OVER_SELF = (
    "During planning last year my director offered my team the new observability project, which "
    "was high visibility and would have been my promotion case. I argued it should go to the SRE "
    "team instead, because they already owned the metrics pipeline and we would have spent two "
    "months learning it. I said so in the planning doc with the estimate. They took it, shipped in "
    "six weeks, and my promotion came a cycle later than it might have. I'd make the same call: "
    "the work should go where it's cheapest for the company, not where it's best for my review."
)
LESSON = "What would you do differently if the same thing happened next month?"
WEIGHT = "What did you know then that you'd give less weight to now, or the other way round?"


def test_the_qa_exchanges_are_not_probed_again_for_what_the_reply_gave():
    # The main answer's own principle is heard, and "I'd ask ..." answers the hindsight probe.
    first = _next(STORY_Q.text, SELF_OVER_SELF)
    assert first.gap != "no_principle"
    after = _next(STORY_Q.text, SELF_OVER_SELF, ("no_reflection", LESSON, HINDSIGHT[0]))
    assert after.gap not in ("no_reflection", "no_principle")
    recognition = (
        "The deploy-correlation Slack bot I built got popular, and when our VP mentioned it in an "
        "all-hands she credited me. But the part that made it useful, the ranking of likely "
        "deploys, was written by Tomas, a junior engineer, in his second month. I messaged the VP "
        "that afternoon with a short note on who built what, and asked Tomas to present it at the "
        "next engineering review. He did, and it was part of his promotion packet a year later. I "
        "think credit should follow the work exactly, because people repeat what gets noticed."
    )
    result = _next("Tell me about a time you made sure a colleague got the recognition.",
                   recognition, ("no_outcome", "What changed as a result, and how would you "
                                 "measure it?", OUTCOMES[0]))
    assert result.gap != "no_outcome"
    curiosity = (
        "I taught myself how video codecs work, AV1 in particular, after watching a talk about "
        "film grain synthesis. I read the spec sections on it, encoded the same clip at three "
        "bitrates with and without grain synthesis, and measured VMAF. At low bitrates grain "
        "synthesis saved about 20 percent of bits at the same score. It had nothing to do with my "
        "job, but last month I was able to follow an encoding team's design review and ask a "
        "useful question about device decode support."
    )
    question = ("Tell me about something you taught yourself recently out of curiosity rather "
                "than because the job required it.")
    assert _next(question, curiosity).gap == "no_principle"
    cared = _next(question, curiosity, ("no_principle", "What does that story say about what "
                                        "you care about at work?", PRINCIPLES[0]))
    assert cared.gap != "no_principle"


GENERIC = [
    "I'm someone who likes a challenge, so I often volunteer for the hard projects. People "
    "usually doubt them at first but I work hard and stay positive and things generally come "
    "together. I'm a team player and I think that attitude helps everyone.",
    "um honestly I'm the type of person who loves a challenge you know so I often take the "
    "projects nobody else wants and I'm a hard worker so it tends to work out",
    "I thrive on challenges. I'm a team player and a problem solver, and I think people see that "
    "I give it my all on every project I take on, even when others doubt it.",
]


@pytest.mark.parametrize("answer", GENERIC)
def test_a_generic_answer_is_asked_for_an_example_before_its_principle(answer):
    question = "Tell me about a time you took on a project that most people thought would fail."
    assert _next(question, answer).gap == "no_example"


def test_a_real_story_that_says_team_player_is_not_asked_for_an_example():
    story = (
        "I'm a team player, but last spring I was the one who said no to the March launch of our "
        "billing page. I pulled the refund failure rate from staging, 4 percent, wrote a one-page "
        "doc, and asked my director for two more weeks. We launched ten days later and refund "
        "failures dropped to 0.1 percent."
    )
    question = "Tell me about a time you took on a project that most people thought would fail."
    assert _next(question, story).gap != "no_example"
