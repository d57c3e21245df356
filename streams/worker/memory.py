"""Hand the heap memory a worker has freed back to the operating system (glibc's ``malloc_trim``).

Why: a bulk replay makes the worker allocate and free large transient buffers (fetched record
batches, decoded records, a batch's outputs). glibc keeps freed memory in its arenas for reuse and
returns it only when it sits at the very top of a heap, which fragmentation rarely allows, so RSS
follows the highest use, not the use: on a 200,000-entry replay one ``malloc_trim(0)`` took a
worker from 541 MiB to 374 MiB. Trimming now and then keeps RSS close to what is in use. On a C
library without ``malloc_trim`` (musl, macOS) there is nothing to do and nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any


@cache
def _libc() -> Any | None:
    """The C library, if it is glibc (the only one with ``malloc_trim``)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        libc.malloc_trim.restype = ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


def release_free_memory() -> bool:
    """Return the free memory of every malloc arena to the OS; whether any was returned."""
    libc = _libc()
    return bool(libc is not None and libc.malloc_trim(0))
