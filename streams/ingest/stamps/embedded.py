"""Stamps inside a line: a scraper's copy that flattened several updates onto one line
("... were injured. 9.15 pm: Russia's defence ministry says ..."). A time inside a sentence is never
one: a stamp here follows the end of a sentence and is itself followed by a separator and a capital,
and carries an am/pm, a zone or a date (after a colon the update may open with a figure: "9.15 pm: 5 dead"; a bar
may separate it too: "Updated 7:52 p.m. EDT, March 24 | ..."; a zone in brackets closes it as a separator would,
"07:43 (IST) Family ...", or ends the line with its text on the next). An "Updated" label before it opens an update
wherever it stands.
Right after an edit note ("Updated at 7.28am GMT 7.00am GMT Summary ...") such a stamp needs no separator; a
German ticker's "8.45 Uhr:" may even touch the word before it, and its "+++ 23:50 ... +++" may follow any text;
a Spanish one's "23.29 h" needs neither end nor separator where a line holds several."""

from __future__ import annotations

import re
from collections.abc import Iterator

from streams.ingest.stamps.grammar import CLOCK_LEADS, read_clock, stamp
from streams.ingest.stamps.leading import LEADING, REPORTERS_LOG, read_leading
from streams.ingest.stamps.trailing import PUBLISHED

# A zone in brackets closes its stamp as a separator would ("07:43 (IST) Family members ..."); such a stamp may end
# the line too, its update's text on the next ("... were hurt. 07:21 (IST)").
_BRACKET_END = r"(?<=\))(?:\s+[\"“‘A-Z]|\s*$)"
_EMBEDDED = re.compile(
    rf"\s+(?=(?:[-–•]\s*)?(?P<label>(?:Update[ds]?|UPDATE[DS]?)\s*:?\s*)?{stamp()}"
    rf"\s*(?:[–—-]{{1,2}}\s+[\"“‘A-Z]|:\s+[\"“‘A-Z0-9]|\|\s+[\"“‘A-Z]|{_BRACKET_END}))")
# What may end the text before an update: the end of a sentence, a link, or a dash.
_BOUNDARY = re.compile(r"(?:[.:!?\"”’)\]]|https?://\S+|\s[–—-]{1,2})$")
_HOUR_BEFORE = re.compile(r"(?:^|\s)\d{1,2}[:.]$")  # "11: 16 pm" is one stamp, not "11:" and "16 pm"
_SENTENCE_END = re.compile(r"(?:[.!?\"”’)\]]\s+|\b\d{1,3}\.\s+)(?=\S)")
# What every embedded stamp needs somewhere in its line (a digit, and the separator or closing bracket before a
# capital that follows it, or a bracket ending the line): most lines have no such pair, and _EMBEDDED tries every
# space of a line.
_SEPARATOR = re.compile(r"[–—-]{1,2}\s+[\"“‘A-Z]|:\s+[\"“‘A-Z0-9]|\|\s+[\"“‘A-Z]"
                        r"|\)\s+[\"“‘A-Z]|\)\s*$")
_DIGIT = re.compile(r"\d")
# An edit note opening a sentence ("Updated at 7.28am GMT") run straight into the next update's stamp and its capital.
_AFTER_NOTE = re.compile(rf"(?:^|(?<=[.!?\"”’)\]]\s))\s*Updated\s+(?:at\s+|on\s+)?{stamp('n')}"
                         rf"\s+(?={stamp()}\s+[\"“‘A-Z])")

# A German ticker's stamp glued to the word before it ("... nahe Jerusalem8.45 Uhr: Ein Angreifer ...") or to the
# ticker's "+++" ("... Danke +++22.00 Uhr: Die Polizei ..."): "Uhr" and the colon make it a stamp, never prose.
_GLUED_UHR = re.compile(r"(?<=[^\W\d_]|\+)(?=(?:[01]?\d|2[0-3])[.:][0-5]\d\s?Uhr:\s)")


def _unled(line: str, found: Iterator[re.Match[str]]) -> list[tuple[re.Match[str], str]]:
    """The clocks ``found`` in ``line`` that no word of ``CLOCK_LEADS`` leads, each with the text before it."""
    clocks = [(m, line[:m.start()].rstrip()) for m in found]
    return [(m, before) for m, before in clocks if before and before.split()[-1].lower() not in CLOCK_LEADS]


# A Spanish ticker's "23.29 h" (o'clock) before a capital, run together with others on one line: two or more
# of them make each a stamp, after a sentence's end or not ("Minuto a minuto 23.29 h En los ... 23.26 h El ..."),
# but not a time a sentence gives ("a las 10.30 h").
_OCLOCK_RUN = re.compile(r"(?<=\s)(?=(?:[01]?\d|2[0-3])[.:][0-5]\d\s?h\s+[\"“¿¡A-ZÀ-Þ])")


