"""A zone's yearly rules read from its transitions, as a calendar file must state them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from po_desktop.domain.timezones import LAST, observances

HOUR = timedelta(hours=1)


def test_paris_is_two_rules_that_never_end() -> None:
    summer, winter = observances(ZoneInfo("Europe/Paris"), 2026, 2099)
    assert (summer.daylight, summer.name, summer.offset_from, summer.offset_to) == (
        True,
        "CEST",
        HOUR,
        2 * HOUR,
    )
    assert (summer.month, summer.weekday, summer.week, summer.until) == (3, 6, LAST, None)
    assert summer.start == datetime(2025, 3, 30, 2, 0)  # the year before: January is covered
    assert (winter.name, winter.month, winter.week, winter.until) == ("CET", 10, LAST, None)
    assert winter.start == datetime(2025, 10, 26, 3, 0)  # 3:00 in summer time goes back


def test_a_change_of_rule_ends_the_old_one() -> None:
    """New York moved its summer time in 2007: second Sunday of March, first of November."""
    rules = observances(ZoneInfo("America/New_York"), 2005, 2009)
    summers = [(r.month, r.week, r.until) for r in rules if r.daylight]
    assert summers == [(4, 1, datetime(2006, 4, 2, 7, 0, tzinfo=UTC)), (3, 2, None)]
    winters = [(r.month, r.week, r.until) for r in rules if not r.daylight]
    assert winters == [(10, LAST, datetime(2006, 10, 29, 6, 0, tzinfo=UTC)), (11, 1, None)]


def test_a_zone_without_summer_time_is_one_offset() -> None:
    (only,) = observances(ZoneInfo("Asia/Tokyo"), 2026, 2027)
    assert (only.offset_from, only.offset_to, only.yearly) == (9 * HOUR, 9 * HOUR, False)


def test_a_change_made_once_is_no_yearly_rule() -> None:
    """Turkey kept summer time for good in September 2016: that onset does not repeat."""
    rules = observances(ZoneInfo("Europe/Istanbul"), 2016, 2018)
    last = max(rules, key=lambda r: r.start)
    assert last.start == datetime(2016, 9, 7, 0, 0) and not last.yearly
    assert all(r.until is not None for r in rules if r.yearly)
