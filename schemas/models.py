"""Pydantic v2 models: the value of every contract topic, and the single source of truth for it.

Values travel as plain JSON (orjson), UTF-8, with no framework envelope, so any Kafka client can
read them. Times are ISO 8601 UTC ending in ``Z``. ``schemas/json/`` is generated from these
models by ``liveblog schemas export``; a test fails when the files are stale.
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from typing import Annotated, Any, Literal

import orjson
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema


def _require_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamp must carry a time zone (naive datetimes are ambiguous)")
    return value.astimezone(timezone.utc)


@lru_cache(maxsize=1 << 14)
def format_utc(value: datetime) -> str:
    """ISO 8601 in UTC with a trailing Z, the one time format on every topic. Cached: the fold
    formats the same few times over and over (keys, records, windows)."""
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


UtcDatetime = Annotated[
    datetime,
    AfterValidator(_require_utc),
    PlainSerializer(format_utc, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time", "description": "ISO 8601 UTC, ending in Z"}),
]

TimePrecision = Literal["minute", "day"]
Population = Literal["military", "civilian", "all"]
Outcome = Literal["killed", "wounded"]
ClaimKind = Literal["increment", "cumulative", "incident", "correction", "historical"]
DedupVerdict = Literal["new", "revision", "copy", "same_event"]
ControlType = Literal["heartbeat", "watermark"]


class Record(BaseModel):
    """Base of every topic value: strict field set, JSON in and out through orjson."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def to_json(self) -> bytes:
        return orjson.dumps(self.model_dump(mode="json"))

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: bytes | str):
        return cls.model_validate_json(data)


class Entry(Record):
    """One timestamped live-blog item, as the producer replays it onto ``liveblog.entries``."""

    entry_id: str = Field(description="Stable id: the same entry from the same source always gets the same id.")
    source: str = Field(description="Outlet or site the document came from, e.g. 'Al Jazeera'.")
    url: str | None = Field(description="Address of the document, when known.")
    blog_title: str = Field(description="Title of the live blog or article.")
    published_at: UtcDatetime = Field(description="Event time of the entry, UTC.")
    time_precision: TimePrecision = Field(description="'minute' when the item states a time, else 'day'.")
    headline: str
    body: str
    seq: int = Field(ge=0, description="Position of the entry in its document (0 = first in the file).")


class UniqueEntry(Entry):
    """An entry that survived deduplication, with the verdict (``liveblog.entries.unique``)."""

    event_id: str = Field(description="Stable event id; windows and tolls count each event once.")
    verdict: DedupVerdict = Field(description="'new' for a first sighting; later levels come from near-duplicate dedup.")
    cluster: str = Field(description="Id of the duplicate cluster the entry belongs to.")
    mentions: int = Field(ge=1, description="How many entries so far report this event.")
    sources: list[str] = Field(description="Distinct sources that reported this event, first seen first.")
    revision_of: str | None = Field(description="entry_id this entry supersedes, when it is a revision.")
    first_seen: UtcDatetime = Field(description="Event time of the first entry of the cluster.")


class CasualtyClaim(Record):
    """One casualty figure stated in an entry, with what it counts and how."""

    party: str = Field(description="Canonical actor slug, 'unknown', or 'all' for totals across sides.")
    population: Population
    outcome: Outcome
    kind: ClaimKind
    min: int = Field(ge=0)
    max: int | None = Field(ge=0, description="null = open-ended ('more than 30' is min 31, max null).")
    claimant: str | None = Field(description="Who states the figure, as a canonical slug when known.")
    text: str = Field(description="The quoted sentence or clause the claim was read from.")
    rule: str = Field("", description="Id of the extraction rule that read the figure (see `liveblog eval --by-rule`).")


class ClassifiedEvent(UniqueEntry):
    """A unique entry with its classification and casualty claims (``liveblog.events``)."""

    category: str = Field(description="Primary category (ACLED event type or an extra category).")
    labels: list[str] = Field(description="Every category that applies, primary first.")
    subtypes: list[str] = Field(description="ACLED-style sub-event types.")
    actors: list[str] = Field(description="Canonical actor slugs.")
    roles: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Each actor's parts in the entry: participant, claimant, commenter, place (only a location)."))
    locations: list[str] = Field(description="Canonical location slugs.")
    casualties: list[CasualtyClaim]


