"""Dates no workspace should hold, put in a file the way an older version, another tool or
a hand edit could have: with raw SQL, past every check of the services."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FAR_SPRINT = "Sprint fou"
"""Starts on 4 January 2027 and ends on 31 December 9999."""
YEAR_ONE = "An un"
"""A closed sprint in the year 1, with a velocity: it would join the forecast's history."""


def insert_far_dates(path: Path) -> None:
    """A sprint ending 9999-12-31, a closed one in the year 1, a ritual on 31 December 9999
    and an absence that never ends."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO sprint (name, goal, start_date, end_date, state, focus_factor, team)"
                " VALUES (?, '', '2027-01-04', '9999-12-31', 'planned', 0.8, '')",
                (FAR_SPRINT,),
            )
            conn.execute(
                "INSERT INTO sprint (name, goal, start_date, end_date, state, focus_factor, team,"
                " velocity) VALUES (?, '', '0001-01-01', '0001-01-12', 'closed', 0.8, '', 5)",
                (YEAR_ONE,),
            )
            conn.execute(
                "INSERT INTO ceremony (kind, starts_at, duration_minutes, title, location, notes)"
                " VALUES ('review', '9999-12-31 23:50:00.000000', 60, 'Fin des temps', '', '')"
            )
            person = conn.execute("SELECT min(id) FROM person").fetchone()[0]
            if person is not None:
                conn.execute(
                    "INSERT INTO absence (person_id, start_date, end_date, reason)"
                    " VALUES (?, '2027-01-18', '9999-12-31', 'Congé sans fin')",
                    (person,),
                )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
