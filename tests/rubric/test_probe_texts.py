"""Probe wording that fits every answer it can follow (prompts/probes.yaml)."""

from __future__ import annotations

import re

from interviewer.rubric.content import default_content

# Words that take for granted the candidate laid out options; only a probe that `requires`
# both_sides (they did) may say them. QA heard "which way do you go?" after "I guess working
# hard." and the candidate asked "choose between what?".
SIDES = re.compile(r"\b(which way|both sides|pick (a|one) side|which side)\b", re.IGNORECASE)


def test_hedging_probes_speak_of_sides_only_when_the_answer_gave_them():
    probes = [p for p in default_content().probes if p.gap == "hedging"]
    assert any("both_sides" in p.requires for p in probes)  # the ones that may say it
    for probe in probes:
        if "both_sides" in probe.requires:
            continue
        for text in probe.texts:
            assert not SIDES.search(text), (probe.id, text)