class ClaimProvenance(CasualtyClaim):
    """A claim as a toll was built from it: the claim plus where and when it was made."""

    event_id: str
    source: str
    published_at: UtcDatetime
    counted: bool = Field(description="False when the claim was seen but did not change the series (historical, restated).")


class TollUpdate(Record):
    """The running toll of one series after a change (``liveblog.tolls``, key = series)."""

    series: str = Field(description="'party/population/outcome'.")
    party: str
    population: Population
    outcome: Outcome
    min: int = Field(ge=0)
    best: int = Field(ge=0)
    max: int | None = Field(ge=0, description="null = open-ended.")
    as_of: UtcDatetime = Field(description="Event time of the latest claim in the series.")
    claims: list[ClaimProvenance] = Field(description=(
        "The claims the toll was built from since its last total (cumulative claim), oldest first; "
        "at most the 50 most recent."))
    claims_omitted: int = Field(0, ge=0, description="Older claims since the last total that the toll also counts, not listed.")


class TollSnapshot(BaseModel):
    """A series' toll as it stood at a window's end."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min: int = Field(ge=0)
    best: int = Field(ge=0)
    max: int | None = Field(ge=0)


class WindowValue(Record):
    """Fields shared by hourly and rolling windows. Later-issue fields stay absent until filled."""

    window_start: UtcDatetime
    window_end: UtcDatetime
    final: bool = Field(description="True once stream time passed window_end + grace.")
    corrections: int = Field(0, ge=0, description=(
        "0 on a window's first final; n on its n-th re-issue, when data later than the grace period "
        "(within the allowed lateness) changed a closed window. Keep the latest per window_start."))
    events: int = Field(ge=0, description="Distinct events whose event time falls in the window.")
    event_ids: list[str]
    by_category: dict[str, int] | None = Field(default=None, description="Events per primary category.")
    killed: dict[str, int] | None = Field(default=None, description="Deaths reported within the window, per series (best).")
    wounded: dict[str, int] | None = Field(default=None, description="Wounded reported within the window, per series (best).")
    tolls: dict[str, TollSnapshot] | None = Field(default=None, description="Running toll per series at window end.")

    def to_dict(self) -> dict[str, Any]:
        # Only the top-level optional fields are left out when unset; a toll's open-ended max
        # stays an explicit null.
        unset = {name for name in _WINDOW_OPTIONAL if getattr(self, name) is None}
        return self.model_dump(mode="json", exclude=unset)

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict())


_WINDOW_OPTIONAL = ("by_category", "killed", "wounded", "tolls")


class HourWindow(WindowValue):
    """One hour of event time (``liveblog.windows.hourly``, key = window_start)."""


class RollingWindow(WindowValue):
    """The 60 minutes of event time ending at window_end (``liveblog.windows.rolling``, key = window_end)."""


class Alert(Record):
    """An alert raised by a rule (``liveblog.alerts``, key = fingerprint)."""

    fingerprint: str = Field(description="Stable per condition: one alert per condition, not per record.")
    rule: str
    status: Literal["firing", "resolved"]
    severity: Literal["info", "warning", "critical"]
    summary: str
    labels: dict[str, str]
    starts_at: UtcDatetime
    ends_at: UtcDatetime | None
    event_ids: list[str]


class DeadLetter(Record):
    """A record that could not be processed (``liveblog.deadletter``, key = the original key)."""

    reason: str = Field(description="Why the record was not processed, naming what was wrong.")
    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None = Field(description="Record timestamp of the original, when it had one.")
    key_b64: str | None = Field(description="Original key bytes, base64.")
    value_b64: str | None = Field(description="Original value bytes, base64: nothing is lost.")


class ReplayControl(Record):
    """A replay-clock control record on ``liveblog.entries`` (header ``liveblog-control``).

    ``heartbeat`` advances stream time while no entry arrives; ``watermark`` is sent once at the
    end of a bounded replay and closes every window the replay touched.
    """

    type: ControlType
    stream_time: UtcDatetime = Field(description="Replay clock: no later entry of this replay is older.")
    replay_id: str = Field(description="Identifies the replay run that sent the record.")


TOPIC_MODELS: dict[str, type[Record]] = {
    "liveblog.entries": Entry,
    "liveblog.entries.unique": UniqueEntry,
    "liveblog.events": ClassifiedEvent,
    "liveblog.tolls": TollUpdate,
    "liveblog.windows.hourly": HourWindow,
    "liveblog.windows.rolling": RollingWindow,
    "liveblog.alerts": Alert,
    "liveblog.deadletter": DeadLetter,
}
