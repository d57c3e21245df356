"""The chain of stamp readers, tried in order on each line (as dateparser tries its parsers):
``leading`` (a stamp opening the line), ``trailing`` (a stamp after the headline, "— 1:42 p.m." or
"published at 09:41 GMT 2 March", "Roads reopen, 17:05: ..."), ``epoch`` (a raw Unix time alone on a line,
or after an update label); ``embedded`` first splits a flattened line where updates begin."""

from streams.ingest.stamps.embedded import split_points
from streams.ingest.stamps.epoch import read_epoch, read_labelled_epoch
from streams.ingest.stamps.grammar import Clock, numeric_date
from streams.ingest.stamps.leading import Leading, read_leading
from streams.ingest.stamps.trailing import (Trailing, read_bracketed_update, read_byline, read_comma_headline, read_dashed,
                                            read_published)

__all__ = ["Clock", "Leading", "Trailing", "numeric_date", "read_bracketed_update", "read_byline", "read_comma_headline",
           "read_dashed", "read_epoch", "read_labelled_epoch", "read_leading", "read_published", "split_points"]
