"""An interviewer's independent vote, from its own interview only, with the keeper test."""

from __future__ import annotations

from interviewer.brains.base import AnswerContext, TurnView
from interviewer.rubric.content import Content, default_content
from interviewer.rubric.exchange import score_exchange, turns_of
from interviewer.rubric.keeper_answers import (
    YES_VOTES,
    Heard,
    heard,
    hire_again,
    keeper_reason,
    quoted,
)
from interviewer.rubric.requests import after_requests, request_of
from interviewer.rubric.results import AnswerScore, Vote, VoteLabel
from interviewer.rubric.retold import retold_exchanges
from interviewer.rubric.round_kind import settings_for, style_of
from interviewer.session.events import PlannedInterview

LADDER: list[VoteLabel] = ["strong no", "no", "yes", "strong yes"]
STRONG_YES_AT = 72
YES_AT = 55
NO_AT = 38
# An exchange scored where a whole interview would be a strong no failed its question: on the
# graded corpus's scale (tests/data/judgement/README.md) that is below "weak" (40: vague, no
# example, no position) and toward "not an answer" (20: evasive, content-free); "I'm flexible" on
# pay is graded 35. A mean hides it (three strong answers and that one average a strong yes), but
# an interviewer remembers it: like a question declined (no evidence), a failed one (evidence
# against) rules out a strong yes, and the keeper answers name it as what held them back.
FAILED_BELOW = NO_AT


def exchanges(turns: list[TurnView]) -> list[list[TurnView]]:
    """The turns grouped by bank question: each question with the follow-ups after it."""
    groups: list[list[TurnView]] = []
    for turn in turns:
        if turn.kind == "question" or not groups:
            groups.append([])
        groups[-1].append(turn)
    return groups


def exchange_scores(
    interview: PlannedInterview, turns: list[TurnView], content: Content | None = None
) -> list[AnswerScore]:
    """The offline score of every answered exchange, read from the raw answers.

    A follow-up that fills its gap ("the principle was reversibility") counts for the exchange it
    belongs to; the scores are the offline reading whichever brain scored the turns, so an
    inflated turn score cannot lift the vote that anchors the LLM's.
    """
    content = content or default_content()
    settings = content.stages.get(interview.stage)
    if settings is not None and interview.questions:
        # Read as the interview's style reads answers (a coding round's answer length).
        settings = settings_for(content, interview.stage, interview.questions[0], interview)
    scores = []
    for index, group in enumerate(exchanges(turns)):
        answered = turns_of(group)
        if not answered or index >= len(interview.questions):
            continue
        question = interview.questions[index]
        context = AnswerContext(
            stage=interview.stage, question=question, asked=question.text,
            answer=answered[0].answer,
            answer_seconds=settings.answer_seconds if settings else (120, 180),
            interviewer=interview,
        )
        scores.append(score_exchange(answered, context, content))
    return scores


def vote(
    interview: PlannedInterview, turns: list[TurnView], content: Content | None = None
) -> Vote:
    """Vote strong no / no / yes / strong yes from this interview's exchanges alone."""
    content = content or default_content()
    scored = exchange_scores(interview, turns, content)
    scores = [s.overall for s in scored]
    base = {
        "interviewer": interview.interviewer_name,
        "role": interview.interviewer_role,
        "stage": interview.stage,
    }
    if not scores:
        return Vote(
            **base,
            vote="strong no",
            keeper=False,
            score=0,
            keeper_reason="I heard no answers to judge.",
            hire_again=False,
            hire_again_reason=content.keeper.hire_again_answers.no,
            reasons=["no answers were given"],
        )
    mean = round(sum(scores) / len(scores))
    label = _label(mean)
    reasons = [_spread_reason(interview, turns, scores, mean)]
    red = _red_flags(scored)
    if red:
        label = _down(label)
        reasons += [f"red flag: {flag}" for flag in red]
    main = _main_answers(turns)
    if content.is_behavioural(interview.stage, interview.style) and main:
        unprompted = sum(t.score.signals.named_principle for t in main)
        if unprompted * 2 < len(main):
            if label == "strong yes":
                label = "yes"
            reasons.append(f"named a principle unprompted in {unprompted} of {len(main)} answers")
    retold = _retold(interview, turns, content)
    unassessed = _unassessed_note(turns)
    uncapped, label = label, _capped_for_unassessed(label, turns, reasons)
    # What held this interviewer back, when a cap lowered the vote: a question it could not
    # assess, or the story told again; neither has a flag or gap of its own to name it.
    held_back = unassessed if label != uncapped else None
    label = _capped_for_failed(label, scores, turns, reasons)
    capped = _capped_for_retold(label, retold, len(exchanges(turns)), reasons)
    if capped != label:
        held_back = f"the same story again (on {quoted(exchanges(turns)[retold[0]][0].asked)})"
    label = capped
    if any(s.signals.point_of_view == "hedged" for s in scored):
        reasons.append("hedged when asked for a position and did not settle it")
    evidence = _heard(scored, turns, content, held_back, unassessed)
    again, again_reason = hire_again(label, evidence, content)
    return Vote(
        # A yes is a keeper: "yes, but I would not fight to keep them" is a no.
        **base, vote=label, keeper=label in YES_VOTES,
        keeper_reason=keeper_reason(label, evidence, content), hire_again=again,
        hire_again_reason=again_reason, score=mean, reasons=reasons, exchange_scores=scores,
    )


