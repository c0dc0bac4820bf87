"""Validate the graded judgement corpus in this folder and print a summary.

Plain script, not a pytest test:  python tests/data/judgement/check_corpus.py
Exits with status 1 if any check fails. Schema and grading rules: README.md beside this file.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PROBES = HERE.parents[2] / "prompts" / "probes.yaml"

STAGE_FILES = ["recruiter", "manager", "technical", "onsite"]
OTHER_FILES = ["follow_ups", "gaming", "non_english"]
# The blind split: answers graded without reading the scorer, never tuned on (README.md, Split).
BLIND_FILES = ["blind"]

STAGES = ["recruiter", "manager", "technical", "onsite"]
KINDS = ["question", "follow_up"]
FORMS = ["clean", "spoken", "asr"]
SPLITS = ["dev", "holdout", "blind"]
BLIND_FORMS = ["spoken", "asr"]
BANDS = ["poor", "weak", "solid", "strong"]
GAMING = [
    "cue_list",
    "value_names",
    "claims_no_story",
    "question_copy",
    "repetition",
    "injection",
    "bare_cues",
]
LANGUAGES = ["es", "de", "fr"]
# The interview styles of prompts/stages.yaml; an item without `style` is the stage's own kind.
STYLES = ["behavioural", "coding", "design", "product", "portfolio"]

# Gaps the corpus needs that prompts/probes.yaml has no probe for yet (see README.md).
EXTRA_GAPS = ["no_trade_off", "no_scale", "no_failure_mode", "no_self_awareness"]

REQUIRED = [
    "id",
    "family",
    "stage",
    "question",
    "kind",
    "form",
    "split",
    "grade",
    "band",
    "expected_probe",
    "answer",
    "notes",
]
FOLLOW_UP_FIELDS = ["previous_answer", "probe_gap", "probe_text", "fills_gap"]
GAMING_FIELDS = ["gaming", "honest_family"]

MINIMUMS = {"total": 170, "follow_ups": 30, "gaming": 20, "non_english": 6}
BLIND_MINIMUMS = {"families": 20, "per_band": 4}
HOLDOUT_SHARE = (0.2, 0.4)


def band_of(grade: int) -> str:
    if grade <= 30:
        return "poor"
    if grade <= 50:
        return "weak"
    if grade <= 70:
        return "solid"
    return "strong"


def load_probe_gaps() -> tuple[set[str], dict[str, set[str]]]:
    """Gap names in probes.yaml, and the stages each gap is limited to (absent = every stage)."""
    probes = yaml.safe_load(PROBES.read_text())["probes"]
    gaps = {p["gap"] for p in probes}
    limits: dict[str, set[str]] = {}
    for p in probes:
        if "stages" in p:
            limits.setdefault(p["gap"], set()).update(p["stages"])
    return gaps, limits


def main() -> int:
    errors: list[str] = []
    err = errors.append
    probe_gaps, stage_limits = load_probe_gaps()
    known_gaps = probe_gaps | set(EXTRA_GAPS)

    items: list[tuple[str, dict]] = []
    for name in STAGE_FILES + OTHER_FILES + BLIND_FILES:
        path = HERE / f"{name}.yaml"
        if not path.exists():
            err(f"{path.name}: missing")
            continue
        data = yaml.safe_load(path.read_text())
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            err(f"{path.name}: top level must be a mapping with an 'items' list")
            continue
        items += [(name, it) for it in data["items"]]

    ids = Counter(it.get("id") for _, it in items)
    for i, n in ids.items():
        if n > 1:
            err(f"duplicate id {i!r} ({n} times)")

    families: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for name, it in items:
        families[it.get("family")].append((name, it))

    used_gaps: Counter = Counter()
    for name, it in items:
        where = f"{name}.yaml:{it.get('id', '?')}"
        missing = [f for f in REQUIRED if f not in it or it[f] in (None, "")]
        if missing:
            err(f"{where}: missing {missing}")
            continue
        for field, allowed in [
            ("stage", STAGES),
            ("kind", KINDS),
            ("form", FORMS),
            ("split", SPLITS),
            ("band", BANDS),
        ]:
            if it[field] not in allowed:
                err(f"{where}: {field}={it[field]!r} not in {allowed}")
        grade = it["grade"]
        if not isinstance(grade, int) or not 0 <= grade <= 100:
            err(f"{where}: grade must be an integer 0-100")
        elif band_of(grade) != it["band"]:
            err(f"{where}: band {it['band']} does not match grade {grade} ({band_of(grade)})")
        if not it["id"].startswith(it["family"]):
            err(f"{where}: id should start with its family name")
        for field in ("expected_probe", "probe_gap"):
            gap = it.get(field)
            if gap is None or (field == "expected_probe" and gap == "none"):
                continue
            used_gaps[gap] += 1
            if gap not in known_gaps:
                err(f"{where}: {field}={gap!r} is neither in probes.yaml nor in EXTRA_GAPS")
            if gap in stage_limits and it["stage"] not in stage_limits[gap]:
                err(f"{where}: {field}={gap!r} is only probed at {sorted(stage_limits[gap])}")
        if not isinstance(it["answer"], str) or not it["answer"].strip():
            err(f"{where}: empty answer")
        if "style" in it and it["style"] not in STYLES:
            err(f"{where}: style={it['style']!r} not in {STYLES}")

        if (name in BLIND_FILES) != (it["split"] == "blind"):
            err(f"{where}: split blind belongs in blind.yaml, and only there")
        if name in BLIND_FILES and it["kind"] != "question":
            err(f"{where}: the blind split holds kind=question only")
        if name in STAGE_FILES:
            if it["stage"] != name:
                err(f"{where}: stage {it['stage']!r} in {name}.yaml")
            if it["kind"] != "question":
                err(f"{where}: stage files hold kind=question only")
        if it["kind"] == "follow_up" or name == "follow_ups":
            if name != "follow_ups" or it["kind"] != "follow_up":
                err(f"{where}: follow-up items live in follow_ups.yaml with kind=follow_up")
            for f in FOLLOW_UP_FIELDS:
                if f not in it:
                    err(f"{where}: follow-up missing {f}")
            if not isinstance(it.get("fills_gap"), bool):
                err(f"{where}: fills_gap must be true or false")
            if len(it["answer"].split()) > 80:
                err(f"{where}: follow-up answers should be concise (one to three sentences)")
            prev = it.get("previous_family")
            if prev is not None and prev not in families:
                err(f"{where}: previous_family {prev!r} does not exist")
        if name == "gaming" or "gaming" in it:
            for f in GAMING_FIELDS:
                if f not in it:
                    err(f"{where}: gaming item missing {f}")
            if it.get("gaming") not in GAMING:
                err(f"{where}: gaming={it.get('gaming')!r} not in {GAMING}")
            honest = families.get(it.get("honest_family"))
            if not honest:
                err(f"{where}: honest_family {it.get('honest_family')!r} does not exist")
            else:
                h = honest[0][1]
                if "gaming" in h:
                    err(f"{where}: honest_family is itself a gaming family")
                if h.get("grade", 0) <= grade:
                    err(
                        f"{where}: grade {grade} must be below honest_family grade {h.get('grade')}"
                    )
                if h.get("question") != it["question"]:
                    err(f"{where}: honest_family answers a different question")
                if it.get("gaming") == "injection" and h.get("split") != it["split"]:
                    err(f"{where}: an injection item embeds its honest answer; splits must match")
            if it["band"] != "poor":
                err(f"{where}: gaming attempts should grade poor")
        if (name == "non_english" or "language" in it) and it.get("language") not in LANGUAGES:
            err(f"{where}: language={it.get('language')!r} not in {LANGUAGES}")

    # Family consistency: one grade, probe, split, stage and question per family; one item per form.
    for fam, members in families.items():
        for field in ("stage", "style", "question", "split", "grade", "expected_probe", "kind"):
            values = {m.get(field) for _, m in members}
            if len(values) > 1:
                err(f"family {fam}: inconsistent {field} {sorted(map(str, values))}")
        forms = Counter(m.get("form") for _, m in members)
        if any(n > 1 for n in forms.values()):
            err(f"family {fam}: a form appears more than once")
        if members[0][0] in STAGE_FILES and set(forms) != set(FORMS):
            err(f"family {fam}: stage families need all three forms, has {sorted(forms)}")
        if members[0][0] in BLIND_FILES and set(forms) != set(BLIND_FORMS):
            err(f"family {fam}: blind families come as {BLIND_FORMS}, has {sorted(forms)}")

    # Coverage: every stage has all four bands, and every (stage, band) exists in all three forms.
    stage_items = [it for name, it in items if name in STAGE_FILES]
    for stage in STAGES:
        for band in BANDS:
            for form in FORMS:
                if not any(
                    i["stage"] == stage and i["band"] == band and i["form"] == form
                    for i in stage_items
                ):
                    err(f"coverage: no {stage}/{band}/{form} item")
        if not any(i["stage"] == stage and i["split"] == "holdout" for i in stage_items):
            err(f"coverage: no holdout family for {stage}")

    # The blind split: enough families, every band and every stage.
    blind = {fam: m[0][1] for fam, m in families.items() if m[0][0] in BLIND_FILES}
    if len(blind) < BLIND_MINIMUMS["families"]:
        err(f"blind: {len(blind)} families < {BLIND_MINIMUMS['families']}")
    for band in BANDS:
        n = sum(1 for it in blind.values() if it.get("band") == band)
        if n < BLIND_MINIMUMS["per_band"]:
            err(f"blind: {n} {band} families < {BLIND_MINIMUMS['per_band']}")
    for stage in STAGES:
        if not any(it.get("stage") == stage for it in blind.values()):
            err(f"coverage: no blind family for {stage}")

    # Minimums and the holdout share are of the tuned corpus (dev and holdout), not the blind split.
    tuned = [(name, it) for name, it in items if name not in BLIND_FILES]
    counts = Counter(name for name, _ in tuned)
    if len(tuned) < MINIMUMS["total"]:
        err(f"total {len(tuned)} < {MINIMUMS['total']}")
    for name in OTHER_FILES:
        if counts[name] < MINIMUMS[name]:
            err(f"{name}: {counts[name]} items < {MINIMUMS[name]}")
    share = sum(it.get("split") == "holdout" for _, it in tuned) / max(len(tuned), 1)
    if not HOLDOUT_SHARE[0] <= share <= HOLDOUT_SHARE[1]:
        err(f"holdout share {share:.0%} outside {HOLDOUT_SHARE[0]:.0%}-{HOLDOUT_SHARE[1]:.0%}")

    print_summary(items, families, used_gaps, probe_gaps, share)
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nAll checks passed.")
    return 0


def table(title: str, rows: list[str], cols: list[str], cell) -> None:
    width = max(len(r) for r in rows + [title, "total"]) + 2
    cw = [max(9, len(c) + 2) for c in cols]
    print(
        f"\n{title:<{width}}"
        + "".join(f"{c:>{w}}" for c, w in zip(cols, cw, strict=True))
        + f"{'total':>9}"
    )
    for r in rows:
        vals = [cell(r, c) for c in cols]
        print(
            f"{r:<{width}}"
            + "".join(f"{v:>{w}}" for v, w in zip(vals, cw, strict=True))
            + f"{sum(vals):>9}"
        )
    totals = [sum(cell(r, c) for r in rows) for c in cols]
    print(
        f"{'total':<{width}}"
        + "".join(f"{v:>{w}}" for v, w in zip(totals, cw, strict=True))
        + f"{sum(totals):>9}"
    )


def print_summary(items, families, used_gaps, probe_gaps, share) -> None:
    its = [it for _, it in items]
    files = STAGE_FILES + OTHER_FILES + BLIND_FILES
    print(
        f"Judgement corpus: {len(its)} items in {len(families)} families, holdout share {share:.0%}"
        " of dev and holdout"
    )
    table(
        "file / band",
        files,
        BANDS,
        lambda r, c: sum(1 for n, i in items if n == r and i.get("band") == c),
    )
    table(
        "stage / band",
        STAGES,
        BANDS,
        lambda r, c: sum(1 for i in its if i.get("stage") == r and i.get("band") == c),
    )
    table(
        "stage / form",
        STAGES,
        FORMS,
        lambda r, c: sum(1 for i in its if i.get("stage") == r and i.get("form") == c),
    )
    table(
        "stage / split",
        STAGES,
        SPLITS,
        lambda r, c: sum(1 for i in its if i.get("stage") == r and i.get("split") == c),
    )
    table(
        "file / kind",
        files,
        KINDS,
        lambda r, c: sum(1 for n, i in items if n == r and i.get("kind") == c),
    )
    probes = sorted({i.get("expected_probe") for i in its}, key=lambda g: (g == "none", g))
    table(
        "expected_probe / stage",
        probes,
        STAGES,
        lambda r, c: sum(1 for i in its if i.get("expected_probe") == r and i.get("stage") == c),
    )
    gaming = Counter(i["gaming"] for i in its if "gaming" in i)
    print("\ngaming kinds: " + ", ".join(f"{k} {gaming[k]}" for k in GAMING))
    langs = Counter(i["language"] for i in its if "language" in i)
    print("languages: " + ", ".join(f"{k} {langs[k]}" for k in LANGUAGES))
    fills = Counter(i["fills_gap"] for i in its if "fills_gap" in i)
    print(f"follow-ups filling their gap: {fills[True]}, not filling: {fills[False]}")
    extra = sorted(g for g in used_gaps if g not in probe_gaps)
    print("gaps used that are not in probes.yaml yet: " + (", ".join(extra) or "none"))


if __name__ == "__main__":
    sys.exit(main())
