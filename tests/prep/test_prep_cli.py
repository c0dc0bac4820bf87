"""CLI smoke tests: `stories`, `progress` and `plan` through click, and one real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from interviewer.cli import cli
from interviewer.errors import UserError
from interviewer.prep.bank import default_bank_path, load_bank
from tests.support import run_cli


def invoke(runner, *args: str, input: str | None = None):
    """Run the CLI in-process (commands registered by conftest's imports)."""
    return runner.invoke(cli, list(args), input=input)


ADD = [
    "stories",
    "add",
    "--title",
    "Delayed the Friday release",
    "--action",
    "I weighed the risk and made the call to delay it by a week.",
    "--outcome",
    "Rollback time fell by 40%.",
    "--value",
    "judgement, courage",
]


def test_first_run_is_a_starting_point_not_an_empty_screen(runner, tmp_path):
    coverage = invoke(runner, "stories", "coverage")
    assert coverage.exit_code == 0
    assert "Judgment" in coverage.output and "Impact" in coverage.output
    assert "interviewer stories add" in coverage.output
    listing = invoke(runner, "stories", "list")
    assert "empty" in listing.output and "interviewer stories add" in listing.output
    progress = invoke(runner, "progress", "--sessions-dir", str(tmp_path / "none"))
    assert "interviewer practice --stage manager" in progress.output
    plan = invoke(runner, "plan", "--weeks", "2", "--sessions-dir", str(tmp_path / "none"))
    assert plan.exit_code == 0 and "Day 14" in plan.output and "baseline" in plan.output


def test_add_list_edit_remove(runner):
    added = invoke(runner, *ADD)
    assert added.exit_code == 0, added.output
    assert "Added 'delayed-the-friday-release'" in added.output
    assert "Judgment: heard in" in added.output
    assert "no sentence shows Courage" in added.output
    listing = invoke(runner, "stories", "list")
    assert "Judgment ok" in listing.output and "Courage (not shown)" in listing.output
    edited = invoke(
        runner,
        "stories",
        "edit",
        "delayed",
        "--action",
        "I made the call to delay it. I told my director directly even though it "
        "was uncomfortable.",
    )
    assert edited.exit_code == 0, edited.output
    assert "Courage: heard in" in edited.output
    assert load_bank().stories[0].outcome == "Rollback time fell by 40%."  # other fields kept
    as_json = json.loads(invoke(runner, "stories", "list", "--json").output)
    assert as_json[0]["confirmed"] == ["Judgment", "Courage"]
    removed = invoke(runner, "stories", "remove", "delayed", "--yes")
    assert removed.exit_code == 0 and load_bank().stories == []


def test_interactive_add(runner):
    answers = "\n".join(
        [
            "Coached a new hire",
            "When the team grew",
            "I gave her the credit in the review",
            "She shipped in 2 weeks",
            "",
            "",
            "Selflessness",
        ]
    )
    result = invoke(runner, "stories", "add", input=answers + "\n")
    assert result.exit_code == 0, result.output
    story = load_bank().stories[0]
    assert story.title == "Coached a new hire" and story.values == ["Selflessness"]
    assert story.principle == ""


def test_edit_in_editor(runner, monkeypatch):
    invoke(runner, *ADD)
    monkeypatch.setattr(
        "click.edit", lambda text, **_: text.replace("Delayed the Friday", "Held the Friday")
    )
    result = invoke(runner, "stories", "edit", "delayed")
    assert result.exit_code == 0, result.output
    assert load_bank().stories[0].title == "Held the Friday release"
    monkeypatch.setattr("click.edit", lambda text, **_: text.replace("values:", "valeus:"))
    bad = invoke(runner, "stories", "edit", "delayed")
    assert isinstance(bad.exception, UserError) and "unknown field 'valeus'" in str(bad.exception)
    assert load_bank().stories[0].values == ["Judgment", "Courage"]  # nothing changed


def test_user_errors(runner):
    invoke(runner, *ADD)
    for args, expected in [
        (["stories", "edit", "nope", "--title", "x"], "no story 'nope'"),
        (["stories", "add", "--title", "x", "--value", "Curage"], "did you mean Courage?"),
    ]:
        result = invoke(runner, *args)
        assert isinstance(result.exception, UserError)
        assert expected in str(result.exception)


def test_import_progress_plan_on_sessions(runner, improving_sessions, tmp_path):
    latest = sorted(p.name for p in improving_sessions.iterdir())[-1]
    imported = invoke(
        runner, "stories", "import", latest, "--sessions-dir", str(improving_sessions)
    )
    assert imported.exit_code == 0, imported.output
    assert "Added draft" in imported.output
    again = invoke(
        runner, "stories", "import-from-session", latest, "--sessions-dir", str(improving_sessions)
    )
    assert "already in the bank" in again.output
    html = tmp_path / "progress.html"
    progress = invoke(
        runner, "progress", "--sessions-dir", str(improving_sessions), "--html", str(html)
    )
    assert progress.exit_code == 0, progress.output
    assert "no principle until asked" in progress.output and "<svg" in html.read_text()
    data = json.loads(
        invoke(runner, "progress", "--json", "--sessions-dir", str(improving_sessions)).output
    )
    assert len(data["sessions"]) == 4
    plan = invoke(
        runner, "plan", "--weeks", "4", "--json", "--sessions-dir", str(improving_sessions)
    )
    days = json.loads(plan.output)["days"]
    assert len(days) == 28 and days[0]["tasks"][1]["key"] == "review"


def test_bad_bank_is_one_line_in_a_real_process(home):
    home.mkdir(parents=True)
    default_bank_path().write_text("stories:\n- title: A\n  values: [Curage]\n")
    code = "import interviewer.cli.stories; from interviewer.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, "stories", "coverage"],
        capture_output=True,
        text=True,
        env={**os.environ},
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert "stories.yaml: story 1 ('A'): field 'values'" in result.stderr
    assert result.stderr.count("\n") == 1


def test_registered_in_the_main_cli():
    result = run_cli("plan", "--weeks", "2", "--sessions-dir", "none")
    assert result.returncode == 0 and "Day 14" in result.stdout