def capped(label: VoteLabel, interview: PlannedInterview, turns: list[TurnView],
           content: Content | None = None,
           scored: list[AnswerScore] | None = None) -> tuple[VoteLabel, list[str]]:
    """`label` under this interview's evidence caps, whoever proposed it, with their reasons.

    The caps are the offline vote's own: a question declined or left unanswered
    (`_capped_for_unassessed`), a question clearly failed (`_capped_for_failed`) and a story
    told again (`_capped_for_retold`). The LLM's vote is held to them too, so a capped yes
    cannot come back from the model as a strong yes. `scored` are this interview's
    `exchange_scores` when the caller has them.
    """
    content = content or default_content()
    if scored is None:
        scored = exchange_scores(interview, turns, content)
    reasons: list[str] = []
    label = _capped_for_unassessed(label, turns, reasons)
    label = _capped_for_failed(label, [s.overall for s in scored], turns, reasons)
    retold = _retold(interview, turns, content)
    return _capped_for_retold(label, retold, len(exchanges(turns)), reasons), reasons


def hire_again_for(label: VoteLabel, interview: PlannedInterview, turns: list[TurnView],
                   content: Content | None = None,
                   scored: list[AnswerScore] | None = None) -> tuple[bool, str]:
    """The keeper test's second answer, with its reason, for `label` voted on this interview,
    whoever proposed the label: the offline vote's rule (rubric/keeper_answers.py) applied to
    the offline reading of the answers. `scored` as in `capped`."""
    content = content or default_content()
    if scored is None:
        scored = exchange_scores(interview, turns, content)
    if not scored:
        return False, content.keeper.hire_again_answers.no
    return hire_again(label, _heard(scored, turns, content), content)


def _retold(interview: PlannedInterview, turns: list[TurnView], content: Content) -> list[int]:
    """The exchanges whose answer retold a story already told in this interview, with no
    different example when asked for one (in a style that asks for stories)."""
    settings = content.stages.get(interview.stage)
    groups = exchanges(turns)
    if settings is None:
        return []
    noticed = [index < len(interview.questions) and content.style(
        style_of(settings, interview.questions[index], interview)).notices_retold
        for index in range(len(groups))]
    return retold_exchanges(groups, noticed)


def _capped_for_unassessed(label: VoteLabel, turns: list[TurnView],
                           reasons: list[str]) -> VoteLabel:
    """A question the candidate declined, or left unanswered until the interviewer moved on, is
    one the interviewer could not assess: it is not scored (not an evasive 8/100, not a 0/100),
    but no evidence is not good evidence. Any such question rules out a strong yes, and half the
    questions or more rule out a yes (a real interviewer cannot hire on half an interview)."""
    groups = exchanges(turns)
    declined, silent = _unassessed(groups)
    if declined:
        reasons.append(f"preferred not to answer {len(declined)} of {len(groups)} questions: "
                       "no evidence for them")
    if silent:
        reasons.append(f"gave no answer to {len(silent)} of {len(groups)} questions: "
                       "no evidence for them")
    unassessed = len(declined) + len(silent)
    if not unassessed:
        return label
    ceiling = "no" if unassessed * 2 >= len(groups) else "yes"
    return min(label, ceiling, key=LADDER.index)


def _unassessed(groups: list[list[TurnView]]) -> tuple[list[list[TurnView]],
                                                       list[list[TurnView]]]:
    """The exchanges the candidate declined, and those left unanswered until the interviewer
    moved on: not scored, so the interviewer could not assess them."""
    unscored = [g for g in groups if not turns_of(g)]
    declined = [g for g in unscored if any(request_of(t.answer) == "declined" for t in g)]
    silent = [g for g in unscored if g not in declined and all(not t.answer.strip() for t in g)]
    return declined, silent


def _unassessed_note(turns: list[TurnView]) -> str | None:
    """The first question the interviewer could not assess, as the keeper answers name it."""
    declined, silent = _unassessed(exchanges(turns))
    if not declined and not silent:
        return None
    first = min(declined + silent, key=lambda g: g[0].turn)
    how = "a question declined" if first in declined else "a question left unanswered"
    return f"{how} (on {quoted(first[0].asked)})"


