"""Paris office hours on working days, and the UTC the database stores."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from po_desktop.demo.rng import Rng

DAY_START = time(9, 0)
_DAY_END = time(18, 0)
NOW = time(17, 0)
"""The demo's present moment: the end of ``today``'s working day."""

PARIS = ZoneInfo("Europe/Paris")


@functools.lru_cache(maxsize=4096)
def _utc_shift(day: date) -> timedelta:
    """Paris's offset from UTC during office hours on ``day``.

    Clocks change at night, never during office hours: the date alone decides, and
    the offset is looked up once a day instead of once a moment.
    """
    offset = datetime.combine(day, DAY_START, PARIS).utcoffset()
    assert offset is not None
    return offset


def utc(local: datetime) -> datetime:
    """The naive UTC moment of a naive Paris wall-clock time within office hours."""
    return local - _utc_shift(local.date())


_MINUTES = tuple(
    timedelta(minutes=m)
    for m in range((_DAY_END.hour - DAY_START.hour) * 60 + _DAY_END.minute - DAY_START.minute)
)


class Timeline:
    """Office hours on working days between two local moments, as one line of minutes.

    Sampling offsets on this line puts every generated moment inside office hours,
    in order, without rejection loops.
    """

    def __init__(self, start: datetime, end: datetime, working: Callable[[date], bool]) -> None:
        self.start = start
        self.end = end
        self.seg_start: list[datetime] = []
        self.seg_offset: list[int] = []
        self.seg_len: list[int] = []
        total = 0
        day = start.date()
        while day <= end.date():
            if working(day):
                lo = max(start, datetime.combine(day, DAY_START))
                hi = min(end, datetime.combine(day, _DAY_END))
                minutes = int((hi - lo).total_seconds() // 60)
                if minutes > 0:
                    self.seg_start.append(lo)
                    self.seg_offset.append(total)
                    self.seg_len.append(minutes)
                    total += minutes
            day += timedelta(days=1)
        self.total = total

    def at(self, offset: float) -> datetime:
        if not self.seg_start:
            return self.start
        i = bisect.bisect_right(self.seg_offset, offset) - 1
        if i < 0:
            i = 0
        minute = int(offset - self.seg_offset[i])
        if minute >= self.seg_len[i]:
            minute = self.seg_len[i] - 1
        elif minute < 0:
            minute = 0
        return self.seg_start[i] + _MINUTES[minute]

    def offset(self, moment: datetime) -> int:
        i = bisect.bisect_right(self.seg_start, moment) - 1
        if i < 0:
            return 0
        inside = int((moment - self.seg_start[i]).total_seconds() // 60)
        return self.seg_offset[i] + min(inside, self.seg_len[i])

    def sample(self, rng: Rng, count: int, lo: float, hi: float) -> list[datetime]:
        """``count`` sorted moments between two offsets."""
        hi = max(lo, hi)
        return [self.at(o) for o in sorted(lo + rng.random() * (hi - lo) for _ in range(count))]
