"""Numbers and dates as each language writes them, through Babel (CLDR's rules).

The one place where a value becomes text for a reader: the interface, messages, the CLI,
the pack and the exports that a person reads. French groups thousands with a narrow
no-break space and writes a decimal comma (2,5 ; 9 990), English a point and a comma
(2.5; 9,990). Every number is rounded the same way: to the decimals asked, half away from
zero, trailing zeros dropped (62.5 → "62,5", 3.0 → "3").

Reading a number is another matter: a file's numbers follow that file's convention (a
French spreadsheet's decimal comma in a ``;`` file), never the language of the interface.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal, format_percent

from po_desktop import i18n

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
"""The locale of each language: French of France, British English (day before month)."""


SYMBOLS = {"fr_FR": ("\u202f", ","), "en_GB": (",", ".")}
"""Each locale's thousands separator and decimal sign, as CLDR gives them through Babel
(tests/domain/test_formatting.py checks they still agree): plain numbers are written with
them without loading Babel's locale data, some 40 ms the first time, before the board's
first paint (its column totals)."""


def locale_of(lang: str | None = None) -> str:
    return LOCALES.get(lang or i18n.language(), "en_GB")


def _plain(rounded: Decimal, locale: str, group: bool) -> str | None:
    """``rounded`` (at most the decimals asked) as Babel writes it with the locale's
    symbols: digits in threes, a minus sign; None for a locale without its symbols here."""
    symbols = SYMBOLS.get(locale)
    if symbols is None or not rounded.is_finite():
        return None
    separator, decimal = symbols
    whole, _, fraction = format(abs(rounded), "f").partition(".")
    if group and len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = separator.join(
            [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
        )
    text = whole + (decimal + fraction if fraction else "")
    return "-" + text if rounded < 0 else text


def _rounded(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)


def number(value: float, lang: str | None = None, *, decimals: int = 1, group: bool = True) -> str:
    """``value`` to at most ``decimals`` places, trailing zeros dropped: "2,5", "3", "1 234,5"."""
    rounded = _rounded(value, decimals).normalize()
    if rounded == 0:
        rounded = Decimal(0)  # no "-0"
    locale = locale_of(lang)
    plain = _plain(rounded, locale, group)
    if plain is not None:
        return plain
    pattern = "#,##0" if group else "0"
    if decimals > 0:
        pattern += "." + "#" * decimals
    return format_decimal(rounded, format=pattern, locale=locale, group_separator=group)


def fixed(value: float, lang: str | None = None, *, decimals: int = 1, group: bool = True) -> str:
    """``value`` with exactly ``decimals`` places (columns of figures line up): "62,0"."""
    pattern = ("#,##0" if group else "0") + ("." + "0" * decimals if decimals > 0 else "")
    rounded = _rounded(value, decimals)
    shown = abs(rounded) if rounded == 0 else rounded
    return format_decimal(shown, format=pattern, locale=locale_of(lang), group_separator=group)


def integer(value: int, lang: str | None = None) -> str:
    """A count with its thousands grouped: "9 990" (narrow no-break space), "9,990"."""
    locale = locale_of(lang)
    plain = _plain(Decimal(value), locale, True) if isinstance(value, int) else None
    return plain if plain is not None else format_decimal(value, format="#,##0", locale=locale)


_SIZE_UNITS = (
    i18n.N_("{size}\u00a0KB"),
    i18n.N_("{size}\u00a0MB"),
    i18n.N_("{size}\u00a0GB"),
)


def file_size(size: int, lang: str | None = None) -> str:
    """A file's size as a file manager shows it: "512 bytes", "2,5 Mo", "25 MB" (1 KB is
    1,024 bytes, as the attachment limit counts)."""
    if size < 1024:
        return i18n.ngettext("{size}\u00a0byte", "{size}\u00a0bytes", size, lang).format(
            size=integer(size, lang)
        )
    value = float(size)
    for unit in _SIZE_UNITS:
        value /= 1024
        if value < 1024 or unit is _SIZE_UNITS[-1]:
            break
    return i18n.gettext(unit, lang).format(size=number(value, lang, decimals=1))


def percent(ratio: float, lang: str | None = None) -> str:
    """A ratio as a whole percentage: "80 %" (narrow no-break space), "80%"."""
    return format_percent(float(_rounded(ratio, 2)), locale=locale_of(lang))


def day(value: dt.date, lang: str | None = None) -> str:
    """A date in a sentence or a table: "14 juil. 2027", "14 Jul 2027" (Babel's "d MMM y":
    the day and the year in plain digits, the month as :func:`short_months` names it)."""
    return f"{value.day} {short_months(locale_of(lang))[value.month - 1]} {value.year}"


_MONTHS_FORMAT = 1


@functools.cache
def short_months(locale: str) -> tuple[str, ...]:
    """The locale's abbreviated month names, January first ("janv.", "Jan"), as Babel
    gives them; kept between runs for the installed Babel (:mod:`po_desktop.kept`). A date
    is then written without importing ``babel.dates`` nor loading the locale's data, about
    12 ms of a review pack, whose only dates are these."""
    import babel

    from po_desktop import kept

    key = (_MONTHS_FORMAT, babel.__version__, locale)
    name = f"babel/{locale}-short-months.marshal"
    months = kept.value(name, key, lambda: _babel_short_months(locale))
    if not (
        isinstance(months, list) and len(months) == 12 and all(isinstance(m, str) for m in months)
    ):
        months = _babel_short_months(locale)  # a copy that is no list of 12 names
        kept.write(name, key, months)
    return tuple(months)


def _babel_short_months(locale: str) -> list[str]:
    from babel.dates import get_month_names  # with the locale's data (~12 ms)

    names = get_month_names("abbreviated", "format", locale=locale)
    return [str(names[month]) for month in range(1, 13)]


def long_day(value: dt.date, lang: str | None = None) -> str:
    """A date in a title: "mercredi 14 juillet 2027", "Wednesday 14 July 2027"."""
    from babel.dates import format_date  # only when a date is written (~6 ms)

    return format_date(value, "EEEE d MMMM y", locale=locale_of(lang))


def moment(value: dt.datetime, lang: str | None = None) -> str:
    """A date and time: "14 juil. 2027, 09:30", "14 Jul 2027, 09:30"."""
    from babel.dates import format_datetime  # only when a date is written (~6 ms)

    return format_datetime(value, "d MMM y, HH:mm", locale=locale_of(lang))


def from_utc(value: dt.datetime) -> dt.datetime:
    """A stored time (naive UTC, as the store keeps every time) on this computer's clock."""
    return value.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def clock(value: dt.datetime, lang: str | None = None, *, now: dt.datetime | None = None) -> str:
    """A stored time as a reader says it: "10 h 42" / "10:42" today, else with its date."""
    from babel.dates import format_datetime  # only when a date is written (~6 ms)

    shown = from_utc(value)
    today = from_utc(now or dt.datetime.now(dt.UTC).replace(tzinfo=None)).date()
    if shown.date() != today:
        return moment(shown, lang)
    french = (lang or i18n.language()) == "fr"
    return format_datetime(shown, "H 'h' mm" if french else "HH:mm", locale=locale_of(lang))


