"""The session as the report templates see it: one view, rendered to both HTML and Markdown.

Everything is derived from the session state; the HTML page adds charts and audio players on top
of exactly this content, which keeps report.md and report.html saying the same things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.report.audio import AudioLinker, AudioRef
from interviewer.report.charts import DeliveryPoint
from interviewer.report.focus import WorkOn, work_on
from interviewer.report.highlight import Segment, highlight
from interviewer.report.lines import KIND_LABELS, score_line
from interviewer.rubric.content import NON_ANSWER_GAPS, default_content, stage_title
from interviewer.rubric.delivery import ASSUMED_WPM
from interviewer.rubric.requests import request_words
from interviewer.rubric.results import AnswerScore, Decision, Delivery, Move, Vote
from interviewer.rubric.scoring import CAP_EVASIVE
from interviewer.session.events import AnswerScored, QuestionAsked
from interviewer.session.state import InterviewState, SessionState, TurnState
from interviewer.session.store import SessionStore
from interviewer.session.summary import session_overall, status, value_coverage

# Quotes the scorer keeps for the signals it looks for, next to the per-value quotes.
_SIGNAL_QUOTES = {
    "principle_quote": "named principle",
    "reflection_quote": "reflection",
    "outcome_quote": "outcome",
}


@dataclass
class Evidence:
    """One value's evidence in one answer."""

    value: str
    score: int | None
    quotes: list[str]


@dataclass
class TurnView:
    """One question or follow-up with its answer, score, delivery and audio."""

    number: int
    kind: str
    label: str
    interviewer: str
    question: str
    question_audio: AudioRef | None
    talked_over: str | None  # what the page says of a line the candidate talked over, if they did
    answer: str | None
    segments: list[Segment]
    answer_audio: AudioRef | None
    interrupted: bool
    score: AnswerScore | None
    scored: AnswerScored | None
    score_line: str | None
    evidence: list[Evidence]
    delivery: Delivery | None
    move: Move | None
    request: str | None = None  # "asked to hear the question again": not scored
    # The answer to the question itself: asked first, or again after a request or a silence.
    main: bool = True
    # The candidate went on with this answer over the next line: it is scored there, whole.
    continued_in: int | None = None

    @property
    def signals(self) -> str:
        """What the scorer saw, e.g. 'principle yes, point of view clear, ...'."""
        # score_line reads "70/100 (principle yes, ...)"; the page shows the number on its own.
        line = self.score_line or ""
        return line.partition(" (")[2].removesuffix(")") or line

    @property
    def delivery_line(self) -> str:
        """The answer's delivery in words, e.g. '142 words a minute, 3.1 fillers per 100 words'."""
        # The length guide is for a story; a follow-up asks for one missing piece of it.
        return delivery_line(self.delivery, length=self.main) if self.delivery else ""

    @property
    def components(self) -> dict[str, int] | None:
        """The score's parts, or None when the answer had nothing to score (empty, unreadable,
        evasive): its parts would read as praise ("culture fit 100") for saying nothing."""
        if self.score is None or not self.score.components or no_content(self.score):
            return None
        return self.score.components

    @property
    def answered(self) -> bool:
        """True once the candidate answered (even with silence)."""
        return self.answer is not None


@dataclass
class InterviewView:
    """One interview of the session: its interviewer, turns and vote."""

    index: int
    stage: str
    title: str
    interviewer: str
    role: str
    style: str
    turns: list[TurnView]
    vote: Vote | None
    # One of a panel (the onsite), so the contents name who held it.
    on_panel: bool = False


