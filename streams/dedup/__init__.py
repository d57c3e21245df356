"""Deduplication (pure domain): exact copies of an entry (``exact``) and near-duplicates, revisions and
other outlets' reports of the same event (``near``, thresholds in ``data/dedup.toml``)."""
