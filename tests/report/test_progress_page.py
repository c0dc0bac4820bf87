"""The progress page: loops and single practices trended apart, and readable on a phone."""

from __future__ import annotations

import json
import re

from interviewer.prep.progress import load_progress
from interviewer.prep.progress_html import progress_html
from tests.report.browser import Browser
from tests.report.sessions import ANSWERS
from tests.support import run_cli

LAYOUT = """
JSON.stringify({
  page: document.documentElement.scrollWidth,
  svgs: [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().right),
  widths: [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width),
  tops: [...document.querySelectorAll('svg')].map(s => Math.round(s.getBoundingClientRect().top)),
  tables: [...document.querySelectorAll('.scroll')].map(d => d.scrollWidth - d.clientWidth),
  sections: [...document.querySelectorAll('section h2')].map(h => h.textContent),
})
"""


def test_progress_page_separates_loops_and_fits_a_phone(tmp_path, chromium):
    answers = tmp_path / "answers.txt"
    answers.write_text("\n---\n".join(ANSWERS * 25) + "\n", encoding="utf-8")
    root = tmp_path / "progress-sessions"
    for args in (["practice", "--stage", "manager"], ["practice", "--stage", "manager"],
                 ["loop", "--cold-start"]):
        run_cli(*args, "--answers", str(answers), "--sessions-dir", str(root), timeout=120,
                check=True)
    page, warning = progress_html(load_progress(root), root)
    assert warning is None and "width=device-width" in page
    loops, practices = page.split("<section class='practice'>")
    assert "Full loops (1)" in loops and "Single-stage practices (2)" in practices
    first_table = practices.split("</table>")[0]
    headers = re.findall(r"<th class='session'>(#\d+<small>\d\d-\d\d \d\d:\d\d</small>"
                         r"<small class='what'>[^<]+</small>)</th>", first_table)
    assert len(set(headers)) == 2, headers  # two practices in one minute are told apart
    path = tmp_path / "progress.html"
    path.write_text(page, encoding="utf-8")
    with Browser(chromium) as browser:
        browser.open(path.resolve().as_uri(), 390, 844, True)
        layout = json.loads(browser.evaluate(LAYOUT))
    assert layout["page"] <= 390, layout  # no sideways scrolling of the whole page
    assert layout["svgs"] and max(layout["svgs"]) <= 390, layout  # charts are not cut off
    assert layout["sections"] == ["Full loops (1)", "Single-stage practices (2)"]
    # A phone stacks the charts, each nearly the screen's width, one under another.
    assert len(layout["widths"]) == 8 and min(layout["widths"]) >= 300, layout
    assert len(set(layout["tops"])) == 8, layout
    assert max(layout["tables"][:4]) <= 0, "one loop's table fits a phone without scrolling"
    with Browser(chromium) as browser:
        browser.open(path.resolve().as_uri(), 1366, 900, True)
        desktop = json.loads(browser.evaluate(LAYOUT))
    assert len(set(desktop["tops"][:4])) == 2, "two charts side by side on a desktop"
