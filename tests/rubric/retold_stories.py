"""Spoken answers for the retold-story tests: the same story told twice in other words, and two
different stories that share the vocabulary of work (a team, a deadline, a manager, an incident).

Each pair is (first telling, second answer). The second answers of SAME were written as a
candidate retells a story to a new question: the framing and the ordinary words change, the
names, systems, numbers and events stay. The pairs of DIFFERENT come from one candidate's career,
so they share the company, the job and the kind of event, but not the situation.
"""

from __future__ import annotations

# Two retellings of tests.support.STRONG_STORY (the playback rollback), as answers to other
# questions: each is as strong as the first telling.
RETOLD_STRONG_STORY = [
    "So, um, the clearest one is the playback rollback. After a release our error rate had "
    "doubled, twelve percent of sessions were failing across three regions, and my director "
    "wanted to wait for the weekly review before touching it. I disagreed, and I told him so "
    "directly, because I believe whoever has the most context should make the call and then own "
    "it. I rolled the release back myself, and within two hours failures were under one percent. "
    "I wrote the incident review afterwards. Looking back, I'd push harder on the canary: a "
    "single region wasn't enough, so now I insist on two regions.",
    "I'd pick the playback release we rolled back. Twelve percent of sessions failing, in three "
    "regions, the error rate doubled overnight. I made the decision to roll it back myself "
    "instead of waiting a week for the review, and I owned telling my director. We went from "
    "twelve percent failures to under one percent in two hours. The principle for me was that "
    "the person with the most context makes the call. In hindsight the weak spot was our "
    "single-region canary, so I changed our rollout to a two-region canary.",
]

SAME = {
    "kafka-migration": (
        "So um last spring I had to decide whether to move our order events off the old "
        "RabbitMQ cluster onto Kafka before the holiday peak. The platform group wanted it done "
        "by October. We'd had two incidents where consumer lag hit forty minutes, and when I dug "
        "in, it was one consumer doing synchronous database writes, not the broker. So I chose a "
        "two week fix to batch those writes and pushed the migration to January. Through peak "
        "we had zero lag incidents, down from about six pages a month. Looking back I'd have put "
        "a committed date on the migration, because it slipped to April.",
        "Yeah so, the one that comes to mind is with our platform lead. He really wanted the "
        "Kafka move, getting off RabbitMQ, finished by October, before the holidays. And I, I "
        "pushed back, because I'd gone through the traces from those lag incidents, the forty "
        "minute ones, and the broker wasn't the problem, it was this one consumer writing to the "
        "database synchronously. So I wrote him a page saying let's batch the writes now and "
        "do the migration in January. He wasn't happy but he went with it, and we got through "
        "peak without a single lag page. What I'd do differently is get a date for the "
        "migration agreed, because it ended up slipping to April.",
    ),
    "priya-credit": (
        "Um, so at my last job we had a new engineer, Priya, join the payments team, and she "
        "found the bug in the refund reconciliation job that had been double counting about "
        "three hundred refunds a week. In the demo to the VP, my manager started thanking me, "
        "and I stopped him and said Priya found it and she wrote the fix, I just reviewed it. "
        "I believe the person who did the work should hear it in the room. She got asked to "
        "lead the follow-up work on the reconciliation service.",
        "So, yeah, there was Priya, she'd just joined us on payments. I paired with her for her "
        "first couple of weeks, and the thing she picked up was the refund reconciliation job, "
        "which was, it was counting some refunds twice, like three hundred a week or so. She "
        "found the root of it herself and she wrote the fix, and when it came up in the VP demo "
        "I made sure everyone knew it was her and not me. After that she ended up owning the "
        "reconciliation service.",
    ),
    "autoplay-previews": (
        "Okay so um, we ran an A/B test on autoplay previews on the TV home page and the data "
        "said it lifted plays by about two percent. But my instinct said something was off, "
        "because support tickets from older members about noisy previews had tripled. So I dug "
        "into members over sixty five and their viewing hours had dropped eleven percent. I "
        "went with holding the launch for that segment, and we shipped an off switch in "
        "settings first. Hours recovered within a month.",
        "Hmm, I'd say the autoplay thing. The previews on the TV home screen, the experiment "
        "looked like a win, two percent more plays, so the team wanted to ship it to everyone. "
        "And I said no, not yet, because our members over sixty five were, they were watching "
        "eleven percent fewer hours and complaining about the noise, the ticket volume had like "
        "tripled. So I insisted we build a setting to turn previews off before the rollout. We "
        "did, and within about a month those hours came back.",
    ),
    "brazil-ttl": (
        "So this was, um, two years ago. I pushed a config change for the Brazil region that "
        "set the cache TTL to one second instead of one hour, a typo, basically. Nobody noticed "
        "at first because traffic was low overnight. The next morning I saw our origin load had "
        "gone up like eight times, so I rolled it back, and then I wrote it up in the incident "
        "channel myself and said it was my change. We added a linter for TTL values after that.",
        "Right, so, I'll go with the TTL one. I shipped a configuration push for Brazil where "
        "the TTL on the cache was meant to be an hour and I typed it as a second. It was late, "
        "traffic was quiet, so nothing alerted. When I came in I saw the origin servers taking "
        "about eight times their normal load, and I reverted it and posted in the incident "
        "channel that it was me. Then I added a lint check so a TTL under a minute gets flagged.",
    ),
    "subtitle-drift": (
        "Honestly, it's debugging timing stuff. Like, um, last month our subtitle files for the "
        "Korean catalogue were drifting out of sync after the encoder upgrade, by about half a "
        "second per hour of video. Nobody had asked me to look, but I stayed up till two "
        "writing a script that compared the cue timestamps against the audio track, and it "
        "turned out the new encoder was dropping frames on the twenty three nine seven six "
        "content. I sent the script to the encoding team and they patched it that week.",
        "Yeah so when I've had that kind of freedom, the clearest time was the subtitle drift "
        "thing. After we upgraded the encoder, the Korean subtitles slowly went out of sync, "
        "half a second every hour or so. No one owned it, so I just, I took it on, I wrote this "
        "little tool that lined up the subtitle cues with the audio and it showed the encoder "
        "was dropping frames. Handed it over to the encoding folks and they had a patch out "
        "within the week.",
    ),
}

