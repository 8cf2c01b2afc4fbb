"""Dates and times read as people type them, day first."""

from __future__ import annotations

from datetime import date, time

import pytest

from po_desktop.domain.typed import parse_date, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/01/2027", date(2027, 1, 4)),
        ("4/1/2027", date(2027, 1, 4)),
        ("4/1/27", date(2027, 1, 4)),
        ("04.01.2027", date(2027, 1, 4)),
        ("4-1-2027", date(2027, 1, 4)),
        ("04012027", date(2027, 1, 4)),
        ("040127", date(2027, 1, 4)),
        ("4/1", date(2026, 1, 4)),  # the year of the date being edited
        ("2027-01-04", date(2027, 1, 4)),
        ("4 janv. 2027", date(2027, 1, 4)),
        ("1er août 2027", date(2027, 8, 1)),
        ("lun. 4 janvier 2027", date(2027, 1, 4)),
        ("4 Jan 2027", date(2027, 1, 4)),
        (" 14 juillet ", date(2026, 7, 14)),
    ],
)
def test_a_typed_date_is_read_day_first(text: str, expected: date) -> None:
    assert parse_date(text, default_year=2026) == expected


@pytest.mark.parametrize(
    "text", ["", "abc", "31/02/2027", "14/13/2027", "31/12/9999", "01/01/1999", "4 brumaire 2027"]
)
def test_a_date_that_is_not_one_is_none_never_another_date(text: str) -> None:
    assert parse_date(text, default_year=2026) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", time(14, 30)),
        ("14h30", time(14, 30)),
        ("14h", time(14, 0)),
        ("9.05", time(9, 5)),
        ("1430", time(14, 30)),
        ("930", time(9, 30)),
        ("9", time(9, 0)),
    ],
)
def test_a_typed_time_is_read(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "25:00", "12:60", "midi", "14:3"])
def test_a_time_that_is_not_one_is_none(text: str) -> None:
    assert parse_time(text) is None
