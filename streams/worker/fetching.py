"""Fetch waits that grow while a partition with a backlog comes back empty.

The embedded broker reads a partition's stored batches within the fetch wait and answers with what
it read by then. A partition of many small batches, such as the fold's input after a long bulk
replay (600,000 records written a few at a time), takes it longer than the 10 ms wait that keeps
live latency low: every fetch came back empty, and the fold stalled for good while the broker
reported the records (a plain consumer read none at 10 ms and 16,755 at 500 ms). Apache Kafka
answers from an index and never needs a longer wait.

So each consumer's wait starts at ``LIVEBLOG_FETCH_WAIT_MS``, doubles (up to
``LIVEBLOG_FETCH_WAIT_MAX_MS``) after fetches in which a partition that has records past its
position got none, and returns to the start once no fetched partition is behind. One such fetch is
not enough: at a live rate a record often arrives while a fetch waits, and the broker reports it
but answers without it; the next short fetch brings it (growing at once took the live p50 from 32
to 38-63 ms). Nor does a fetch that brings a few records of a large backlog count as keeping up:
at a wait just long enough to read one batch, the consumer read 670 records in 6 s.
aiokafka has no such option; this wraps one private method of its fetcher, and
``tests/test_fetching.py`` checks the wrapper still takes effect on the installed version.
"""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition


STARVED_BEFORE_GROWING = 3  # fetches that left a partition with a backlog empty, none keeping up between
BACKLOG_RECORDS = 1000  # more records behind than a live moment brings: a fetch reading part of it is not keeping up


def next_wait(current_ms: int, *, starved_in_a_row: int, behind: bool, floor_ms: int, ceiling_ms: int) -> int:
    """The wait of the next fetch: longer after fetches that kept leaving a partition with a backlog
    empty, the same while a backlog is being read, the shortest once nothing is behind."""
    if starved_in_a_row >= STARVED_BEFORE_GROWING:
        return min(ceiling_ms, current_ms * 2)
    return current_ms if behind else floor_ms


class AdaptiveFetchWait:
    """Stands in for the fetcher's ``_proc_fetch_request``: handles the response as before, then
    sets the wait of the next request from what the response left unread."""

    def __init__(self, fetcher: Any, floor_ms: int, ceiling_ms: int) -> None:
        self.fetcher, self.floor_ms, self.ceiling_ms = fetcher, floor_ms, max(floor_ms, ceiling_ms)
        self.handle_response = fetcher._proc_fetch_request
        self.starved_in_a_row = 0
        fetcher._fetch_max_wait_ms = floor_ms

    async def __call__(self, assignment: Any, node_id: int, request: Any) -> bool:
        needs_wakeup = await self.handle_response(assignment, node_id, request)
        starved = behind = backlog = False
        for topic, partitions in request.topics:
            for partition, offset, _ in partitions:
                tp = TopicPartition(topic, partition)
                state = assignment.state_value(tp) if assignment.active else None
                if state is None or state.highwater is None or state.highwater <= offset:
                    continue
                behind = True
                backlog = backlog or state.highwater - offset > BACKLOG_RECORDS
                starved = starved or tp not in self.fetcher._records
        if starved:
            self.starved_in_a_row += 1
        elif not backlog:
            self.starved_in_a_row = 0
        self.fetcher._fetch_max_wait_ms = next_wait(
            self.fetcher._fetch_max_wait_ms, starved_in_a_row=self.starved_in_a_row, behind=behind,
            floor_ms=self.floor_ms, ceiling_ms=self.ceiling_ms)
        return needs_wakeup


def adapt_fetch_wait(consumer: AIOKafkaConsumer, floor_ms: int, ceiling_ms: int) -> None:
    """Give a started consumer's fetcher the adaptive wait."""
    fetcher = consumer._fetcher
    fetcher._proc_fetch_request = AdaptiveFetchWait(fetcher, floor_ms, ceiling_ms)
