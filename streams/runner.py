"""Starting a worker: create the contract topics, then hand the loop to Faust's worker."""

from __future__ import annotations

import asyncio

import faust

from streams.app import create_app
from streams.settings import Settings
from streams.topics import create_topics


def run_worker(settings: Settings) -> None:
    """Run until SIGINT/SIGTERM; Faust commits offsets of processed records on the way out."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(create_topics(settings))
    app = create_app(settings)
    worker = faust.Worker(app, loglevel=settings.log_level, quiet=True, loop=loop)
    worker.execute_from_commandline()