@dataclass
class ReportView:
    """The whole session, ready for a template."""

    session_id: str
    label: str
    mode: str
    cold_start: bool
    status: str
    overall: int | None
    brain: str
    seed: int
    input: str
    started_at: str
    interviews: list[InterviewView]
    coverage: dict[str, int | None]
    decision: Decision | None
    notes: list[str]
    delivery: list[DeliveryPoint] = field(default_factory=list)
    work_on: WorkOn | None = None  # "What to work on", read first

    @property
    def votes(self) -> list[Vote]:
        """The board: every interviewer's independent vote, in loop order."""
        return [i.vote for i in self.interviews if i.vote is not None]

    @property
    def voted(self) -> list[InterviewView]:
        """The interviews that voted, for board rows titled by their round."""
        return [i for i in self.interviews if i.vote is not None]

    @property
    def shared_reasons(self) -> list[str]:
        """Keeper-test reasons given word for word by more than one interviewer: the board
        shows them once under the table instead of on every row."""
        reasons = [r for v in self.votes for r in (v.keeper_reason, v.hire_again_reason) if r]
        return list(dict.fromkeys(r for r in reasons if reasons.count(r) > 1))

    @property
    def turns(self) -> list[TurnView]:
        """All turns in order."""
        return [turn for interview in self.interviews for turn in interview.turns]

    @property
    def timed(self) -> bool:
        """True when some answer was spoken, so rate and pauses are known."""
        return any(p.words_per_minute is not None for p in self.delivery)

    @property
    def no_delivery_data(self) -> bool:
        """True when every answer was typed without a filler word: no rate, no pauses and
        fillers all zero, so a chart would be empty and the report says so instead."""
        return bool(self.delivery) and not self.timed and not any(
            p.fillers_per_100 for p in self.delivery)

    @property
    def has_audio(self) -> bool:
        """True when any turn has a recording (a voice session)."""
        return any(t.question_audio or t.answer_audio for t in self.turns)


def build_view(
    state: SessionState, store: SessionStore, audio: AudioLinker | None = None
) -> ReportView:
    """The report view of a session; `audio` links recordings (None: no players, e.g. Markdown)."""
    interviews = [_interview_view(i, audio) for i in state.interviews if i.turns or i.vote]
    coverage = value_coverage(state.turns)
    return ReportView(
        session_id=store.session_id,
        label=state.label,
        mode=state.started.mode,
        cold_start=state.started.cold_start,
        status=status(state),
        overall=session_overall(state),
        brain=state.started.brain,
        seed=state.started.seed,
        input=state.started.input,
        started_at=state.started.at.strftime("%Y-%m-%d %H:%M UTC"),
        interviews=interviews,
        coverage=coverage,
        work_on=work_on(state, coverage),
        decision=state.decision.decision if state.decision else None,
        notes=[note.text for note in state.notes],
        delivery=[
            _delivery_point(turn, interview)
            for interview in interviews
            for turn in interview.turns
            if turn.delivery is not None
        ],
    )


def _interview_view(interview: InterviewState, audio: AudioLinker | None) -> InterviewView:
    plan = interview.plan
    title = stage_title(plan.stage, plan.style)
    return InterviewView(
        index=interview.index,
        stage=plan.stage,
        title=title,
        interviewer=plan.interviewer_name,
        role=plan.interviewer_role,
        style=plan.interviewer_style,
        turns=[_turn_view(turn, plan.interviewer_name, audio, _went_on_in(interview, turn))
               for turn in interview.turns],
        vote=interview.vote.vote if interview.vote else None,
        on_panel=not default_content().is_screen(plan.stage),
    )


def _went_on_in(interview: InterviewState, turn: TurnState) -> int | None:
    """The turn in which the candidate went on with this turn's answer, if they did and the
    whole was scored there (a session stopped before the rest keeps this turn's own score)."""
    later = [t for t in interview.turns if t.asked.turn > turn.asked.turn]
    if later and later[0].asked.went_on and later[0].latest_scored is not None:
        return later[0].asked.turn
    return None


