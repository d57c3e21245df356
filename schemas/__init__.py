"""Topic value models (pydantic v2) and their exported JSON Schema files."""

from schemas.models import (
    TOPIC_MODELS,
    Alert,
    CasualtyClaim,
    ClaimProvenance,
    ClassifiedEvent,
    DeadLetter,
    Entry,
    HourWindow,
    Record,
    ReplayControl,
    RollingWindow,
    TollSnapshot,
    TollUpdate,
    UniqueEntry,
    WindowValue,
    format_utc,
)

__all__ = [
    "TOPIC_MODELS",
    "Alert",
    "CasualtyClaim",
    "ClaimProvenance",
    "ClassifiedEvent",
    "DeadLetter",
    "Entry",
    "HourWindow",
    "Record",
    "ReplayControl",
    "RollingWindow",
    "TollSnapshot",
    "TollUpdate",
    "UniqueEntry",
    "WindowValue",
    "format_utc",
]
