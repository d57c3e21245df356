"""Text on a page that is not reporting: an article's bullet summaries, captions ending in a photo credit,
presenter hand-overs, "Read more" and "Source:" lines, edit notes ("Updated at 4.28pm BST"),
"More updates" pointers, a post's closing credits and pointers ("Reporting by ...", "Watch the video below"); and
title-like lines (no closing punctuation) in articles."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

_BULLET = re.compile(r"\s*[•▪●]")
_BOILERPLATE = re.compile(
    r"(?:Hello|Hi)\b.*\b(?:this is|welcome|taking over)\b.*"  # presenter hand-over or welcome
    r"|Read(?::\s.*| more\b.{0,60})"                            # "Read: <link>", "Read more here."
    r"|See also:?"
    r"|Sources?:\s.{1,80}"                                      # "Source: Al Jazeera"
    r"|You can (?:read|find|follow)\b.*\bhere\.?",              # link to the previous day's blog
    re.IGNORECASE | re.DOTALL,
)
# A line of its own that only points elsewhere or notes an edit, or a stamp's label alone ("• Timestamp:") whose
# time is on the next line.
_NOTE_LINE = re.compile(
    r"[•▪●]?\s*Timestamp:?"
    r"|(?:Updated|Last updated)(?:\s+at\b.*|:.*)?"
    r"|at\s+\d{1,2}[.:]\d{2}\s*[ap]\.?m\.?.*"
    r"|More updates\W*|Live updates continue below\W*|(?:LIVE|Latest) UPDATES\W*|Show oldest updates on top"
    r"|\*\s*\*\s*\*|_{3,}|Advertisement|Open gallery view.*|Media caption,?|Image source,.*|Image caption,?",
    re.IGNORECASE)
# A caption ends in a photo credit: "[File: EPA]", "[Handout via ... /AFP]", "(AFP via Getty Images)".
_CAPTION = re.compile(
    r"(?:\[(?:File:[^\]]*|[^\]]*/[^\]]*)\]|\((?:[^)]*\bvia\b[^)]*|Image Credit:[^)]*|[^)]*Getty Images[^)]*)\))\s*$"
    r"|Image source, [^.]*$"
)
with (Path(__file__).parent / "data" / "closing_lines.toml").open("rb") as _fh:
    _CLOSING_LINES = tomllib.load(_fh)
_CLOSING = re.compile("|".join(f"(?:{p})" for patterns in _CLOSING_LINES.values() for p in patterns), re.IGNORECASE)
_LINK_LIST = re.compile("|".join(f"(?:{p})" for p in _CLOSING_LINES["link_lists"]), re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;][\s\"“”‘’'«»)\]]*$")  # a stray quote after the full stop still ends it
_TWEET = re.compile(r"—\s*[^—]+\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Dr|Ms|St))(?<!\bMrs)[.!?…][\"”’')]*(?=\s)")


def is_note_line(line: str) -> bool:
    """An edit note or a pointer standing on its own line: never part of an entry's text."""
    return bool(_NOTE_LINE.fullmatch(line.strip()))


def is_closing_line(line: str) -> bool:
    """A post's closing credit or pointer ("Reporting by ...", "Watch the video below", data/closing_lines.toml): the
    end of the post above it, so never the headline of the post below."""
    return bool(_CLOSING.fullmatch(line.strip()))


def reporting(lines: list[str], bullets: bool = False) -> str | None:
    """A paragraph's text without notes, and without bullet lines unless ``bullets`` (an update's own list, as a
    closing summary's, is its text; an article's bullet summary repeats it), or None for furniture (captions, links,
    a list of links under "Related:")."""
    kept = [line for line in lines if (bullets or not _BULLET.match(line)) and not is_note_line(line)]
    text = "\n".join(kept).strip()
    if not text or _BOILERPLATE.fullmatch(text) or _CAPTION.search(kept[-1]) or _LINK_LIST.fullmatch(kept[0].strip()):
        return None
    return text


def headline_like(text: str) -> bool:
    """Titles, sub-headings and cross-link lists lack closing punctuation; tweet embeds end in a date."""
    return not _TERMINAL.search(text) and not _TWEET.search(text)


def first_sentence(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    m = _SENTENCE_END.search(flat)
    sentence = flat[: m.end()] if m else flat
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit)
    return sentence[: cut if cut > 0 else limit].rstrip(" ,;:–-") + "…"