def _turn_view(turn: TurnState, interviewer: str, audio: AudioLinker | None,
               continued_in: int | None = None) -> TurnView:
    asked, answer = turn.asked, turn.answer
    # An answer the candidate went on with is scored whole where it ended; its first part's
    # own score (of half a thought) is not shown.
    scored = None if continued_in is not None else turn.latest_scored
    score = scored.score if scored else None
    text = answer.text if answer else None
    delivery = (answer.delivery if answer else None) or (score.delivery if score else None)
    return TurnView(
        number=asked.turn,
        kind=asked.kind,
        label=KIND_LABELS.get(asked.kind, asked.kind),
        interviewer=interviewer,
        question=asked.text,
        question_audio=audio.ref(asked.audio) if audio else None,
        talked_over=_talked_over(asked),
        answer=text,
        segments=highlight(text, _quotes(score)) if text and score else [Segment(text or "")],
        answer_audio=audio.ref(answer.audio) if audio and answer else None,
        interrupted=answer.interrupted if answer else False,
        score=score,
        scored=scored,
        score_line=score_line(score) if score else None,
        evidence=[
            Evidence(e.value, e.score, list(e.quotes))
            for e in (score.values if score else [])
            if e.score is not None or e.quotes
        ],
        delivery=delivery if answer and not turn.request else None,
        move=turn.move.move if turn.move else None,
        request=request_words(text),
        main=asked.kind == "question" or asked.gap in NON_ANSWER_GAPS,
        continued_in=continued_in,
    )


def delivery_line(d: Delivery, length: bool = True) -> str:
    """One line about how an answer was delivered; timing only when it was spoken, and the
    length against the stage's guide only with `length` (main answers)."""
    parts = [f"{d.words} words"]
    if d.speaking_seconds is not None:
        parts.append(f"{d.speaking_seconds:.0f} s speaking")
    if d.words_per_minute is not None:
        parts.append(f"{d.words_per_minute:.0f} words a minute")
    parts.append(f"{d.fillers_per_100:g} fillers per 100 words")
    if d.speaking_seconds is not None:
        longest = f" (longest {d.longest_pause_s:.1f} s)" if d.long_pauses else ""
        parts.append(f"{d.long_pauses} long pause{'s' if d.long_pauses != 1 else ''}{longest}")
    if length and d.length_verdict and d.guidance_seconds:
        low, high = d.guidance_seconds
        if d.speaking_seconds is None:
            # Typed: no timing, so the guide is in words at a conversational speaking rate.
            low, high = (round(x * ASSUMED_WPM / 60, -1) for x in (low, high))
            parts.append(f"length {d.length_verdict} (guide about {low:.0f}-{high:.0f} words)")
        else:
            parts.append(f"length {d.length_verdict} (guide {low}-{high} s)")
    return ", ".join(parts)


def no_content(score: AnswerScore) -> bool:
    """Whether the answer was capped for holding nothing to score: empty, unreadable or
    evasive (no example at all)."""
    s = score.signals
    return s.word_count == 0 or s.gibberish or (s.evasive and score.overall <= CAP_EVASIVE)


def _quotes(score: AnswerScore) -> list[tuple[str, str]]:
    """(quote, label) pairs to mark in the answer: value evidence first, then signal quotes."""
    pairs = [
        (quote, f"{e.value} {e.score}/5" if e.score is not None else e.value)
        for e in score.values
        for quote in e.quotes
    ]
    for attribute, label in _SIGNAL_QUOTES.items():
        quote = getattr(score.signals, attribute)
        if quote:
            pairs.append((quote, label))
    return pairs


def _delivery_point(turn: TurnView, interview: InterviewView) -> DeliveryPoint:
    d = turn.delivery
    assert d is not None
    first_name = interview.interviewer.split()[0] if interview.interviewer else ""
    return DeliveryPoint(
        turn=turn.number,
        interview=interview.index,
        stage=f"{interview.stage} ({first_name})" if first_name else interview.stage,
        words_per_minute=d.words_per_minute,
        fillers_per_100=d.fillers_per_100,
        long_pauses=d.long_pauses,
    )


def _talked_over(asked: QuestionAsked) -> str | None:
    if asked.went_on:
        return "you went on with your answer, so the interviewer stopped; below is the rest of it"
    return "you started answering before it finished" if asked.talked_over else None
