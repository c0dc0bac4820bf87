"""Spoken answers to the recruiter screen's four questions (practice seed 1), for the vote tests,
and the offline vote of an interview made of them.

Three strong answers, one per question, in the way a prepared candidate talks: fillers, restarts,
numbers in words. Then the answers that let such a candidate down: "I'm flexible" on pay, a
shrug where a story should be, and a strong answer with a request for heavy structure at the end.
"""

from __future__ import annotations

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.rubric.content import default_content
from interviewer.rubric.planning import plan_practice
from interviewer.rubric.requests import request_of
from interviewer.rubric.results import Vote
from interviewer.rubric.scoring import score_answer
from interviewer.rubric.voting import vote

# "If I called your last manager, how would they describe the biggest change in you?": feedback
# taken, a behaviour changed, a principle, a measured outcome, and a limit owned.
CHANGE = (
    "Um, so I think she'd say the biggest change was that I, I stopped sitting on bad news. "
    "When I joined I'd wait until I had a fix before telling anyone, and in my first review "
    "she told me straight out that she'd heard about a slipped launch from another team before "
    "she heard it from me. That stung, and I admitted she was right. So I decided to send a "
    "short note every Friday with what's red and why, even when I didn't have the answer yet, "
    "and I kept everyone informed that way. The principle I took from it is candour: context "
    "is more useful early than perfect late. Within a quarter she was using my Friday notes as "
    "the template for the whole group of about forty people, and we went from three surprises "
    "at the quarterly review to none. My weakness is still when I'm the one who caused the "
    "problem, I have to, to force myself to write that note first. If I did it again I'd "
    "have asked her for that feedback in month one instead of waiting for the review."
)
# "What would have to be true about this team for you to turn down an offer from it?": a clear
# position, defended with what happened.
TURN_DOWN = (
    "Honestly, I'd turn it down if decisions here get made by whoever's most senior in the "
    "room rather than whoever has the most context. At my last company we had a, a launch "
    "where the data said one thing and the VP said another, and I pushed back directly with "
    "the numbers in the meeting. We changed the plan and cut the rollback rate from about "
    "nine percent to two. I believe the person closest to the problem should make the call "
    "and own it, that's judgment to me. So I'd want to hear, um, a real example from this "
    "team of someone junior overruling a senior person with data. If nobody can give me one, "
    "that tells me what I need to know. In hindsight I'd have raised it before the meeting, "
    "not in front of everyone."
)
# The same answer with a request for heavy structure at the end: a culture-fit red flag.
TURN_DOWN_WITH_MENTOR = TURN_DOWN + (
    " And, um, the other thing, I'd want a dedicated mentor and weekly one-on-ones for the "
    "first six months, with a written plan, that's really important to me."
)
# "Tell me about a workplace rule or habit you found frustrating. What did you do about it?"
RULE = (
    "So, um, we had this rule that every production change needed two approvals from the, from "
    "the architecture group, even config flags. It was adding like three days to fixes that "
    "took ten minutes. I didn't just complain about it, I, uh, I pulled six months of change "
    "data, and the data showed flag changes had caused zero of our forty incidents. I took "
    "that to the head of architecture directly, explained it on one page, and I proposed that "
    "flags only need one reviewer from the owning team. She agreed to a two month trial, and "
    "our median time to ship a fix dropped from three days to under one. The principle for me "
    "is that a rule should cost less than the risk it removes. Looking back I'd have brought "
    "her in earlier instead of showing up with a finished deck, because she felt a bit "
    "ambushed, and I was honest with her about that afterwards."
)
# The same question answered with a shrug: no situation worth the name, no action, no point.
RULE_SHRUG = (
    "Um, probably meetings? There were a lot of meetings, and I, I found that frustrating, so I "
    "just started skipping the ones that didn't seem to matter and, you know, got on with my "
    "work. Nobody really said anything about it."
)
# "We pay most of our compensation as salary ... How would you decide your mix?"
PAY_RESEARCHED = (
    "So I looked at levels dot fyi for senior backend roles here, and, um, I have a competing "
    "offer at about four hundred and ten thousand total. So I'm aiming for around four twenty, "
    "and since you pay mostly salary I'd take it almost all as salary, maybe ten percent in "
    "options, because I'd rather not bet my rent on the stock."
)
# The pay question failed the way the seeds warn about: "I'm flexible", no number, no source.
PAY_FLEXIBLE = (
    "Oh, um, I'm, I'm pretty flexible on that honestly. I haven't really thought about the "
    "stock part. Whatever you think is fair, I guess, I just want to, to find a good fit."
)
DECLINED = "Um, I'd rather not answer that one, if that's okay."


def offline_vote(stage: str, answers: list[str]) -> Vote:
    """The offline vote on the first `len(answers)` questions of the stage's practice plan (seed
    1), one answer each, scored as the engine records them (a request such as a decline is not
    scored)."""
    content = default_content()
    (plan,) = plan_practice(content, stage, 1)
    questions = plan.questions[:len(answers)]
    views = [TurnView(turn=i + 1, kind="question", asked=q.text, answer=a,
                      score=None if request_of(a) or not a.strip() else score_answer(
                          AnswerContext(stage=stage, question=q, asked=q.text, answer=a), content))
             for i, (q, a) in enumerate(zip(questions, answers, strict=True))]
    return vote(plan.model_copy(update={"questions": questions}), views, content)
