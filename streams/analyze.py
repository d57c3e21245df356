"""Offline mode: the worker's pipeline run in-process on a replay schedule, with no broker.

It runs the worker's two pipeline steps (``streams.pipeline``: exact dedup and classification,
then the ordered fold into verdicts, tolls, windows and alerts), on one partition, so it prints the
records the worker publishes for the same input.

Classification and each entry's near-duplicate sketch depend on the entry alone, and are most of
the work: with ``analyze_jobs`` other than 1, a pool of processes computes them, a few chunks ahead
of the fold, which stays in this process and sees the entries in schedule order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice, repeat
from typing import Any

from schemas import ClassifiedEvent, Entry, Record
from streams.fold.aggregate import Aggregator, FoldResult, Stores
from streams.fold.alerts import AlertEvaluator, load_rules
from streams.dedup.near import DedupConfig, Sketch, sketch
from streams.pipeline import BadRecord, EntryStep, FoldStep, Published, classify
from streams.replay.schedule import Scheduled, replay_schedule
from streams.settings import Settings

EMITS = ("entries", "unique", "events", "tolls", "windows", "rolling", "alerts")
CHUNK = 500  # schedule items per task of the pool: large enough that pickling them costs little
AHEAD = 4  # tasks per process queued ahead of the fold: keeps the pool busy, bounds memory

Sighted = tuple[Scheduled, bool]  # a schedule item, and whether the entry stage passes it on
Prepared = tuple[Scheduled, ClassifiedEvent | None, Sketch | None]


def analyze(entries: Sequence[Entry], settings: Settings, *, emit: str) -> Iterator[Record]:
    """Yield the records of one output topic: one of EMITS (windows: updates and finals)."""
    return analyze_replays([entries], settings, emit=emit)


def analyze_replays(replays: Sequence[Sequence[Entry]], settings: Settings, *, emit: str,
                    on_item: Callable[[Scheduled], None] | None = None) -> Iterator[Record]:
    """``analyze`` of several replays run one after another into one fold, each ending with its own
    final watermark, as separate ``liveblog replay`` commands reach the worker. ``on_item`` is
    called with each schedule item once it is done with (a progress bar)."""
    if emit not in EMITS:
        raise ValueError(f"emit must be one of {EMITS}, not {emit!r}")
    if emit == "rolling" and not settings.rolling_windows:
        raise ValueError("rolling windows are off: set LIVEBLOG_ROLLING_WINDOWS=true, as for the worker")
    schedule = (item for number, entries in enumerate(replays)
                for item in replay_schedule(entries, settings, replay_id=f"offline-{number}", live=False))
    if emit == "entries":
        yield from (item.entry for item in schedule if item.entry is not None)
        return
    # Everything made so far (the entries, above all) lives to the end, and the collector's full
    # passes went over all of it: on 20,000 entries the folding process spent 3.1 s collecting,
    # 1.7 s with it frozen. Frozen objects are only left out of those passes.
    gc.freeze()
    try:
        yield from _fold_replays(schedule, settings, emit=emit, on_item=on_item,
                                 entries=sum(len(replay) for replay in replays))
    finally:
        gc.unfreeze()


def _fold_replays(schedule: Iterable[Scheduled], settings: Settings, *, emit: str,
                  on_item: Callable[[Scheduled], None] | None, entries: int) -> Iterator[Record]:
    """The fold of ``analyze_replays``, over the schedule of all its replays."""
    items = _sightings(schedule, settings)
    aggregator = Aggregator(Stores(), sources=1, grace=settings.grace, allowed_lateness=settings.allowed_lateness,
                            rolling=settings.rolling_windows)
    fold = FoldStep(aggregator, AlertEvaluator({}, load_rules(settings.alert_rules)) if emit == "alerts" else None)
    jobs = classifying_processes(settings, entries)
    config = aggregator.near_duplicates.config
    prepared = _prepared_in_pool(items, config, jobs) if jobs > 1 else map(_prepare, items, repeat(config))
    for item, event, sketched in prepared:
        published = Published(FoldResult())  # an exact duplicate or a conflict: the entry step drops it
        if item.control is not None:
            published = fold.clock(0, 0, item.control.stream_time)
        elif event is not None:
            try:
                published = fold.event(0, 0, event, sketched)
            except BadRecord as late:
                print(f"liveblog analyze: {event.entry_id}: {late}", file=sys.stderr)
        yield from published.alerts if emit == "alerts" else getattr(published.result, emit)
        if on_item is not None:
            on_item(item)


def classifying_processes(settings: Settings, entries: int) -> int:
    """How many processes classify ``entries``: ``analyze_jobs``, or one per CPU this process may
    use; one (this one) for a chunk or less, which a pool would not make faster."""
    if entries <= CHUNK:
        return 1
    if settings.analyze_jobs:
        return settings.analyze_jobs
    usable = getattr(os, "sched_getaffinity", None)
    return len(usable(0)) if usable else os.cpu_count() or 1


def _sightings(items: Iterable[Scheduled], settings: Settings) -> Iterator[Sighted]:
    """Each item, and whether the entry stage passes it on: not an exact duplicate, nor a conflict
    (reported on stderr). The exact-dedup memory expires with the replay clock, as in the worker."""
    step = EntryStep({}, settings.exact_dedup_horizon)
    for position, item in enumerate(items):
        if item.control is not None:
            step.clock(item.control.stream_time)
            yield item, True
            continue
        assert item.entry is not None
        try:
            passed = step.passes(item.entry, f"offline:{position}")
        except BadRecord as conflict:
            print(f"liveblog analyze: {conflict}", file=sys.stderr)
            passed = False
        yield item, passed


def _prepare(sighted: Sighted, config: DedupConfig) -> Prepared:
    """What the fold needs of an entry the entry stage passes on: its classification and sketch."""
    item, passed = sighted
    if item.entry is None or not passed:
        return item, None, None
    return item, *_classified(item.entry, config)


def _classified(entry: Entry, config: DedupConfig) -> tuple[ClassifiedEvent, Sketch]:
    return classify(entry), sketch(entry, config)


def _classified_chunk(entries: list[Entry | None], config: DedupConfig) -> list[tuple[ClassifiedEvent, Sketch] | None]:
    return [None if entry is None else _classified(entry, config) for entry in entries]


def _prepared_in_pool(items: Iterable[Sighted], config: DedupConfig, jobs: int) -> Iterator[Prepared]:
    """``_prepare`` of every item, in order, computed by ``jobs`` processes at most ``AHEAD`` chunks
    each ahead of the caller (``Pool.imap`` would read the whole schedule at once). Only the
    entries to classify go to the pool, and only their classification and sketch come back: the
    schedule items stay here, and each trip through a pipe is pickled, then unpickled by a thread
    that takes turns with the fold."""
    items = iter(items)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(jobs, initializer=_leave_interrupts_to_the_parent) as pool:
        waiting: deque[tuple[list[Sighted], Any]] = deque()

        def ready() -> Iterator[Prepared]:
            chunk, result = waiting.popleft()
            for (item, _), done in zip(chunk, result.get()):
                yield (item, None, None) if done is None else (item, *done)
        while chunk := list(islice(items, CHUNK)):
            entries = [item.entry if passed else None for item, passed in chunk]
            waiting.append((chunk, pool.apply_async(_classified_chunk, (entries, config))))
            if len(waiting) >= jobs * AHEAD:
                yield from ready()
        while waiting:
            yield from ready()


def _leave_interrupts_to_the_parent() -> None:
    """A Ctrl-C reaches every process of the terminal's group: a pool process that took it would
    die mid-task, and the pool then waits forever for that task. The parent stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
