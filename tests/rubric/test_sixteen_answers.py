"""Sixteen realistic answers with an obvious gap: the first follow-up fits, and answering it well
raises the exchange's score without the short answer being flagged."""

from __future__ import annotations

import pytest

from interviewer.brains.base import AnswerContext, MoveContext, TurnView
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from interviewer.rubric.exchange import Turn, score_exchange
from interviewer.session.events import PlannedInterview, PlannedQuestion

STORY = (
    "Last spring our nightly billing export started failing about twice a week, and the on-call "
    "engineer had to rerun it by hand at two in the morning. I was the one who owned the job, "
    "so I traced the failures to a lock we took on the invoices table while finance ran "
    "reports. I moved the export to a read replica, added a retry with a backoff, and wrote a "
    "runbook. "
)
CASES = [
    # (stage, topic, question, answer, expected gap, a good answer to that probe)
    ("recruiter", "compensation", "What are your expectations for compensation?",
     "I'm flexible on pay, honestly. It's more about the role and the team for me.",
     "vague_compensation",
     "I'm aiming for about 420 thousand total, based on levels.fyi data and an offer I hold."),
    ("recruiter", "motivation", "What kind of environment helps you do your best work?",
     "I do best with a lot of structure and close mentorship, with someone to guide me step by "
     "step and check in with me daily while I learn the product, the codebase and the team.",
     "mentorship_structure",
     "At my last job nobody gave me a plan, so I read the incident history, asked three senior "
     "engineers what hurt most and shipped a fix for the worst alert in my second week."),
    ("onsite", "judgment", "Tell me about a time you made a decision with incomplete data.",
     "I generally try to gather as much data as I can and then use my judgment. You have to "
     "balance speed against being right, and it's important to involve the right people.",
     "no_example", STORY),
    ("onsite", "judgment", "Do you trust data or instinct more when they disagree?",
     "It really depends. Maybe data, maybe instinct, it's hard to say, there are pros and cons "
     "to both and I guess it could go either way depending on the situation and the team.",
     "hedging",
     "Data, in the end. I'd ship against my instinct when a test with enough users says so, "
     "and I'd run a longer test when my instinct disagrees, because instinct can't be checked."),
    ("manager", "decision", "Tell me about a call you made that others disagreed with.",
     STORY + "Failures dropped from two a week to zero and nobody was paged for it again.",
     "no_principle",
     "Reversibility: a replica I can switch back in five minutes beats a risky schema change, "
     "so when I am unsure I take the step I can undo."),
    ("manager", "feedback", "What's the most useful critical feedback you have had?",
     "My manager told me my design docs were too long and people stopped reading them before "
     "the decision. That was fair feedback and it was useful to hear it from her directly in "
     "our one to one, because nobody else had said it and it surprised me.",
     "no_behaviour_change",
     "I stopped writing background sections first and started putting the decision and its "
     "cost in the first three lines; reviews now come back in a day instead of a week."),
    ("onsite", "ownership", "Tell me about a project you drove to completion.",
     "We noticed the signup page was slow, so we profiled it, we found the image service was "
     "the bottleneck, we rewrote the resizing path and we shipped it in two sprints. We were "
     "happy with it, and our team presented it at the all hands afterwards in March.",
     "no_ownership",
     "The profiling and the rewrite of the resizing path were mine; I also convinced our "
     "lead to let me ship it behind a flag."),
    ("onsite", "impact", "Tell me about work you did that had real impact.",
     "I rebuilt our feature flag service after the old one kept timing out during deploys. I "
     "talked to the four teams using it, I wrote a design, I moved the reads to a local cache "
     "and I migrated every team myself over a month. I believed a flag service nobody trusts "
     "is worse than none, so I did the migrations by hand. Looking back I would have involved "
     "the other teams earlier.",
     "no_outcome",
     "Deploy timeouts went from about 30 a month to none, and flag reads dropped from 200 ms "
     "to under 5 ms."),
    ("onsite", "courage", "Tell me about a time you said something difficult to a senior person.",
     "In March our director wanted to launch the new checkout before the holidays. I told her "
     "in our review that the payment retries were untested and that I thought we should wait, "
     "because I believe a launch that loses orders costs more trust than a late one. We "
     "delayed two weeks, I tested the retries, and we launched with zero lost orders.",
     "no_reflection",
     "Today I would raise it a month earlier, in writing, instead of waiting for the review."),
    ("technical", "cdn", "How would you design the video delivery path for a new region?",
     "I'd put cache servers inside the internet providers' networks and fill them overnight "
     "with the titles we predict will be popular there. The clients get a ranked list of "
     "servers from a steering service and stream from the closest one. The origin in the "
     "cloud only serves cache misses.",
     "defend_decision",
     "Because the cheapest byte is one that never crosses a transit link, and filling caches "
     "off-peak uses bandwidth that is idle anyway, rather than paying transit at peak."),
    ("technical", "coding", "Design an LRU cache with constant time reads and writes.",
     "I'd use a hash map from key to node and a doubly linked list ordered by recency, "
     "because the map gives constant lookup and the list lets me move a node to the head "
     "in constant time. On a put when full I'd evict the tail node and remove its key.",
     "no_trade_off",
     "It costs two pointers per entry, about 16 bytes, instead of a singly linked list "
     "where eviction would be a linear walk; that memory is small next to the values."),
    ("technical", "streaming", "Design a service that counts the most watched titles per hour.",
     "I'd keep a hash map of title counts and a queue of events, pop events older than an hour "
     "from the front and decrement their counts, because that keeps the counts exact, rather "
     "than approximate sketches, and a heap over the counts gives the top k on request.",
     "no_scale",
     "At 300 thousand events a second an hour is a billion entries, so I'd keep 60 per-minute "
     "buckets per title and shard titles across 20 nodes."),
    ("technical", "resilience", "How would you make the playback API survive a region outage?",
     "I'd run the playback API active-active in three regions, because members should not "
     "notice which region serves them, rather than active-passive where the passive side "
     "is never really tested. Each region holds about a third of 200 million members' "
     "traffic at peak with headroom for 50 percent more.",
     "no_failure_mode",
     "When a region fails, DNS steering stops sending members there and clients retry the "
     "next region; the others absorb it because we keep that 50 percent headroom."),
    ("onsite", "communication", "Tell me about a time you had to explain something complex.",
     "Sort of, I mean, I kind of explain things a lot, maybe in design reviews, I guess it "
     "depends on who is listening, it's hard to say which time was the most complex.",
     "no_example", STORY),
    ("manager", "revisit", "Tell me about a decision you later revisited.",
     STORY + "I prioritised reliability over speed because a job that fails silently costs "
     "more than a slow one. Failures went from two a week to zero.",
     "no_reflection",
     "I should have moved it to the replica a year earlier, when the first failure happened."),
    ("recruiter", "environment", "People here get a lot of freedom and little process. Where "
     "might you find that hard?",
     "Honestly I don't see much I'd find hard. At my last two startups I set my own priorities, "
     "I led the billing migration last year with no spec, I chose the design and ran the "
     "rollout, and I got the freedom to work that way, which suits me well.",
     "no_self_awareness",
     "I'm still working on letting go of details; I tend to review every pull request myself, "
     "and I have to watch that it doesn't slow the team down."),
]


