"""Capacity and cadences against the real French calendar, checked by hand."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from po_desktop.domain.cadence import (
    CadenceError,
    cadence,
    name_pattern,
    next_number,
    numbered,
    own_series,
    sprint_name,
)
from po_desktop.domain.calendar import (
    PastSprint,
    forecast_points,
    person_capacity,
    public_holidays,
    working_days,
)
from po_desktop.domain.enums import CeremonyKind


def _days(start: date, end: date, region: str = "") -> list[date]:
    return working_days(start, end, public_holidays(start, end, region))


def test_a_sprint_across_14_july_has_nine_working_days() -> None:
    days = _days(date(2027, 7, 12), date(2027, 7, 23))  # Monday to Friday, two weeks
    assert len(days) == 9 and date(2027, 7, 14) not in days


def test_easter_monday_ascension_and_15_august_are_days_off() -> None:
    spring = _days(date(2027, 3, 29), date(2027, 5, 7))
    assert date(2027, 3, 29) not in spring  # Easter Monday
    assert date(2027, 5, 6) not in spring  # Ascension Thursday
    assert len(_days(date(2028, 8, 14), date(2028, 8, 25))) == 9  # 15 August 2028, a Tuesday


def test_alsace_moselle_keeps_26_december() -> None:
    start, end = date(2028, 12, 25), date(2029, 1, 5)  # ten weekdays
    assert len(_days(start, end)) == 8  # Christmas, New Year's Day
    assert len(_days(start, end, "6AE")) == 7  # and Saint-Étienne
    assert public_holidays(start, end, "57")[date(2028, 12, 26)] == "Saint-Étienne"
    assert public_holidays(start, end, "6AE", lang="en")[date(2028, 12, 25)] == "Christmas Day"


def test_capacity_removes_absences_then_applies_availability_and_focus() -> None:
    days = _days(date(2027, 7, 12), date(2027, 7, 23))  # 9 working days
    absences = [(date(2027, 7, 14), date(2027, 7, 16)), (date(2027, 7, 30), date(2027, 8, 2))]
    léa = person_capacity(1, "Léa", days, absences, availability=0.5, focus_factor=0.8)
    # The 14th is already a holiday: only the 15th and 16th are lost.
    assert (léa.working_days, léa.absent_days, léa.present_days) == (9, 2, 7)
    assert léa.days == 2.8  # 7 x 0.5 x 0.8
    full = person_capacity(2, "Marc", days, [], availability=1.0, focus_factor=0.7)
    assert full.days == 6.3


def test_forecast_from_the_last_three_closed_sprints() -> None:
    history = [PastSprint(99, 10), PastSprint(20, 40), PastSprint(24, 40), PastSprint(18, 36)]
    # The oldest is left out; 0.5, 0.6 and 0.5 points per day, averaged, times 30 days.
    assert forecast_points(30, history) == 16.0
    assert forecast_points(30, [PastSprint(20, 0), PastSprint(30, 0)]) == 25.0  # plain average
    assert forecast_points(30, []) is None


def test_cadence_skips_holidays_and_places_the_rituals() -> None:
    holidays_ = public_holidays(date(2027, 4, 1), date(2027, 7, 1))
    sprints = cadence(
        date(2027, 4, 26),
        3,
        2,
        holidays_.__contains__,
        names=lambda i: f"Sprint {i + 12}",
    )
    assert [(s.name, s.start, s.end) for s in sprints] == [
        ("Sprint 12", date(2027, 4, 26), date(2027, 5, 7)),
        ("Sprint 13", date(2027, 5, 10), date(2027, 5, 21)),
        ("Sprint 14", date(2027, 5, 24), date(2027, 6, 4)),
    ]
    first = sprints[0]
    dailies = [c.starts_at.date() for c in first.ceremonies if c.kind is CeremonyKind.DAILY]
    assert len(dailies) == 9 and date(2027, 5, 6) not in dailies  # Ascension
    assert all(c.starts_at.time() == time(9, 30) for c in first.ceremonies if c.kind == "daily")
    kinds = {c.kind: c.starts_at for c in first.ceremonies if c.kind != CeremonyKind.DAILY}
    assert kinds == {
        CeremonyKind.PLANNING: datetime(2027, 4, 26, 10, 0),
        CeremonyKind.REVIEW: datetime(2027, 5, 7, 14, 0),
        CeremonyKind.RETRO: datetime(2027, 5, 7, 15, 30),
    }
    second = [c.starts_at.date() for c in sprints[1].ceremonies if c.kind == "daily"]
    assert date(2027, 5, 17) not in second and len(second) == 9  # Whit Monday


def test_a_sprint_ending_on_a_holiday_ends_the_working_day_before() -> None:
    holidays_ = public_holidays(date(2027, 7, 1), date(2027, 8, 1))
    (sprint,) = cadence(date(2027, 7, 1), 1, 2, holidays_.__contains__, names=str)
    assert (sprint.start, sprint.end) == (date(2027, 7, 1), date(2027, 7, 13))  # 14th off


def test_cadence_refuses_silly_requests() -> None:
    for count, weeks, msg_id in ((0, 2, "cadence.bad_count"), (3, 0, "cadence.bad_weeks")):
        with pytest.raises(CadenceError) as caught:
            cadence(date(2027, 1, 4), count, weeks, lambda _d: False, names=str)
        assert caught.value.msg_id == msg_id
    with pytest.raises(CadenceError):
        cadence(date(2027, 1, 4), 1, 1, lambda _d: True, names=str)  # every day a holiday


@pytest.mark.parametrize("region", ["", "6AE", "57", "971", "972", "973", "974", "976"])
def test_every_region_has_the_holidays_and_names_the_package_gives(region: str) -> None:
    # France's module is loaded alone (not the package's 250 countries): the same days,
    # the same names, in both languages, as holidays.country_holidays("FR") gives.
    import holidays

    start, end = date(2000, 1, 1), date(2040, 12, 31)
    for lang, language in (("fr", "fr"), ("en", "en_US")):
        expected = holidays.country_holidays(
            "FR", subdiv=region or None, years=range(2000, 2041), language=language
        )
        assert public_holidays(start, end, region, lang) == dict(expected)


def test_holidays_come_from_the_package_where_france_is_no_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A bundle keeps modules in an archive: the package's own lookup is used there.
    from pathlib import Path

    from po_desktop.domain import calendar

    monkeypatch.setattr(Path, "is_file", lambda _self: False)
    calendar._france.cache_clear()
    calendar._year.cache_clear()
    try:
        assert public_holidays(date(2027, 7, 14), date(2027, 7, 14)) == {
            date(2027, 7, 14): "Fête nationale"
        }
    finally:
        calendar._france.cache_clear()
        calendar._year.cache_clear()


def test_a_years_holidays_are_kept_between_runs_for_the_installed_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A review pack, a process of its own, reads them back without importing the package.
    from po_desktop.domain import calendar

    def fresh() -> dict[date, str]:
        calendar._year.cache_clear()  # as a new process starts
        return public_holidays(date(2031, 1, 1), date(2031, 12, 31), "971", "en")

    first = fresh()
    assert first[date(2031, 5, 27)] == "Abolition of Slavery"

    def no_package() -> None:
        raise AssertionError("the package was asked again")

    monkeypatch.setattr(calendar, "_france", no_package)
    try:
        assert fresh() == first
        # Another version of the package installed: asked again, never the old answer.
        monkeypatch.setattr(calendar, "_installed_holidays", lambda: ("holidays-9.9", 1, 2))
        with pytest.raises(AssertionError, match="asked again"):
            fresh()
    finally:
        calendar._year.cache_clear()


def test_the_next_sprints_are_named_as_the_last_one_was() -> None:
    """A plan continues the team's series: its number, or the ISO week it starts in."""
    monday = date(2026, 12, 14)  # ISO week 51 of 2026
    assert name_pattern("Sprint 2026-51", monday) == ("Sprint {year}-{week}", 51)
    assert name_pattern("Plateforme S14", monday) == ("Plateforme S{n}", 14)
    assert name_pattern("Sprint 7 (ERP)", monday) == ("Sprint {n} (ERP)", 7)
    assert name_pattern("2026-W51 Plateforme", monday) == ("{year}-W{week} Plateforme", 51)
    assert name_pattern("Juillet", monday) is None
    assert sprint_name("Sprint {year}-{week}", 1, date(2026, 12, 28)) == "Sprint 2026-53"
    assert sprint_name("Sprint {year}-{week}", 2, date(2027, 1, 11)) == "Sprint 2027-02"
    assert sprint_name("Plateforme S{n}", 15, monday) == "Plateforme S15"
    assert sprint_name("Itération", 3, monday) == "Itération 3"  # no placeholder: numbered
    assert [numbered(p) for p in ("Sprint {n}", "Itération", "S{year}-{week}")] == [
        True,
        True,
        False,
    ]


def test_a_series_numbers_on_from_the_names_it_already_gave() -> None:
    """The first number a plan proposes: past every name of its series, whichever team
    gave it (names are unique in the workspace, case aside); 1 for a series of its own."""
    names = ["Sprint 6", "sprint 12", "Sprint 2026-51", "Plateforme S14", "Juillet", "S4-4"]
    assert next_number("Sprint {n}", names) == 13
    assert next_number("Sprint", names) == 13  # no placeholder: the number at the end
    assert next_number("ERP {n}", names) == 1  # a new team's own series
    assert next_number("Plateforme S{n}", names) == 15
    assert next_number("Sprint {n} (ERP)", [*names, "Sprint 3 (ERP)"]) == 4
    assert next_number("S{n}-{n}", names) == 5
    assert next_number("Sprint {year}-{week}", names) == 1  # weeks, not numbers
    assert next_number("a.b {n}", ["axb 4"]) == 1  # the dot is a dot
    assert (own_series(" ERP "), own_series("")) == ("ERP {n}", "Sprint {n}")
