"""`liveblog follow` end to end: a local HTTP server whose live page gains an entry and has one edited
while `follow` runs; the entries are read back from the broker with an independent client."""

from __future__ import annotations

import http.server
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.worker.broker import EmbeddedBroker
from streams.replay.follow import SentIds, new_entries
from tests.conftest import LIVEBLOG, ROOT, wait_until
from tests.kafka_reader import read_topic

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

PAGE = ("Kharkiv strikes live\n\nWednesday, May 1, 2024\n\n"
        "{extra}"
        "1535 GMT –– Five people were killed as Russia struck Ukraine's eastern Kharkiv and Donetsk regions.\n\n"
        "{edited}\n\n"
        "1420 GMT –– Russia displays NATO weapons seized from Ukrainian army\n\nAn exhibition opened in Moscow.\n")
FIRST = "1303 GMT –– Ukraine hopes to boost winter gas storage for Europe\n\nUkraine hopes to store gas."
EDITED = "1303 GMT –– Ukraine hopes to boost winter gas storage for Europe by 60 pct\n\nUkraine hopes to store more gas."
NEW = "1610 GMT –– Air raid alert across eastern Ukraine\n\nSirens sounded in Kharkiv.\n\n"


class Page:
    """The live page the server serves; tests change it while `follow` polls."""

    def __init__(self) -> None:
        self.text = PAGE.format(extra="", edited=FIRST)
        self.requests = 0
        self.fail = False


@pytest.fixture
def live_page() -> Iterator[tuple[Page, str]]:
    page = Page()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            page.requests += 1
            if page.fail:
                self.send_error(503)
                return
            body = page.text.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield page, f"http://127.0.0.1:{server.server_address[1]}/live"
    server.shutdown()


def start_follow(url: str, broker: EmbeddedBroker, state: Path, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen([LIVEBLOG, "follow", url, "--interval", "0.3", "--source", "Test outlet",
                                 "--state", str(state), "--broker", broker.url], stdout=out, stderr=subprocess.STDOUT,
                                cwd=ROOT)


def headlines(records: list[dict]) -> list[str]:
    return sorted(r["value"]["headline"] for r in records)


@pytest.mark.broker
def test_follow_publishes_new_and_revised_entries_once_across_restarts(live_page, broker, tmp_path):
    page, url = live_page
    state, log = tmp_path / "follow-state.json", tmp_path / "follow.log"
    follower = start_follow(url, broker, state, log)
    try:
        wait_until(lambda: "3 new or revised published" in log.read_text())  # the topics exist: read them
        read = lambda n: read_topic(broker.bootstrap, "liveblog.entries", until=lambda r: len(r) >= n, timeout=30)  # noqa: E731
        first = read(3)
        assert headlines(first) == sorted(["Five people were killed as Russia struck Ukraine's eastern Kharkiv and "
                                           "Donetsk regions.", "Russia displays NATO weapons seized from Ukrainian army",
                                           "Ukraine hopes to boost winter gas storage for Europe"])
        page.fail = True  # the page goes away for a while: reported, retried, nothing lost
        seen = page.requests
        wait_until(lambda: page.requests >= seen + 2)
        page.fail = False
        page.text = PAGE.format(extra=NEW, edited=EDITED)
        after = read(5)
        assert len(after) == 5
        assert "Air raid alert across eastern Ukraine" in headlines(after)
        assert "Ukraine hopes to boost winter gas storage for Europe by 60 pct" in headlines(after)
        assert {r["value"]["published_at"] for r in after if "Air raid" in r["value"]["headline"]} == {
            "2024-05-01T16:10:00Z"}
        assert len({r["value"]["entry_id"] for r in after}) == 5
    finally:
        follower.terminate()
        follower.wait(20)
    assert "cannot read" in log.read_text() and "HTTP 503" in log.read_text()
    restarted = start_follow(url, broker, state, log)
    try:
        seen = page.requests
        wait_until(lambda: page.requests >= seen + 3)
    finally:
        restarted.terminate()
        restarted.wait(20)
    assert len(read_topic(broker.bootstrap, "liveblog.entries", until=lambda r: len(r) >= 5, timeout=10)) == 5


def test_only_ids_not_yet_sent_are_new(tmp_path):
    from streams.ingest import DocumentMeta, parse_text
    import datetime as dt

    meta = DocumentMeta(source="Test", date=dt.date(2024, 5, 1))
    entries = parse_text(PAGE.format(extra="", edited=FIRST), path="page", meta=meta)
    sent = SentIds(tmp_path / "state.json")
    assert new_entries(entries, sent) == sorted(entries, key=lambda e: e.published_at)
    sent.add(entries[:2])
    assert new_entries(entries, SentIds.load(tmp_path / "state.json")) == entries[2:]
