"""The whole chain a user runs: the pipeline's alerts for seed 004 on liveblog.alerts, `liveblog alerts
forward --alertmanager` (the console script), Debian's real Alertmanager, and a webhook receiver that
Alertmanager notifies. Read back through Alertmanager's own API."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from confluent_kafka import Producer

from streams.worker.broker import free_port
from tests.conftest import LIVEBLOG, ROOT, SEED_004, run_cli, wait_until

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

RESOLVE_TIMEOUT_S = 4


class Notifications:
    """Alertmanager's webhook notifications, as a receiver behind it gets them."""

    def __init__(self) -> None:
        self.payloads: list[dict] = []
        notifications = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                notifications.payloads.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/notify"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def alertnames(self, status: str) -> set[tuple[str, str]]:
        return {(a["labels"]["alertname"], a["fingerprint"]) for p in self.payloads for a in p["alerts"]
                if a["status"] == status}


@pytest.fixture
def alertmanager(tmp_path: Path) -> Iterator[tuple[str, Notifications]]:
    binary = shutil.which("prometheus-alertmanager")
    assert binary, "Debian's prometheus-alertmanager is needed (./setup.sh installs it)"
    notifications = Notifications()
    config = tmp_path / "alertmanager.yml"
    config.write_text(f"""global:
  resolve_timeout: {RESOLVE_TIMEOUT_S}s
route:
  receiver: test
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
- name: test
  webhook_configs:
  - url: {notifications.url}
    send_resolved: true
""")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "alertmanager.log", "wb")
    process = subprocess.Popen([binary, f"--config.file={config}", f"--storage.path={tmp_path / 'am-data'}",
                                f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address="],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: _get(f"{url}/api/v2/status") is not None, timeout=30)
        yield url, notifications
    finally:
        process.terminate()
        process.wait(20)
        notifications.server.shutdown()
        log.close()


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.loads(response.read() or b"null")
    except (OSError, ValueError):
        return None


def active(url: str) -> dict[str, dict]:
    """Alertmanager's active alerts, by alertname and labels (its own fingerprint differs from ours)."""
    return {json.dumps(a["labels"], sort_keys=True): a for a in _get(f"{url}/api/v2/alerts?active=true") or []
            if a["status"]["state"] == "active"}


def start_forwarder(alertmanager_url: str, broker_url: str, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen([LIVEBLOG, "alerts", "forward", "--alertmanager", alertmanager_url,
                                 "--resend-interval", "1", "--external-url", "http://127.0.0.1:6066/",
                                 "--broker", broker_url], stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(20)


@pytest.mark.broker
def test_alerts_reach_a_real_alertmanager_and_stay_active_across_a_forwarder_restart(alertmanager, broker, tmp_path):
    url, notifications = alertmanager
    assert run_cli("topics", "create", "--broker", broker.url).returncode == 0
    analyzed = run_cli("analyze", str(SEED_004), "--emit", "alerts")
    assert analyzed.returncode == 0, analyzed.stderr
    records = [json.loads(line) for line in analyzed.stdout.splitlines()]
    producer = Producer({"bootstrap.servers": broker.bootstrap})
    for record in records:  # as the worker publishes them: keyed by fingerprint
        producer.produce("liveblog.alerts", key=record["fingerprint"], value=json.dumps(record))
    producer.flush(30)
    latest = {r["fingerprint"]: r for r in records}
    firing = {json.dumps({"alertname": r["rule"], "severity": r["severity"], **r["labels"]}, sort_keys=True): r
              for r in latest.values() if r["status"] == "firing"}
    resolved = [r for r in latest.values() if r["status"] == "resolved"]
    assert firing and resolved  # seed 004 leaves some alerts firing and resolves one

    log = tmp_path / "forwarder.log"
    forwarder = start_forwarder(url, broker.url, log)
    try:
        wait_until(lambda: set(active(url)) == set(firing))
        for key, alert in active(url).items():
            assert alert["annotations"]["summary"] == firing[key]["summary"]
            assert alert["annotations"]["dashboard"] == "http://127.0.0.1:6066/"
            assert alert["startsAt"].startswith(firing[key]["starts_at"][:19])
        # Alertmanager notified its receiver of every firing alert
        wait_until(lambda: {name for name, _ in notifications.alertnames("firing")} == {r["rule"] for r in firing.values()})
    finally:
        stop(forwarder)

    restarted = start_forwarder(url, broker.url, log)  # knows the firing alerts from the compacted topic
    try:
        time.sleep(3 * RESOLVE_TIMEOUT_S)
        assert set(active(url)) == set(firing), "firing alerts resolved while a forwarder was running"
    finally:
        stop(restarted)
    wait_until(lambda: not active(url), timeout=6 * RESOLVE_TIMEOUT_S)  # nobody re-sends them: Alertmanager resolves
    assert "re-sent" in log.read_text()
