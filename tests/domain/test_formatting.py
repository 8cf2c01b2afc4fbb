"""Numbers as each language writes them: the same text whether Babel writes it or the
app does from the locale's symbols (the board's totals are written before Babel's
locale data is loaded)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.core import Locale
from babel.numbers import format_decimal

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
