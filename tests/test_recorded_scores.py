"""A finished session keeps the figures it was scored with; a re-score applies a new scorer."""

from __future__ import annotations

import json

from tests.support import STRONG_STORY, run_cli, write_answers


def _session(sessions_dir, tmp_path) -> tuple[str, object]:
    answers = write_answers(tmp_path / "a.txt", [STRONG_STORY] * 12)
    assert run_cli("practice", "--stage", "manager", "--answers", str(answers)).returncode == 0
    listed = json.loads(run_cli("sessions", "--json").stdout)
    folder = next(sessions_dir.iterdir())
    return listed[0]["id"], folder / "events.jsonl"


def _rewrite_vote(events, change) -> None:
    lines = events.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        event = json.loads(line)
        if event["type"] == "vote_cast":
            change(event["vote"])
        out.append(json.dumps(event))
    events.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_the_overall_rests_on_the_recorded_exchange_scores(sessions_dir, tmp_path):
    session_id, events = _session(sessions_dir, tmp_path)
    vote = next(json.loads(x)["vote"] for x in events.read_text().splitlines()
                if json.loads(x)["type"] == "vote_cast")
    assert vote["exchange_scores"] and round(
        sum(vote["exchange_scores"]) / len(vote["exchange_scores"])) == vote["score"]
    assert "mean of" in vote["reasons"][0] and "best" in vote["reasons"][0]
    # As if the scorer had been different when the session was scored.
    _rewrite_vote(events, lambda v: v.update(exchange_scores=[20] * len(v["exchange_scores"]),
                                             score=20))
    assert json.loads(run_cli("sessions", "--json").stdout)[0]["overall"] == 20
    replay = run_cli("replay", session_id, "--no-audio").stdout
    assert "Overall: 20/100" in replay


def test_an_older_vote_without_exchange_scores_stands_for_its_exchanges(sessions_dir, tmp_path):
    _, events = _session(sessions_dir, tmp_path)

    def older(vote):
        vote.pop("exchange_scores")
        vote["score"] = 33
    _rewrite_vote(events, older)
    assert json.loads(run_cli("sessions", "--json").stdout)[0]["overall"] == 33
