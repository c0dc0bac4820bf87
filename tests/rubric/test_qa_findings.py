"""What a QA tester found trying the interviewer by hand, each reproduced and now read right."""

from __future__ import annotations

from interviewer.brains.base import AnswerContext, MoveContext
from interviewer.rubric.content import default_content
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.signals import outcome, read_signals
from interviewer.rubric.spoken import clauses
from interviewer.session.events import PlannedQuestion

STORY_Q = PlannedQuestion(id="q", text="Tell me about a time you disagreed with your manager.",
                          values=["Courage"], topic="disagreement")
FEEDBACK_Q = PlannedQuestion(id="f", text="Tell me about feedback that changed how you work.",
                             values=["Communication"], topic="feedback")


MANAGER = default_content().stages["manager"]

def _follow_up(answer: str, gap: str):
    context = AnswerContext(stage="manager", question=STORY_Q, asked="What principle?",
                            answer=answer, kind="follow_up", gap=gap)
    return score_answer(context, default_content())


def test_a_value_named_in_reply_to_the_principle_probe_is_a_principle_on_its_own_line():
    for answer in (
        "The value was courage: I said the uncomfortable thing early, in writing.",
        "Candor with care: feedback only helps if the person can hear it.",
        "Ownership, I suppose. Freedom and responsibility.",
    ):
        scored = _follow_up(answer, "no_principle")
        assert scored.signals.named_principle, answer
        assert scored.signals.principle_quote
    # Without the probe's gap the same short line is not taken as a principle by default.
    assert not _follow_up("Ownership, I suppose.", "no_outcome").signals.named_principle


def test_reflection_in_the_words_people_use():
    for text in (
        "I gave too much weight to speed of review; now I care more about how it lands.",
        "I'd now set a review date up front.",
        "I'd now ask for that feedback every quarter.",
        "If I started again I'd sit with the support team in week one.",
        "If I had it to do over, I'd have split the migration in two.",
    ):
        signals = read_signals(text, stage=MANAGER, question=STORY_Q, keywords=[])
        assert signals.reflection, text
    for text in ("I wrote the doc and sent it.", "If I started the project, I'd own it."):
        plain = read_signals(text, stage=MANAGER, question=STORY_Q, keywords=[])
        assert not plain.reflection, text


def test_the_outcome_quote_is_the_result_not_the_candidates_step_or_hindsight():
    text = (
        "Last spring my manager wanted to launch the billing page before the holidays. I "
        "thought the refund flow wasn't ready. I wrote a one-page doc with the failure rate "
        "from our staging tests, which was 4 percent, and asked for two more weeks.\nWe delayed "
        "by ten days, the failure rate dropped to 0.1 percent, and we launched. Looking back, I "
        "would have raised it a week earlier."
    )
    assert "dropped to 0.1 percent" in outcome(clauses(text))
    feedback = (
        "A peer told me my code reviews were curt. I asked two others, they agreed, so I "
        "started writing one line of what's good first. Three months later review "
        "satisfaction went from 3.1 to 4.2. I'd now ask for that feedback every quarter."
    )
    assert "went from 3.1 to 4.2" in outcome(clauses(feedback))


def test_a_heavy_mentorship_request_counts_against_the_candidate_even_after_a_good_follow_up():
    from interviewer.brains.base import TurnView
    from interviewer.rubric.voting import vote
    from interviewer.session.events import PlannedInterview

    question = PlannedQuestion(id="r", text="What would you want to work on here?",
                               values=["Judgment"], topic="general")
    plan = PlannedInterview(stage="recruiter", interviewer_id="x", interviewer_name="X",
                            interviewer_role="recruiter", questions=[question])
    turns = [
        TurnView(turn=1, kind="question", asked=question.text, answer=(
            "Video delivery at scale. But honestly I'd need a lot of hand-holding at first, "
            "I'd want a mentor who sets my priorities every week.")),
        TurnView(turn=2, kind="follow_up", asked="How would you operate with little structure?",
                 gap="mentorship_structure", answer=(
                     "I'd find the people who own the systems, read the design docs, and pick "
                     "one small problem to ship in my first month. At Shopify I joined with no "
                     "onboarding plan and shipped a retry fix in week three.")),
    ]
    cast = vote(plan, turns)
    assert any("culture-fit" in r for r in cast.reasons)
    assert cast.vote in ("no", "strong no") and not cast.keeper