_JUST_NOW = i18n.N_("just now")


def ago(value: dt.datetime, lang: str | None = None, *, now: dt.datetime | None = None) -> str:
    """How long ago a stored time was: "il y a 2 min", "2 min ago" within the day (CLDR's
    short units), then in words: "il y a 3 jours", "il y a 7 mois" (the short forms, "il
    y a 7 m.", "il y a 2 a", read as minutes, or not at all)."""
    from babel.dates import format_timedelta  # only when a date is written (~6 ms)

    current = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    elapsed = value - current
    if elapsed > -dt.timedelta(minutes=1):  # Babel says "in 0 sec" for 0: and a clock
        return i18n.gettext(_JUST_NOW, lang)  # a little ahead, a moment ago, is now too
    # Babel rounds to the largest unit from 85 % of it on: 20.4 hours are "1 day".
    locale = locale_of(lang)
    if -elapsed < dt.timedelta(hours=20.4):
        return format_timedelta(elapsed, add_direction=True, format="short", locale=locale)
    return format_timedelta(elapsed, add_direction=True, format="long", locale=locale)


@dataclass(frozen=True)
class Clock:
    """A stored time in a message: "10 h 42" in French, "10:42" in English (its date too
    when it is not today)."""

    value: dt.datetime

    def render(self, lang: str | None = None) -> str:
        return clock(self.value, lang)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Count:
    """A count in a message: grouped as the reader's language groups it, and the number
    that chooses the message's plural form."""

    value: int

    def render(self, lang: str | None = None) -> str:
        return integer(self.value, lang)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Number:
    """A value in a message (a scale's bounds, a weight), to ``decimals`` places at most."""

    value: float
    decimals: int = 6

    def render(self, lang: str | None = None) -> str:
        return number(self.value, lang, decimals=self.decimals)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class FileSize:
    """A size in bytes in a message, in the reader's units ("2,5 Mo", "2.5 MB")."""

    value: int

    def render(self, lang: str | None = None) -> str:
        return file_size(self.value, lang)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Day:
    """A date in a message, written in the reader's language when the message is shown."""

    value: dt.date

    def render(self, lang: str | None = None) -> str:
        return day(self.value, lang)

    def __str__(self) -> str:
        return self.render()
