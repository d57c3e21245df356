"""Running casualty tolls per series ``party/population/outcome``, reconciled from claims.

Rules (DESIGN.md), per series, claims in text order: a cumulative claim sets the series (a later
one replaces it, also downward); increments and incidents add to the last cumulative; a
correction replaces the last increment; historical claims never count; a claim restated by
another source or copy is counted once. The state is a plain JSON-able dict (it lives in a Faust
table) and every function is pure: the input state is never mutated.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from schemas import ClaimProvenance, ClassifiedEvent, TollUpdate, format_utc
from streams.casualties import dated_earlier

# Within this span, an equal figure for the same series from another entry is the same report.
RESTATEMENT_WINDOW = timedelta(hours=6)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _fingerprint(kind: str, lo: int) -> str:
    return f"{'total' if kind == 'cumulative' else 'delta'}:{lo}"


def _apply_claim(series: dict, claim: ClaimProvenance) -> bool:
    """Fold one claim into a series (mutating the caller's private copy); True when it counted."""
    at = claim.published_at
    base_at = datetime.fromisoformat(series["base_at"]) if series["base_at"] else None
    if claim.kind == "historical":
        return False
    if claim.kind == "correction":
        last = series["last_delta"]
        if last is None:
            return False
        series["min"] += claim.min - last[0]
        series["max"] = _add(_add(series["max"], claim.max), None if last[1] is None else -last[1])
        series["last_delta"] = [claim.min, claim.max]
        return True
    key = _fingerprint(claim.kind, claim.min)
    seen = series["seen"].get(key)
    if seen is not None and (claim.kind == "cumulative" or at - datetime.fromisoformat(seen) <= RESTATEMENT_WINDOW):
        return False
    if base_at is not None and at < base_at:
        return False  # older than the running total, which already covers it
    series["seen"][key] = format_utc(at)
    if claim.kind == "cumulative":
        series["min"], series["max"] = claim.min, claim.max
        series["base_at"] = format_utc(at)
        series["claims"] = []
        return True
    if base_at is not None and base_at.date() == at.date() and dated_earlier(claim):
        series["max"] = _add(series["max"], claim.max)  # the total may already include it
    else:
        series["min"] += claim.min
        series["max"] = _add(series["max"], claim.max)
    series["last_delta"] = [claim.min, claim.max]
    return True


def _new_series() -> dict:
    return {"min": 0, "max": 0, "as_of": None, "base_at": None, "last_delta": None, "seen": {}, "claims": []}


def apply_event(state: dict, event: ClassifiedEvent) -> tuple[dict, list[TollUpdate]]:
    """Fold an event's claims into the tolls. Returns the new state and one update per series whose
    (min, best, max) changed. Idempotent per event_id."""
    events = state.get("events", {})
    if event.event_id in events or not event.casualties:
        return state, []
    all_series: dict[str, dict] = state.get("series", {})
    touched: dict[str, dict] = {}
    before: dict[str, tuple[int, int, int | None]] = {}
    for claim in event.casualties:
        key = f"{claim.party}/{claim.population}/{claim.outcome}"
        if key not in touched:
            if key not in all_series and claim.kind == "historical":
                continue
            old = all_series.get(key) or _new_series()
            touched[key] = {**old, "seen": dict(old["seen"]), "claims": list(old["claims"])}
            before[key] = (old["min"], old["min"], old["max"]) if key in all_series else (-1, -1, -1)
        series = touched[key]
        provenance = ClaimProvenance(**claim.model_dump(), event_id=event.event_id, source=event.source,
                                     published_at=event.published_at, counted=False)
        counted = _apply_claim(series, provenance)
        if counted:
            series["as_of"] = format_utc(event.published_at)
        series["claims"].append(provenance.model_copy(update={"counted": counted}).to_dict())
    new_state = {"events": {**events, event.event_id: format_utc(event.published_at)},
                 "series": {**all_series, **touched}}
    updates = []
    for key, series in touched.items():
        if before[key] == (series["min"], series["min"], series["max"]) or series["as_of"] is None:
            continue
        party, population, outcome = key.split("/")
        updates.append(TollUpdate(
            series=key, party=party, population=population, outcome=outcome, min=series["min"],
            best=series["min"], max=series["max"], as_of=series["as_of"],
            claims=[ClaimProvenance.model_validate(c) for c in series["claims"]],
        ))
    return new_state, updates


def snapshot(state: dict) -> dict[str, tuple[int, int, int | None]]:
    """Current toll per series: (min, best, max). Best is the lower bound, ACLED's conservative
    reading; max is None when open-ended ("more than 30")."""
    return {key: (s["min"], s["min"], s["max"]) for key, s in state.get("series", {}).items()
            if s["as_of"] is not None}
