"""A need's state at any moment, from its events: what the burndown is made of."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from po_desktop.domain.history import Event, NeedHistory, NeedState, burndown, ideal_line

CLOSE = datetime(2027, 1, 15, 17, 0)


def _carried() -> NeedHistory:
    """8 points, in sprint 1 from the 4th, still 'en cours' (column 2) when the sprint
    closed on the 15th at 17:00 and carried it to sprint 2."""
    return NeedHistory(
        1,
        NeedState(True, 2, 2, 8.0),
        (
            Event(datetime(2027, 1, 1, 9), "created", None, "1"),
            Event(datetime(2027, 1, 1, 9), "points", None, "8"),
            Event(datetime(2027, 1, 4, 10), "sprint", None, "1"),
            Event(datetime(2027, 1, 6, 10), "column", "1", "2"),
            Event(CLOSE, "sprint", "1", "2"),
        ),
    )


def _done() -> NeedHistory:
    """3 points, done (column 3) on the 12th."""
    return NeedHistory(
        2,
        NeedState(True, 3, 1, 3.0),
        (
            Event(datetime(2027, 1, 1, 9), "created", None, "1"),
            Event(datetime(2027, 1, 1, 9), "points", None, "3"),
            Event(datetime(2027, 1, 4, 10), "sprint", None, "1"),
            Event(datetime(2027, 1, 12, 15), "column", "1", "3"),
        ),
    )


def test_state_at_undoes_later_events() -> None:
    need = _carried()
    assert need.at(datetime(2027, 1, 3)) == NeedState(True, 1, None, 8.0)
    assert need.at(datetime(2027, 1, 10)) == NeedState(True, 2, 1, 8.0)
    assert need.at(datetime(2026, 12, 31)).exists is False


def test_burndown_counts_undone_points_until_just_before_the_close() -> None:
    days = [date(2027, 1, d) for d in (11, 12, 13, 14, 15)]
    series = burndown(1, days, [_carried(), _done()], {3}, CLOSE - timedelta(microseconds=1))
    assert series == [
        (date(2027, 1, 11), 11.0),
        (date(2027, 1, 12), 8.0),  # 3 points done that day
        (date(2027, 1, 13), 8.0),
        (date(2027, 1, 14), 8.0),
        (date(2027, 1, 15), 8.0),  # still to do at the close: not 0
    ]
    later = burndown(1, [date(2027, 1, 15), date(2027, 1, 18)], [_carried()], {3}, CLOSE)
    assert later[1] == (date(2027, 1, 18), None)  # days not lived are not drawn


def test_ideal_line_goes_from_the_commitment_to_zero() -> None:
    days = [date(2027, 1, d) for d in (11, 12, 13, 14, 15)]
    assert [v for _d, v in ideal_line(8, days)] == [8.0, 6.0, 4.0, 2.0, 0.0]
    assert ideal_line(8, []) == []
