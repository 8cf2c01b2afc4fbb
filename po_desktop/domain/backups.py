"""Which automatic backups to keep: recent ones for yesterday's mistake, weekly ones
for the mistake noticed a month later.

Pure rules over timestamps, so the rotation can be tested without files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

POLICY_LIMITS: dict[str, tuple[int, int]] = {
    "keep_recent": (1, 100),
    "keep_weeks": (0, 104),
    "every_hours": (0, 48),
}
"""What the preferences dialog lets a user choose, and what a hand-edited file is held to."""


@dataclass(frozen=True)
class BackupPolicy:
    """How many automatic copies to keep and how often to take one while the app is open."""

    keep_recent: int = 10
    keep_weeks: int = 8
    every_hours: int = 4
    """0: a copy only when a database is opened."""

    def clamped(self) -> BackupPolicy:
        """The same policy with every number inside its range (hand-edited settings)."""
        values = {
            name: min(max(int(getattr(self, name)), low), high)
            for name, (low, high) in POLICY_LIMITS.items()
        }
        return BackupPolicy(**values)


def to_keep(taken: Iterable[datetime], policy: BackupPolicy, now: datetime) -> set[datetime]:
    """The backups that survive rotation: the ``keep_recent`` newest, plus the newest of
    each of the last ``keep_weeks`` calendar weeks (Monday to Sunday) before now's week.
    """
    ordered = sorted(set(taken), reverse=True)
    keep = set(ordered[: policy.keep_recent])
    this_monday = (now - timedelta(days=now.weekday())).date()
    oldest_monday = this_monday - timedelta(weeks=policy.keep_weeks)
    seen_weeks: set[object] = set()
    for stamp in ordered:  # newest first: the first one met in a week is its newest
        monday = stamp.date() - timedelta(days=stamp.weekday())
        if oldest_monday <= monday < this_monday and monday not in seen_weeks:
            seen_weeks.add(monday)
            keep.add(stamp)
    return keep
