"""Reading documents into ``Entry`` records (pure domain: no Kafka, no Faust).

Plain text (live blogs in many stamp formats, and articles), HTML pages (schema.org LiveBlogPosting
JSON-LD, else their main text) and RSS/Atom feeds. ``read_document`` says what it read and how."""

from streams.ingest.document import documents_in, parse_file, parse_paths, read_document, read_file
from streams.ingest.entries import event_order, make_entry_id
from streams.ingest.errors import ParseError
from streams.ingest.meta import DocumentMeta, load_manifest, resolve_meta
from streams.ingest.text import Reading, parse_text, read_text

__all__ = ["DocumentMeta", "ParseError", "Reading", "documents_in", "event_order", "load_manifest", "make_entry_id", "parse_file",
           "parse_paths", "parse_text", "read_document", "read_file", "read_text", "resolve_meta"]