def test_a_yes_is_always_a_keeper_and_a_no_never():
    from interviewer.brains.base import TurnView
    from interviewer.rubric.voting import vote
    from interviewer.session.events import PlannedInterview

    plan = PlannedInterview(stage="manager", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", questions=[STORY_Q, FEEDBACK_Q])
    story = ("Last spring my manager wanted to launch before the holidays. I wrote a one-page "
             "doc with the 4 percent failure rate and asked for two weeks. We delayed ten days "
             "and failures dropped to 0.1 percent. I was acting on candor.")
    for answers in ([story, "I don't know."], [story, story]):
        turns = [TurnView(turn=i, kind="question", asked=q.text, answer=a)
                 for i, (q, a) in enumerate(zip(plan.questions, answers, strict=True))]
        cast = vote(plan, turns)
        assert cast.keeper == (cast.vote in ("yes", "strong yes"))
        assert cast.reasons[0].startswith("mean of 2 exchange scores")


CDN = ("I'd design it with a CDN, so, like, edge caches close to users, and an origin behind "
       "them. Videos are chunked into segments, maybe four seconds each, in several bitrates, "
       "and the player does adaptive bitrate. For the popular titles you pre-position content "
       "on the edge overnight, Open Connect style. Cache hit ratio is the main metric, and I'd "
       "watch p99 start-up time.")
TEAM_STORY = ("My best team was checkout payments at Shopify in 2022, six engineers. What made "
              "it work was that every design got a one-page doc and a named owner, and we "
              "reviewed them on Tuesdays. I pushed for that after a rollout went wrong. Our "
              "incident count fell from nine a quarter to two.")


def test_an_answer_to_another_question_scores_below_an_on_topic_one_and_is_brought_back():
    from interviewer.brains.base import TurnView
    from interviewer.rubric.probing import next_move

    content = default_content()
    bank = content.find_question("rec-environment-8")
    question = PlannedQuestion(id=bank.id, text=bank.text, values=bank.values, topic=bank.topic)

    def scored(answer):
        return score_answer(AnswerContext(stage="recruiter", question=question,
                                          asked=question.text, answer=answer), content)
    assert scored(CDN).overall < scored(TEAM_STORY).overall
    assert not scored(CDN).signals.addresses_question  # "content" is not "context"
    move = next_move(MoveContext(stage="recruiter", question=question,
                     exchange=[TurnView(turn=1, kind="question", asked=question.text,
                                        answer=CDN)], follow_ups_left=2, variant=0), content)
    assert move.gap == "off_question" and question.text in move.text


def test_an_outcome_said_as_from_this_to_that_or_afterwards_is_an_outcome():
    # QA 2026-12-02: a strong spoken story was probed "What changed as a result, and how would
    # you measure it?" though it said both its before-and-after and what held afterwards.
    story = (
        "In twenty twenty three our recommendation pipeline kept missing its nightly deadline. I "
        "owned the fix: I profiled it, found two stages re-reading the same forty terabytes, and "
        "merged them, cutting runtime from nine hours to three. I chose that over buying more "
        "cluster because the principle I work by is fix the cause before paying for the "
        "symptom. Afterwards the pipeline never missed a deadline in six months."
    )
    found = outcome(clauses(story))
    assert found and ("nine hours to three" in found or "six months" in found)
    assert outcome(clauses("Afterwards the pipeline never missed a deadline in six months."))
    # Numbers that only set the scene are still not an outcome.
    assert not outcome(clauses("We had forty terabytes and nine engineers on the team."))


def test_a_pay_figure_as_whisper_writes_it_is_a_number():
    # QA 2026-12-02, spoken on the virtual microphone: "two hundred and ten thousand dollars"
    # came back from tiny.en as "200 and 10,000 dollars" and was read as no number at all.
    from interviewer.rubric.signals import compensation

    said = ("I'm aiming for about 200 and 10,000 dollars in total, based on levels dot FYI "
            "later for senior major engineers and a competing offer I expect next week.")
    assert compensation(said) == "number_with_source"
    assert compensation("Something like 185,000, going by an offer I have.") == \
        "number_with_source"
    assert compensation("I'm flexible, whatever is fair.") == "flexible"


def test_a_value_named_as_the_stories_principle_is_evidence_for_it():
    # QA 2026-12-02: all nine values read "insufficient evidence" for a story that named its
    # principle in a sentence of its own, beside the action.
    from interviewer.rubric.signals import sentences, value_evidence

    values = default_content().values

    def evidence(text: str) -> dict[str, int]:
        return {e.value: e.score for e in value_evidence(sentences(text), values) if e.score}

    assert evidence("I went to the director the same morning and showed her the error budget. "
                    "The principle I was acting on was courage.") == {"Courage": 3}
    assert "Integrity" in evidence("My principle was integrity. I called the customer myself "
                                   "and explained what we had broken.")
    # Named without an action beside it, or in a list of value names, it is still nothing.
    assert evidence("The principle I was acting on was courage.") == {}
    assert "Courage" not in evidence("My principles are courage, judgment and integrity. "
                                     "I worked on the payments team.")


def test_a_long_question_quoted_in_the_vote_is_cut_at_a_word():
    """QA: the vote read 'worst "Tell me about a time ... frustra..." 23'."""
    from interviewer.brains.base import TurnView
    from interviewer.rubric.voting import vote
    from interviewer.session.events import PlannedInterview

    long_q = PlannedQuestion(id="l", text="Tell me about a time a colleague did something "
                             "that frustrated you, and what you did about it.",
                             values=["Inclusion"], topic="conflict")
    plan = PlannedInterview(stage="manager", interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", questions=[long_q, FEEDBACK_Q])
    answers = ["I don't really know.", "My lead told me my updates were too long, so now I "
               "open with the decision and the number, and my reviews got shorter."]
    turns = [TurnView(turn=i, kind="question", asked=q.text, answer=a)
             for i, (q, a) in enumerate(zip(plan.questions, answers, strict=True))]
    reason = vote(plan, turns).reasons[0]
    quoted = [part for part in reason.split('"')[1::2] if part.endswith("...")]
    assert quoted, reason
    for part in quoted:
        cut = part.removesuffix("...")
        whole = next(q.text for q in plan.questions if q.text.startswith(cut))
        assert whole[len(cut)] == " " or cut.endswith((",", ".")), part
