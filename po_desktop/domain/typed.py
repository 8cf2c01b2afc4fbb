"""Dates and times as people type them: "04/01/2027", "4/1/27", "4 janv. 2027", "14h30".

Day first, as in France and the United Kingdom (the two languages of the app). A text
that cannot be read gives None: the caller says so, and never keeps another date in
silence.
"""

from __future__ import annotations

import re
from datetime import date, time

from po_desktop.domain.calendar import EARLIEST, LATEST
from po_desktop.domain.text import fold

_MONTHS = {
    # French, then English; abbreviations as people write them (with or without the dot).
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3,
    "mar": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "aout": 8, "aou": 8, "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
    "january": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "october": 10, "november": 11, "december": 12,
}  # fmt: skip

_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{2}|\d{4}))?$")
_PACKED = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NAMED = re.compile(r"^(?:[a-z]+\.?\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\.?(?:\s+(\d{2}|\d{4}))?$")
_TIME = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2})?)?$")
_PACKED_TIME = re.compile(r"^(\d{1,2})(\d{2})$")


def _year(text: str | None, default: int) -> int:
    if text is None:
        return default
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _make(year: int, month: int, day: int) -> date | None:
    try:
        made = date(year, month, day)
    except ValueError:
        return None
    return made if EARLIEST <= made <= LATEST else None


def parse_date(text: str, *, default_year: int) -> date | None:
    """The date ``text`` means, or None. ``default_year`` completes "4/1" and "4 janv."."""
    clean = fold(text).strip().rstrip(".")
    if not clean:
        return None
    if match := _ISO.match(clean):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.match(clean):
        return _make(_year(match[3], default_year), int(match[2]), int(match[1]))
    if match := _PACKED.match(clean):
        return _make(_year(match[3], default_year), int(match[2]), int(match[1]))
    if match := _NAMED.match(clean):
        month = _MONTHS.get(match[2])
        if month is None:
            return None
        return _make(_year(match[3], default_year), month, int(match[1]))
    return None


def parse_time(text: str) -> time | None:
    """The time of day ``text`` means ("14:30", "14h30", "14h", "9.05", "1430"), or None."""
    clean = text.strip().lower()
    if not clean:
        return None
    match = _PACKED_TIME.match(clean) or _TIME.match(clean)
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
