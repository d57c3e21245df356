"""``liveblog bench``: throughput, latency and memory of the pipeline, measured in one run.

Everything runs on embedded brokers this module starts itself (127.0.0.1 only, one fresh broker per
phase so no phase sees another's topics or state) and every process it starts is stopped on the way
out. Phases, each also callable on its own (the tests run them at a tiny size):

(a) ``raw_baseline``: aiokafka consume -> orjson decode+encode -> produce on one partition;
(b) ``pipeline_run`` with one worker: a synthetic corpus replayed at speed 0, from the first entry
    produced until the final window of the last hour is read back from liveblog.windows.hourly;
    the worker's RSS is sampled every 0.5 s (phase f reuses this run when sizes agree); per entry,
    the worker's CPU time, the records its agents read (Faust's per-record path) and the records
    written to every topic but liveblog.entries (outputs, the internal hop, changelogs);
(c) the ratio b / a;
(d) ``latency_run``: entries produced at a live rate, each one's send time against the first
    liveblog.windows.hourly update whose event_ids holds its event (event_id read from
    liveblog.entries.unique, since near-duplicate dedup may give another id than the entry_id);
(e) ``analyze_rate``: the offline pipeline (streams.analyze) on the same corpus, in one process and
    with a classifying process per CPU;
(f) RSS of the worker at 25 % and 100 % of a (longer) replay, progress being the events its fold
    released (its /metrics) of the replay's distinct entries: the entry stage reads far ahead;
(g) ``pipeline_run`` with two workers on the (default 4) partitions.

About the corpus: the synthetic corpus spreads its conflict-days over about four years. A speed-0
replay sends one heartbeat per gap that crosses an hour, but a live (paced) replay sends one every
5 minutes of event time to every partition, so the live phase (d) takes its entries from the corpus
with the gaps between days closed (``compact_days``: the n-th distinct day becomes day n, times of
day kept, entry ids recomputed); ``BenchConfig.compact`` does the same for the throughput corpus.
The JSON records how many heartbeats each replay carried.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import os
import re
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from schemas import Entry, ReplayControl, format_utc
from streams.worker.broker import EmbeddedBroker, free_port
from streams.worker.fetching import adapt_fetch_wait
from streams.replay.producer import linger_ms, replay, send_clock
from streams.replay.schedule import Scheduled, replay_schedule, schedule_counts
from streams.worker.processes import spawn_worker, stop_process
from streams.settings import Settings
from streams.worker.topics import ENTRIES, HOURLY, TABLE_ENTRY_SEEN, TABLE_FOLD, UNIQUE, changelog_topic, create_topics
from streams.fold.windows import HOUR, window_starts

__all__ = ["BenchConfig", "BenchResult", "FULL", "QUICK", "run_bench", "raw_baseline", "pipeline_run",
           "latency_run", "analyze_rate", "make_corpus", "compact_days", "last_line"]

TARGETS = {"pipeline_per_s": 1_200, "two_workers_scale": 1.6, "analyze_per_s": 5_000, "p99_ms": 50.0,
           "rss_growth_pct": 10.0}
RAW_IN, RAW_OUT = "bench.raw.in", "bench.raw.out"


@dataclass(frozen=True)
class BenchConfig:
    raw_records: int = 200_000          # (a)
    pipeline_entries: int = 5_000       # (b), (e), (g); the worker does about 400 entries/s (Nov 2026)
    latency_rate: float = 50.0          # (d) entries per second
    latency_seconds: float = 60.0       # (d) latency rises as a sustained rate goes on (see _latency)
    rss_entries: int = 20_000           # (f); == pipeline_entries reuses run (b); the target is at 200k
    seed: int = 7
    compact: bool = False               # close the gaps between days of the throughput corpus
    two_workers: bool = True
    phase_timeout: float = 900.0        # upper bound of a broker phase, seconds; a longer replay
    min_rate: float = 100.0             # gets its entries / min_rate (200k entries: 33 minutes)


FULL = BenchConfig()
QUICK = BenchConfig(raw_records=30_000, pipeline_entries=2_000, latency_seconds=10.0, rss_entries=2_000,
                    phase_timeout=120.0)


@dataclass
class BenchResult:
    raw_per_s: float = 0.0
    pipeline_per_s: float = 0.0
    ratio: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    analyze_per_s: float = 0.0  # one process
    rss_growth_pct: float = 0.0
    two_workers_per_s: float | None = None
    analyze_all_cpus_per_s: float = 0.0
    worker_cpu_ms_per_entry: float = 0.0
    faust_records_per_entry: float = 0.0  # records the worker's agents read, per entry replayed
    records_written_per_entry: float = 0.0  # records written to every topic but liveblog.entries
    phases: dict[str, Any] = field(default_factory=dict)
    targets: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def last_line(self) -> str:
        return last_line(self)


def last_line(r: BenchResult) -> str:
    return (f"bench: pipeline={r.pipeline_per_s:.0f}/s raw={r.raw_per_s:.0f}/s ratio={r.ratio:.4f} "
            f"p50_ms={r.p50_ms:.1f} p99_ms={r.p99_ms:.1f} analyze={r.analyze_per_s:.0f}/s "
            f"rss_growth={r.rss_growth_pct:.1f}%")


# --- corpus ----------------------------------------------------------------------------------


def compact_days(entries: Sequence[Entry], start: dt.date = dt.date(2020, 9, 27)) -> list[Entry]:
    """The n-th distinct UTC day of ``entries`` moved to ``start + n days`` (time of day kept), with
    entry ids recomputed from the new time; event-time order is unchanged."""
    from streams.ingest import event_order, make_entry_id

    days = sorted({e.published_at.date() for e in entries})
    shift = {d: dt.timedelta(days=(start + dt.timedelta(days=i) - d).days) for i, d in enumerate(days)}
    out = []
    for e in entries:
        when = e.published_at + shift[e.published_at.date()]
        out.append(e.model_copy(update={
            "published_at": when,
            "entry_id": make_entry_id(e.source, when, e.time_precision, e.headline, e.body)}))
    return sorted(out, key=event_order)


def make_corpus(directory: Path, entries: int, seed: int, *, compact: bool = True) -> list[Entry]:
    """A synthetic corpus written to ``directory`` and parsed (streams.tools.synth, streams.ingest)."""
    from streams.ingest import parse_paths
    from streams.tools.synth import write_corpus

    summary = write_corpus(directory, entries=entries, seed=seed)
    parsed = parse_paths(list(summary.paths))
    return compact_days(parsed) if compact else parsed


def last_hour_key(entries: Sequence[Entry]) -> bytes:
    last = max(e.published_at for e in entries)
    return format_utc(window_starts(last, HOUR, HOUR)[0]).encode()


# --- processes ---------------------------------------------------------------------------------


def _env(settings: Settings, web_port: int, data_dir: Path, overrides: dict[str, Any]) -> dict[str, str]:
    env = {**os.environ, **{f"LIVEBLOG_{k.upper()}": str(v) for k, v in overrides.items() if v is not None}}
    env.update({"LIVEBLOG_BROKER": settings.broker, "LIVEBLOG_DATA_DIR": str(data_dir),
                "LIVEBLOG_WEB_PORT": str(web_port), "LIVEBLOG_WEB_ENABLED": "true",
                "LIVEBLOG_LOG_LEVEL": env.get("LIVEBLOG_LOG_LEVEL", "WARNING")})
    return env


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    web_port: int
    log: Path

    def tail(self) -> str:
        """The log's first crash (a crash logs its cause first, then each service it stops; a record
        sent to the dead-letter topic logs an error too), else its first error, and its end."""
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        lines = text.splitlines()
        first_error = next((line for line in lines if "Crashed reason=" in line), "") or next(
            (line for line in lines if "[ERROR]" in line or "[CRITICAL]" in line), "")
        return f"first error: {first_error[:1000]}\n...\n{text[-2000:]}" if first_error else text[-2000:]


def check_alive(workers: Sequence[Worker]) -> None:
    for w in workers:
        if w.process.poll() is not None:
            raise RuntimeError(f"worker exited with {w.process.returncode} (log {w.log}): {w.tail()}")


async def unless_a_worker_exits(work: Awaitable[Any], workers: Sequence[Worker], poll: float = 0.5) -> Any:
    """``work``'s result; if a worker exits first, the error names it and its log at once rather
    than when ``work`` times out (a crashed worker had the bench wait its whole phase timeout)."""
    async def watch() -> None:
        while True:
            check_alive(workers)
            await asyncio.sleep(poll)

    task, watchdog = asyncio.ensure_future(work), asyncio.ensure_future(watch())
    try:
        await asyncio.wait({task, watchdog}, return_when=asyncio.FIRST_COMPLETED)
        if watchdog.done():
            watchdog.result()  # raises
        return task.result()
    finally:
        task.cancel()
        watchdog.cancel()


def start_worker(settings: Settings, workdir: Path, index: int, overrides: dict[str, Any]) -> Worker:
    port = free_port()
    log = workdir / f"worker{index}.log"
    env = _env(settings, port, workdir / f"state{index}", overrides)
    return Worker(spawn_worker(env, log, cwd=workdir), port, log)


def stop_worker(worker: Worker) -> None:
    stop_process(worker.process)


def rss_kib(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


FIFTHS = 5  # parts of the live run: the last one's latency, and each one's CPU shares


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system) a process has used so far, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()  # the command name may hold spaces
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class CpuShares:
    """Each process's share of a core between the moments ``mark`` is called: which of the broker
    and the worker grows busier over a live run."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.marks: list[tuple[float, dict[str, float | None]]] = []

    def mark(self) -> None:
        self.marks.append((time.monotonic(), {name: cpu_seconds(pid) for name, pid in self.pids.items()}))

    def shares(self) -> dict[str, list[float]]:
        """Per process, the share of a core in each interval between two marks."""
        result: dict[str, list[float]] = {name: [] for name in self.pids}
        for (t0, before), (t1, after) in zip(self.marks, self.marks[1:]):
            for name, used in result.items():
                start, end = before[name], after[name]
                if start is not None and end is not None and t1 > t0:
                    used.append(round((end - start) / (t1 - t0), 3))
        return result


