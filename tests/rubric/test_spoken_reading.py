"""Spoken English as it is spoken: numbers in words, ASR slips, approximation, any tense."""

from __future__ import annotations

from interviewer.rubric.content import default_content
from interviewer.rubric.results import Signals
from interviewer.rubric.signals import read_signals
from interviewer.rubric.spoken import plain
from interviewer.session.events import PlannedQuestion

Q = PlannedQuestion(id="q", text="Tell me about a decision you made.", values=["Judgment"])


def _read(text: str, stage: str = "onsite") -> Signals:
    settings = default_content().stages[stage]
    return read_signals(text, stage=settings, question=Q, keywords=[])


def test_numbers_in_words_are_figures():
    assert plain("It went from six a week to zero") == "it went from 6 a week to 0"
    assert "70000 dollars" in plain("about seventy thousand dollars lower")
    assert _read("I cut the pages from six a week to zero.").outcome


def test_principle_in_own_words_and_the_asr_slip():
    assert _read("I did it because I believe hiding a mistake costs more trust than the "
                 "mistake itself.").named_principle
    assert _read("the principal i acted on was reversibility").named_principle
    assert not _read("I work with a principal engineer on the team.").named_principle


def test_reflection_in_any_tense():
    assert _read("Today I would start the cleanup a year earlier.").reflection
    assert _read("I should have told her sooner.").reflection


def test_approximation_is_not_hedging():
    signals = _read("It costs maybe 40 bytes per entry, so I chose the doubly linked list.")
    assert signals.point_of_view != "hedged"
    assert _read("It depends, maybe, I guess it could go either way.").point_of_view == "hedged"
