"""Freed heap memory goes back to the OS (streams/worker/memory.py), on the real C library."""

import os

from streams.tools.bench import rss_kib
from streams.worker.memory import release_free_memory


def test_freed_fragmented_heap_goes_back_to_the_os():
    """200 MB of malloc'd bytes objects freed, with a small one kept every 50 so the heap cannot
    shrink from its top: glibc keeps all of it until ``release_free_memory`` hands it back."""
    pid = os.getpid()
    keep, junk = [], []
    for i in range(200_000):
        junk.append(b"x" * 1000 + str(i).encode())
        if i % 50 == 0:
            keep.append(b"y" * 700 + str(i).encode())
    filled = rss_kib(pid)
    del junk
    freed = rss_kib(pid)
    assert filled is not None and freed is not None
    assert release_free_memory()
    trimmed = rss_kib(pid)
    assert trimmed is not None and freed - trimmed > 150_000, (filled, freed, trimmed)
    del keep  # held until here: the small objects that pin the freed heap
