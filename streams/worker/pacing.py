"""When a worker stops fetching entries, so that a bulk replay's windows and tolls come out while
its entries are read, not after (no Kafka, no Faust: ``streams.worker.faust_support`` applies it).

On a bulk replay the entry stage always has records, and the fold's input comes back through the
broker behind them: on 20,000 entries the fold had released about 2,700 of 18,277 events when the
entry stage had read everything, and the rest came in the 27 s after. With the entries held back while
the fold has more than ``limit`` records left to fold, until it is down to half, the events come
out at the pace the entries are read, and the whole replay takes as long.
"""

from __future__ import annotations


class FoldPacing:
    """Whether to hold the entries back, from the fold's backlog. It remembers that it holds them,
    so that they stay held until the backlog is half the limit, not on and off at every batch."""

    def __init__(self, limit: int) -> None:
        self.limit = limit  # 0: never hold
        self.holding = False

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def hold_entries(self, fold_backlog: int) -> bool:
        if self.enabled:
            self.holding = fold_backlog > (self.limit // 2 if self.holding else self.limit)
        return self.holding

    def reset(self) -> None:
        """A rebalance gives the consumer a new assignment, which holds nothing back."""
        self.holding = False
