"""The loaded need rows every page shows: a change to a few needs replaces their rows."""

from __future__ import annotations

import pytest

from po_desktop.store import queries
from po_desktop.store.database import Database
from po_desktop.store.queries import NeedRow
from po_desktop.store.services import needs, people, projects
from po_desktop.ui.need_rows import NeedRows


@pytest.mark.parametrize("order", ["ids", "any"])
def test_a_change_replaces_the_rows_of_its_needs_in_place(
    db: Database, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """Rows in the order of their ids (a workspace file) or in any other (the order a
    database gave before it was asked for one)."""
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        lea = people.create_person(s, people.PersonInput("Léa Martin", "", "IT"))
        ids = [
            needs.create_need(s, needs.NeedInput(f"Besoin {n}", "Défi", erp.id))
            for n in range(1, 8)
        ]
        s.commit()
    if order == "any":
        read = queries.need_rows

        def shuffled(session: object, **kwargs: object) -> list[NeedRow]:
            rows = read(session, **kwargs)  # type: ignore[arg-type]
            return rows[3:] + rows[:3] if "need_ids" not in kwargs else rows

        monkeypatch.setattr(queries, "need_rows", shuffled)
    rows = NeedRows()
    with db.session() as s:
        rows.load(s)
    before = [row.id for row in rows.rows]
    changed = [ids[0], ids[4], ids[6]]
    with db.session() as s:
        needs.assign_needs(s, changed, lea.id)
        s.commit()
        fresh = rows.patch(s, changed)
    assert fresh is not None
    assert [row.id for row in rows.rows] == before
    for row in rows.rows:
        assert rows.get(row.id) is row
        assert (row.assignee_name == "Léa Martin") == (row.id in changed)