# A live page flattened onto one line, its bare "23:06" stamps each before a capital ("En directo hace 21 min 23:06
# Fuerzas ... comunicado. 22:22 Israel eleva ... 21:55 Recuperados ..."): three or more of them in order, each after
# the first at a sentence's end, make each a stamp; not a time a sentence gives ("a las 10:30", "at 10:30").
_BARE_CLOCK = re.compile(r"(?<=\s)(?=(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s+[\"“¿¡A-ZÀ-Þ])")
_BARE_RUN = 3


def _bare_clock_run(line: str) -> list[int]:
    """Offsets of the bare clocks of a flattened page (``_BARE_CLOCK``) where they run in order, newest or oldest
    first."""
    clocks = _unled(line, _BARE_CLOCK.finditer(line))
    runs = [m for i, (m, before) in enumerate(clocks) if i == 0 or _BOUNDARY.search(before)]
    if len(runs) < _BARE_RUN:
        return []
    minutes = [int(m["hour"]) * 60 + int(m["minute"]) for m in runs]
    steps = {(b > a) - (b < a) for a, b in zip(minutes, minutes[1:])}
    return [m.start() for m in runs] if steps in ({1}, {-1}) else []


# A ticker's item ("+++ 23:50 Headline +++") run into the line before it, as a ticker's title line carries its newest
# item ("Live ticker: +++ 23:50 ..."): the marks before the clock and at the line's end are no prose.
_TICKER = re.compile(r"(?<=\s)\+{3}\s*(?=(?:[01]?\d|2[0-3])[:.][0-5]\d\s[^+]*\+{3}\s*$)")


# A reporters' log run together: "... reduced to rubble. Jane Doe : Srinagar, India : 1009GMT I now understand ...":
# the next update opens at its byline, after a sentence's end, when the stamp there carries its zone.
_BYLINE_RUN = re.compile(rf"(?<=[.!?\"”’]\s)(?={REPORTERS_LOG})")


def split_points(line: str) -> list[int]:
    """Offsets in ``line`` where a flattened update begins (never 0, never inside the stamp opening it)."""
    points = []
    candidates = _EMBEDDED.finditer(line) if _SEPARATOR.search(line) and _DIGIT.search(line) else ()
    for m in candidates:
        if not _BOUNDARY.search(line, 0, m.start()) and not m["label"]:
            continue  # an "Updated" label opens an update wherever it stands
        found = read_clock(m)
        if _HOUR_BEFORE.search(line, 0, m.start()) and not re.match(r"\s*\d{1,2}[:.]", line[m.end():]):
            continue
        if found is not None and (found.twelve_hour or found.zone or found.has_date):
            points.append(m.end())
    points += _after_edit_notes(line)
    points += [m.start() for m in _GLUED_UHR.finditer(line)] if "Uhr:" in line else []
    points += [m.start() for m in _TICKER.finditer(line)] if "+++" in line else []
    if len(oclock := [m.start() for m, _ in _unled(line, _OCLOCK_RUN.finditer(line))]) >= 2:
        points += oclock
    points += _bare_clock_run(line) if line.count(":") >= _BARE_RUN else []
    points += [m.start() for m in _BYLINE_RUN.finditer(line) if " : " in line and _zoned_leading(line[m.start():])]
    published = list(PUBLISHED.finditer(line))
    for m in published[1:]:  # each later "published at" stamp closes the headline that starts its update
        starts = [s.end() for s in _SENTENCE_END.finditer(line, 0, m.start())]
        previous_end = published[published.index(m) - 1].end()
        start = max([s for s in starts if s > previous_end], default=None)
        if start is not None:
            points.append(start)
    if not points:
        return []
    opening = LEADING.match(line)  # a split inside the line's own opening stamp ("5/3 – 8:00 a.m. PST: ...") is none
    first = opening.end("stamp") if opening else 0
    return sorted(set(p for p in points if p > first))


def _after_edit_notes(line: str) -> list[int]:
    """Offsets of a stamp written right after an edit note with no separator ("... this storm. Updated at
    7.28am GMT 7.00am GMT Summary It's 2am ..."): a flattened copy's next update. A second zone's reading
    of the note's own time ("Updated at 7.28am GMT 3.28am EDT") is no update."""
    points = []
    for m in _AFTER_NOTE.finditer(line) if "Updated" in line else ():
        note, found = read_clock(m, "n"), read_clock(m)
        if note is not None and found is not None and (found.twelve_hour or found.zone or found.has_date) \
                and found.zone == note.zone:
            points.append(m.end())
    return points


def _zoned_leading(text: str) -> bool:
    found = read_leading(text)
    return not isinstance(found, str) and found is not None and found.clock.zone is not None
