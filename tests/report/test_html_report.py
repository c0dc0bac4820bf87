"""The HTML report of a voice loop, opened in headless Chromium: turns, audio, charts, decision."""

from __future__ import annotations

import json
import re
import stat
import struct
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

import interviewer.cli.report  # noqa: F401  (registers `report` on the CLI group)
from interviewer.cli import cli
from interviewer.session.state import build_state
from tests.report.browser import Browser
from tests.report.sessions import give_voice, scripted_session

# Runs in the page: waits until every player has loaded its clip's metadata (or failed), then
# reports what a reader would see.
INSPECT = """
(async () => {
  const audios = [...document.querySelectorAll('audio')];
  await Promise.all(audios.map(a => (a.readyState >= 1 || a.error) ? null : new Promise(done => {
    a.addEventListener('loadedmetadata', done, {once: true});
    a.addEventListener('error', done, {once: true});
    setTimeout(done, 15000);
  })));
  const size = sel => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return [box.width, box.height];
  };
  return JSON.stringify({
    turns: [...document.querySelectorAll('[data-turn]')].map(t => Number(t.dataset.turn)),
    audio: audios.map(a => ({clip: a.dataset.clip, src: a.getAttribute('src'),
      ready: a.readyState, duration: a.duration, error: a.error && a.error.code,
      turn: Number(a.closest('[data-turn]').dataset.turn)})),
    charts: {values: size('#values-chart svg'), delivery: size('#delivery-chart svg')},
    decision: (document.querySelector('#decision') || {}).innerText || null,
    badge: (document.querySelector('#decision-badge') || {}).innerText || null,
    votes: document.querySelectorAll('.board .vote-row').length,
    marks: [...document.querySelectorAll('.answer mark')].map(m => m.textContent),
    missing: [...document.querySelectorAll('.missing')].map(m => m.textContent),
    resources: performance.getEntriesByType('resource').map(r => r.name),
    width: document.documentElement.scrollWidth,
  });
})()
"""


@pytest.fixture(scope="module")
def voice_loop(tmp_path_factory):
    """A complete cold-start loop with a recording for every question and answer but one."""
    root = tmp_path_factory.mktemp("loop")
    source = scripted_session(root, "loop", "--cold-start")
    store, clips = give_voice(source, root / "sessions" / "20260101-090000-loop")
    lost = clips[5][0]  # a recording deleted after the session: reported, not a dead player
    (store.folder / lost).unlink()
    return store, [c for c, _ in clips if c != lost], lost


def write_report(*args: str) -> Path:
    result = CliRunner().invoke(cli, ["report", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Path(result.output.strip().splitlines()[0].removeprefix("Wrote "))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def inspect(browser: Browser, page: Path, width: int, height: int, mobile: bool = False) -> dict:
    browser.open(page.resolve().as_uri(), width, height, mobile)
    return json.loads(browser.evaluate(INSPECT))


def test_html_report_of_a_voice_loop_in_chromium(voice_loop, chromium, tmp_path):
    store, clips, lost = voice_loop
    state = build_state(store.read())
    page = write_report(str(store.folder), "--html")
    assert page == store.folder / "report.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600

    with Browser(chromium) as browser:
        seen = inspect(browser, page, 1280, 900)
        shot = browser.screenshot(tmp_path / "report.png")
        phone = inspect(browser, page, 390, 844, mobile=True)

    # Every turn is on the page, once, in order.
    assert seen["turns"] == [t.asked.turn for t in state.turns]
    # One player per surviving recording, each loaded from a file beside the report.
    assert sorted(a["clip"] for a in seen["audio"]) == sorted(clips)
    for audio in seen["audio"]:
        assert not audio["src"].startswith(("/", "file:", "http")), audio  # relative: zippable
        assert (page.parent / unquote(audio["src"])).is_file()
        assert audio["error"] is None and audio["ready"] >= 1, audio
        assert audio["duration"] == pytest.approx(0.4, abs=0.05)
    # The lost recording is named, not shown as a broken player.
    assert any(lost in text for text in seen["missing"])
    # Both charts are drawn with a real size.
    for name, box in seen["charts"].items():
        assert box and box[0] > 200 and box[1] > 100, (name, box)
    # The board, and the decision with the rule behind it.
    decision = state.decision.decision
    assert seen["votes"] == len(state.interviews)
    assert decision.outcome.lower() in seen["badge"].lower()
    assert decision.explanation in seen["decision"] and "Rule:" in seen["decision"]
    assert decision.rule[:60] in seen["decision"]
    # Evidence quotes are marked inside the transcripts.
    quotes = {q for t in state.turns if t.latest_score for v in t.latest_score.values
              for q in v.quotes}
    assert quotes and quotes <= set(seen["marks"])
    # Offline: nothing but the page and its own audio files was fetched.
    assert all(url.startswith("file:") for url in seen["resources"]), seen["resources"]
    # A phone gets one column with nothing wider than the screen.
    assert phone["width"] <= 390
    assert phone["charts"]["values"][0] <= 390
    width, height = png_size(shot)
    assert 1200 <= width <= 1280 and height > 3000  # the page, less a scrollbar
    assert shot.stat().st_size > 100_000


def test_embedded_audio_report_works_alone(voice_loop, chromium, tmp_path):
    store, clips, _ = voice_loop
    page = write_report(str(store.folder), "--html", str(tmp_path / "shared" / "loop.html"),
                        "--embed-audio")
    assert page.parent == tmp_path / "shared"
    with Browser(chromium) as browser:
        seen = inspect(browser, page, 1024, 768)
    assert len(seen["audio"]) == len(clips)
    for audio in seen["audio"]:
        assert audio["src"].startswith("data:audio/wav;base64,")
        assert audio["error"] is None and audio["duration"] == pytest.approx(0.4, abs=0.05)
    assert seen["resources"] == []  # no files besides the page itself


def test_report_outside_the_session_links_back_to_its_audio(voice_loop, tmp_path):
    store, clips, _ = voice_loop
    page = write_report(str(store.folder), "--html", str(tmp_path / "elsewhere.html"))
    html = page.read_text()
    sources = [unquote(s) for s in re.findall(r'<audio[^>]* src="([^"]+)"', html)]
    assert len(sources) == len(clips)
    assert all(s.startswith("../") for s in sources)
    resolved = {(page.parent / s).resolve() for s in sources}
    assert resolved == {(store.folder / c).resolve() for c in clips}
    assert "--embed-audio" in html  # the page says how to make it portable