_RECORDS = re.compile(r'^liveblog_records_total\{topic="liveblog\.entries"\} (\S+)$', re.M)
_ALL_RECORDS = re.compile(r'^liveblog_records_total\{topic="[^"]+"\} (\S+)$', re.M)
_EVENTS = re.compile(r'^liveblog_events_total\{verdict="[a-z_]+"\} (\S+)$', re.M)


def _metric_sum(port: int, pattern: re.Pattern[str]) -> int:
    """The sum of a worker's /metrics samples that ``pattern`` matches; 0 while it is not serving."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as response:
            text = response.read().decode()
    except (OSError, ValueError):
        return 0
    return int(sum(float(value) for value in pattern.findall(text)))


async def records_read(port: int) -> int:
    """Records of liveblog.entries this worker has read."""
    return await asyncio.to_thread(_metric_sum, port, _RECORDS)


async def faust_records(port: int) -> int:
    """Records of every topic this worker's agents have read: what passed Faust's per-record path."""
    return await asyncio.to_thread(_metric_sum, port, _ALL_RECORDS)


async def records_written(settings: Settings, leave_out: Sequence[str] = (ENTRIES,)) -> dict[str, int]:
    """Per topic (changelogs and internal ones included), the records written to it on a fresh broker:
    the sum of its partitions' end offsets. The embedded broker may report the last batch's first
    offset as the end, so each partition is read on from there until a fetch comes back empty."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    try:
        topics = sorted(t for t in await consumer.topics() if t not in leave_out and not t.startswith("__"))
        partitions = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]
        if not partitions:
            return {}
        ends = await consumer.end_offsets(partitions)
        consumer.assign(partitions)
        for tp, offset in ends.items():
            consumer.seek(tp, offset)
        while batches := await consumer.getmany(timeout_ms=500):
            for tp, records in batches.items():
                ends[tp] = max(ends[tp], records[-1].offset + 1)
        return {t: sum(offset for tp, offset in ends.items() if tp.topic == t) for t in topics}
    finally:
        await consumer.stop()