def _question(stage: str, topic: str, text: str) -> PlannedQuestion:
    topic = "coding" if topic == "coding" else topic
    return PlannedQuestion(id=f"case-{topic}", text=text, values=["Judgment"], topic=topic)


def _first_gap(brain: OfflineBrain, stage: str, question: PlannedQuestion, answer: str) -> str:
    views = [TurnView(turn=1, kind="question", asked=question.text, answer=answer)]
    plan = PlannedInterview(stage=stage, interviewer_id="x", interviewer_name="X",
                            interviewer_role="r", questions=[question])
    move = brain.next_move(MoveContext(stage=stage, question=question, exchange=views,
                                       follow_ups_left=2, variant=0, interviewer=plan))
    return move.gap or "none"


def test_the_first_follow_up_fits_at_least_fourteen_of_sixteen():
    brain = OfflineBrain(default_content())
    hits = [
        _first_gap(brain, stage, _question(stage, topic, q), answer) == gap
        for stage, topic, q, answer, gap, _ in CASES
    ]
    assert len(CASES) == 16
    assert sum(hits) >= 14, [c[4] for c, hit in zip(CASES, hits, strict=True) if not hit]


@pytest.mark.parametrize("case", CASES, ids=[c[4] + "-" + c[1] for c in CASES])
def test_answering_the_probe_well_raises_the_exchange_and_is_not_flagged(case):
    stage, topic, text, answer, gap, good = case
    content = default_content()
    brain = OfflineBrain(content)
    question = _question(stage, topic, text)
    context = AnswerContext(stage=stage, question=question, asked=text, answer=answer,
                            answer_seconds=content.stages[stage].answer_seconds)
    before = score_exchange([Turn("question", answer)], context, content).overall
    after = score_exchange([Turn("question", answer), Turn("follow_up", good, gap)], context,
                           content).overall
    assert after > before
    alone = brain.score(AnswerContext(stage=stage, question=question, asked="probe",
                                      answer=good, kind="follow_up"))
    bad = [f for f in alone.flags if any(w in f for w in ("unreadable", "evasive", "off topic",
                                                            "did not address"))]
    assert not bad