def _heard(scored: list[AnswerScore], turns: list[TurnView], content: Content,
           held_back: str | None = None, unassessed: str | None = None) -> Heard:
    """What the keeper answers name (keeper_answers.heard) for these exchange scores."""
    return heard(scored, _asked(turns), _red_flags(scored), _failed([s.overall for s in scored]),
                 content, held_back, unassessed)


def _red_flags(scored: list[AnswerScore]) -> list[str]:
    """The flags that count against the candidate whatever the scores: each takes the vote down
    a step (a culture-fit risk, strength claimed in every value, an unreadable answer, text
    aimed at the scorer)."""
    flags = sorted({flag for s in scored for flag in s.flags})
    return [f for f in flags if "culture-fit" in f or "every value" in f or "unreadable" in f
            or "aimed at the scorer" in f]


def _failed(scores: list[int]) -> list[int]:
    """The exchanges (indexes into `scores`) that failed their question (see FAILED_BELOW)."""
    return [i for i, score in enumerate(scores) if score < FAILED_BELOW]


def _capped_for_failed(label: VoteLabel, scores: list[int], turns: list[TurnView],
                       reasons: list[str]) -> VoteLabel:
    """A question clearly failed (an exchange below FAILED_BELOW) is evidence against the
    candidate, which the mean of the scores hides: any rules out a strong yes. Two or more
    failed, with the questions not assessed half the interview or more, rule out a yes. One
    failed question alone never does, even in a two-question round: the offline reading still
    scores some solid concise answers under FAILED_BELOW (two answer families of the graded
    corpus), and a no from one misread answer is a verdict on the wrong evidence."""
    failed = _failed(scores)
    if not failed:
        return label
    groups = exchanges(turns)
    # The spread reason names the lowest exchange and the keeper answers say what failed in it.
    reasons.append(f"failed {len(failed)} of {len(groups)} questions (scored under "
                   f"{FAILED_BELOW}/100): evidence against them that the other answers do not "
                   "make up for")
    unassessed = sum(1 for g in groups if not turns_of(g))
    half = len(failed) >= 2 and (len(failed) + unassessed) * 2 >= len(groups)
    return min(label, "no" if half else "yes", key=LADDER.index)


def _capped_for_retold(label: VoteLabel, retold: list[int], questions: int,
                       reasons: list[str]) -> VoteLabel:
    """A question answered with a story already told in this interview, and no different example
    when asked for one, is scored, but what it shows is the same situation again, not this
    question's value: like a declined question, it rules out a strong yes (one story told for
    everything is evidence about one situation, not about breadth)."""
    if not retold:
        return label
    reasons.append(f"told a story already told for {len(retold)} of {questions} questions: "
                   "evidence about one situation, not about breadth")
    return min(label, "yes", key=LADDER.index)


def _main_answers(turns: list[TurnView]) -> list[TurnView]:
    """The scored answer to each bank question itself: its first turn, or the reply after the
    candidate's requests to hear it again or for a moment (a request is not an answer)."""
    main = []
    for group in exchanges(turns):
        for index, turn in enumerate(group):
            first = index == 0 or after_requests([t.answer for t in group[:index]])
            if first and turn.score is not None and not request_of(turn.answer):
                main.append(turn)
                break
    return main


def _asked(turns: list[TurnView]) -> list[str]:
    """The question of every answered exchange, in the order of `exchange_scores`."""
    return [group[0].asked for group in exchanges(turns) if turns_of(group)]


def _spread_reason(
    interview: PlannedInterview, turns: list[TurnView], scores: list[int], mean: int
) -> str:
    """The vote's score in words: the mean of the exchange scores, with the best and worst."""
    if len(scores) == 1:
        return f"one exchange, scored {mean}/100"
    asked = _asked(turns)
    best, worst = scores.index(max(scores)), scores.index(min(scores))

    def name(i: int) -> str:
        text = quoted(asked[i]) if i < len(asked) else f"\"question {i + 1}\""
        return f"{text} {scores[i]}"

    return (f"mean of {len(scores)} exchange scores (question and its follow-ups): {mean}/100; "
            f"best {name(best)}, worst {name(worst)}")


def _label(score: int) -> VoteLabel:
    if score >= STRONG_YES_AT:
        return "strong yes"
    if score >= YES_AT:
        return "yes"
    if score >= NO_AT:
        return "no"
    return "strong no"


def _down(label: VoteLabel) -> VoteLabel:
    return LADDER[max(0, LADDER.index(label) - 1)]
