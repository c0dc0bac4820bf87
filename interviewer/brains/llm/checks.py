"""What a model's text must be before it reaches the candidate's ears or their report.

A small local model, asked for JSON, fills string fields with whatever it has: field names
("follow_up", "value_strength"), the instruction it was given ("Decide your next move"), dates,
bare numbers, fragments ("nad") and repetition loops. Against a hostile server it can also ask
for the candidate's API key or home address. These checks are plain rules, fast and offline:
- `follow_up_problem` says why a generated follow-up must not be spoken (None if it may be);
- `report_lines` keeps only the strengths, gaps and reasons that read as short phrases;
- `consistent_vote` repairs a vote whose label, score, keeper flag and reasons disagree.
"""

from __future__ import annotations

import re

from interviewer.brains.llm.schemas import LLMVote
from interviewer.rubric.voting import LADDER, NO_AT, STRONG_YES_AT, YES_AT

MAX_QUESTION_WORDS = 45
MIN_QUESTION_WORDS = 4
MAX_LINE_CHARS = 200
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_TOKEN = re.compile(r"\S+")
# Words of the JSON we asked for, or of the instructions: never something an interviewer says.
_SCHEMA_WORDS = re.compile(
    r"\b(?:follow_up|next_question|wrap_up|target_value|point_of_view|named_principle|"
    r"self_awareness|behaviour_change|keeper_reason|json|schema)\b"
    r"|[a-z]+_[a-z_]+|[{}\[\]<>]|\bdecide your next move\b|\bcandidate_answer\b",
    re.IGNORECASE,
)
# Secrets and personal data an interviewer never asks for (pay expectations are fair game).
_FORBIDDEN = re.compile(
    r"\b(?:api[\s_-]*keys?|passwords?|pass\s*codes?|pin\s+(?:code|number)|access\s+tokens?|"
    r"auth\w*\s+tokens?|credentials|secret\s+keys?|private\s+keys?|ssh\s+keys?|"
    r"login\s+details|social\s+security|ssn|passport|credit\s+cards?|bank\s+(?:account|details)|"
    r"account\s+numbers?|home\s+address|street\s+address|your\s+address|where\s+(?:do\s+)?you\s+"
    r"live|phone\s+number|mobile\s+number|e-?mail\s+address|date\s+of\s+birth|birth\s*day|"
    r"how\s+old\s+are\s+you|your\s+age|maiden\s+name|religio\w*|pregnan\w*|are\s+you\s+"
    r"married|marital|nationality|ethnic\w*|disabilit\w*|health\s+conditions?|"
    r"sexual\s+orientation|political\s+part\w*)\b",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^(?:what|why|how|when|where|which|who|whom|whose|did|do|does|would|could|can|will|is|are|"
    r"was|were|have|has|had|should|tell|walk|talk|describe|explain|give|say|help)\b",
    re.IGNORECASE,
)
_ADDRESSED = re.compile(r"\b(?:you|your|you're|yours|yourself)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")


def follow_up_problem(text: str | None) -> str | None:
    """Why `text` must not be spoken as a follow-up, or None when it may be.

    It may when it is a real question to the candidate: plain words, addressed to them, ending
    in a question mark, at most two sentences, asking for nothing secret or private.
    """
    text = " ".join((text or "").split())
    if not text:
        return "it is empty"
    words = _WORD.findall(text)
    tokens = _TOKEN.findall(text)
    if not MIN_QUESTION_WORDS <= len(words) <= MAX_QUESTION_WORDS:
        return f"it has {len(words)} words, not a spoken question's 4-45"
    if len(words) < 0.8 * len(tokens) or any(len(word) > 24 for word in words):
        return "it is not plain words"
    if _SCHEMA_WORDS.search(text):
        return "it contains field names or markup, not speech"
    if repetitive(words):
        return "it repeats itself"
    if not text.rstrip("\"'\u201d)").endswith("?"):
        return "it is not a question"
    if len(_SENTENCE_END.findall(text)) > 2:
        return "it is more than two sentences"
    last = re.split(r"(?<=[.!])\s+", text)[-1]
    if not (_QUESTION_START.search(last) or _ADDRESSED.search(last)):
        return "it does not ask the candidate anything"
    if _FORBIDDEN.search(text):
        return "it asks for secrets or personal data"
    return None


def report_lines(items: list[str]) -> list[str]:
    """The strings fit for a report: short phrases of real words, each once, no loops.

    Bare dates and numbers, field names ("value_strength"), fragments and repetition are dropped.
    """
    kept: list[str] = []
    seen: set[str] = set()
    for item in items:
        line = " ".join(str(item).split()).strip(" -*\u2022")
        if not line or len(line) > MAX_LINE_CHARS or _SCHEMA_WORDS.search(line):
            continue
        words = _WORD.findall(line)
        real = [w for w in words if len(w) >= 2]
        if len(real) < 2 or len(words) < 0.6 * len(_TOKEN.findall(line)) or repetitive(words):
            continue
        key = " ".join(w.lower() for w in words)
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def repetitive(words: list[str]) -> bool:
    """True for a repetition loop: a phrase of three words said three times, or few distinct
    words in a long run."""
    lowered = [w.lower() for w in words]
    if len(lowered) >= 12 and len(set(lowered)) < 0.4 * len(lowered):
        return True
    counts: dict[tuple[str, ...], int] = {}
    for i in range(len(lowered) - 2):
        gram = tuple(lowered[i:i + 3])
        counts[gram] = counts.get(gram, 0) + 1
        if counts[gram] >= 3:
            return True
    return False


def label_for(score: int) -> str:
    """The vote label the offline ladder gives a 0-100 score."""
    if score >= STRONG_YES_AT:
        return "strong yes"
    if score >= YES_AT:
        return "yes"
    return "no" if score >= NO_AT else "strong no"


def consistent_vote(claimed: LLMVote) -> tuple[LLMVote, list[str]]:
    """The vote with its parts made to agree, and a note for each repair.

    The label wins over the score (it is the decision; the score is its strength): a score
    outside the label's band is moved to the nearest score in the band. A keeper needs a yes; a
    keeper reason must be a sentence, not "Yes"; reasons that are numbers or field names go.
    """
    notes: list[str] = []
    low, high = _band(claimed.vote)
    score = min(max(claimed.score, low), high)
    if score != claimed.score:
        notes.append(f"LLM vote score {claimed.score} moved to {score} to match its "
                     f"{claimed.vote!r} vote")
    keeper = claimed.keeper and claimed.vote in ("yes", "strong yes")
    if keeper != claimed.keeper:
        notes.append(f"LLM keeper test dropped: a {claimed.vote!r} vote cannot be a keeper")
    reason = " ".join(claimed.keeper_reason.split())
    said = reason.lower().rstrip(".!").split(" ")[0] if reason else ""
    contradicts = (said in ("yes", "no")
                   and (said == "yes") != keeper and len(_WORD.findall(reason)) < 4)
    if contradicts or not report_lines([reason]):
        reason = ""  # the guard puts the offline keeper reason in its place
    reasons = report_lines(claimed.reasons)
    if len(reasons) < len([r for r in claimed.reasons if r.strip()]):
        notes.append("LLM vote reasons that were not sentences were dropped")
    return claimed.model_copy(update={"score": score, "keeper": keeper, "keeper_reason": reason,
                                      "reasons": reasons}), notes


def _band(label: str) -> tuple[int, int]:
    edges = [0, NO_AT, YES_AT, STRONG_YES_AT, 101]
    index = LADDER.index(label)
    return edges[index], edges[index + 1] - 1
