"""Running casualty tolls per series ``party/population/outcome``, reconciled from claims.

Rules (DESIGN.md), per series, claims in event-time order: a cumulative claim sets the series (a
later one replaces it, also downward); increments and incidents add to the last cumulative; a
correction replaces the last increment; historical claims never count; a claim restated by
another source or copy is counted once.

A series keeps its recent claims and re-folds them in event-time order whenever one arrives, so
the result does not depend on arrival order (several partitions, a revision arriving late), and a
revised event's claims simply replace the old ones. Claims older than the settled time (stream
time minus grace) are folded into a base and dropped, so state stays small on long replays.
The state is a plain JSON-able dict (it lives in a Faust table); the functions are pure.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import orjson

from schemas import ClaimProvenance, ClassifiedEvent, TollUpdate, format_utc
from streams.extract.casualties import dated_earlier

# Within this span, an equal figure for the same series from another entry is the same report.
RESTATEMENT_WINDOW = timedelta(hours=6)
# A series' provenance lists at most this many claims since its last total, the most recent, and
# counts the older ones: a series that never gets a total (only "N more killed") would otherwise
# carry every claim of the replay, in its state and in every update (a 20,000-entry replay made a
# state value over Kafka's 1 MB record limit, and the worker stopped).
PROVENANCE_LIMIT = 50
# A total once seen stays seen (restated later, it is stale and never counts) while it is among the
# series' most recent totals, this many (nearly three years of daily totals): remembering every
# figure a series ever took grew its state without bound (a synthetic 100,000-entry replay: 10,840
# figures, copied at every claim). A restatement of a total this many totals old counts again.
TOTALS_REMEMBERED = 1024


@dataclass(frozen=True, slots=True)
class _Claim:
    """What the fold reads of a stored claim (stored claims are JSON dicts)."""

    kind: str
    min: int
    max: int | None
    published_at: datetime
    text: str


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _fingerprint(kind: str, lo: int) -> str:
    return f"{'total' if kind == 'cumulative' else 'delta'}:{lo}"


def _apply_claim(series: dict, claim: _Claim) -> bool:
    """Fold one claim into a series (mutating the caller's private copy); True when it counted."""
    at = claim.published_at
    base_at = datetime.fromisoformat(series["base_at"]) if series["base_at"] else None
    if claim.kind == "historical":
        return False
    if claim.kind == "correction":
        last = series["last_delta"]
        if last is None:
            return False
        # last_delta is what the increment added: a correction replaces it the same way, so one held
        # back from the lower bound (the total may include it) stays held back when corrected
        held_back = len(last) > 2 and last[2]
        low = 0 if held_back else claim.min
        series["min"] += low - last[0]
        series["max"] = _add(_add(series["max"], claim.max), None if last[1] is None else -last[1])
        series["last_delta"] = [low, claim.max, held_back]
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
        series["last_delta"] = None  # a later correction cannot replace an increment the total replaced
        return True
    held_back = base_at is not None and base_at.date() == at.date() and dated_earlier(claim)  # type: ignore[arg-type]
    low = 0 if held_back else claim.min  # held back: the total may already include it
    series["min"] += low
    series["max"] = _add(series["max"], claim.max)
    series["last_delta"] = [low, claim.max, held_back]
    return True


def _new_fold() -> dict:
    return {"min": 0, "max": 0, "as_of": None, "base_at": None, "last_delta": None, "seen": {}, "since_total": [],
            "omitted": 0}


def _new_series() -> dict:
    return {"base": _new_fold(), "claims": [], "fold": _new_fold(), "history": []}


def _claim_order(claim: dict) -> tuple[str, str, int]:
    return (claim["published_at"], claim["event_id"], claim["n"])


def _published_at(claim: dict) -> str:
    return claim["published_at"]


def _fold(base: dict, claims: list[dict]) -> tuple[dict, list[list[Any]]]:
    """Fold claims (in order) onto a copy of ``base``; return the fold and its history of changes."""
    fold = {**base, "seen": dict(base["seen"]), "since_total": list(base["since_total"])}
    history: list[list[Any]] = []
    for stored in claims:
        claim = _Claim(stored["kind"], stored["min"], stored["max"],
                       datetime.fromisoformat(stored["published_at"]), stored["text"])
        before = (fold["min"], fold["max"])
        counted = _apply_claim(fold, claim)
        if counted:
            fold["as_of"] = stored["published_at"]
            if claim.kind == "cumulative":
                fold["since_total"], fold["omitted"] = [], 0
        fold["since_total"].append({**stored, "counted": counted})
        if len(fold["since_total"]) > PROVENANCE_LIMIT:
            del fold["since_total"][0]
            fold["omitted"] += 1
        if counted and (fold["min"], fold["max"]) != before:
            history.append([stored["published_at"], *_toll(fold)])
    return fold, history


def _key(claim: Any) -> str:
    return f"{claim.party}/{claim.population}/{claim.outcome}"


def apply_event(state: dict, event: ClassifiedEvent) -> tuple[dict, list[TollUpdate]]:
    """Fold an event's claims into the tolls. Returns the new state and one update per series whose
    (min, best, max) changed. Idempotent per event_id; an event_id seen before with other claims
    (a revision) replaces its earlier claims."""
    events: dict[str, list[str]] = state.get("events", {})
    all_series: dict[str, dict] = state.get("series", {})
    new_claims: dict[str, list[dict]] = {}
    for n, claim in enumerate(event.casualties):
        provenance = ClaimProvenance(**claim.model_dump(), event_id=event.event_id, source=event.source,
                                     published_at=event.published_at, counted=False).to_dict()
        new_claims.setdefault(_key(claim), []).append({**provenance, "n": n})
    revised = event.event_id in events
    touched = set(new_claims) | set(events.get(event.event_id, []))
    changed_series: dict[str, dict] = {}
    for key in touched:
        series = all_series.get(key) or _new_series()
        added = new_claims.get(key, [])
        if not revised and (not series["claims"] or _claim_order(series["claims"][-1]) < _claim_order(added[0])):
            # the usual case, claims arriving in event-time order: folding them onto the last fold
            # is refolding every claim, at the cost of the new ones
            claims = series["claims"] + added
            fold, changes = _fold(series["fold"], added)
            history = series["history"] + changes
        else:
            kept = [c for c in series["claims"] if c["event_id"] != event.event_id]
            claims = sorted(kept + added, key=_claim_order)
            if claims == series["claims"]:
                continue
            fold, history = _fold(series["base"], claims)
        if key not in all_series and all(c["kind"] == "historical" for c in claims):
            continue  # a series is not opened by history alone
        changed_series[key] = {**series, "claims": claims, "fold": fold, "history": history}
    if not changed_series:
        return state, []
    new_events = {**events, event.event_id: sorted(new_claims)} if new_claims else {
        k: v for k, v in events.items() if k != event.event_id}
    new_state = {"events": new_events, "series": {**all_series, **changed_series}}
    updates = []
    for key, series in sorted(changed_series.items()):
        old = all_series.get(key)
        value = _value(series)
        if value is None or (old is not None and _value(old) == value):
            continue
        party, population, outcome = key.split("/")
        low, best, high = value
        updates.append(TollUpdate(
            series=key, party=party, population=population, outcome=outcome, min=low, best=best, max=high,
            as_of=series["fold"]["as_of"],
            claims=[_provenance(orjson.dumps(c)) for c in series["fold"]["since_total"]],
            claims_omitted=series["fold"]["omitted"],
        ))
    return new_state, updates


@lru_cache(maxsize=1 << 12)
def _provenance(stored: bytes) -> ClaimProvenance:
    """The model of a stored claim, given as its JSON. Every update of a series lists all its claims
    since the last total, so the same stored claims are validated over and over: once is enough
    (models are frozen). Their JSON is the cheapest key to make of them."""
    claim = orjson.loads(stored)
    claim.pop("n", None)  # its place among its event's claims, not part of the model
    return ClaimProvenance.model_validate(claim)


def _toll(fold: dict) -> tuple[int, int, int | None]:
    """(min, best, max) of a fold: best is the lower bound, ACLED's conservative reading."""
    return fold["min"], fold["min"], fold["max"]


def _value(series: dict) -> tuple[int, int, int | None] | None:
    fold = series["fold"]
    return None if fold["as_of"] is None else _toll(fold)


def snapshot(state: dict) -> dict[str, tuple[int, int, int | None]]:
    """Current toll per series: (min, best, max). Best is the lower bound, ACLED's conservative
    reading; max is None when open-ended ("more than 30")."""
    return {key: value for key, s in state.get("series", {}).items() if (value := _value(s)) is not None}


def value_at(series: dict, cutoff: str) -> tuple[int, int, int | None] | None:
    """A series' (min, best, max) as it stood just before ``cutoff`` (an ISO time), from its changes
    [time, min, best, max], oldest first; the settled ones are summarised by the base's value."""
    changes = series["history"]
    i = bisect.bisect_left(changes, [cutoff])  # a change at ``cutoff`` sorts after [cutoff]
    if i:
        _, low, best, high = changes[i - 1]
        return low, best, high
    base = series["base"]
    return _toll(base) if base["as_of"] and base["as_of"] < cutoff else None


def _remembered(seen: dict[str, str], restated_since: str) -> dict[str, str]:
    """What a settled base still needs to know it saw: the TOTALS_REMEMBERED most recent totals,
    and the increments recent enough for a restatement of them to come."""
    totals = sorted((at, key) for key, at in seen.items() if key.startswith("total:"))[-TOTALS_REMEMBERED:]
    kept = {key for _, key in totals}
    return {key: at for key, at in seen.items() if key in kept or not key.startswith("total:") and at >= restated_since}


def settle(state: dict, before: datetime) -> dict:
    """Fold every claim older than ``before`` into its series' base: they can no longer move. The
    base forgets increments seen too long before to make a later claim a restatement, and all but
    the most recent totals."""
    cutoff = format_utc(before)
    restated_since = format_utc(before - RESTATEMENT_WINDOW)
    series_out = {}
    moved = False
    for key, series in state.get("series", {}).items():
        # claims are kept in claim order, so the old ones are a prefix
        old = series["claims"][:bisect.bisect_left(series["claims"], cutoff, key=_published_at)]
        if not old:
            series_out[key] = series
            continue
        moved = True
        base, _ = _fold(series["base"], old)
        base["seen"] = _remembered(base["seen"], restated_since)
        recent = series["claims"][len(old):]
        fold, changes = _fold(base, recent)
        series_out[key] = {"base": base, "claims": recent, "fold": fold, "history": changes}
    if not moved:
        return state
    open_events = {c["event_id"] for series in series_out.values() for c in series["claims"]}
    events = {k: v for k, v in state.get("events", {}).items() if k in open_events}
    return {"events": events, "series": series_out}
