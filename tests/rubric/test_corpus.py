"""The offline interviewer against the graded corpus in tests/data/judgement.

Thresholds are floors with room, not the benchmark's figures (benchmarks/judgement.py prints those).
"""

from __future__ import annotations

from statistics import mean

import pytest

from benchmarks.judgement import spearman
from interviewer.brains.offline import OfflineBrain
from interviewer.rubric.content import default_content
from tests.rubric.corpus import judge, load

CONCISE_FLAGS = ("unreadable", "evasive", "off topic", "did not address")


@pytest.fixture(scope="module")
def judged():
    content = default_content()
    brain = OfflineBrain(content)
    items = load()
    return items, {item["id"]: judge(item, content, brain) for item in items}


def test_no_gaming_attempt_reaches_its_honest_family(judged):
    items, result = judged
    honest: dict[str, list[int]] = {}
    for item in items:
        if not item.get("gaming") and not item.get("language"):
            honest.setdefault(item["family"], []).append(result[item["id"]].score)
    gaming = [i for i in items if i.get("gaming")]
    assert len(gaming) >= 20
    beating = [i["id"] for i in gaming
               if result[i["id"]].score >= min(honest[i["honest_family"]])]
    assert not beating


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_scores_follow_the_grades(judged, split):
    items, result = judged
    english = [i for i in items if i["split"] == split and not i.get("language")]
    rho = spearman([result[i["id"]].score for i in english], [i["grade"] for i in english])
    assert rho >= 0.6


def test_strong_answers_outrank_weak_ones_to_the_same_question(judged):
    items, result = judged
    by_question: dict[str, dict[str, list[int]]] = {}
    for item in items:
        if item["kind"] == "question" and not item.get("gaming") and not item.get("language"):
            bands = by_question.setdefault(item.get("question_id") or item["question"], {})
            bands.setdefault(item["band"], []).append(result[item["id"]].score)
    compared = 0
    for bands in by_question.values():
        if "strong" in bands and ("weak" in bands or "poor" in bands):
            lower = bands.get("weak", []) + bands.get("poor", [])
            assert mean(bands["strong"]) > mean(lower)
            compared += 1
    assert compared >= 3


def test_the_scale_spreads_with_quality(judged):
    items, result = judged
    english = [i for i in items if not i.get("language") and not i.get("gaming")]
    band = {b: mean(result[i["id"]].score for i in english if i["band"] == b)
            for b in ("poor", "weak", "solid", "strong")}
    assert band["poor"] < 35 < band["solid"] < band["strong"]
    assert 40 <= mean(result[i["id"]].score for i in english) <= 65


def test_expected_first_probes_are_mostly_hit(judged):
    items, result = judged
    english = [i for i in items if not i.get("language")]
    hits = sum(result[i["id"]].probe == i["expected_probe"] for i in english)
    assert hits / len(english) >= 0.5


def test_concise_follow_up_answers_are_never_flagged(judged):
    items, result = judged
    concise = [i for i in items if i["kind"] == "follow_up" and i.get("fills_gap")]
    assert len(concise) >= 20
    flagged = [i["id"] for i in concise
               if any(c in f for f in result[i["id"]].turn_flags for c in CONCISE_FLAGS)]
    assert not flagged


def test_filling_the_probed_gap_raises_the_exchange(judged):
    items, result = judged
    content = default_content()
    raised = []
    for item in items:
        if item["kind"] != "follow_up" or not item.get("fills_gap"):
            continue
        main = dict(item, kind="question", answer=item["previous_answer"])
        raised.append(result[item["id"]].score > judge(main, content).score)
    assert sum(raised) >= 0.9 * len(raised)


def test_the_blind_split_is_left_out_unless_asked_for():
    """The tests never see the blind split (nobody tunes on it); the benchmark asks for it."""
    default = load()
    everything = load(blind=True)
    blind = [i for i in everything if i["split"] == "blind"]
    assert not any(i["split"] == "blind" for i in default)
    assert len(blind) >= 40
    assert len(everything) == len(default) + len(blind)