DIFFERENT = {
    "two-deadlines": (
        "So we had a hard deadline for the Android release, it was tied to a marketing "
        "campaign, and about three weeks out the team was clearly behind. I went through the "
        "scope with my manager and I made the call to cut offline mode from the release, "
        "because it was the riskiest piece and the fewest customers would miss it. We hit the "
        "date, and offline mode shipped a month later.",
        "Um, my manager gave the team a deadline for the quarterly planning doc, like end of "
        "the week, and I pushed back on the date, because the customer survey results weren't "
        "in yet and we'd be planning blind. I asked for one more week and cut the scope of the "
        "doc to the three biggest bets. The survey actually changed our top priority from "
        "search to parental controls, so the team was working on the right thing that quarter.",
    ),
    "same-company": (
        "At Shopify, on the checkout team, our CI was red about thirty percent of the time "
        "because of flaky tests, and people just re-ran builds. I built a little bot that "
        "quarantined a test after it flaked three times and opened a ticket for the owning "
        "team. Within a month red builds were down to five percent, and the engineers on "
        "checkout basically stopped re-running.",
        "So at Shopify, checkout again, a designer on the team, Lena, had this idea for a "
        "one-page checkout, and the engineers kind of brushed it off in standup. I invited her "
        "to the architecture review and asked her to walk us through the research, the drop "
        "off numbers on the shipping step. We prototyped it within a month, and conversion went "
        "up by about a point and a half.",
    ),
    "two-incidents": (
        "So it was Black Friday, I was on call, and I got paged because the primary database "
        "in us-east started timing out and customers couldn't check out. The replica was "
        "lagging by about ninety seconds, so a rollback to the replica meant losing orders. I "
        "made the call to throttle the recommendation traffic instead and keep the primary up. "
        "In the postmortem I pushed for load shedding by default, and we built it the next "
        "quarter.",
        "Um, I was on call one night and got paged at three in the morning, customers couldn't "
        "log in anywhere. It turned out a TLS certificate had expired and nobody owned the "
        "renewal, so there was nothing to roll back. I rotated it by hand and got logins back "
        "in about forty minutes, and in the postmortem I took the action item to automate "
        "renewals. We moved every certificate to auto renewal with alerts thirty days out.",
    ),
    "two-feedbacks": (
        "The most useful feedback was from my manager, she told me my design docs were too long "
        "and nobody on the team read past page two. So I started writing a one page doc with "
        "the decision and the options at the top, and the detail in an appendix. Reviews went "
        "from two weeks to about three days, and people on the team actually commented.",
        "So a peer gave me feedback, pretty bluntly, that I interrupted people in design "
        "reviews, especially the newer folks on the team. I hadn't noticed. I started waiting a "
        "few seconds before I speak and I ask the quietest person in the room first. In the "
        "next retro two of the new hires said they felt more comfortable raising things in "
        "reviews.",
    ),
    "two-mentees": (
        "I mentored an intern, Jamal, on the search ranking project. He was stuck for a week on "
        "the evaluation pipeline, so I paired with him and we broke it into small pieces, and "
        "I made him present the results himself at the team review. He got a return offer and "
        "his ranking change went to production.",
        "There was a new grad on my team, Sofia, who was really quiet in code reviews. I "
        "started pairing with her twice a week on the billing dashboard, and I asked her to "
        "present the design for the invoice export at the team review. By the end of the "
        "quarter she was the one reviewing other people's pull requests on billing.",
    ),
    "same-project": (
        "So um last spring I had to decide whether to move our order events off the old "
        "RabbitMQ cluster onto Kafka before the holiday peak. We'd had two incidents where "
        "consumer lag hit forty minutes, and it turned out to be one consumer doing synchronous "
        "writes, not the broker. So I chose a two week fix to batch those writes and pushed the "
        "migration to January. Through peak we had zero lag incidents.",
        "When we finally did the Kafka migration, I had Tom, who'd joined six months before, "
        "run the cutover. He'd never led anything that size, so I sat in on his plan review and "
        "suggested a shadow period where every consumer read from both systems and we compared "
        "the counts every night. He "
        "found a duplicate key bug in the third night of the shadow run, fixed it, and led the "
        "cutover himself. I stayed off the call on purpose.",
    ),
    "same-colleague": (
        "I disagreed with Marco, our staff engineer, about rewriting the recommendations "
        "service in Go. He wanted the rewrite, I thought the latency problem was the feature "
        "store lookups. I ran a profile over a week of traffic and the lookups were seventy "
        "percent of the p99, so we cached them and the p99 went from eight hundred to two "
        "hundred milliseconds without a rewrite.",
        "Marco and I ran the on-call rotation for the recommendations team together, and the "
        "handoffs were a mess, people forgot open issues over the weekend. I proposed a written "
        "handoff note in the channel every Monday and Friday, with the open pages and who owns "
        "them. Marco was skeptical, but after a month the reopened pages had halved and he "
        "started writing the notes himself.",
    ),
}
