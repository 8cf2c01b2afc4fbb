"""Working days, capacity, forecasts and planned sprints, with French public holidays
(the cadence that plans them: ``domain.cadence``).

Pure rules: the store passes dates, absences and past velocities in, and gets
numbers and plans back. Holidays come from the ``holidays`` package, for
metropolitan France by default or one of its regions (Alsace-Moselle keeps Good
Friday and 26 December).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from po_desktop import kept
from po_desktop.domain.enums import CeremonyKind
from po_desktop.i18n import N_

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
"""The dates a workspace plans with; outside them, a date is a typing mistake."""


def in_range(day: date) -> bool:
    """True for a date a workspace can plan with (see EARLIEST and LATEST)."""
    return EARLIEST <= day <= LATEST


def clamp(day: date) -> date:
    """The nearest date a workspace can plan with: a view or a default never leaves the
    range, whatever an older file holds (``date.max + 1 day`` is an OverflowError)."""
    return min(max(day, EARLIEST), LATEST)


REGIONS: dict[str, str] = {
    "": N_("Metropolitan France"),
    "6AE": N_("Alsace"),
    "57": N_("Moselle"),
    "971": N_("Guadeloupe"),
    "972": N_("Martinique"),
    "973": N_("French Guiana"),
    "974": N_("Réunion"),
    "976": N_("Mayotte"),
}
"""Public-holiday calendars a workspace can follow ('' = metropolitan France)."""


def public_holidays(start: date, end: date, region: str = "", lang: str = "fr") -> dict[date, str]:
    """French public holidays from ``start`` to ``end`` included, with their names; known
    from EARLIEST to LATEST only (a span to the year 9999 costs no 8,000 years of work)."""
    if region not in REGIONS:
        region = ""
    return {
        day: name
        for year in range(max(start.year, EARLIEST.year), min(end.year, LATEST.year) + 1)
        for day, name in _year(year, region, lang)
        if start <= day <= end
    }


@functools.lru_cache(maxsize=64)
def _year(year: int, region: str, lang: str) -> tuple[tuple[date, str], ...]:
    """One year's holidays, computed once: capacity and the pack ask for the same years
    many times (each past sprint of a forecast). ``holidays`` is imported here, on first
    use: with its metadata and date parsing it costs 70 ms of start-up otherwise.

    What it gives is kept between runs (:mod:`po_desktop.kept`) for the installed version
    of the package (its record of installed files, which an upgrade rewrites): a review
    pack, a process of its own, then does not import it at all (15 ms of its 0.5 s)."""
    language = "fr" if lang == "fr" else "en_US"
    library = _installed_holidays()
    if library is None:  # no record of it (a bundle): asked each time
        return _computed(year, region, language)
    days = kept.value(
        f"holidays/{region or 'FR'}-{year}-{language}.marshal",
        (_KEPT_FORMAT, library, region, year, language),
        lambda: [(day.toordinal(), name) for day, name in _computed(year, region, language)],
    )
    return tuple((date.fromordinal(day), name) for day, name in days)


_KEPT_FORMAT = 1


def _computed(year: int, region: str, language: str) -> tuple[tuple[date, str], ...]:
    calendar = _france()(subdiv=region or None, years=year, language=language)
    return tuple(sorted(calendar.items()))


@functools.cache
def _installed_holidays() -> tuple[str, int, int] | None:
    """The installed ``holidays`` package, as its record of installed files says it
    (its folder's name holds the version; the record's size and time change with any
    reinstall), found without importing the package; None without exactly one record."""
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    records = list(Path(spec.origin).parents[1].glob("holidays-*.dist-info/RECORD"))
    if len(records) != 1:
        return None
    try:
        st = records[0].stat()
    except OSError:
        return None
    return records[0].parent.name, st.st_size, st.st_mtime_ns


@functools.cache
def _france() -> Callable[..., Mapping[date, str]]:
    """``holidays``' France, loaded alone. ``holidays.country_holidays("FR")`` imports the
    package's ``countries``, whose ``__init__`` imports all its 250 countries (45 ms of a
    0.6 s review pack) to use one: France's module is run here from its own file, under a
    name of ours, on the package's base classes and catalogues as the package runs it.
    Where it is no file (a bundle's archive), the package's own way."""
    import importlib.util

    import holidays

    source = Path(holidays.__file__).with_name("countries") / "france.py"
    spec = importlib.util.spec_from_file_location("po_desktop._holidays_france", source)
    if spec is None or spec.loader is None or not source.is_file():
        return functools.partial(holidays.country_holidays, "FR")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    france: Callable[..., Mapping[date, str]] = module.France
    return france


def is_working_day(day: date, holidays_: Collection[date]) -> bool:
    return day.weekday() < 5 and day not in holidays_


def working_days(start: date, end: date, holidays_: Collection[date]) -> list[date]:
    """Monday to Friday from ``start`` to ``end`` included, public holidays left out;
    days outside EARLIEST to LATEST count as none (a sprint ending in 9999 stays finite)."""
    days = []
    day, end = max(start, EARLIEST), min(end, LATEST)
    while day <= end:
        if is_working_day(day, holidays_):
            days.append(day)
        day += timedelta(days=1)
    return days


@dataclass(frozen=True)
class PersonCapacity:
    """What one person can give a sprint, in days of focused work."""

    person_id: int
    name: str
    working_days: int
    """Working days in the sprint (weekends and public holidays excluded)."""
    absent_days: int
    """Of those, days the person is away."""
    availability: float
    """Share of their time for this team (a part-time person gives 0.5)."""
    focus_factor: float

    @property
    def present_days(self) -> int:
        return self.working_days - self.absent_days

    @property
    def days(self) -> float:
        return round(self.present_days * self.availability * self.focus_factor, 2)


def person_capacity(
    person_id: int,
    name: str,
    sprint_days: Sequence[date],
    absences: Sequence[tuple[date, date]],
    availability: float,
    focus_factor: float,
) -> PersonCapacity:
    """``sprint_days`` are the sprint's working days; absences are (first, last) day spans."""
    absent = {day for day in sprint_days for first, last in absences if first <= day <= last}
    return PersonCapacity(
        person_id, name, len(sprint_days), len(absent), availability, focus_factor
    )


@dataclass(frozen=True)
class PastSprint:
    """A closed sprint, for the forecast: points done and the capacity it had."""

    velocity: float
    capacity_days: float


def forecast_points(capacity_days: float, history: Sequence[PastSprint]) -> float | None:
    """Points the team can take, from the last three closed sprints.

    The velocity of each past sprint is turned into points per day of capacity
    and averaged, then applied to this sprint's capacity: a sprint with a public
    holiday and two absences gets a smaller forecast than a full one. Past
    sprints without a known capacity fall back to their plain average velocity.
    None without any closed sprint.
    """
    import statistics  # with fractions: loaded on the first forecast, not at start-up

    recent = list(history)[-3:]
    if not recent:
        return None
    if all(p.capacity_days > 0 for p in recent):
        rate = statistics.fmean(p.velocity / p.capacity_days for p in recent)
        return round(rate * capacity_days, 1)
    return round(statistics.fmean(p.velocity for p in recent), 1)


@dataclass(frozen=True)
class PlannedCeremony:
    kind: CeremonyKind
    starts_at: datetime
    """Local wall-clock time."""
    minutes: int


@dataclass(frozen=True)
class PlannedSprint:
    name: str
    start: date
    end: date
    ceremonies: tuple[PlannedCeremony, ...]


def overlaps(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end
