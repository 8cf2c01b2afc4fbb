"""What a need looked like at any moment, from its event history: burndown and scope.

Every change to a need's column, sprint or points is an event with its time. A
need's state at time t is its state now with every later event undone, which
needs no assumption about how it began.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from po_desktop.domain.enums import EventField


@dataclass(frozen=True)
class Event:
    at: datetime
    field: str
    """"created", "column", "sprint", "points" or "decision"."""
    old: str | None
    new: str | None


@dataclass(frozen=True)
class NeedState:
    exists: bool
    column: int | None
    sprint: int | None
    points: float | None


@dataclass(frozen=True)
class NeedHistory:
    need_id: int
    now: NeedState
    events: tuple[Event, ...]
    """Oldest first."""

    def at(self, moment: datetime) -> NeedState:
        state = self.now
        for event in reversed(self.events):
            if event.at <= moment:
                break
            state = _undo(state, event)
        return state

    def states_at(self, moments: Sequence[datetime]) -> list[NeedState]:
        """:meth:`at` of each moment, in one walk back through the events (a burndown
        asks every need for every day of the sprint)."""
        states: list[NeedState] = [self.now] * len(moments)
        state, index = self.now, len(self.events)
        for at in sorted(range(len(moments)), key=moments.__getitem__, reverse=True):
            while index and self.events[index - 1].at > moments[at]:
                index -= 1
                state = _undo(state, self.events[index])
            states[at] = state
        return states

    def changes(self, field: str) -> Iterable[Event]:
        return (e for e in self.events if e.field == field)


def _int(value: str | None) -> int | None:
    return None if value is None else int(float(value))


def _undo(state: NeedState, event: Event) -> NeedState:
    if event.field == EventField.CREATED:
        return replace(state, exists=False)
    if event.field == EventField.COLUMN:
        return replace(state, column=_int(event.old))
    if event.field == EventField.SPRINT:
        return replace(state, sprint=_int(event.old))
    if event.field == EventField.POINTS:
        return replace(state, points=None if event.old is None else float(event.old))
    return state


def end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59))


def burndown(
    sprint_id: int,
    days: Sequence[date],
    needs: Sequence[NeedHistory],
    done_columns: Collection[int],
    until: datetime,
) -> list[tuple[date, float | None]]:
    """Points still to do in the sprint at the end of each working day; None after ``until``
    (days not lived yet are not drawn)."""
    moments = [min(end_of(day), until) for day in days if day <= until.date()]
    remaining = [0.0] * len(moments)
    for need in needs:  # each day's sum in the order of the needs, as it always was
        for i, state in enumerate(need.states_at(moments)):
            if state.exists and state.sprint == sprint_id and state.column not in done_columns:
                remaining[i] += state.points or 0.0
    lived = iter(remaining)
    return [(day, round(next(lived), 2) if day <= until.date() else None) for day in days]


def ideal_line(start_points: float, days: Sequence[date]) -> list[tuple[date, float]]:
    """From the committed points on the first day down to zero on the last."""
    if not days:
        return []
    if len(days) == 1:
        return [(days[0], 0.0)]
    step = start_points / (len(days) - 1)
    return [(day, round(start_points - step * i, 2)) for i, day in enumerate(days)]
