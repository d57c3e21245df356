"""Debian's real Prometheus scrapes the worker's /metrics (Faust's web server with the worker's
routes, fed with seed 004's records) and answers a query for liveblog_toll."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import urllib.parse
import urllib.request

from streams.worker.broker import free_port
from tests.test_alerts import fold_outputs
from tests.test_web import feed, start_web
import pytest

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them


def query(url: str, expression: str) -> list[dict]:
    with urllib.request.urlopen(f"{url}/api/v1/query?query={urllib.parse.quote(expression)}", timeout=5) as response:
        return json.loads(response.read())["data"]["result"]


async def test_prometheus_scrapes_the_worker_and_reads_every_toll(tmp_path):
    binary = shutil.which("prometheus")
    assert binary, "Debian's prometheus is needed (./setup.sh installs it)"
    port, app, model = await start_web()
    outputs = fold_outputs()
    feed(model, outputs)
    series = {record.series for kind, record in outputs if kind == "toll"}
    assert series
    prometheus_port = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(f"global: {{scrape_interval: 1s}}\nscrape_configs:\n  - job_name: liveblog-worker\n"
                      f"    static_configs: [{{targets: ['127.0.0.1:{port}']}}]\n")
    log = open(tmp_path / "prometheus.log", "wb")
    process = subprocess.Popen([binary, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                                f"--web.listen-address=127.0.0.1:{prometheus_port}"], stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{prometheus_port}"
    try:
        deadline = asyncio.get_running_loop().time() + 60
        found: list[dict] = []
        while asyncio.get_running_loop().time() < deadline:
            try:
                found = await asyncio.to_thread(query, url, 'liveblog_toll{bound="best"}')
            except OSError:
                found = []
            if found:
                break
            await asyncio.sleep(0.5)
        assert {r["metric"]["series"] for r in found} == series
        assert all(r["metric"]["job"] == "liveblog-worker" for r in found)
    finally:
        process.terminate()
        process.wait(20)
        log.close()
        await app.web.stop()
