"""Spoken ways of stating a working principle, and near-misses that state none.

Written for the principle reading (beliefs.names_principle, lexicon/stance.py), apart from the
graded corpus: how people say the belief behind a decision in an interview, without the word
"principle", and sentences that sound like one but are a belief about a fact, a hedge, a slogan,
a denial or hindsight about one occasion. Each is given as said (`spoken`, with its fillers) and
as tiny Whisper would write it (`asr_form`: lower case, no punctuation, fillers mostly gone).
"""

from __future__ import annotations

import re

# A belief about how to work, in everyday words.
PRINCIPLES = [
    "What I believe now is that you tell people the bad news the same day you find it.",
    "Um, my view is the person closest to the data should make the call.",
    "The way I see it, a launch date is a promise to the customer, so you don't move it quietly.",
    "I'm a big believer in shipping the small version first and learning from it.",
    "For me it comes down to whether the member ends up better off, not whether we hit the date.",
    "My rule of thumb is, if I can undo it in five minutes, I just do it and tell people after.",
    "I've come to think that code review is for sharing context, not for catching typos.",
    "What matters most to me is that nobody gets surprised in a postmortem.",
    "I'd rather ship a week late than ship something I can't roll back, because a bad deploy "
    "costs us the partner's trust.",
    "The lesson I took is that you should write the decision down before the meeting, not after.",
    "I've always been of the view that the on-call person gets to stop a release.",
    "My take is that a flaky test is worse than no test at all.",
    "The thing I keep coming back to is that people only tell you the truth if it's safe to.",
    "I'm a firm believer that whoever breaks it is the one who tells everyone.",
    "What I took away from it is you never let your manager hear bad news second hand.",
    "I tend to think the simplest fix that works is usually the right one.",
    "For me, being honest with the team comes before looking good to leadership.",
    "I've learned that you can't fix a trust problem with more process.",
    "I really think it's on the senior people to make room for the new ones.",
    "I hold myself to this: if I said I'd do it, it gets done, or I say so early.",
    "I'm convinced the best way to disagree is with data, in the room, and then you commit.",
    "Where I land is that being able to undo things matters more than speed.",
    "The way I think about it, every page at three in the morning is a bug in our process.",
    "I firmly believe feedback should be given early and in private.",
    "I'm someone who thinks you earn the right to push back by doing your homework first.",
    "It's really important to me that the people who did the work get the credit for it.",
    "I've come to believe that a decision nobody wrote down wasn't really made.",
    "I'd rather say I don't know than bluff, because a bluff gets found out.",
    "The lesson for me was that you always ask the quietest person first.",
    "Something I really believe is that ownership means you fix it even if it wasn't your fault.",
    "To me, a good lead gives people context and then gets out of the way.",
    "I've always felt it's better to over-communicate during an incident than to go quiet.",
    "If there's one thing I've learned, it's that you don't surprise your partners.",
    "Honestly I think it's always worth a day to make the next person's job easier.",
    "My gut says, and I'd stand by it, that a small team with context beats a big one with rules.",
    "I'm of the opinion that a metric nobody looks at shouldn't be on the dashboard.",
    "What I try to live by is, uh, leave the code better than you found it.",
    "What I've taken from that is that trust is built in the small boring updates.",
    "I just think users deserve to know when we've lost their data, full stop.",
    "Uh, the way I look at it, if you're the one who found the problem, it's yours until it's "
    "handed off.",
    # A second batch, written after the first fix and read before any change for it.
    "Honestly, my whole approach is that the person on call should never be scared to roll back.",
    "I guess my belief is you hire for judgment and you teach the tools.",
    "What I go by is, if it's not written down, it didn't happen.",
    "I feel pretty strongly that juniors should ship something real in their first week.",
    "The way I think of it is, a good design doc is one that someone can disagree with.",
    "Um, I've always thought you should be able to explain your metric to your grandmother.",
    "For me it's about making the safe thing the easy thing.",
    "My personal rule is I never ask someone to do an on-call shift I wouldn't take myself.",
    "I'm a huge believer that you should review the plan, not just the code.",
    "I've come to realise that most outages are really communication failures.",
    "Something I hold onto is that a customer complaint is free research.",
    "The big lesson for me was that you ask for help on day one, not day five.",
    "My thinking is, speed only counts if you can keep it up for a year.",
    "I just believe people do their best work when they know why it matters.",
    "I'd rather have an honest no in the meeting than a fake yes in the hallway.",
    "Where I've landed is that estimates are for planning, not for judging people.",
    "To me, owning something means you're the one who gets woken up.",
    "I really think a team should be able to deploy without asking permission.",
    "I genuinely believe that the best documentation is a test that fails.",
    "What I've learned over the years is that nobody reads a forty page spec.",
]

# Not a principle: a belief about a fact, hindsight about one occasion, a hedge, a slogan, a
# list of value names, a refusal or a denial.
NEAR_MISSES = [
    "I believe the meeting was on Tuesday.",
    "I think it was about three weeks later that we actually shipped.",
    "I believe in the end we got it done in two sprints.",
    "I think in hindsight the timeline was just too tight.",
    "I'd rather not say which company it was, if that's okay.",
    "For me it was a Tuesday night, so I was at home when the page came in.",
    "Um, I'm passionate about excellence and I always give a hundred and ten percent.",
    "I value integrity, courage, candor and inclusion, that's just who I am.",
    "It depends, I think both approaches have their place.",
    "I guess maybe it was the right call, hard to say really.",
    "My rule of thumb, honestly, I don't really have one, I just go with it.",
    "I think the deadline was the fourteenth, or maybe the fifteenth.",
    "I'm a big believer in, you know, just doing great work and working hard.",
    "What I believe happened is the cache expired earlier than we thought.",
    "I think we should have started the migration a month earlier.",
    "My view of the dashboard was blocked, so I couldn't see the error rate.",
    "The lesson I took was pretty much just that it was a tough quarter.",
    "I think you could say it went okay in the end.",
    "I've come to think about it a lot since then, to be honest.",
    "I felt that the director was annoyed with us that week.",
    "I think a couple of people on the team were a bit upset about it.",
    "What matters is, uh, I got it done.",
    "Teamwork makes the dream work, and I'm all about synergy.",
    "I always give a hundred and ten percent, and I think great teams lift each other up.",
    "I mean, I believe it was the right call, the errors were still climbing.",
    "So that's where I ended up leading the storage migration.",
    # The second batch.
    "I believe it was the second quarter when that happened.",
    "I think the whole thing took about a month, give or take.",
    "My view at the time was limited because I was new.",
    "For me that week was pretty stressful, to be honest.",
    "I'm a big believer in, like, always doing my best.",
    "I think he was right, looking back.",
    "What I took away was a lot of notes, honestly.",
    "I felt like the meeting went badly.",
    "I think we were the only team that hit the date.",
    "I'm sure the logs said it was a timeout.",
    "The way I see it now, it was probably a config issue.",
    "I value hard work and passion above everything.",
]

_PUNCTUATION = re.compile(r"[^\w\s']")
_FILLER = re.compile(r"\b(?:um|uh)\b")


def asr_form(said: str) -> str:
    """How tiny Whisper writes a sentence: lower case, no punctuation, fillers dropped."""
    text = _FILLER.sub(" ", _PUNCTUATION.sub(" ", said.lower()))
    return " ".join(text.split())
