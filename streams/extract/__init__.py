"""Reading what an entry says: casualty claims, categories, actors and places (pure domain).

The lexicons, gazetteer and taxonomy are data files in ``data/`` that users extend without code.
"""

from __future__ import annotations

from schemas import CasualtyClaim, Entry
from streams.extract.casualties import extract_claims


def claims_of(entry: Entry) -> list[CasualtyClaim]:
    """The casualty claims of one entry, as the pipeline extracts them."""
    return extract_claims(entry.headline, entry.body, entry.published_at, entry.blog_title)


__all__ = ["claims_of", "extract_claims"]
