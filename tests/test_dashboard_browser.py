"""The dashboard in a real browser: Debian's chromium driven by Python playwright (no browser download).

Two runs: the page on the worker's web views fed record by record (no broker, fast), and the real
worker while ``liveblog replay`` runs. Both assert that the tolls appear and that the page updates
in place, and save a screenshot under ``test-artifacts/``.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright

from streams.fold.alerts import AlertEvaluator, load_rules
from tests.conftest import LIVEBLOG, ROOT, SEED_004, start_worker, stop
from tests.test_alerts import fold_outputs
from tests.test_web import feed, served  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
NK = "nagorno-karabakh/military/killed"


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            await chromium.close()


async def best_of(page: Page, series: str) -> str | None:
    row = page.locator(f'tr.toll[data-series="{series}"] td.best')
    return await row.text_content() if await row.count() else None


async def updates(page: Page) -> int:
    return int(await page.locator("body").get_attribute("data-updates") or 0)


async def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    await page.screenshot(path=str(path), full_page=True)
    return path


async def test_page_shows_tolls_and_updates_in_place(browser, served):  # noqa: F811
    outputs = fold_outputs()
    first = next(i for i, (kind, record) in enumerate(outputs) if kind == "event" and record.published_at.hour == 12)
    evaluator = AlertEvaluator({}, load_rules())
    feed(served.model, outputs[:first], evaluator)  # the replay so far: up to noon
    page = await browser.new_page(viewport={"width": 1280, "height": 900})
    await page.goto(served.url + "/")
    await page.wait_for_function(f"document.querySelector('tr.toll[data-series=\"{NK}\"]') !== null")
    assert await best_of(page, NK) == "31"
    seen = await updates(page)
    feed(served.model, outputs[first:], evaluator)  # the rest arrives while the page is open
    await page.wait_for_function(
        f"document.querySelector('tr.toll[data-series=\"{NK}\"] td.best').textContent === '84'", timeout=10_000)
    assert await updates(page) > seen
    assert await page.locator("#feed li").first.text_content() is not None
    assert "26 more troops killed" in (await page.locator("#feed li").first.text_content() or "")
    assert await page.locator("#chart rect[data-hour]").count() == 14
    row = page.locator(f'tr.toll[data-series="{NK}"]')
    assert "26 more" in (await row.get_attribute("title") or "")  # provenance on hover
    await row.click()  # and on click
    assert "26 more" in (await page.locator(f'tr.provenance[data-series="{NK}"]').text_content() or "")
    assert await page.locator("#alerts li").count() == 9  # one line per condition, latest status
    assert (await screenshot(page, "dashboard-harness.png")).stat().st_size > 10_000


async def open_when_up(page: Page, url: str) -> None:
    for _ in range(120):  # the worker's web server starts once it joined its group
        try:
            await page.goto(url)
            return
        except Exception:  # noqa: BLE001 - connection refused until the web server is up
            await asyncio.sleep(0.5)
    raise AssertionError(f"{url} never answered")


async def wait_for_log(log: Path, text: str) -> None:
    for _ in range(240):
        if text in log.read_text(errors="replace"):
            return
        await asyncio.sleep(0.5)
    raise AssertionError(f"{text!r} never in {log}")


@pytest.mark.broker
async def test_page_updates_while_a_replay_runs_and_the_worker_restarts(browser, worker, worker_env, tmp_path):
    """The page on the real worker while `liveblog replay` runs; the worker is restarted mid-replay and
    the new one shows the whole picture again, read from the topics."""
    url = f"http://127.0.0.1:{worker_env['LIVEBLOG_WEB_PORT']}/"
    page = await browser.new_page(viewport={"width": 1280, "height": 900})
    await open_when_up(page, url)
    await page.wait_for_selector("#status.live", timeout=30_000)
    await wait_for_log(tmp_path / "worker.log", "Worker ready")  # joined its group, recovered its tables
    # 14 hours of event time at 1200x, pauses capped at 2 s: about 35 s, so the first tolls show
    # well before it ends
    replay = subprocess.Popen([LIVEBLOG, "replay", str(SEED_004), "--speed", "1200", "--max-wait", "2"],
                              env=worker_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = None
    try:
        await page.wait_for_function(f"document.querySelector('tr.toll[data-series=\"{NK}\"]') !== null",
                                     timeout=90_000)
        assert replay.poll() is None, "the replay should still be running: the page updated live"
        early = await best_of(page, NK)
        stop(worker)  # mid-replay: a new worker takes over, with an empty memory
        second = start_worker(worker_env, tmp_path / "worker-2.log")
        await open_when_up(page, url)
        await page.wait_for_function(f"document.querySelector('tr.toll[data-series=\"{NK}\"]') !== null",
                                     timeout=90_000)  # the tolls so far, read back from the topic
        await page.wait_for_function(
            f"document.querySelector('tr.toll[data-series=\"{NK}\"] td.best').textContent === '84'", timeout=150_000)
        assert early != "84"  # the toll changed in place
        await page.wait_for_function("document.querySelectorAll('#chart rect[data-hour]').length === 14",
                                     timeout=60_000)
        assert replay.wait(60) == 0, replay.stderr.read() if replay.stderr else ""
        assert "26 more troops killed" in (await page.locator("#feed").text_content() or "")
        await screenshot(page, "dashboard-replay.png")
    finally:
        if replay.poll() is None:
            replay.kill()
            replay.wait()
        if second is not None:
            stop(second, tmp_path / "worker-2.log")
