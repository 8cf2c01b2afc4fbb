"""Numbers and dates as each language writes them: the same text whether Babel writes it
or the app does from the locale's symbols and month names (the board's totals and a
review pack's dates are written without loading Babel's locale data)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal

import babel.localedata
import pytest
from babel.core import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from po_desktop import kept
from po_desktop.domain import formatting

VALUES = [
    *range(-2500, 2500, 7),
    0.5,
    -0.5,
    2.25,
    2.675,
    1.005,
    0.004,
    -0.004,
    1234.5,
    -9990.0,
    12345.678,
    999999.999,
    1234567.891,
    1e9 + 0.5,
]


@pytest.mark.parametrize("locale", sorted(formatting.SYMBOLS))
def test_the_symbols_kept_are_the_locale_s_own(locale: str) -> None:
    symbols = Locale.parse(locale).number_symbols["latn"]
    assert formatting.SYMBOLS[locale] == (symbols["group"], symbols["decimal"])
    assert symbols["minusSign"] == "-"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_number_reads_as_babel_writes_it(lang: str) -> None:
    locale = formatting.locale_of(lang)
    for value in VALUES:
        for decimals in (0, 1, 2, 3):
            for group in (True, False):
                rounded = formatting._rounded(value, decimals).normalize()
                rounded = Decimal(0) if rounded == 0 else rounded
                pattern = ("#,##0" if group else "0") + ("." + "#" * decimals if decimals else "")
                expected = format_decimal(
                    rounded, format=pattern, locale=locale, group_separator=group
                )
                assert formatting.number(value, lang, decimals=decimals, group=group) == expected
    for count in (0, 7, 999, 1000, 9990, -1000, 123456789):
        assert formatting.integer(count, lang) == format_decimal(count, "#,##0", locale=locale)


def test_french_groups_thousands_with_a_narrow_no_break_space() -> None:
    assert formatting.number(12345.5, "fr") == "12\u202f345,5"
    assert formatting.number(12345.5, "en") == "12,345.5"
    assert formatting.integer(9990, "fr") == "9\u202f990"


@pytest.fixture
def months_made_again() -> Iterator[None]:
    """Month names looked up in this test's cache folder, not in this process's memo."""
    formatting.short_months.cache_clear()
    yield
    formatting.short_months.cache_clear()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_date_reads_as_babel_writes_it(lang: str, months_made_again: None) -> None:
    locale = formatting.locale_of(lang)
    for year in (1, 99, 999, 2026, 2027, 2099, 9999):
        for month in range(1, 13):
            for day in (1, 9, 14, 28):
                value = dt.date(year, month, day)
                assert formatting.day(value, lang) == format_date(value, "d MMM y", locale=locale)
    assert formatting.day(dt.date(2027, 7, 14), "fr") == "14 juil. 2027"


NEXT_RUN = """
import datetime, babel.localedata

def no_locale_data(*args, **kwargs):
    raise SystemExit("Babel's locale data loaded")

babel.localedata.load = no_locale_data
from po_desktop.domain import formatting
print(formatting.day(datetime.date(2027, 12, 3), "fr"))
"""


def test_a_date_is_written_without_babel_s_locale_data_once_its_months_are_kept(
    months_made_again: None,
) -> None:
    formatting.day(dt.date(2027, 7, 14), "fr")  # a first run: the names are kept
    # The next run, a process of its own (Babel keeps the locales it loaded in this one):
    run = subprocess.run(
        [sys.executable, "-c", NEXT_RUN], capture_output=True, text=True, encoding="utf-8"
    )
    assert (run.returncode, run.stderr.strip(), run.stdout.strip()) == (0, "", "3 déc. 2027")


def test_a_damaged_copy_of_the_months_is_made_again(months_made_again: None) -> None:
    key = (formatting._MONTHS_FORMAT, babel.__version__, "fr_FR")
    kept.write("babel/fr_FR-short-months.marshal", key, ["janv."])
    assert formatting.day(dt.date(2027, 8, 15), "fr") == "15 août 2027"
    formatting.short_months.cache_clear()
    assert formatting.day(dt.date(2027, 8, 15), "fr") == "15 août 2027"


def test_a_moment_ago_or_a_clock_ahead_reads_just_now() -> None:
    """Babel's « dans 0 s » / "in 0 sec" for a change made now, or dated a little ahead
    by a colleague's clock, read as the future: it is « à l'instant »."""
    now = dt.datetime(2026, 12, 7, 17, 0)
    for moment in (now, now - dt.timedelta(seconds=40), now + dt.timedelta(minutes=3)):
        assert formatting.ago(moment, "fr", now=now) == "à l'instant"
        assert formatting.ago(moment, "en", now=now) == "just now"
    assert formatting.ago(now - dt.timedelta(minutes=2), "en", now=now) != "just now"


@pytest.mark.parametrize(
    ("elapsed", "fr", "en"),
    [
        (dt.timedelta(minutes=7), None, None),  # CLDR's short units, as Babel writes them
        (dt.timedelta(hours=3), None, None),
        (dt.timedelta(days=2), "il y a 2 jours", "2 days ago"),
        (dt.timedelta(days=210), "il y a 7 mois", "7 months ago"),
        (dt.timedelta(days=800), "il y a 2 ans", "2 years ago"),
    ],
)
def test_how_long_ago_reads_unmistakably(
    elapsed: dt.timedelta, fr: str | None, en: str | None
) -> None:
    """Within the day in short units; beyond, in words: the short forms wrote « il y a 7
    m. » for seven months, which a French reader takes for minutes, and « il y a 2 a »."""
    from babel.dates import format_timedelta

    now = dt.datetime(2026, 12, 7, 17, 0)
    for lang, words in (("fr", fr), ("en", en)):
        said = formatting.ago(now - elapsed, lang, now=now)
        if words is None:  # the short form of the Babel installed (older ones spell it out)
            locale = formatting.locale_of(lang)
            assert said == format_timedelta(
                -elapsed, add_direction=True, format="short", locale=locale
            )
        else:
            assert said == words
