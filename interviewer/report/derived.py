"""Files and text derived from a session: transcript.json, report.md and the replay printout."""

from __future__ import annotations

import json

from interviewer.report.lines import KIND_LABELS, request_line, score_line
from interviewer.rubric.content import stage_title
from interviewer.rubric.requests import request_words
from interviewer.session.state import InterviewState, SessionState, TurnState
from interviewer.session.store import SessionStore, write_private
from interviewer.session.summary import session_overall, status, value_coverage


def transcript_dict(state: SessionState, store: SessionStore) -> dict:
    """The session as one JSON-ready dict: every turn with its answer, score and move."""
    interviews = []
    for interview in state.interviews:
        plan = interview.plan
        vote = interview.vote
        interviews.append(
            {
                "stage": plan.stage,
                "interviewer": plan.interviewer_name,
                "role": plan.interviewer_role,
                "vote": vote.vote.model_dump(mode="json") if vote else None,
                "vote_brain": vote.brain if vote else None,
                "turns": [_turn_dict(turn) for turn in interview.turns],
            }
        )
    decision = state.decision
    return {
        "id": store.session_id,
        "path": str(store.folder),
        "mode": state.started.mode,
        "stage": state.label,
        "cold_start": state.started.cold_start,
        "seed": state.started.seed,
        "brain": state.started.brain,
        "input": state.started.input,
        "started_at": state.started.at.isoformat(),
        "status": status(state),
        "overall": session_overall(state),
        "values": value_coverage(state.turns),
        "interviews": interviews,
        "decision": decision.decision.model_dump(mode="json") if decision else None,
        "notes": [note.text for note in state.notes],
    }


def _turn_dict(turn: TurnState) -> dict:
    scored = turn.latest_scored
    answer = turn.answer
    return {
        "turn": turn.asked.turn,
        "kind": turn.asked.kind,
        "asked": turn.asked.text,
        "question_id": turn.asked.question_id,
        "probe_id": turn.asked.probe_id,
        "question_audio": turn.asked.audio,
        "talked_over": turn.asked.talked_over,
        "went_on": turn.asked.went_on,
        "answer": answer.text if answer else None,
        "answer_audio": answer.audio if answer else None,
        "interrupted": answer.interrupted if answer else False,
        "request": request_words(answer.text) if answer else None,
        "score": scored.score.model_dump(mode="json") if scored else None,
        "scored_by": scored.brain if scored else None,
        "fallback": scored.fallback if scored else False,
        "revisions": len(turn.scores),
        "move": turn.move.move.model_dump(mode="json") if turn.move else None,
        "move_by": turn.move.brain if turn.move else None,
        "move_fallback": turn.move.fallback if turn.move else False,
    }


def write_derived(store: SessionStore, state: SessionState) -> None:
    """Rewrite transcript.json and report.md from the current state."""
    write_private(
        store.folder / "transcript.json", json.dumps(transcript_dict(state, store), indent=2)
    )
    from interviewer.report.markdown import render_markdown  # Jinja2 loads only when saving

    write_private(store.folder / "report.md", render_markdown(state, store))


def replay_text(state: SessionState, store: SessionStore, start: int = 1) -> str:
    """A saved session turn by turn with its scores, for `replay --no-audio`."""
    out = [f"Session {store.session_id}: {state.label}, {status(state)}"]
    for interview in state.interviews:
        plan = interview.plan
        turns = [t for t in interview.turns if t.asked.turn >= start]
        if not turns and not (
            interview.vote and interview.turns and interview.turns[-1].asked.turn >= start
        ):
            continue
        out.append("")
        title = stage_title(plan.stage, plan.style)
        out.append(f"== {title}: {plan.interviewer_name}, {plan.interviewer_role} ==")
        for turn in turns:
            label = KIND_LABELS.get(turn.asked.kind, turn.asked.kind)
            out.append(f"[{turn.asked.turn}] {label}. {plan.interviewer_name}: {turn.asked.text}")
            if turn.answer is None:
                out.append("    (not answered)")
                continue
            out.append(f"    You: {turn.answer.text or '(no answer)'}")
            if turn.request:
                out.append(f"    {request_line(turn.answer.text)}")
            if turn.latest_score:
                scored = turn.latest_scored
                out.append(f"    Score by {_by(scored.brain, scored.fallback)}: "
                           f"{score_line(turn.latest_score)}")
                for gap in turn.latest_score.gaps:
                    out.append(f"      - {gap}")
            if turn.move is not None:
                out.append(f"    Next move by {_by(turn.move.brain, turn.move.fallback)}: "
                           f"{turn.move.move.action.replace('_', ' ')}")
        if interview.vote:
            v = interview.vote.vote
            fell_back = _vote_fell_back(state, interview)
            out.append(f"  Vote by {_by(interview.vote.brain, fell_back)}: {v.vote} "
                       f"({v.score}/100, {v.keeper_short})")
    if state.decision:
        d = state.decision.decision
        out += ["", f"Decision: {d.outcome}. {d.explanation}"]
    overall = session_overall(state)
    if overall is not None:
        out.append(f"Overall: {overall}/100")
    return "\n".join(out)


def _by(brain: str, fallback: bool) -> str:
    """Who took a step, marked when it was a fallback for the chosen interviewer."""
    return f"{brain} interviewer (fallback)" if fallback else f"{brain} interviewer"


def _vote_fell_back(state: SessionState, interview: InterviewState) -> bool:
    """Whether the interview's latest vote was the offline fallback's, not the chosen brain's.

    A vote records only its brain, so the chosen brain is read from the same revision's scores
    (a score records whether it fell back), or from the session for the original revision.
    """
    vote = interview.vote
    scores = [s for t in interview.turns for s in t.scores if s.revision == vote.revision]
    own = {s.brain for s in scores if not s.fallback}
    if own:
        return vote.brain not in own
    if scores:  # every score of the revision fell back, so the chosen brain was another one
        return True
    return vote.revision == 0 and vote.brain != state.started.brain