async def events_released(port: int) -> int:
    """Events this worker's fold has released to liveblog.events: entries through the whole pipeline."""
    return await asyncio.to_thread(_metric_sum, port, _EVENTS)


async def wait_ready(settings: Settings, workers: list[Worker], probe_time: dt.datetime, timeout: float) -> float:
    """Send replay-clock heartbeats at ``probe_time`` (before the corpus) to every partition of
    liveblog.entries, once a second, until every worker has read some and all sent were read: then
    every worker has joined the group and the partitions are shared. Returns the seconds it took."""
    started = time.monotonic()
    control = ReplayControl(type="heartbeat", stream_time=probe_time, replay_id="bench-probe")
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers)
    await producer.start()
    try:
        partitions = sorted(await producer.partitions_for(ENTRIES))
        sent = 0
        while time.monotonic() - started < timeout:
            check_alive(workers)
            await asyncio.gather(*await send_clock(producer, partitions, control))
            sent += len(partitions)
            for _ in range(10):
                await asyncio.sleep(0.1)
                counts = await asyncio.gather(*(records_read(w.web_port) for w in workers))
                if all(c > 0 for c in counts) and sum(counts) >= sent:
                    return time.monotonic() - started
        raise TimeoutError(f"workers not ready after {timeout:.0f}s")
    finally:
        await producer.stop()


class HourlyFollower:
    """Reads liveblog.windows.hourly (all partitions assigned, no group) from the beginning."""

    def __init__(self, settings: Settings, topics: Sequence[str] = (HOURLY,)) -> None:
        self.consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                         auto_offset_reset="earliest")
        self.settings, self.topics = settings, topics

    async def start(self) -> None:
        await self.consumer.start()
        adapt_fetch_wait(self.consumer, self.settings.fetch_wait_ms, self.settings.fetch_wait_max_ms)
        assignment = []
        for topic in self.topics:
            partitions = self.consumer.partitions_for_topic(topic)
            if not partitions:
                await self.consumer._client.force_metadata_update()  # noqa: SLF001
                partitions = self.consumer.partitions_for_topic(topic) or {0}
            assignment += [TopicPartition(topic, p) for p in sorted(partitions)]
        self.consumer.assign(assignment)
        await self.consumer.seek_to_beginning(*assignment)

    async def stop(self) -> None:
        await self.consumer.stop()

    async def until_final(self, key: bytes, timeout: float) -> tuple[float, int]:
        """Wait for the final record of window ``key``; (monotonic time seen, hourly records read)."""
        deadline = time.monotonic() + timeout
        read = 0
        while time.monotonic() < deadline:
            batches = await self.consumer.getmany(timeout_ms=200)
            now = time.monotonic()
            for records in batches.values():
                read += len(records)
                for record in records:
                    if record.key == key and b'"final":true' in record.value:
                        return now, read
        raise TimeoutError(f"no final window {key.decode()} within {timeout:.0f}s ({read} hourly records read)")


# --- (a) raw baseline --------------------------------------------------------------------------


