"""One settings object for every command, read from ``LIVEBLOG_*`` environment variables.

CLI flags override single fields (``Settings(broker=...)``); the README lists every field.
Defaults suit the embedded broker on a laptop; see the README for Apache Kafka values.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIVEBLOG_", extra="ignore")

    broker: str = Field("kafka://127.0.0.1:9092", description="Bootstrap server, kafka://HOST:PORT (comma-separate several).")
    app_id: str = Field("liveblog", description="Faust application id: consumer group and changelog topic prefix.")
    partitions: int = Field(4, ge=1, description="Partitions of every keyed topic and table (entries, unique, events, window input).")
    replication_factor: int = Field(1, ge=1, description="Replication factor for topics this project creates.")
    grace_minutes: float = Field(15.0, ge=0, description="A window closes when stream time passes its end plus this grace.")
    allowed_lateness_hours: float = Field(24.0, ge=0, description=(
        "A closed window still takes events this long after it closed and is emitted again, final, "
        "with corrections + 1 (a blog scraped again later); later events go to the dead-letter topic."))
    heartbeat_minutes: float = Field(5.0, gt=0, description=(
        "Replay-clock heartbeat interval of a paced replay (--speed > 0), in event time."))
    bulk_heartbeat_minutes: float = Field(60.0, gt=0, description=(
        "Replay-clock heartbeat interval of an as-fast-as-possible replay (--speed 0) and of analyze. "
        "Hourly windows close on hour boundaries, so a finer clock only adds records: 5 sends six "
        "times as many and the pipeline is 10-17 % slower, for the same windows and tolls."))
    rolling_windows: bool = Field(False, description=(
        "Also publish liveblog.windows.rolling (60 minutes ending every 5 minutes). Off by default: "
        "it costs the fold a quarter of its time and the live p99 about 15-20 ms."))
    analyze_jobs: int = Field(0, ge=0, description=(
        "Processes in which analyze classifies entries, beside the one that folds them in order; "
        "0: one per CPU; 1: everything in one process. A replay of 500 entries or fewer runs in one."))
    data_dir: Path = Field(Path(".liveblog"), description="Worker state directory (tables, local stores).")
    store: str = Field("rocksdb://", description="Table store: rocksdb:// (rocksdict, under data_dir) or memory://.")
    table_memory_mb: int = Field(32, ge=4, description=(
        "RocksDB memory of each table partition: two write buffers of a quarter each and a block cache "
        "of half. Faust's defaults (three 64 MB write buffers, a 2 GB block cache) let a long "
        "replay's worker grow by hundreds of MB."))
    release_memory_s: float = Field(30.0, ge=0, description=(
        "How often the worker hands the heap memory it freed back to the OS (glibc malloc_trim, a "
        "few ms); without it RSS follows the highest use of a bulk replay, not the use. 0: never."))
    web_host: str = Field("127.0.0.1", description="Address the worker's web server binds to.")
    web_port: int = Field(6066, ge=0, le=65535, description="Port of the worker's web server.")
    web_enabled: bool = Field(True, description="Serve the worker's web endpoints.")
    session_timeout_s: float = Field(10.0, gt=0, description="Consumer session timeout: how long a silent worker keeps its partitions.")
    rebalance_timeout_s: float = Field(3.0, gt=0, description="Consumer rebalance timeout; a new group waits about this long to join.")
    batch_size: int = Field(500, ge=1, description=(
        "Most records an agent takes at once: the fold writes its state once per batch, the entry "
        "stage forwards one replay clock per source partition and batch. Also the most records the "
        "consumer hands over at once and an agent's queue holds (Faust's broker_max_poll_records "
        "and stream_buffer_maxsize)."))
    batch_gap_ms: float = Field(5.0, ge=0, description=(
        "Once records queue up, how long a batch waits for the next one when none is queued; what "
        "comes at a live rate (an entry and a replay clock per partition) is handled at once."))
    batch_wait_ms: float = Field(25.0, gt=0, description="Longest a batch waits for more records after its first; bounds the latency batching adds.")
    fetch_wait_ms: int = Field(10, ge=1, description=(
        "Longest time a consumer's fetch waits at the broker for data. The embedded broker answers a "
        "fetch of several partitions only when this runs out, even if data arrived, so it bounds the "
        "delay of every hop; Apache Kafka answers at once, and 500 saves idle requests there."))
    fetch_wait_max_ms: int = Field(2000, ge=1, description=(
        "Longest the fetch wait grows to: it doubles after fetches that kept leaving a partition with "
        "records past the consumer's position empty (the embedded broker needs longer than a short "
        "wait to read a partition of many small batches) and returns to LIVEBLOG_FETCH_WAIT_MS once "
        "nothing is behind (streams/worker/fetching.py)."))
    producer_linger_ms: int = Field(0, ge=0, description=(
        "How long the worker's producer holds a record for more to send with it. A live record paid "
        "it at every hop: at 5 (and 5 in a paced replay's producer) the live p50 was 32-41 ms, at 0 "
        "22-30 ms. Records still go in batches while a request is in flight; on Apache Kafka with "
        "bulk replays, 5 may save some CPU (here within the noise)."))
    fold_backlog_max: int = Field(500, ge=0, description=(
        "Records the worker's fold may have left to fold before the worker stops fetching entries, "
        "until half are folded: on a bulk replay the fold's outputs then come out while the entries "
        "are read, not after them (streams/worker/pacing.py). 0: never stop."))
    max_value_bytes: int = Field(1_000_000, gt=0, description="Entries larger than this go to the dead-letter topic.")
    alert_rules: Path | None = Field(
        None, description="Alert rules file (TOML); default: the bundled streams/fold/data/alert_rules.toml.")
    log_level: str = Field("WARNING", description="Worker log level.")
    connect_attempts: int = Field(8, ge=1, description="Tries to reach the broker at worker start (exponential backoff, max 30 s apart).")
    # Security of every Kafka client (worker, replay, topics, watch, alerts forwarder); see
    # streams/worker/security.py, which validates the combination and builds the client arguments.
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="Kafka security protocol: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.")
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        "PLAIN", description="SASL mechanism (with a SASL_* protocol): PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.")
    sasl_username: str | None = Field(None, description="SASL user name (required by a SASL_* protocol).")
    sasl_password: SecretStr | None = Field(
        None, description="SASL password; prefer sasl_password_file so the secret stays out of the environment.")
    sasl_password_file: Path | None = Field(
        None, description="File holding the SASL password (e.g. a mounted Kubernetes or compose secret).")
    ssl_cafile: Path | None = Field(
        None, description="PEM file of the CA(s) that signed the brokers' certificates (default: system CAs).")
    ssl_certfile: Path | None = Field(None, description="PEM client certificate, for brokers that require mutual TLS.")
    ssl_keyfile: Path | None = Field(None, description="PEM private key of the client certificate (unencrypted).")

    @field_validator("broker")
    @classmethod
    def _check_broker(cls, value: str) -> str:
        for server in value.split(","):
            host_port = server.strip().removeprefix("kafka://")
            host, sep, port = host_port.rpartition(":")
            if not sep or not host or not port.isdigit():
                raise ValueError(f"broker address {server!r} is not kafka://HOST:PORT")
        return value

    @property
    def bootstrap_servers(self) -> str:
        """The broker list as plain clients (aiokafka, confluent-kafka) want it: HOST:PORT,..."""
        return ",".join(s.strip().removeprefix("kafka://") for s in self.broker.split(","))

    @property
    def grace(self) -> timedelta:
        return timedelta(minutes=self.grace_minutes)

    @property
    def allowed_lateness(self) -> timedelta:
        return timedelta(hours=self.allowed_lateness_hours)

    @property
    def exact_dedup_horizon(self) -> timedelta:
        """How long after its published hour an entry_id is remembered: as long as the fold accepts
        an event of that hour (streams.dedup.exact)."""
        return self.grace + self.allowed_lateness

