"""The loaded need rows every page shows: a change to a few needs replaces their rows."""

from __future__ import annotations

import pytest

from po_desktop.store import queries
from po_desktop.store.database import Database
from po_desktop.store.queries import NeedRow
from po_desktop.store.services import needs, people, projects
from po_desktop.ui.need_rows import NeedRows


def test_changes_replace_the_rows_of_their_needs_and_each_is_found_by_its_id(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A need read back after the others (restored by an undo: a lower id than the last
    one) is found like the others, and so are they."""
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        lea = people.create_person(s, people.PersonInput("Léa Martin", "", "IT"))
        ids = [
            needs.create_need(s, needs.NeedInput(f"Besoin {n}", "Défi", erp.id))
            for n in range(1, 8)
        ]
        s.commit()
    read = queries.need_rows
    away = ids[2]

    def without_one(session: object, **kwargs: object) -> list[NeedRow]:
        rows = read(session, **kwargs)  # type: ignore[arg-type]
        return rows if "need_ids" in kwargs else [r for r in rows if r.id != away]

    monkeypatch.setattr(queries, "need_rows", without_one)
    rows = NeedRows()
    with db.session() as s:
        rows.load(s)
        assert rows.get(away) is None
        assert rows.patch(s, [away]) is not None  # back
    changed = [ids[0], away, ids[6]]
    with db.session() as s:
        needs.assign_needs(s, changed, lea.id)
        s.commit()
        assert rows.patch(s, changed) is not None
    assert sorted(row.title for row in rows.rows) == [f"Besoin {n}" for n in range(1, 8)]
    for need_id in ids:
        row = rows.get(need_id)
        assert row is not None and row.id == need_id
        assert (row.assignee_name == "Léa Martin") == (need_id in changed)