async def raw_baseline(settings: Settings, payloads: Sequence[bytes], records: int) -> dict[str, Any]:
    """Consume ``records`` pre-produced records of a one-partition topic, orjson decode + encode
    each, produce it to another one-partition topic; records/s until the last is acknowledged."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(RAW_IN, 1, 1), NewTopic(RAW_OUT, 1, 1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=5,
                                max_batch_size=1 << 20)
    await producer.start()
    try:
        futures = [await producer.send(RAW_IN, payloads[i % len(payloads)], key=str(i).encode(), partition=0)
                   for i in range(records)]
        await asyncio.gather(*futures)
        consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                                    auto_offset_reset="earliest", max_partition_fetch_bytes=8 << 20)
        await consumer.start()
        try:
            tp = TopicPartition(RAW_IN, 0)
            consumer.assign([tp])
            await consumer.seek_to_beginning(tp)
            done, pending = 0, []
            started = time.perf_counter()
            while done < records:
                batches = await consumer.getmany(timeout_ms=500, max_records=10_000)
                for batch in batches.values():
                    for message in batch:
                        out = orjson.dumps(orjson.loads(message.value))
                        pending.append(await producer.send(RAW_OUT, out, key=message.key, partition=0))
                        done += 1
                if len(pending) >= 20_000:
                    await asyncio.gather(*pending)
                    pending.clear()
            await asyncio.gather(*pending)
            seconds = time.perf_counter() - started
        finally:
            await consumer.stop()
    finally:
        await producer.stop()
    return {"records": records, "seconds": round(seconds, 3), "per_s": records / seconds}


# --- (b), (f), (g) pipeline runs ---------------------------------------------------------------


async def _sample(workers: list[Worker], total: int, samples: list[dict[str, Any]], stop: asyncio.Event,
                  progress: bool) -> None:
    """Every 0.5 s, and once more when ``stop`` is set: the last sample is the run's end."""
    started = time.monotonic()
    while True:
        read = sum(await asyncio.gather(*(events_released(w.web_port) for w in workers))) if progress else 0
        samples.append({"t": round(time.monotonic() - started, 2),
                        "rss_kib": [rss_kib(w.process.pid) for w in workers],
                        "progress": round(read / total, 4) if total else 0.0})
        if stop.is_set():
            return
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except asyncio.TimeoutError:
            pass


