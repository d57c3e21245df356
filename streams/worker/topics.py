"""The topic contract: names, keys, partition counts, and idempotent creation.

Every topic is created explicitly before a worker starts: the embedded broker auto-creates topics
with a partition count of its own choosing, and Faust stops with PartitionsMismatch when a table's
changelog and its source topic disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.settings import Settings

ENTRIES = "liveblog.entries"
UNIQUE = "liveblog.entries.unique"
EVENTS = "liveblog.events"
TOLLS = "liveblog.tolls"
HOURLY = "liveblog.windows.hourly"
ROLLING = "liveblog.windows.rolling"
ALERTS = "liveblog.alerts"
DEADLETTER = "liveblog.deadletter"
# Internal: classified events plus replay-clock records from every source partition, into the one
# ordered fold that computes tolls and windows (a toll is a fold over claims in order, and a window
# carries the tolls at its end, so both live in one partition).
WINDOW_INPUT = "liveblog.internal.window-input"
AGGREGATE_PARTITIONS = 1

CONTROL_HEADER = "liveblog-control"
SOURCE_PARTITION_HEADER = "liveblog-source-partition"

# Faust table names; their changelogs are "<app_id>-<table>-changelog".
TABLE_ENTRY_SEEN = "entry-seen"
# All state of the ordered fold (windows, clocks, tolls, pending events, near-duplicates, alerts)
# under key prefixes in one table, so its writes reach one changelog partition in order.
TABLE_FOLD = "fold-state"


@dataclass(frozen=True)
class TopicSpec:
    name: str
    key: str
    partitions: int
    compacted: bool = False


def contract(settings: Settings) -> list[TopicSpec]:
    """Every topic the worker reads or writes, with the partitions Faust expects."""
    n = settings.partitions
    topics = [
        TopicSpec(ENTRIES, "entry_id", n),
        TopicSpec(UNIQUE, "event_id", n),
        TopicSpec(EVENTS, "event_id", n),
        TopicSpec(TOLLS, "series", n, compacted=True),
        TopicSpec(HOURLY, "window_start", n, compacted=True),
        TopicSpec(ROLLING, "window_end", n, compacted=True),
        TopicSpec(ALERTS, "fingerprint", n),
        TopicSpec(DEADLETTER, "original key", n),
        TopicSpec(WINDOW_INPUT, "entry_id", AGGREGATE_PARTITIONS),
        TopicSpec(changelog_topic(settings, TABLE_ENTRY_SEEN), "entry_id", n, compacted=True),
    ]
    topics.append(TopicSpec(changelog_topic(settings, TABLE_FOLD), "table key", AGGREGATE_PARTITIONS, compacted=True))
    return topics


def changelog_topic(settings: Settings, table: str) -> str:
    return f"{settings.app_id}-{table}-changelog"


async def create_topics(settings: Settings) -> dict[str, str]:
    """Create every contract topic that is missing; return name -> 'created' | 'exists'."""
    # Imported here so that the contract constants stay importable by Kafka-free domain modules.
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    from streams.worker.security import aiokafka_kwargs

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, client_id="liveblog-admin",
                                **aiokafka_kwargs(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = contract(settings)
        new = [
            NewTopic(
                spec.name,
                spec.partitions,
                settings.replication_factor,
                topic_configs={"cleanup.policy": "compact"} if spec.compacted else {},
            )
            for spec in wanted
            if spec.name not in existing
        ]
        if new:
            try:
                await admin.create_topics(new)
            except TopicAlreadyExistsError:
                pass  # created concurrently by another worker: that is the idempotent outcome
        return {spec.name: ("exists" if spec.name in existing else "created") for spec in wanted}
    finally:
        await admin.close()
