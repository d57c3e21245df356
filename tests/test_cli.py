"""The commands as a user runs them: parse, analyze, schemas, broker, topics, demo."""

from __future__ import annotations

import pytest

import os
import signal
import subprocess
from pathlib import Path
from collections import Counter

import orjson
from aiokafka.admin import AIOKafkaAdminClient

from streams.ingest import parse_paths
from tests.conftest import LIVEBLOG, ROOT, SAMPLES, SEED_004, run_cli
from tests.test_pipeline_broker import EXPECTED_HOURLY


def lines(stdout: str) -> list[dict]:
    return [orjson.loads(line) for line in stdout.splitlines() if line.strip()]


def test_parse_prints_seed_004_as_json_lines_in_event_time_order():
    result = run_cli("parse", str(SEED_004))
    assert result.returncode == 0, result.stderr
    entries = lines(result.stdout)
    assert len(entries) == 25
    times = [e["published_at"] for e in entries]
    assert times == sorted(times) and times[0] == "2020-09-28T06:30:00Z" and times[-1] == "2020-09-28T20:35:00Z"


def test_parse_reports_an_undatable_document_with_its_name_and_fails(tmp_path):
    blog = tmp_path / "undated.txt"
    blog.write_text("Some live blog\n\n10:15 GMT – Something happened\n\nDetails here.\n")
    result = run_cli("parse", str(blog))
    assert result.returncode != 0
    assert "undated.txt" in result.stderr
    ok = run_cli("parse", str(blog), "--date", "2021-03-04", "--source", "Desk")
    assert ok.returncode == 0, ok.stderr
    assert [(e["published_at"], e["source"]) for e in lines(ok.stdout)] == [("2021-03-04T10:15:00Z", "Desk")]


def test_a_folder_is_read_as_its_documents_and_a_manifest_alone_is_no_document(tmp_path):
    samples = ROOT / "data" / "samples"
    folder = run_cli("analyze", str(samples), "--emit", "tolls")
    files = run_cli("analyze", *sorted(map(str, samples.glob("*.txt"))), "--emit", "tolls")
    assert folder.returncode == 0 and folder.stdout == files.stdout and folder.stdout
    alone = run_cli("parse", str(samples / "manifest.toml"))
    assert alone.returncode == 2 and "no document in" in alone.stderr and "manifest.toml" in alone.stderr


def test_parse_refuses_a_file_that_is_not_utf8(tmp_path):
    blob = tmp_path / "latin1.txt"
    blob.write_bytes("10:15 GMT - Caf\xe9 attacked\n".encode("latin-1"))
    result = run_cli("parse", str(blob), "--date", "2021-03-04")
    assert result.returncode != 0 and "latin1.txt" in result.stderr and "UTF-8" in result.stderr


def test_analyze_windows_gives_the_hourly_counts_and_matches_unique():
    result = run_cli("analyze", str(SEED_004), "--emit", "windows")
    assert result.returncode == 0, result.stderr
    final = [w for w in lines(result.stdout) if w["final"]]
    assert {int(w["window_start"][11:13]): w["events"] for w in final} == EXPECTED_HOURLY
    assert Counter(w["window_start"] for w in final).most_common(1)[0][1] == 1
    unique = lines(run_cli("analyze", str(SEED_004), str(SEED_004), "--emit", "unique").stdout)
    assert len(unique) == 25  # the same file twice: exact duplicates dropped
    entries = lines(run_cli("analyze", str(SEED_004), "--emit", "entries").stdout)
    assert entries == lines(run_cli("parse", str(SEED_004)).stdout)


def test_schemas_export_writes_the_committed_files(tmp_path):
    result = run_cli("schemas", "export", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for written in tmp_path.iterdir():
        assert written.read_bytes() == (ROOT / "schemas" / "json" / written.name).read_bytes()


@pytest.mark.slow
def test_broker_command_serves_until_sigterm_and_topics_create_is_idempotent():
    from streams.worker.broker import free_port

    port = free_port()
    process = subprocess.Popen([LIVEBLOG, "broker", "--port", str(port)], stdout=subprocess.PIPE, text=True,
                               cwd=ROOT)
    try:
        first_line = process.stdout.readline()
        assert f"kafka://127.0.0.1:{port}" in first_line
        env = {**os.environ, "LIVEBLOG_BROKER": f"kafka://127.0.0.1:{port}"}
        created = run_cli("topics", "create", env=env)
        assert created.returncode == 0, created.stderr
        assert "created  liveblog.windows.hourly" in created.stdout
        again = run_cli("topics", "create", env=env)
        assert again.returncode == 0 and "created" not in again.stdout

        import asyncio

        async def partitions() -> dict[str, int]:
            admin = AIOKafkaAdminClient(bootstrap_servers=f"127.0.0.1:{port}")
            await admin.start()
            try:
                described = await admin.describe_topics(["liveblog.entries", "liveblog.windows.hourly"])
                return {t["topic"]: len(t["partitions"]) for t in described}
            finally:
                await admin.close()

        assert asyncio.run(partitions()) == {"liveblog.entries": 4, "liveblog.windows.hourly": 4}
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(15) == 0
    assert "broker stopped" in process.stdout.read()


def test_bad_broker_address_is_a_usage_error():
    result = run_cli("topics", "create", "--broker", "nonsense")
    assert result.returncode == 2 and "kafka://HOST:PORT" in result.stderr


@pytest.mark.slow
def test_demo_runs_the_samples_end_to_end_and_stops_everything():
    env = {k: v for k, v in os.environ.items() if k != "LIVEBLOG_BROKER"}
    result = run_cli("demo", "--exit", env=env, timeout=240)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "embedded broker on kafka://127.0.0.1:" in result.stdout
    # the summary, read back from the topics: tolls with the claim behind each, hours, alerts
    assert "nagorno-karabakh/military/killed" in result.stdout and "Al Jazeera:" in result.stdout
    assert "alerts raised" in result.stdout and "toll-jump" in result.stdout
    assert "press Enter" not in result.stdout
    entries = parse_paths(sorted(SAMPLES.glob("*.txt")))
    hours = {e.published_at.replace(minute=0, second=0) for e in entries}
    assert f"{len(entries)} entries, {len(hours)} hourly windows final" in result.stdout  # all five samples
    import re

    worker_pid = int(re.search(r"worker started \(pid (\d+)\)", result.stdout)[1])
    assert not Path(f"/proc/{worker_pid}").exists()  # the demo stopped the worker it started
