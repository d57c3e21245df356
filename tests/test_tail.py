"""`liveblog tail`: the pipeline's records for seed 004 on their topics, printed as a user reads them."""

from __future__ import annotations

import json

import pytest
from confluent_kafka import Producer

from tests.conftest import SEED_004, run_cli

pytestmark = pytest.mark.slow  # brokers, workers, browsers or real servers: `pytest -m "not slow"` skips them

KEYS = {"tolls": "series", "windows": "window_start", "alerts": "fingerprint", "events": "event_id"}
TOPICS = {"tolls": "liveblog.tolls", "windows": "liveblog.windows.hourly", "alerts": "liveblog.alerts",
          "events": "liveblog.events"}


@pytest.fixture
def published(broker) -> dict[str, list[dict]]:
    """What `analyze` emits for seed 004, published on the topics as the worker does (keyed)."""
    assert run_cli("topics", "create", "--broker", broker.url).returncode == 0
    producer = Producer({"bootstrap.servers": broker.bootstrap})
    records = {}
    for emit, topic in TOPICS.items():
        done = run_cli("analyze", str(SEED_004), "--emit", emit)
        assert done.returncode == 0, done.stderr
        records[emit] = [json.loads(line) for line in done.stdout.splitlines()]
        for record in records[emit]:
            producer.produce(topic, key=str(record[KEYS[emit]]), value=json.dumps(record))
    producer.flush(30)
    return records


@pytest.mark.broker
def test_tail_shows_tolls_as_a_table_alerts_with_severity_and_json_as_published(broker, published):
    tolls = run_cli("tail", "liveblog.tolls", "--broker", broker.url, timeout=60)
    assert tolls.returncode == 0, tolls.stderr
    latest = {t["series"]: t for t in published["tolls"]}
    for series, toll in latest.items():
        row = next(line for line in tolls.stdout.splitlines() if line.split("│")[1:2] and series in line)
        assert f" {toll['best']} " in row
    alerts = run_cli("tail", "liveblog.alerts", "--broker", broker.url, timeout=60)
    assert alerts.returncode == 0 and "critical" in alerts.stdout and "toll-jump" in alerts.stdout
    as_json = run_cli("tail", "liveblog.windows.hourly", "--json", "--broker", broker.url, timeout=60)
    read = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert sorted(read, key=json.dumps) == sorted(published["windows"], key=json.dumps)
    events = run_cli("tail", "liveblog.events", "--from-beginning", "--broker", broker.url, timeout=60)
    assert len(events.stdout.splitlines()) == len(published["events"])
    assert "Nagorno-Karabakh region says 26 more troops killed" in events.stdout


def test_tail_names_a_missing_topic(broker):
    done = run_cli("tail", "liveblog.tolls", "--broker", broker.url, timeout=60)
    assert done.returncode == 1 and "liveblog topics create" in done.stderr
