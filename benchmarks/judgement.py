"""How well the offline interviewer's judgement follows the graded corpus (tests/data/judgement).

    PYTHONPATH=. python3 benchmarks/judgement.py [--split dev|holdout|blind|all] [--misses]

Prints, for dev, holdout and blind separately: the Spearman rank correlation of exchange scores
with the expected grades (English items; non-English separately), the share of expected first
probes hit, the gaming cases that beat their honest family, the concise follow-up answers that
were flagged, the spread of scores across a family's forms (clean, spoken, asr: one answer, one
grade), how far a clean or spoken answer's score moves when it is written as tiny Whisper writes
it (lower case, no punctuation, no um/uh), and the scoring time per answer. Tune on dev only;
holdout is the check. The blind split was graded without reading the scorer and is never tuned
on (the tests leave it out): it shows how far dev and holdout flatter the scorer.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from interviewer.brains.base import AnswerContext  # noqa: E402
from interviewer.brains.offline import OfflineBrain  # noqa: E402
from interviewer.rubric.content import default_content  # noqa: E402
from interviewer.rubric.scoring import score_answer  # noqa: E402
from tests.rubric.corpus import judge, load, plan_of, question_of  # noqa: E402

CONCISE_FLAGS = ("unreadable", "evasive", "off topic", "did not address")
BANDS = ("poor", "weak", "solid", "strong")  # worst first, whatever the scores
SPLITS = ("dev", "holdout", "blind")
WORST_FAMILIES = 5  # families named on the form-spread line


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho with average ranks for ties."""
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                result[order[k]] = (i + j) / 2
            i = j + 1
        return result
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def spoken_asr_gaps(items: list[dict], judged: dict[str, object]) -> list[int]:
    """Per family given in both, the asr form's score minus the spoken form's."""
    forms = {(i["family"], i.get("form")): judged[i["id"]].score for i in items}
    return [forms[f, "asr"] - score for (f, form), score in forms.items()
            if form == "spoken" and (f, "asr") in forms]


def form_spreads(items: list[dict], judged: dict[str, object]) -> dict[str, int]:
    """Per family given in more than one form, the highest score of its forms minus the lowest.

    The forms (clean, spoken, asr) are the same answer with one grade, so a spread is what the
    scorer makes of the surface alone: fillers, restarts, missing punctuation, mis-hearings.
    """
    scores: dict[str, list[int]] = {}
    for item in items:
        if item.get("form"):
            scores.setdefault(item["family"], []).append(judged[item["id"]].score)
    return {family: max(s) - min(s) for family, s in scores.items() if len(s) > 1}


