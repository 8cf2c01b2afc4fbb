"""The change protocol: any write recorded row by row, undone and redone exactly."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from po_desktop.demo import seed_demo
from po_desktop.store import changes
from po_desktop.store.database import Database
from po_desktop.store.errors import ConflictError
from po_desktop.store.services import needs, people, projects


def changes_select(table: Table) -> str:
    """Every column of ``table``, but a versioned row's version and who and when changed it last:
    they move forward with an undo or a redo too (a form loaded before it is refused)."""
    skip = changes.COUNTED if table.name in changes.VERSIONED else frozenset()
    names = ", ".join(f'"{c.name}"' for c in table.columns if c.name not in skip)
    return f'SELECT {names} FROM "{table.name}"'


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, as SQLite stores it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dump = {
            t.name: sorted(
                (tuple(repr(v) for v in row) for row in conn.execute(changes_select(t))),
            )
            for t in changes.tables()
        }
        # The workspace's version moves with every commit, undo and redo included.
        dump["setting"] = [r for r in dump["setting"] if "change_" not in r[0]]
        return dump
    finally:
        conn.close()


@pytest.fixture
def demo(db: Database) -> Database:
    with db.session() as s:
        seed_demo(s, needs=30, seed=2, today=date(2026, 11, 28))
    return db


def _round_trip(db: Database, action, *, services: bool = False) -> changes.Change:
    before = _dump(db.path)
    if services:  # each service commits: the capture gathers them
        with db.session() as s, changes.capture(s) as change:
            action(s)
    else:
        with db.session() as s, s.begin(), changes.record(s) as change:
            action(s)
    after = _dump(db.path)
    assert after != before and not change.empty
    with db.session() as s, s.begin():
        changes.apply(s, change, backwards=True)
    assert _dump(db.path) == before  # undone: every table as it was
    with db.session() as s, s.begin():
        changes.apply(s, change, backwards=False)
    assert _dump(db.path) == after  # redone: ids and all
    return change


def test_bulk_statements_cascades_and_floats_round_trip(demo: Database) -> None:
    def action(s: Session) -> None:
        s.execute(text("UPDATE need SET points = 0.1 + 0.2 WHERE id <= 5"))
        s.execute(text("DELETE FROM person WHERE id = 1"))  # assignees set to NULL, absences go
        s.execute(text("DELETE FROM need WHERE id = 7"))  # its events, tags, scorings go too

    change = _round_trip(demo, action)
    assert {"needs", "people", "calendar"} <= change.kinds


def test_texts_like_the_logs_own_marks_round_trip_exactly(demo: Database) -> None:
    """The log keeps a float as "~r" and its literal, and doubles a text's leading "~":
    texts that look like those marks come back as they were, not as numbers or bytes."""
    titles = ["~r0.5", "~~", "~", "~x00ff", "~b", "~~r1 suivi", "a ~r1", "1e3", "007"]

    def action(s: Session) -> None:
        for need_id, title in enumerate(titles, start=1):
            s.execute(text("UPDATE need SET title = :t WHERE id = :i"), {"t": title, "i": need_id})
        s.execute(text("UPDATE need SET points = 0.1 + 0.2 WHERE id = 1"))

    change = _round_trip(demo, action)
    rows = change.rows["need"]
    assert [rows[(i,)][1]["title"] for i in range(1, len(titles) + 1)] == titles
    assert rows[(1,)][1]["points"] == 0.1 + 0.2


def test_marked_and_plain_entries_of_one_batch_each_round_trip(demo: Database) -> None:
    """The log is read back a batch of entries at a time, and only the entries that hold a
    marked value are decoded further: a key that looks like a mark (a tag "~r1"), an old
    value marked and a new one plain, and the plain rows around them all come back as
    they were."""

    def action(s: Session) -> None:
        s.execute(text("INSERT INTO need_tag (need_id, name) VALUES (2, '~r1'), (2, 'plain')"))
        s.execute(text("UPDATE need SET title = '~x00ff' WHERE id = 3"))
        s.execute(text("UPDATE need SET points = 0.1 + 0.2 WHERE id = 4"))
        s.execute(text("UPDATE need SET title = 'plain again' WHERE id = 3"))
        s.execute(text("UPDATE need SET title = title || ' (bis)' WHERE id > 4"))

    change = _round_trip(demo, action)
    tags = change.rows["need_tag"]
    assert tags[(2, "~r1")] == (None, {"need_id": 2, "name": "~r1"})
    assert tags[(2, "plain")] == (None, {"need_id": 2, "name": "plain"})
    rows = change.rows["need"]
    assert rows[(3,)][1]["title"] == "plain again"
    assert rows[(4,)][1]["points"] == 0.1 + 0.2
    assert all(new["title"].endswith(" (bis)") for key, (_old, new) in rows.items() if key[0] > 4)


def test_every_kind_of_stored_value_round_trips_exactly(demo: Database) -> None:
    """Whatever SQLite holds comes back bit for bit: an infinite float, the smallest
    one, the largest integer, a text with a NUL, a control character and an astral emoji, bytes
    where a text is expected."""
    big = 2**63 - 1

    def action(s: Session) -> None:
        s.execute(text("UPDATE need SET points = :p WHERE id = 1"), {"p": float("inf")})
        s.execute(text("UPDATE need SET points = :p WHERE id = 3"), {"p": 5e-324})
        s.execute(text("UPDATE need SET rank = :r WHERE id = 4"), {"r": big})
        s.execute(text("UPDATE need SET title = :t WHERE id = 5"), {"t": "a\x00b\x1f\u2028😀'\"~"})
        s.execute(text("UPDATE need SET title = :t WHERE id = 6"), {"t": b"\x00\xff~"})

    change = _round_trip(demo, action)
    after = {key[0]: new for key, (_old, new) in change.rows["need"].items() if new}
    assert after[1]["points"] == float("inf")
    assert after[3]["points"] == 5e-324
    assert after[4]["rank"] == big
    assert after[5]["title"] == "a\x00b\x1f\u2028😀'\"~"
    assert after[6]["title"] == b"\x00\xff~"


def test_services_and_key_swaps_round_trip(demo: Database) -> None:
    def action(s: Session) -> None:
        projects.create_project(s, projects.ProjectInput("CRM", "Refonte CRM"))
        people.create_person(s, people.PersonInput("Zoé Nouvel"))
        needs.move_needs(s, [1, 2, 3], needs.find_need(s, 4).column_id, None)
        needs.duplicate_needs(s, [5, 6])
        needs.delete_needs(s, [8])

    change = _round_trip(demo, action, services=True)
    assert change.created("project") and set(change.need_ids) >= {1, 2, 3, 8}


def test_a_change_crosses_the_network_as_plain_data(demo: Database) -> None:
    import json

    def action(s: Session) -> None:
        s.execute(text("UPDATE need SET title = 'L''été — ☀' WHERE id = 2"))

    change = _round_trip(demo, action)
    again = changes.Change.from_data(json.loads(json.dumps(change.to_data())))
    assert again.rows == change.rows and again.id == change.id


def test_a_change_with_an_attachment_crosses_the_network_byte_for_byte(demo: Database) -> None:
    import json

    from po_desktop.store.services import dossier

    data = bytes(range(256)) * 4 + b"\x00"
    with demo.session() as s, changes.capture(s) as change:
        dossier.attach_file(s, 1, "capture.png", data)
    again = changes.Change.from_data(json.loads(json.dumps(change.to_data())))
    assert again.rows == change.rows
    [(_key, (_before, after))] = again.rows["attachment_data"].items()
    assert after is not None and after["data"] == data


def test_an_undo_over_a_row_changed_since_is_refused_and_changes_nothing(
    demo: Database,
) -> None:
    with demo.session() as s, s.begin(), changes.record(s) as change:
        s.execute(text("UPDATE need SET title = 'Première' WHERE id = 3"))
    with demo.session() as s, s.begin():
        s.execute(text("UPDATE need SET title = 'Autre chose' WHERE id = 3"))
    before = _dump(demo.path)
    with demo.session() as s, pytest.raises(ConflictError), s.begin():
        changes.apply(s, change, backwards=True)
    assert _dump(demo.path) == before


def test_a_connection_readied_ahead_writes_nothing_and_records_the_first_action(
    demo: Database,
) -> None:
    """The recording's triggers are installed at idle time, before the first action (it
    took 30 to 100 ms more otherwise): nothing is written to the file, and the first
    action is recorded and undone exactly."""
    conn = sqlite3.connect(f"{demo.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (version,) = conn.execute("PRAGMA data_version").fetchone()
        before = _dump(demo.path)
        with demo.session() as s:
            assert changes.prepare(s)
            triggers = s.execute(
                text("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'")
            ).scalar()
        assert triggers == 4 * len(changes.tables())  # insert, delete, update, rekey
        assert conn.execute("PRAGMA data_version").fetchone() == (version,)  # nothing written
        assert _dump(demo.path) == before
    finally:
        conn.close()
    change = _round_trip(
        demo, lambda s: s.execute(text("UPDATE need SET title = 'Première' WHERE id = 3"))
    )
    [(key, (old, new))] = change.rows["need"].items()
    assert key == (3,) and old is not None and new is not None
    assert old["title"] != "Première" == new["title"]
    assert set(change.rows) == {"need"}
