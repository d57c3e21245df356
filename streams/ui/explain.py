"""``liveblog parse --explain``: per entry, the line and the reader that took it; then the lines that
looked like stamps but were not taken, and why."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from schemas import format_utc
from streams.ingest import Reading


def explain_reading(path: Path, reading: Reading) -> list[str]:
    readers = Counter(p.reader if p else "article:paragraph" for p in reading.provenance)
    lines = [f"{path}: {len(reading.entries)} entries ("
             + ", ".join(f"{count} by {reader}" for reader, count in readers.most_common()) + ")"]
    for entry, source in zip(reading.entries, reading.provenance):
        where = f"line {source.line:<5}" if source and source.line is not None else "          "
        stamp = f"{source.stamp!r:<26}" if source else f"{'(no stamp: an article)':<26}"
        reader = source.reader if source else "article:paragraph"
        lines.append(f"  {where} {stamp} {reader:<34} -> {format_utc(entry.published_at)}  {entry.headline[:70]}")
    for rejected in sorted(reading.rejected, key=lambda r: r.line):
        lines.append(f"  not taken: line {rejected.line} {rejected.text[:50]!r}: {rejected.reason}")
    return lines
