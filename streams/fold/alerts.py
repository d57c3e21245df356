"""Alert rules evaluated in the stream (no Kafka, no Faust): the fold's outputs in, ``Alert``s out.

Rules live in a user-editable TOML file (``streams/fold/data/alert_rules.toml`` documents every kind and
what the defaults raise on seed 004). The evaluator keeps its state in a mutable mapping of JSON
values, so the worker passes a Faust table and ``analyze`` a dict, and both run this code. Values
are replaced, never mutated in place, so a Faust table sees (and changelogs) every change.

One alert per condition: a condition's fingerprint is a hash of the rule name and its labels, and
the state remembers each fingerprint's status, so evaluating the same input again never re-fires.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import tomllib
from collections.abc import Iterable, MutableMapping, Sequence
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas import Alert, ClassifiedEvent, TollUpdate, WindowValue, format_utc
from streams.extract.lexicon import gazetteer
from streams.fold.windows import parse_utc

DEFAULT_RULES = Path(__file__).parent / "data" / "alert_rules.toml"
Severity = Literal["info", "warning", "critical"]
_RECENT_CLAIMS = 200  # event ids remembered per series, to name the events behind a window alert
# Toll-jump bests remembered per series, newest last: a toll back at one of them does not fire again.
# One state record per jump, kept forever, grew with the replay (990 after 50,000 synthetic entries).
RECENT_JUMPS = 32


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    severity: Severity


class DeathsInWindow(_Rule):
    kind: Literal["deaths_in_window"]
    threshold: int = Field(ge=0)
    series: list[str] = ["*/*/killed"]


class TollJump(_Rule):
    kind: Literal["toll_jump"]
    min_increase: int = Field(ge=1)
    min_percent: float = Field(0, ge=0)
    series: list[str] = ["*/*/killed"]


class FirstCivilian(_Rule):
    kind: Literal["first_civilian"]
    exclude_parties: list[str] = ["all"]


class NewCategory(_Rule):
    kind: Literal["new_category"]
    category: str
    subtypes: list[str]
    patterns: list[str] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r}: {exc}") from None
        return patterns

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self.patterns), re.IGNORECASE)


class NewActor(_Rule):
    kind: Literal["new_actor"]
    baseline_minutes: float = Field(60, ge=0)
    actor_kinds: list[str]
    categories: list[str]


Rule = Annotated[DeathsInWindow | TollJump | FirstCivilian | NewCategory | NewActor, Field(discriminator="kind")]


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: list[Rule]


def load_rules(path: Path | None = None) -> list[Rule]:
    """The rules of ``path`` (default: the bundled file); ValueError naming the file if invalid."""
    path = path or DEFAULT_RULES
    try:
        with path.open("rb") as fh:
            rules = RuleFile.model_validate(tomllib.load(fh)).rule
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise ValueError(f"alert rules {path}: {exc}") from None
    names = [r.name for r in rules]
    if len(names) != len(set(names)):
        raise ValueError(f"alert rules {path}: rule names must be unique, got {names}")
    return rules


def fingerprint(rule: str, labels: dict[str, str]) -> str:
    """Stable id of a condition: 16 hex digits, like Alertmanager's."""
    return hashlib.sha256(orjson.dumps([rule, labels], option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def _firing(rule: Rule, labels: dict[str, str], at: datetime, summary: str, event_ids: list[str]) -> Alert:
    return Alert(fingerprint=fingerprint(rule.name, labels), rule=rule.name, status="firing", severity=rule.severity,
                 summary=summary, labels=labels, starts_at=at, ends_at=None, event_ids=event_ids)


def _matches(series: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(series, p) for p in patterns)


class AlertEvaluator:
    """Feed it the fold's outputs in order; each call returns the alerts that input raised."""

    def __init__(self, state: MutableMapping[str, Any], rules: Sequence[Rule]) -> None:
        self.state = state
        self.rules = list(rules)

    # --- inputs -------------------------------------------------------------------------------

    def on_fold(self, events: Iterable[ClassifiedEvent], tolls: Iterable[TollUpdate],
                windows: Iterable[WindowValue]) -> list[Alert]:
        """Everything one fold step published, in its order (events, tolls, windows): the one entry
        point of the worker's fold agent and of ``analyze --emit alerts``."""
        alerts: list[Alert] = []
        for event in events:
            alerts += self.on_event(event)
        for update in tolls:
            alerts += self.on_toll(update)
        for window in windows:
            alerts += self.on_window(window)
        return alerts

    def on_event(self, event: ClassifiedEvent) -> list[Alert]:
        if "first_event_at" not in self.state:
            self.state["first_event_at"] = format_utc(event.published_at)
        alerts: list[Alert] = []
        for rule in self.rules:
            if isinstance(rule, NewCategory):
                alerts += self._new_category(rule, event)
            elif isinstance(rule, NewActor):
                alerts += self._new_actors(rule, event)
        return alerts

    def on_toll(self, update: TollUpdate) -> list[Alert]:
        previous = self.state.get(f"best:{update.series}")
        self.state[f"best:{update.series}"] = update.best
        claimed = self.state.get(f"claims:{update.series}", [])
        new_ids = [c.event_id for c in update.claims if c.counted and c.event_id not in claimed]
        if new_ids:
            self.state[f"claims:{update.series}"] = (claimed + list(dict.fromkeys(new_ids)))[-_RECENT_CLAIMS:]
        alerts: list[Alert] = []
        for rule in self.rules:
            if isinstance(rule, TollJump) and previous is not None:
                alerts += self._toll_jump(rule, update, previous)
            elif isinstance(rule, FirstCivilian):
                alerts += self._first_civilian(rule, update)
        return alerts

    def on_window(self, window: WindowValue) -> list[Alert]:
        alerts: list[Alert] = []
        for rule in self.rules:
            if isinstance(rule, DeathsInWindow):
                alerts += self._deaths_in_window(rule, window)
        return alerts

    # --- rules --------------------------------------------------------------------------------

    def _deaths_in_window(self, rule: DeathsInWindow, window: WindowValue) -> list[Alert]:
        killed = window.killed or {}
        start = format_utc(window.window_start)
        alerts = []
        for series, deaths in sorted(killed.items()):
            if deaths <= rule.threshold or not _matches(series, rule.series):
                continue
            labels = {"series": series}
            known = self.state.get(f"alert:{fingerprint(rule.name, labels)}")
            if known is not None and (known["status"] == "firing" or start <= known["window"]):
                continue
            ids = set(self.state.get(f"claims:{series}", []))
            alerts.append(self._fire(
                rule, labels, window.window_start,
                f"{deaths} deaths reported for {series} in the hour from {start} (threshold {rule.threshold})",
                [e for e in window.event_ids if e in ids], window=start))
        if window.final:
            open_key = f"open:{rule.name}"
            still_open = []
            for series in self.state.get(open_key, []):
                labels = {"series": series}
                known = self.state[f"alert:{fingerprint(rule.name, labels)}"]
                if start >= known["window"] and killed.get(series, 0) <= rule.threshold:
                    alerts.append(self._resolve(rule, labels, window.window_start, window=start))
                else:
                    still_open.append(series)
            self.state[open_key] = still_open
        return alerts

    def _toll_jump(self, rule: TollJump, update: TollUpdate, previous: int) -> list[Alert]:
        rise = update.best - previous
        percent = 100.0 * rise / previous if previous else float("inf")
        if rise < rule.min_increase or percent < rule.min_percent or not _matches(update.series, rule.series):
            return []
        jumped_to = f"jumps:{rule.name}:{update.series}"
        fired = self.state.get(jumped_to, [])
        if update.best in fired:
            return []
        self.state[jumped_to] = [*fired, update.best][-RECENT_JUMPS:]
        ids = [c.event_id for c in update.claims if c.published_at == update.as_of]
        # remembered above, per series and bounded, rather than under its fingerprint (one per value)
        return [_firing(rule, {"series": update.series, "best": str(update.best)}, update.as_of,
                        f"{update.series} toll jumped from {previous} to {update.best} (+{rise})", ids)]

    def _first_civilian(self, rule: FirstCivilian, update: TollUpdate) -> list[Alert]:
        if update.population != "civilian" or update.best <= 0 or update.party in rule.exclude_parties:
            return []
        labels = {"party": update.party}
        if f"alert:{fingerprint(rule.name, labels)}" in self.state:
            return []
        ids = list(dict.fromkeys(c.event_id for c in update.claims if c.counted))
        return [self._fire(rule, labels, update.as_of,
                           f"first civilian casualties reported for {update.party}: "
                           f"{update.best} {update.outcome}", ids)]

    def _new_category(self, rule: NewCategory, event: ClassifiedEvent) -> list[Alert]:
        labels = {"category": rule.category}
        if f"alert:{fingerprint(rule.name, labels)}" in self.state:
            return []
        if not set(rule.subtypes) & set(event.subtypes):
            return []
        if not rule.regex.search(f"{event.headline}\n{event.body}"):
            return []
        return [self._fire(rule, labels, event.published_at,
                           f"first {rule.category} reported: {event.headline}", [event.event_id])]

    def _new_actors(self, rule: NewActor, event: ClassifiedEvent) -> list[Alert]:
        if event.category not in rule.categories:
            return []
        entities = gazetteer().entities
        baseline_end = parse_utc(self.state["first_event_at"]) + timedelta(minutes=rule.baseline_minutes)
        alerts = []
        for actor in (a for a, parts in event.roles.items() if "participant" in parts):
            seen_key = f"actor:{rule.name}:{actor}"
            entity = entities.get(actor)
            if seen_key in self.state or entity is None or entity.kind not in rule.actor_kinds:
                continue
            self.state[seen_key] = format_utc(event.published_at)
            if event.published_at >= baseline_end:
                alerts.append(self._fire(rule, {"actor": actor}, event.published_at,
                                         f"new actor {actor} in {event.category}: {event.headline}",
                                         [event.event_id]))
        return alerts

    # --- state --------------------------------------------------------------------------------

    def _fire(self, rule: Rule, labels: dict[str, str], at: datetime, summary: str, event_ids: list[str],
              *, window: str | None = None) -> Alert:
        """The alert, remembered under its fingerprint, so the same input never fires it again."""
        alert = _firing(rule, labels, at, summary, event_ids)
        self.state[f"alert:{alert.fingerprint}"] = {"status": "firing", "window": window, "alert": alert.to_dict()}
        if window is not None:
            self.state[f"open:{rule.name}"] = [*self.state.get(f"open:{rule.name}", []), labels["series"]]
        return alert

    def _resolve(self, rule: Rule, labels: dict[str, str], at: datetime, *, window: str) -> Alert:
        key = f"alert:{fingerprint(rule.name, labels)}"
        fired = Alert.model_validate(self.state[key]["alert"])
        alert = fired.model_copy(update={"status": "resolved", "ends_at": max(at, fired.starts_at)})
        self.state[key] = {"status": "resolved", "window": window, "alert": alert.to_dict()}
        return alert
