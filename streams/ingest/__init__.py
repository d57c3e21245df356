"""Reading documents into ``Entry`` records (pure domain: no Kafka, no Faust)."""

from streams.ingest.legacy_text import (DocumentMeta, ParseError, event_order, load_manifest, make_entry_id,
                                        parse_file, parse_paths, parse_text, resolve_meta)

__all__ = ["DocumentMeta", "ParseError", "event_order", "load_manifest", "make_entry_id", "parse_file",
           "parse_paths", "parse_text", "resolve_meta"]
