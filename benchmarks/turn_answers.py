"""The spoken answers of the end-of-turn benchmark (`turn_taking.py`): sentence sets and voices.

`dev` tuned the rules in interviewer/live/last_word.py and dangling.py; `holdout` was written
after them and kept out of tuning until it showed one rule missing; `blind` and `blind2` were
written without sight of the rules or the other sets (`blind` then showed three more rules
missing; `blind2` is the one still unseen).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

FINISHED = [
    "I decided to roll back the launch, because the error rate was hurting members.",
    "We shipped it a week later with the fix, and the numbers held.",
    "In the end I told my manager what I had done and why.",
    "So the principle for me was candour, even when it was uncomfortable.",
    "I learned to ask for dissent much earlier in the project.",
    "That is why I still write a short memo before every big decision.",
    "We moved the team to weekly releases and the incidents went down.",
    "I took ownership of the migration and finished it by the end of the quarter.",
    "My recommendation was to keep the old system running for one more month.",
    "The customer was happy, and we kept the contract.",
]
UNFINISHED = [
    ("The reason I made that call myself, instead of waiting for my manager, was",
     "that the launch window closed that night."),
    ("What I should have done differently, looking back, is", "to ask the data team first."),
    ("The first thing I did when I saw the numbers was", "to call the on-call engineer."),
    ("And the part that worried me most about the plan was", "the migration of old accounts."),
    ("So I went to the director and I said that we", "should delay the launch by a week."),
    ("We looked at the dashboards and", "saw the latency creeping up every evening."),
    ("The metric I trusted most in the end was the", "share of members who finished a title."),
    ("I wrote a one page memo for", "the leadership team that same afternoon."),
    ("My manager disagreed at first, and honestly,", "she had a fair point about the risk."),
    ("If I had to pick the single biggest lesson, it would be", "to share context early."),
]
# Written after the thresholds in live/last_word.py and live/dangling.py were set, and never
# used to tune them (`--set holdout`): a rule that only fits the sets above shows here.
HOLDOUT_FINISHED = [
    "I paused the rollout and wrote to the partner teams that morning.",
    "We cut the cost of the pipeline by about a third.",
    "She told me my updates were too long, so now I lead with the decision.",
    "The experiment showed no lift, and we dropped the feature.",
    "I still think it was the right trade-off.",
    "We hired two engineers and the backlog cleared in a month.",
    "My biggest mistake was not asking the support team sooner.",
    "The outage lasted forty minutes and nobody lost their data.",
    "I would make the same decision again.",
    "After that review I started sharing drafts much earlier.",
]
HOLDOUT_UNFINISHED = [
    ("The hardest part of telling the director was", "admitting that I had missed the signs."),
    ("I wanted to push back, but", "I did not have the numbers yet."),
    ("What changed my mind in the end was the", "feedback from two of our biggest partners."),
    ("We had about three weeks left and", "the vendor kept slipping their dates."),
    ("So I sat down with the tech lead of the", "payments team and we rewrote the plan."),
    ("The thing I would tell my younger self is", "to ask for help much sooner."),
    ("I think the real reason it failed was that", "nobody owned the final decision."),
    ("Before the launch I spent a whole week on", "load tests with the platform team."),
    ("Our churn numbers looked fine until", "we split them by country."),
    ("If I am honest, my first reaction to the feedback was", "to defend myself."),
]
# Written by a helper session that saw neither the rules nor the sets above (`--set blind`),
# after the rules were last changed on what the held-out sets showed (their "spent a whole week
# on" led to "on" dangling). Its first runs then showed three rules missing (numbers as words,
# "the right thing to do.", "explained that"), so it is no longer unseen either: `blind2` is.
BLIND_FINISHED = [
    "In the end we shipped it two weeks late, but nobody lost a customer.",
    "Looking back, I'd still make the same call if it came up again.",
    "My manager disagreed at first, but after seeing the data she signed off.",
    "So I told the team the truth, and honestly they respected me more for it.",
    "By the end of the quarter, churn had dropped from nine percent to four.",
    "We tried a smaller pilot instead, and it worked.",
    "I didn't agree with the decision, but I committed to it and moved on anyway.",
    "That feedback stung, but it's the most useful thing anyone has ever told me.",
    "We spent three months on the rewrite before we finally gave up.",
    "The lesson for me was to ask for help much earlier.",
    "It wasn't the outcome I wanted, but it was the right thing to do.",
    "If I'm honest, the failure was mine, not the team's.",
]
BLIND_UNFINISHED = [
    ("So I went to my manager and explained that",
     "the timeline simply wasn't realistic anymore."),
    ("The main reason I pushed back was", "that we had no user data at all."),
    ("We had about two weeks left before the", "launch, and the tests kept failing."),
    ("I scheduled a one-on-one with the designer because",
     "I didn't want to embarrass her publicly."),
    ("The feedback I got from my director's", "peer review was pretty hard to hear."),
    ("The part I'm least proud of is that I should have", "raised the issue much earlier."),
    ("When the first results came back from the experiment,",
     "they were much worse than we expected."),
    ("I spent most of that week talking to", "every engineer who had touched the code."),
    ("Honestly, at the time I think I underestimated",
     "how much the sales team depended on us."),
    ("We ended up rolling back the whole release, which", "cost us a lot of trust."),
    ("For a few days I honestly wasn't sure whether", "I should escalate it or not."),
    ("So we launched with a manual process instead of",
     "waiting for the full automation to be built."),
]
# Written by a helper session that saw neither the rules nor the sets above (`--set blind`),
# after the rules were last changed on what the held-out sets showed (their "spent a whole week
# on" led to "on" dangling). Its first runs then showed three rules missing (numbers as words,
# "the right thing to do.", "explained that"), so it is no longer unseen either: `blind2` is.
BLIND_FINISHED = [
    "In the end we shipped it two weeks late, but nobody lost a customer.",
    "Looking back, I'd still make the same call if it came up again.",
    "My manager disagreed at first, but after seeing the data she signed off.",
    "So I told the team the truth, and honestly they respected me more for it.",
    "By the end of the quarter, churn had dropped from nine percent to four.",
    "We tried a smaller pilot instead, and it worked.",
    "I didn't agree with the decision, but I committed to it and moved on anyway.",
    "That feedback stung, but it's the most useful thing anyone has ever told me.",
    "We spent three months on the rewrite before we finally gave up.",
    "The lesson for me was to ask for help much earlier.",
    "It wasn't the outcome I wanted, but it was the right thing to do.",
    "If I'm honest, the failure was mine, not the team's.",
]
BLIND_UNFINISHED = [
    ("So I went to my manager and explained that",
     "the timeline simply wasn't realistic anymore."),
    ("The main reason I pushed back was", "that we had no user data at all."),
    ("We had about two weeks left before the", "launch, and the tests kept failing."),
    ("I scheduled a one-on-one with the designer because",
     "I didn't want to embarrass her publicly."),
    ("The feedback I got from my director's", "peer review was pretty hard to hear."),
    ("The part I'm least proud of is that I should have", "raised the issue much earlier."),
    ("When the first results came back from the experiment,",
     "they were much worse than we expected."),
    ("I spent most of that week talking to", "every engineer who had touched the code."),
    ("Honestly, at the time I think I underestimated",
     "how much the sales team depended on us."),
    ("We ended up rolling back the whole release, which", "cost us a lot of trust."),
    ("For a few days I honestly wasn't sure whether", "I should escalate it or not."),
    ("So we launched with a manual process instead of",
     "waiting for the full automation to be built."),
]
# Written like `blind`, after those three rules, by another session that saw nothing here.
BLIND2_FINISHED = [
    "By the end of the quarter we'd brought the error rate down to 3%.",
    "I stopped writing the roadmap alone and started writing it with them.",
    "In the end, the final call on the schema was hers, not mine.",
    "That incident taught me to raise my hand much earlier.",
    "Looking back, I honestly just didn't know what to do.",
    "Once the numbers were on the table, the director came around.",
    "Shipping it half-baked was a mistake, and I learned that the hard way.",
    "Does that answer what you were looking for, or should I go deeper?",
    "Yes, I would.",
    "Candidly, the team deserved a clearer explanation than the one I gave.",
    "The p99 latency dropped from about eight hundred milliseconds to under two hundred.",
    "I'd still push back on that decision today, just more diplomatically.",
    "I didn't agree with the decision, but I fully committed to it.",
    "What I took away is that candour only works on a foundation of trust.",
]
BLIND2_UNFINISHED = [
    ("So I scheduled a one-on-one with", "the tech lead from the payments team."),
    ("The first thing I did was write up a", "short doc comparing the three options."),
    ("Honestly, in hindsight, I probably should", "have flagged the risk much sooner."),
    ("What I eventually told her was that", "the deadline simply wasn't realistic anymore."),
    ("We ended up choosing Postgres over Dynamo, which", "turned out to save us months."),
    ("I pushed back on the full rewrite because",
     "the old system was stable and well understood."),
    ("The outage was eventually traced back to my", "own config change from the night before."),
    ("The migration itself ended up taking about two", "months longer than we had planned."),
    ("Within a week the new pipeline was running faster than",
     "anything we had benchmarked in staging."),
    ("Giving that feedback to a peer was a really difficult", "thing for me to do at first."),
    ("So I went and partnered with the person who", "had originally built the scheduler."),
    ("In that project I owned the design, the rollout, and",
     "the on-call rotation for the first month."),
    ("And that's when I realised", "we'd been tracking the wrong metric all along."),
    ("About halfway through the project, I disagreed with my manager",
     "about how much testing was enough."),
]
VOICES = ["en-us", "en-us+f3", "en-gb", "en-us+m3"]
HOLDOUT_VOICES = ["en-us+f2", "en-gb+m2", "en-us+m1", "en-gb-x-rp"]
PAUSES = [1.5, 2.0, 2.5, 3.0, 3.5, 4.0]
SETS = {
    "dev": (FINISHED, UNFINISHED, VOICES),
    "holdout": (HOLDOUT_FINISHED, HOLDOUT_UNFINISHED, HOLDOUT_VOICES),
    "blind": (BLIND_FINISHED, BLIND_UNFINISHED, HOLDOUT_VOICES),
    "blind2": (BLIND2_FINISHED, BLIND2_UNFINISHED, HOLDOUT_VOICES),
}


def espeak(text: str, voice: str, path: Path, rate: int = 165) -> np.ndarray:
    from interviewer.live.wav import read_wav, resample

    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text],
                   check=True, capture_output=True)
    samples, sample_rate = read_wav(path)
    return resample(samples, sample_rate)


def answer_set(folder: Path, count: int, name: str = "dev") -> list[tuple[Path, float | None]]:
    """(WAV, thinking pause or None) for `count` answers, a third of them with a pause, from the
    set `name` (one of SETS)."""
    from interviewer.live.wav import save_wav
    from interviewer.session.ports import Audio

    finished, unfinished, voices = SETS[name]
    answers = []
    for index in range(count):
        voice = voices[index % len(voices)]
        lead = np.zeros(4000, np.float32)
        if index % 3 == 2:
            first, rest = unfinished[(index // 3) % len(unfinished)]
            pause = PAUSES[(index // 3) % len(PAUSES)]
            speech = [espeak(first, voice, folder / "a.wav"), np.zeros(int(pause * 16_000),
                                                                       np.float32),
                      espeak(rest, voice, folder / "b.wav")]
        else:
            pause = None
            speech = [espeak(finished[(index - index // 3) % len(finished)], voice,
                             folder / "a.wav")]
        samples = np.concatenate([lead, *speech, np.zeros(1600, np.float32)]) * 0.7
        answers.append((save_wav(folder / f"answer_{index:02d}.wav", Audio(samples)), pause))
    return answers
