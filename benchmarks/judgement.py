"""How well the offline interviewer's judgement follows the graded corpus (tests/data/judgement).

    PYTHONPATH=. python3 benchmarks/judgement.py [--split dev|holdout|blind|all] [--misses]

Prints, for dev, holdout and blind separately: the Spearman rank correlation of exchange scores
with the expected grades (English items; non-English separately), the share of expected first
probes hit, the gaming cases that beat their honest family, the concise follow-up answers that
were flagged, and the scoring time per answer. Tune on dev only; holdout is the check. The blind
split was graded without reading the scorer and is never tuned on (the tests leave it out): it
shows how far dev and holdout flatter the scorer.
"""

from __future__ import annotations

import argparse
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


def report(name: str, items: list[dict], judged: dict[str, object], everything: list[dict],
           misses: bool) -> None:
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
            report(split, [i for i in items if i["split"] == split], judged, items, args.misses)
    print(f"scoring time: {1000 * per_answer:.1f} ms per answer; {1000 * per_item:.1f} ms per "
          "item (exchange score, the turn's own score and the next move)")


if __name__ == "__main__":
    main()