async def _pipeline(settings: Settings, workers: list[Worker], entries: Sequence[Entry], timeout: float,
                    progress: bool, profile_out: Path | None = None) -> dict[str, Any]:
    probe = min(e.published_at for e in entries) - dt.timedelta(hours=2)
    ready_s = await wait_ready(settings, workers, probe, timeout=min(timeout, 90))
    spy = None
    if profile_out is not None:  # py-spy (pip install py-spy) on the first worker, collapsed stacks
        spy = subprocess.Popen(["py-spy", "record", "--format", "raw", "--rate", "200", "-o", str(profile_out),
                                "--pid", str(workers[0].process.pid)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts = schedule_counts(entries, settings)
    total = len({e.entry_id for e in entries})  # events the fold releases: exact duplicates stop before it
    follower = HourlyFollower(settings)
    await follower.start()
    samples: list[dict[str, Any]] = []
    stop = asyncio.Event()
    first: list[float] = []

    cpu_before: list[float] = []

    def on_item(item: Any) -> None:
        if not first and item.entry is not None:
            first.append(time.monotonic())
            cpu_before.extend(cpu_seconds(w.process.pid) or 0.0 for w in workers)

    sampler = asyncio.create_task(_sample(workers, total, samples, stop, progress))
    try:
        waiter = asyncio.create_task(follower.until_final(last_hour_key(entries), timeout))
        stats = await replay(entries, settings, speed=0, on_item=on_item)
        produced_at = time.monotonic()
        seen_at, hourly_read = await unless_a_worker_exits(waiter, workers)
        cpu_used = sum(cpu_seconds(w.process.pid) or 0.0 for w in workers) - sum(cpu_before)
        read_by_agents = sum(await asyncio.gather(*(faust_records(w.web_port) for w in workers)))
        written = await records_written(settings)
    finally:
        if spy is not None:
            spy.send_signal(2)  # SIGINT: py-spy writes its output and exits
            await asyncio.to_thread(spy.wait, 30)
        stop.set()
        await sampler
        await follower.stop()
    seconds = seen_at - first[0]
    return {"entries": len(entries), "workers": len(workers), "seconds": round(seconds, 3),
            "per_s": len(entries) / seconds, "produce_seconds": round(produced_at - first[0], 3),
            "ready_seconds": round(ready_s, 2), "schedule": counts, "replay_heartbeats": stats.heartbeats,
            "hourly_records": hourly_read, "worker_cpu_ms_per_entry": round(cpu_used * 1000 / len(entries), 3),
            "faust_records_per_entry": round(read_by_agents / len(entries), 2),
            "records_written_per_entry": round(sum(written.values()) / len(entries), 2),
            "records_written": written, "samples": samples}


async def live_keys(settings: Settings, topic: str) -> dict[bytes, bytes]:
    """A changelog's latest value per key, tombstones left out: what a table holds, read with a
    plain consumer until a fetch comes back empty (the embedded broker's end offsets can be short)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    try:
        await consumer.topics()  # the client's metadata, with the topic's partitions
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        latest: dict[bytes, bytes] = {}
        while batches := await consumer.getmany(timeout_ms=1000, max_records=10_000):
            for batch in batches.values():
                for message in batch:
                    if message.value is None:
                        latest.pop(message.key, None)
                    else:
                        latest[message.key] = message.value
        return latest
    finally:
        await consumer.stop()


async def table_sizes(settings: Settings) -> dict[str, int]:
    """How many entry ids the exact-dedup table still holds and how many keys the fold's table holds
    after a replay: the state that must expire for memory to stay flat on long replays."""
    seen = await live_keys(settings, changelog_topic(settings, TABLE_ENTRY_SEEN))
    fold = await live_keys(settings, changelog_topic(settings, TABLE_FOLD))
    return {"entry_ids_remembered": sum(1 for key in seen if re.fullmatch(rb'"[0-9a-f]{20}"', key)),
            "fold_keys": len(fold)}


def rss_summary(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """RSS (sum over workers) at the first sample at >= 25 % progress and at the end, and the growth."""
    usable = [s for s in samples if all(r is not None for r in s["rss_kib"])]
    if not usable:
        return {}
    total = [sum(s["rss_kib"]) for s in usable]
    at25 = next((sum(s["rss_kib"]) for s in usable if s["progress"] >= 0.25), None)
    if at25 is None:  # no progress readings: fall back to a quarter of the elapsed time
        end_t = usable[-1]["t"]
        at25 = next(sum(s["rss_kib"]) for s in usable if s["t"] >= end_t / 4)
    at100 = total[-1]
    return {"rss_25_mib": round(at25 / 1024, 1), "rss_100_mib": round(at100 / 1024, 1),
            "peak_mib": round(max(total) / 1024, 1), "growth_pct": round((at100 - at25) / at25 * 100, 2),
            "samples": len(usable)}


def pipeline_run(entries: Sequence[Entry], *, workers: int = 1, overrides: dict[str, Any] | None = None,
                 timeout: float = 900.0, progress: bool = True, keep: Path | None = None,
                 profile_out: Path | None = None) -> dict[str, Any]:
    """Fresh broker + topics + ``workers`` worker processes, replay ``entries`` at speed 0 and wait
    for the final window of the last hour; stops everything it started."""
    overrides = dict(overrides or {})
    with ExitStack() as stack:
        workdir = keep or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liveblog-bench-")))
        broker = stack.enter_context(EmbeddedBroker(log_path=workdir / "broker.log"))
        settings = Settings(**{**overrides, "broker": broker.url})
        asyncio.run(create_topics(settings))
        started = [start_worker(settings, workdir, i, overrides) for i in range(workers)]
        for w in started:
            stack.callback(stop_worker, w)
        result = asyncio.run(asyncio.wait_for(_pipeline(settings, started, entries, timeout, progress, profile_out),
                                              timeout + 120))
        result["rss"] = rss_summary(result["samples"])
        result["tables"] = asyncio.run(table_sizes(settings))
        return result


# --- (d) latency -------------------------------------------------------------------------------


def live_sends(items: Iterable[Scheduled]) -> Iterator[Scheduled]:
    """The live schedule as the latency phase sends it: entries paced at a fixed rate, with the
    replay-clock records between two entries sent at once. Of such a run only the last is sent, as
    it says all the others do (a 20-hour night was 243 heartbeats to every partition in one
    burst, which the real producer spreads over the night's wall-clock time)."""
    waiting: Scheduled | None = None
    for item in items:
        if item.entry is None:
            waiting = item
            continue
        if waiting is not None:
            yield waiting
            waiting = None
        yield item
    if waiting is not None:
        yield waiting


async def _read_outputs(follower: HourlyFollower, unique: dict[str, tuple[str, str, float]],
                        updates: list[tuple[float, set[str]]], final_key: bytes | None, done: asyncio.Event) -> None:
    """Note when each entry reached the unique topic and each window update came, until the last
    hour's final window (or ``done`` is set)."""
    while not done.is_set():
        batches = await follower.consumer.getmany(timeout_ms=50)
        now = time.monotonic()
        for tp, records in batches.items():
            for record in records:
                value = orjson.loads(record.value)
                if tp.topic == UNIQUE:
                    unique.setdefault(value["entry_id"], (value["event_id"], value["verdict"], now))
                else:
                    updates.append((now, set(value["event_ids"])))
                    if record.key == final_key and value["final"]:
                        done.set()


def _delays(sent: dict[str, float], unique: dict[str, tuple[str, str, float]],
            updates: list[tuple[float, set[str]]]) -> tuple[list[float], list[float], int]:
    """Milliseconds from each send to its window update and to its unique record, and how many new
    events no window update listed."""
    to_window, to_unique, unmatched = [], [], 0
    for entry_id, t_sent in sent.items():
        seen = unique.get(entry_id)
        if seen is None:
            continue  # an exact duplicate: dropped before the fold, never in a window
        event_id, verdict, t_unique = seen
        to_unique.append((t_unique - t_sent) * 1000)
        if verdict not in ("new", "revision"):
            continue  # copies and same-event mentions count in no window
        t_window = next((t for t, ids in updates if t >= t_sent and event_id in ids), None)
        if t_window is None:
            unmatched += 1
        else:
            to_window.append((t_window - t_sent) * 1000)
    return to_window, to_unique, unmatched


async def _latency(settings: Settings, worker: Worker, entries: Sequence[Entry], rate: float,
                   timeout: float, cpu: CpuShares) -> dict[str, Any]:
    probe = min(e.published_at for e in entries) - dt.timedelta(hours=2)
    await wait_ready(settings, [worker], probe, timeout=90)
    follower = HourlyFollower(settings, topics=(HOURLY, UNIQUE))
    await follower.start()
    sent: dict[str, float] = {}
    unique: dict[str, tuple[str, str, float]] = {}
    updates: list[tuple[float, set[str]]] = []
    final_key = last_hour_key(entries)
    done = asyncio.Event()
    reader = asyncio.create_task(_read_outputs(follower, unique, updates, final_key, done))
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=linger_ms(paced=True), acks="all")
    await producer.start()
    try:
        partitions = sorted(await producer.partitions_for(ENTRIES))
        fifth = max(1, len(entries) // FIFTHS)
        started = time.monotonic()
        n = controls_sent = 0
        for item in live_sends(replay_schedule(entries, settings, replay_id="bench-live", live=True)):
            if item.entry is not None:
                delay = started + n / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                if n % fifth == 0 and n // fifth < FIFTHS:
                    cpu.mark()
                e = item.entry
                sent[e.entry_id] = time.monotonic()
                await producer.send(ENTRIES, e.to_json(), key=e.entry_id.encode(),
                                    timestamp_ms=int(e.published_at.timestamp() * 1000))
                n += 1
            else:
                assert item.control is not None
                await send_clock(producer, partitions, item.control)
                controls_sent += 1
        await producer.flush()
        send_seconds = time.monotonic() - started
        cpu.mark()
        try:
            await asyncio.wait_for(done.wait(), timeout)
        except asyncio.TimeoutError:
            pass
    finally:
        done.set()
        await reader
        await producer.stop()
        await follower.stop()
    to_window, to_unique, unmatched = _delays(sent, unique, updates)
    return {"rate": rate, "entries_sent": len(sent), "clocks_sent": controls_sent, "send_seconds": round(send_seconds, 2),
            "measured": len(to_window), "unmatched": unmatched,
            "to_window_ms": percentiles(to_window), "to_unique_ms": percentiles(to_unique),
            # latency rises as a sustained live rate goes on: the embedded broker's fetches cost more
            # with every record it holds (tools/broker_load.py); its share of a core by fifth shows it
            "to_window_first_fifth_ms": percentiles(to_window[:len(to_window) // FIFTHS or 1]),
            "to_window_last_fifth_ms": percentiles(to_window[-(len(to_window) // FIFTHS or 1):]),
            "cpu_share_by_fifth": cpu.shares()}


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    s = sorted(values)

    def q(p: float) -> float:
        return round(s[min(len(s) - 1, max(0, int(round(p * (len(s) - 1)))))], 2)

    return {"n": len(s), "p50": q(0.5), "p90": q(0.9), "p99": q(0.99), "max": round(s[-1], 2),
            "mean": round(sum(s) / len(s), 2)}


def latency_run(entries: Sequence[Entry], *, rate: float, overrides: dict[str, Any] | None = None,
                timeout: float = 120.0) -> dict[str, Any]:
    """Fresh broker + one worker; ``entries`` produced at ``rate`` per second (with a heartbeat after
    each, as a live replay sends); latency from send to the first hourly window update holding it."""
    overrides = dict(overrides or {})
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="liveblog-bench-")))
        broker = stack.enter_context(EmbeddedBroker(log_path=workdir / "broker.log"))
        settings = Settings(**{**overrides, "broker": broker.url})
        asyncio.run(create_topics(settings))
        worker = start_worker(settings, workdir, 0, overrides)
        stack.callback(stop_worker, worker)
        assert broker.pid is not None
        cpu = CpuShares({"broker": broker.pid, "worker": worker.process.pid})
        return asyncio.run(asyncio.wait_for(_latency(settings, worker, entries, rate, timeout, cpu),
                                            timeout + len(entries) / rate + 120))


# --- (e) offline analyze -----------------------------------------------------------------------


def analyze_rate(entries: Sequence[Entry], settings: Settings | None = None) -> dict[str, Any]:
    from streams.analyze import analyze, classifying_processes

    settings = settings or Settings()
    started = time.perf_counter()
    windows = sum(1 for _ in analyze(entries, settings, emit="windows"))
    seconds = time.perf_counter() - started
    return {"entries": len(entries), "windows": windows, "seconds": round(seconds, 3),
            "per_s": len(entries) / seconds, "classifying_processes": classifying_processes(settings, len(entries))}


def profile_analyze(entries: Sequence[Entry], top: int = 15) -> list[dict[str, Any]]:
    """cProfile of analyze: the functions with the most own time, with their share."""
    import cProfile
    import pstats

    from streams.analyze import analyze

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in analyze(entries, Settings(), emit="windows"):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
    return [{"function": f"{Path(f).name}:{line}:{name}", "own_pct": round(tt / total * 100, 1),
             "cum_pct": round(ct / total * 100, 1), "calls": nc}
            for (f, line, name), (_, nc, tt, ct, _) in rows]


# --- the whole bench ----------------------------------------------------------------------------


def _corpora(config: BenchConfig) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """The synthetic entries of the throughput runs, of the RSS run (the same when as long) and of
    the live run."""
    with tempfile.TemporaryDirectory(prefix="liveblog-bench-corpus-") as tmp:
        entries = make_corpus(Path(tmp) / "corpus", config.pipeline_entries, config.seed, compact=config.compact)
        rss_entries = entries if config.rss_entries == config.pipeline_entries else make_corpus(
            Path(tmp) / "rss", config.rss_entries, config.seed + 1, compact=config.compact)
        live_n = max(10, int(config.latency_rate * config.latency_seconds))
        # the live run paces entries in wall-clock time and heartbeats every quiet interval, so its
        # entries are always taken from a corpus with the gaps between days closed
        live_source = entries if config.compact else compact_days(entries)
        live_entries = live_source[:live_n] if live_n <= len(live_source) else make_corpus(
            Path(tmp) / "live", live_n, config.seed + 2, compact=True)[:live_n]
    return entries, rss_entries, live_entries


Phase = dict[str, Any] | None


def _summarise(result: BenchResult, *, raw: Phase, pipeline: Phase, latency: Phase, analyzed: Phase, rss: Phase,
               two_workers: Phase) -> None:
    """The headline figures and the targets met, from the phases that ran (a failed one is None)."""
    result.raw_per_s = raw["per_s"] if raw else 0.0
    result.pipeline_per_s = pipeline["per_s"] if pipeline else 0.0
    result.ratio = result.pipeline_per_s / result.raw_per_s if result.raw_per_s else 0.0
    to_window = (latency or {}).get("to_window_ms") or {}
    result.p50_ms, result.p99_ms = to_window.get("p50", 0.0), to_window.get("p99", 0.0)
    result.analyze_per_s = analyzed["per_s"] if analyzed else 0.0
    result.rss_growth_pct = (rss or {}).get("growth_pct", 0.0)
    result.two_workers_per_s = two_workers["per_s"] if two_workers else None
    for key in ("worker_cpu_ms_per_entry", "faust_records_per_entry", "records_written_per_entry"):
        setattr(result, key, (pipeline or {}).get(key, 0.0))
    rss_size = (rss or {}).get("entries", 0)
    fifths = [(latency or {}).get(f"to_window_{part}_fifth_ms") or {} for part in ("first", "last")]
    scale = (result.two_workers_per_s or 0.0) / result.pipeline_per_s if result.pipeline_per_s else 0.0
    result.targets = {
        "pipeline>=1200/s": result.pipeline_per_s >= TARGETS["pipeline_per_s"],
        "two_workers>=1.6x": scale >= TARGETS["two_workers_scale"],
        "analyze>=5000/s": result.analyze_per_s >= TARGETS["analyze_per_s"],
        "p99<=50ms": bool(to_window) and result.p99_ms <= TARGETS["p99_ms"],
        "p99<=50ms_first_and_last_fifth": all(f and f["p99"] <= TARGETS["p99_ms"] for f in fifths),
        "rss_growth<10%": bool(rss) and result.rss_growth_pct < TARGETS["rss_growth_pct"],
        "rss_replay_entries": rss_size,
        "rss_target_size_met": rss_size >= 200_000,
    }


def _run_phase(result: BenchResult, console: Any, name: str, run: Callable[[], dict[str, Any]]) -> Phase:
    """One phase, timed and kept in ``result``; a failure is reported and the bench goes on (one
    failed phase must not hide the others)."""
    console.print(f"[bold]bench[/] {name} ...")
    t = time.monotonic()
    try:
        value = run()
    except Exception as exc:
        result.errors.append(f"{name}: {exc!r}")
        console.print(f"[red]bench {name} failed:[/] {exc!r}")
        return None
    value["wall_seconds"] = round(time.monotonic() - t, 2)
    result.phases[name] = value
    return value


def run_bench(*, quick: bool = False, out: Path = Path("bench-results.json"), config: BenchConfig | None = None,
              console: Any = None, **settings_overrides: Any) -> BenchResult:
    """Run phases (a)-(g), print a table, write JSON to ``out``; the caller prints ``last_line``.

    ``settings_overrides`` are Settings fields (e.g. partitions=4) given to the workers as
    LIVEBLOG_* variables; the broker is always an embedded one started here.
    """
    from rich.console import Console

    config = config or (QUICK if quick else FULL)
    console = console or Console(stderr=False)
    overrides = {k: v for k, v in settings_overrides.items() if v is not None and k != "broker"}
    result = BenchResult(config={**asdict(config), "quick": quick, "overrides": {k: str(v) for k, v in overrides.items()}})
    begun = time.monotonic()

    phase = functools.partial(_run_phase, result, console)
    entries, rss_entries, live_entries = _corpora(config)
    payloads = [e.to_json() for e in entries[:1000]]

    def timeout(replay: Sequence[Entry]) -> float:
        return max(config.phase_timeout, len(replay) / config.min_rate)

    def raw() -> dict[str, Any]:
        with EmbeddedBroker() as broker:
            return asyncio.run(raw_baseline(Settings(broker=broker.url), payloads, config.raw_records))

    a = phase("a_raw_baseline", raw)
    b = phase("b_pipeline_1_worker",
              lambda: pipeline_run(entries, workers=1, overrides=overrides, timeout=timeout(entries)))
    d = phase("d_latency", lambda: latency_run(live_entries, rate=config.latency_rate, overrides=overrides,
                                                timeout=min(config.phase_timeout, 120)))
    e = phase("e_analyze", lambda: analyze_rate(entries, Settings(analyze_jobs=1)))
    e_all = phase("e_analyze_all_cpus", lambda: analyze_rate(entries, Settings(analyze_jobs=0)))
    if rss_entries is entries and b is not None:
        f: dict[str, Any] | None = {"entries": len(entries), "reused": "b_pipeline_1_worker", **b["rss"],
                                    "tables": b["tables"]}
        result.phases["f_rss"] = f
    else:
        f = phase("f_rss", lambda: pipeline_run(rss_entries, workers=1, overrides=overrides,
                                                timeout=timeout(rss_entries)))
        if f is not None:
            f = {"entries": len(rss_entries), **f["rss"], "tables": f["tables"]}
            result.phases["f_rss"] = {**result.phases["f_rss"], "summary": f}
    g = phase("g_pipeline_2_workers",
              lambda: pipeline_run(entries, workers=2, overrides=overrides, timeout=timeout(entries))) \
        if config.two_workers else None

    _summarise(result, raw=a, pipeline=b, latency=d, analyzed=e, rss=f, two_workers=g)
    result.analyze_all_cpus_per_s = e_all["per_s"] if e_all else 0.0
    result.seconds = round(time.monotonic() - begun, 1)
    print_table(result, console)
    out.write_text(json.dumps(result.to_dict(), indent=2, default=str) + "\n", encoding="utf-8")
    console.print(f"results written to {out} ({result.seconds:.0f}s)")
    return result


def print_table(r: BenchResult, console: Any) -> None:
    from rich.table import Table

    def ok(key: str) -> str:
        return "[green]met[/]" if r.targets.get(key) else "[red]not met[/]"

    p = r.phases
    table = Table(title="liveblog bench")
    for column in ("measure", "value", "target", ""):
        table.add_column(column)
    b = p.get("b_pipeline_1_worker", {})
    table.add_row("(a) raw consume+orjson+produce, 1 partition", f"{r.raw_per_s:,.0f} rec/s", "", "")
    table.add_row(f"(b) pipeline, 1 worker ({b.get('entries', 0):,} entries)", f"{r.pipeline_per_s:,.0f} entries/s",
                  ">= 1,200/s", ok("pipeline>=1200/s"))
    table.add_row("(b) per entry: worker CPU, records through Faust, records written",
                  f"{r.worker_cpu_ms_per_entry:.2f} ms, {r.faust_records_per_entry:.2f}, {r.records_written_per_entry:.2f}",
                  "", "")
    table.add_row("(c) ratio b/a", f"{r.ratio:.3f}", "", "")
    d = p.get("d_latency", {})
    table.add_row(f"(d) latency to window, p50 / p99 @ {d.get('rate', 0):g}/s",
                  f"{r.p50_ms:.1f} / {r.p99_ms:.1f} ms", "p99 <= 50 ms", ok("p99<=50ms"))
    for part in ("first", "last"):
        if fifth := d.get(f"to_window_{part}_fifth_ms"):
            table.add_row(f"(d) the same, {part} fifth of the {d.get('entries_sent', 0):,} entries",
                          f"{fifth['p50']:.1f} / {fifth['p99']:.1f} ms", "p99 <= 50 ms" if part == "last" else "",
                          ok("p99<=50ms_first_and_last_fifth") if part == "last" else "")
    shares = d.get("cpu_share_by_fifth", {})
    if all(len(shares.get(name, ())) == FIFTHS for name in ("broker", "worker")):
        table.add_row("(d) share of a core, first -> last fifth of the live run",
                      f"broker {shares['broker'][0]:.0%} -> {shares['broker'][-1]:.0%}, "
                      f"worker {shares['worker'][0]:.0%} -> {shares['worker'][-1]:.0%}", "", "")
    table.add_row("(e) offline analyze, one process", f"{r.analyze_per_s:,.0f} entries/s", ">= 5,000/s",
                  ok("analyze>=5000/s"))
    processes = p.get("e_analyze_all_cpus", {}).get("classifying_processes", 1)
    table.add_row(f"(e) offline analyze, {processes} classifying process{'es' if processes > 1 else ''}",
                  f"{r.analyze_all_cpus_per_s:,.0f} entries/s", "", "")
    f = p.get("f_rss", {})
    f = f.get("summary", f)
    table.add_row(f"(f) worker RSS 25% -> 100% ({f.get('entries', 0):,} entries)",
                  f"{f.get('rss_25_mib', 0)} -> {f.get('rss_100_mib', 0)} MiB ({r.rss_growth_pct:+.1f}%)",
                  "< 10% (200k entries)",
                  ok("rss_growth<10%") if r.targets.get("rss_target_size_met") else "[yellow]replay < 200k[/]")
    tables = f.get("tables", {})
    table.add_row("(f) state left after that replay",
                  f"{tables.get('entry_ids_remembered', 0):,} entry ids, {tables.get('fold_keys', 0):,} fold keys", "", "")
    if r.two_workers_per_s is not None:
        scale = r.two_workers_per_s / r.pipeline_per_s if r.pipeline_per_s else 0.0
        table.add_row("(g) pipeline, 2 workers, 4 partitions", f"{r.two_workers_per_s:,.0f} entries/s ({scale:.2f}x)",
                      ">= 1.6x", ok("two_workers>=1.6x"))
    console.print(table)
    for error in r.errors:
        console.print(f"[red]error:[/] {error}")