# What the transcriber leaves of a written-up or disfluent answer: lower case, no punctuation,
# no um/uh (README of the corpus, form `asr`). Mis-hearings are left out: they are words, not
# surface.
_HESITATION = re.compile(r"\b(?:um+|uh+|erm+|hmm+)\b", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[^\w\s'%$.-]|(?<!\d)\.|\.(?!\d)|(?<!\w)-|-(?!\w)")


def asr_like(text: str) -> str:
    """`text` as tiny Whisper writes it: lower case, unpunctuated, without um and uh."""
    return " ".join(_PUNCTUATION.sub(" ", _HESITATION.sub(" ", text)).lower().split())


def unpunctuated_shifts(items: list[dict], judged: dict[str, object], content,
                        brain) -> dict[str, int]:
    """Per clean or spoken first answer, its score as `asr_like` text minus its own score."""
    return {
        i["id"]: judge({**i, "answer": asr_like(i["answer"])}, content, brain).score
        - judged[i["id"]].score
        for i in items
        if i.get("form") in ("clean", "spoken") and i["kind"] == "question"
        and not i.get("gaming") and not i.get("language")
    }


def report(name: str, items: list[dict], judged: dict[str, object], everything: list[dict],
           misses: bool, shifts: dict[str, int] | None = None) -> None:
    english = [i for i in items if not i.get("language")]
    foreign = [i for i in items if i.get("language")]
    rho = spearman([judged[i["id"]].score for i in english], [i["grade"] for i in english])
    print(f"[{name}] {len(items)} items")
    print(f"  Spearman rho, exchange score vs grade (English, {len(english)}): {rho:.2f}")
    if len(foreign) > 2:
        rho_f = spearman([judged[i["id"]].score for i in foreign], [i["grade"] for i in foreign])
        print(f"  Spearman rho, non-English ({len(foreign)}): {rho_f:.2f}")
    hits = [i for i in english if judged[i["id"]].probe == i["expected_probe"]]
    print(f"  expected first probe hit: {len(hits)}/{len(english)} "
          f"({100 * len(hits) / max(1, len(english)):.0f}%)")
    honest = {}
    for item in everything:
        if not item.get("gaming") and not item.get("language"):
            honest.setdefault(item["family"], []).append(judged[item["id"]].score)
    gaming = [i for i in items if i.get("gaming")]
    beating = [i for i in gaming
               if judged[i["id"]].score >= min(honest.get(i["honest_family"], [101]))]
    print(f"  gaming cases at or above their honest family: {len(beating)}/{len(gaming)}")
    concise = [i for i in items if i["kind"] == "follow_up" and i.get("fills_gap")]
    flagged = [i for i in concise
               if any(f.startswith(CONCISE_FLAGS) or any(c in f for c in CONCISE_FLAGS)
                      for f in judged[i["id"]].turn_flags)]
    print(f"  concise follow-up answers flagged: {len(flagged)}/{len(concise)}")
    bands = {}
    for i in english:
        bands.setdefault(i["band"], []).append(judged[i["id"]].score)
    print("  mean score by band: " + ", ".join(
        f"{b} {sum(bands[b]) / len(bands[b]):.0f}" for b in BANDS if b in bands))
    spreads = form_spreads(english, judged)
    if spreads:
        worst = sorted(spreads.items(), key=lambda kv: -kv[1])[:WORST_FAMILIES]
        print(f"  form spread: mean |max-min| across a family's forms "
              f"{sum(spreads.values()) / len(spreads):.1f} ({len(spreads)} families); worst "
              + ", ".join(f"{family} {spread}" for family, spread in worst))
    gaps = spoken_asr_gaps(english, judged)
    if gaps:
        print(f"  asr minus spoken form: mean |gap| {sum(map(abs, gaps)) / len(gaps):.1f}, mean "
              f"{sum(gaps) / len(gaps):+.1f}, {sum(abs(g) >= 8 for g in gaps)} of {len(gaps)} "
              "families 8 or more apart")
    if shifts:
        worst = sorted(shifts.items(), key=lambda kv: -abs(kv[1]))[:WORST_FAMILIES]
        print(f"  as unpunctuated lower-case text: mean |shift| "
              f"{sum(map(abs, shifts.values())) / len(shifts):.1f}, mean "
              f"{sum(shifts.values()) / len(shifts):+.1f} ({len(shifts)} answers); largest "
              + ", ".join(f"{item} {shift:+d}" for item, shift in worst))
    if misses:
        for i in english:
            j = judged[i["id"]]
            wanted = i["expected_probe"]
            mark = "" if j.probe == wanted else f" PROBE {j.probe}!={wanted}"
            print(f"    {i['id']:45} grade {i['grade']:3} score {j.score:3}{mark}")
        for i in beating:
            print(f"    GAMING {i['id']} {judged[i['id']].score} vs {i['honest_family']} "
                  f"{honest.get(i['honest_family'])}")
        for i in flagged:
            print(f"    FLAGGED {i['id']}: {judged[i['id']].turn_flags}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--misses", action="store_true", help="List every item and the misses.")
    args = parser.parse_args()
    content = default_content()
    brain = OfflineBrain(content)
    items = load(blind=True)
    start = time.perf_counter()
    judged = {item["id"]: judge(item, content, brain) for item in items}
    per_item = (time.perf_counter() - start) / len(items)
    contexts = [
        AnswerContext(stage=i["stage"], question=question_of(i, content), asked=i["question"],
                      answer=i["answer"], interviewer=plan_of(i, question_of(i, content)))
        for i in items
    ]
    start = time.perf_counter()
    for context in contexts:
        score_answer(context, content)
    per_answer = (time.perf_counter() - start) / len(contexts)
    for split in SPLITS:
        if args.split in (split, "all"):
            chosen = [i for i in items if i["split"] == split]
            shifts = unpunctuated_shifts(chosen, judged, content, brain)
            report(split, chosen, judged, items, args.misses, shifts)
    print(f"scoring time: {1000 * per_answer:.1f} ms per answer; {1000 * per_item:.1f} ms per "
          "item (exchange score, the turn's own score and the next move)")


if __name__ == "__main__":
    main()
