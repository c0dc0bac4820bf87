"""The loop decision from independent votes, by a written rule. No averaging, no debrief."""

from __future__ import annotations

from interviewer.rubric.content import Content, default_content
from interviewer.rubric.results import Decision, Vote

RULE = (
    "Each interviewer votes alone. A strong no at any screen ends the process. On the onsite, "
    "two or more no votes (no or strong no) mean no hire, however strong the advocates; a single "
    "strong no also means no hire; a single no is overcome only by a strong yes and at least two "
    "other yes votes; otherwise, with a majority of yes votes, hire."
)


def decide(votes: list[Vote], content: Content | None = None) -> Decision:
    """Apply the rule to the votes of a full loop (which stages are screens: stages.yaml)."""
    content = content or default_content()
    screens = [v for v in votes if content.is_screen(v.stage)]
    onsite = [v for v in votes if not content.is_screen(v.stage)]
    stopped = [v for v in screens if v.vote == "strong no"]
    if stopped:
        first = stopped[0]
        return Decision(
            outcome="no hire",
            rule=RULE,
            explanation=f"The {first.stage} screen ({first.interviewer}) voted strong no; "
            "in a real loop the process would have ended there.",
        )
    skeptics = [v for v in onsite if v.vote in ("no", "strong no")]
    advocates = [v for v in onsite if v.vote in ("yes", "strong yes")]
    champions = [v for v in onsite if v.vote == "strong yes"]
    names = ", ".join(v.interviewer for v in skeptics)
    if not onsite:
        return Decision(outcome="no hire", rule=RULE, explanation="No onsite votes were cast.")
    if len(skeptics) >= 2:
        extra = " A strong advocate cannot outweigh two skeptics." if champions else ""
        return Decision(
            outcome="no hire",
            rule=RULE,
            explanation=f"{len(skeptics)} onsite interviewers voted no ({names}).{extra}",
        )
    if any(v.vote == "strong no" for v in skeptics):
        return Decision(outcome="no hire", rule=RULE, explanation=f"{names} voted strong no.")
    if skeptics:
        if champions and len(advocates) >= 3:
            return Decision(
                outcome="hire",
                rule=RULE,
                explanation=f"One no ({names}), overcome by a strong yes and "
                f"{len(advocates) - 1} other yes votes.",
            )
        return Decision(
            outcome="no hire",
            rule=RULE,
            explanation=f"One no ({names}) without a strong yes and two more yes votes behind it.",
        )
    if len(advocates) * 2 > len(onsite):
        return Decision(
            outcome="hire",
            rule=RULE,
            explanation=f"{len(advocates)} of {len(onsite)} on the panel voted yes, none no.",
        )
    return Decision(outcome="no hire", rule=RULE, explanation="No majority of yes votes.")
