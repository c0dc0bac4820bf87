"""Probes that fit the round, the question and what was said (QA findings 5-8)."""

from __future__ import annotations

from interviewer.brains.base import MoveContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.probing import next_move
from interviewer.session.events import PlannedInterview, PlannedQuestion

CONTENT = default_content()
BEHAVIOURAL_PROBE_WORDS = ("most recent time", "particular occasion", "same call today",
                           "specific time", "looking back")


def _move(stage: str, question: str, answer: str, *, style: str = "behavioural",
          topic: str = "general", variant: int = 0, extra: list[TurnView] | None = None):
    planned = PlannedQuestion(id="q", text=question, values=["Judgment"], topic=topic)
    plan = PlannedInterview(stage=stage, interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", style=style, questions=[planned])
    views = [TurnView(turn=1, kind="question", asked=question, answer=answer), *(extra or [])]
    return next_move(MoveContext(stage=stage, question=planned, exchange=views,
                     follow_ups_left=2, variant=variant, interviewer=plan), CONTENT)


def test_technical_and_product_rounds_never_get_behavioural_probes():
    cases = [
        ("technical", "Design the video delivery path for a new region.", "design",
         "I'd use a CDN with edge caches and an origin behind them."),
        ("technical", "Find the top k most frequent words in a stream.", "coding",
         "I'd use a hash map and then loop over it."),
        ("onsite", "How would you decide whether to add a kids profile lock?", "product",
         "I would add it because parents want it and it seems useful."),
    ]
    for stage, question, style, answer in cases:
        for variant in range(4):
            move = _move(stage, question, answer, style=style,
                         topic="coding" if style == "coding" else "general", variant=variant)
            text = (move.text or "").lower()
            assert not any(w in text for w in BEHAVIOURAL_PROBE_WORDS), (question, move.text)


def test_recruiter_probes_what_the_question_is_for():
    pay = _move("recruiter", "What are your compensation expectations?",
                "I'm flexible, honestly. Whatever is fair for the role.", topic="compensation")
    assert pay.gap == "vague_compensation" and "flexib" in pay.text.lower()
    claim = _move("recruiter", "How would your colleagues describe you?",
                  "I think I'm pretty good with people. I communicate well.")
    assert claim.gap == "no_example"
    why = _move("recruiter", "Why are you looking to leave your current role?",
                "I want a new challenge and a great culture, and Netflix is a great company.")
    assert why.gap == "vague_motivation"
    for move in (pay, claim, why):
        assert "principle" not in move.text.lower() and "values" not in move.text.lower()


def test_the_principle_probe_is_not_always_the_same_words():
    story = ("Last year I moved our deploys to a single script after a failed release; I ran "
             "both for two weeks, then retired the checklist, and failed releases went to zero.")
    texts = {_move("manager", "Tell me about a process you simplified.", story,
                   variant=v).text for v in range(4)}
    assert len(texts) >= 2


def test_the_number_probe_mentions_flexibility_only_when_the_candidate_said_so():
    story = ("At my last job I took more stock because I believed in the product, and that "
             "worked out when we were acquired.")
    move = _move("recruiter", "How would you split salary and stock options?", story,
                 topic="compensation")
    assert move.gap == "vague_compensation" and "flexib" not in move.text.lower()
    hedge = _move("onsite", "What matters most in a team?", "Retention, I guess.")
    assert "side" not in (hedge.text or "").lower()


def test_non_answers_get_a_repeat_a_pause_a_polite_move_on_or_one_re_ask():
    question = "Tell me about a time you disagreed with your manager."
    repeat = _move("manager", question, "Sorry, could you repeat the question?")
    assert repeat.action == "follow_up" and repeat.gap == "clarify" and question in repeat.text
    pause = _move("manager", question, "Can I take a moment to think?")
    assert pause.gap == "thinking" and "time" in pause.text.lower() and question in pause.text
    declined = _move("manager", question, "I would rather not answer that.")
    # Acknowledged aloud, not pressed: the question is not asked again.
    assert declined.action == "next_question" and declined.gap == "declined"
    assert declined.text and question not in declined.text
    empty = _move("manager", question, "")
    assert empty.action == "follow_up" and empty.gap == "no_answer" and question in empty.text
    again = _move("manager", question, "", extra=[
        TurnView(turn=2, kind="follow_up", asked=empty.text, answer="", gap="no_answer",
                 probe_id=empty.probe_id)])
    assert again.action == "next_question"


def test_a_moment_to_think_is_given_after_a_follow_up_even_with_no_follow_ups_left():
    question = "Tell me about a time you disagreed with your manager."
    probe = "What would you do differently if the same thing happened next month?"
    planned = PlannedQuestion(id="q", text=question, values=["Judgment"], topic="general")
    views = [TurnView(turn=1, kind="question", asked=question, answer="A long story."),
             TurnView(turn=2, kind="follow_up", asked=probe, answer="Can I take a moment?",
                      gap="no_reflection", probe_id="lesson")]
    move = next_move(MoveContext(stage="manager", question=planned, exchange=views,
                     follow_ups_left=0, variant=0), CONTENT)
    assert move.action == "follow_up" and move.gap == "thinking" and probe in move.text


def test_a_vague_answer_about_the_years_ahead_is_not_asked_for_a_past_occasion():
    # QA 2026-12-02: "What kind of problem do you want to spend the next two years on?" answered
    # vaguely was probed "Pick the last time it actually happened", though nothing had happened.
    vague = ("I mean, it depends, there are lots of interesting problems out there and I'm open "
             "to whatever the team needs, I think I could be happy in a lot of places.")
    for question in (
        "What kind of problem do you want to spend the next two years on, and why this one?",
        "Imagine it is a year after you joined and it went really well. What did you do in "
        "that year?",
        "Two or three years from now, what do you want to be known for by the people you work "
        "with?",
        "Why now? What is happening in your current job or life that makes this the right time "
        "to move?",
    ):
        for variant in range(3):
            move = _move("recruiter", question, vague, topic="why_role", variant=variant)
            assert move.gap == "vague_motivation", (question, move.gap, move.text)


def test_a_pay_figure_given_to_a_career_question_is_brought_back_to_it():
    # QA 2026-12-02: "around 400k total" to a career question got the motivation probe.
    question = "Where has your career not gone the way you hoped, and what did you do about it?"
    move = _move("recruiter", question, "I'm looking for around 400k total.")
    assert move.gap == "off_question" and question in move.text


def test_a_specific_why_now_answer_is_not_asked_for_a_principle():
    # "...and why now?" asks about timing, not values: QA heard "What principle were you acting
    # on there?" after a specific, well-reasoned answer about the move.
    move = _move("recruiter", "What draws you to Netflix, and why now?",
                 "What pulls me is the culture memo. I've spent six years at a payments company "
                 "where every decision needed three sign-offs, and I want to work where engineers "
                 "get context instead of control. And the CDN work with Open Connect is exactly "
                 "the problem space I've been building toward for the last three years.")
    assert move.gap != "no_principle", move.text
    assert "principle" not in (move.text or "").lower()
