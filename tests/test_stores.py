"""The write-behind layer of the ordered fold: a failed record leaves no trace, a batch lands in order."""

from __future__ import annotations

from typing import Any

from streams.state.stores import PrefixView, WriteBehind


class RecordingDict(dict[str, Any]):
    """A dict that remembers the order of its writes, as a changelog would."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[str, Any]] = []

    def __setitem__(self, key: str, value: Any) -> None:
        self.log.append((key, value))
        super().__setitem__(key, value)

    def pop(self, key: str, default: Any = None) -> Any:
        self.log.append((key, None))
        return super().pop(key, default)


def test_nothing_reaches_the_base_before_flush_and_a_discarded_record_leaves_no_trace():
    base = RecordingDict()
    state = WriteBehind(base)
    state["queue"] = [1]
    state.keep()  # first record folded
    state["queue"] = [1, 2]
    state["tolls"] = {"a": 1}
    assert state["queue"] == [1, 2] and "tolls" in state
    state.discard()  # second record failed
    assert state["queue"] == [1] and "tolls" not in state
    assert base.log == []
    state.flush()
    assert base.log == [("queue", [1])]


def test_a_batch_lands_once_per_key_in_the_order_of_last_write():
    base = RecordingDict()
    base["old"] = 0
    base.log.clear()
    state = WriteBehind(base)
    for n in range(3):
        state["queue"] = n
        state["clock"] = n
        state.keep()
    del state["old"]
    state["queue"] = 9
    state.flush()
    assert base.log == [("clock", 2), ("old", None), ("queue", 9)]
    assert dict(base) == {"clock": 2, "queue": 9}
    assert sorted(state) == ["clock", "queue"]


def test_reads_are_cached_until_forgotten():
    base = RecordingDict()
    base["k"] = 1
    state = WriteBehind(base)
    assert state["k"] == 1
    dict.__setitem__(base, "k", 2)  # another worker wrote the table while this one did not own it
    assert state["k"] == 1
    state.forget_cache()
    assert state["k"] == 2


def test_prefix_views_share_one_ordered_store():
    base = RecordingDict()
    state = WriteBehind(base)
    windows, clocks = PrefixView(state, "w:"), PrefixView(state, "c:")
    windows["10:00"] = {"events": 1}
    clocks["0:0"] = "10:05"
    assert list(windows) == ["10:00"] and list(clocks) == ["0:0"]
    state.flush()
    assert base.log == [("w:10:00", {"events": 1}), ("c:0:0", "10:05")]


def test_writes_under_the_flush_first_and_last_prefixes_land_before_and_after_the_others_in_order():
    base = RecordingDict()
    state = WriteBehind(base, flush_first="0:", flush_last="c:")
    state["c:clock"] = 1
    state["w:window"] = 2
    state["0:hours"] = 3
    state["c:housekeeping"] = 4
    state["t:toll"] = 5
    state["0:h:06"] = 6
    state.flush()
    assert [key for key, _ in base.log] == ["0:hours", "0:h:06", "w:window", "t:toll", "c:clock", "c:housekeeping"]
