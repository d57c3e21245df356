"""Starting a worker: wait for the broker, create the contract topics, then run Faust's worker."""

from __future__ import annotations

import asyncio
import logging
import sys

import faust
from aiokafka.errors import KafkaConnectionError, KafkaError

from streams.worker.app import create_app
from streams.worker.recovery import verify_recovery_highwaters
from streams.worker.security import aiokafka_kwargs
from streams.settings import Settings
from streams.worker.topics import create_topics

log = logging.getLogger("liveblog.worker")


async def wait_for_broker(settings: Settings, *, attempts: int, first_delay: float = 1.0, max_delay: float = 30.0) -> None:
    """Create the topics, retrying with exponential backoff while the broker is unreachable."""
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            await create_topics(settings)
            return
        except (KafkaConnectionError, KafkaError, OSError) as exc:
            if attempt == attempts:
                raise
            print(f"liveblog worker: broker {settings.broker} unreachable ({exc!r}); "
                  f"retry {attempt}/{attempts - 1} in {delay:.0f}s", file=sys.stderr, flush=True)
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)


def run_worker(settings: Settings) -> None:
    """Run until SIGINT/SIGTERM; Faust commits offsets of processed records on the way out."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(wait_for_broker(settings, attempts=settings.connect_attempts))
    except (KafkaError, OSError) as exc:
        sys.exit(f"liveblog worker: cannot reach the broker at {settings.broker} after "
                 f"{settings.connect_attempts} attempts: {exc!r}")
    verify_recovery_highwaters(aiokafka_kwargs(settings))
    try:
        app = create_app(settings)
    except ValueError as exc:  # settings that cannot work together
        sys.exit(f"liveblog worker: {exc}")
    worker = faust.Worker(app, loglevel=settings.log_level, quiet=True, loop=loop)
    worker.spinner = None  # its log handler sets the root logger to DEBUG: every aiokafka request then builds a record
    worker.execute_from_commandline()
