"""Rows of needs as our export and a spreadsheet give them, and what a workspace holds
after their import: for the import's tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store import identity
from po_desktop.store.models import Need, NeedEvent, NeedTag, Project
from po_desktop.store.services import import_batch
from po_desktop.store.services import sprints as sprint_service
from po_desktop.store.services.import_types import NeedRecord

TITLES = ("Besoin {i}", "  Espacé {i}  ", "Deux\nlignes {i}", "🚀 Fusée {i}", "Achats — n° {i}")
PROBLEMS = ("Défi {i}", "Premier paragraphe {i}\nSecond paragraphe", "  Autour {i}  ", "")
STATUSES = ("", "à qualifier", "En cours", "Terminé", "TERMINE")
SOURCES = ("", "client", "customer", "Équipe", "rnd")
TECHNICAL = ("", "non", "oui", "1")
POINTS = ("", "2,5", "3", "0", " 8 ")
SPRINTS = ("", "Sprint 12", "sprint 12")
TAGS = ("", "b, A", "a, B, a", " x ", "Paie,paie ,  ")
ACCEPTANCE = ("", "Critère 1\nCritère 2", "Une ligne")


def plain_rows(count: int, *, dirty_from: int | None = None) -> list[NeedRecord]:
    """Rows as our export and a spreadsheet give them, every one a new need: keyed and
    keyless, two projects, each cell's usual shapes. From ``dirty_from`` on, one row in
    seven has a problem statement with Windows line ends, which only the row path mends."""
    rows = []
    for i in range(count):
        project = "ERP" if i % 3 else "CRM"
        status = STATUSES[i % len(STATUSES)]
        problem = PROBLEMS[i % len(PROBLEMS)].format(i=i)
        if not problem.strip() and status not in ("", "à qualifier"):
            problem = f"Défi {i}"  # only the first column takes a need without one
        if dirty_from is not None and i >= dirty_from and i % 7 == 0:
            problem = f"Ligne un {i}\r\nLigne deux"
        rows.append(
            NeedRecord(
                key=f"{project}-{100 + i}" if i % 4 else "",
                title=TITLES[i % len(TITLES)].format(i=i),
                problem=problem,
                solution="Une piste\nà creuser" if i % 2 else "",
                requester="  Camille Martin " if i % 5 else "",
                source=SOURCES[i % len(SOURCES)],
                business_unit="Achats" if i % 3 else "",
                technical=TECHNICAL[i % len(TECHNICAL)],
                project=project,
                status=status,
                points=POINTS[i % len(POINTS)],
                sprint=SPRINTS[i % len(SPRINTS)],
                tags=TAGS[i % len(TAGS)],
                acceptance=ACCEPTANCE[i % len(ACCEPTANCE)],
                external_ref=f"REF-{i}" if i % 6 == 0 else "",
                line=i + 2,
            )
        )
    return rows


def stored(session: Session) -> list[tuple[Any, ...]]:
    """Every need as the workspace holds it, by key: its values but its id and times,
    its tags, and its history events but their ids and times."""
    session.flush()
    volatile = {"id", "created_at", "updated_at", "done_at", "column_since", "project_id"}
    columns = [c.key for c in Need.__table__.columns if c.key not in volatile]
    query = select(Need, Project.code).join(Project).order_by(Project.code, Need.number)
    needs = []
    for need, code in session.execute(query):
        tags = session.scalars(select(NeedTag.name).where(NeedTag.need_id == need.id))
        events = session.execute(
            select(
                NeedEvent.field,
                NeedEvent.old_value,
                NeedEvent.new_value,
                NeedEvent.author_id,
                NeedEvent.author_name,
                NeedEvent.at == need.created_at,
            )
            .where(NeedEvent.need_id == need.id)
            .order_by(NeedEvent.id)
        )
        needs.append(
            (
                code,
                {c: getattr(need, c) for c in columns},
                need.done_at is not None,
                need.column_since == need.created_at,
                sorted(tags),
                [tuple(e) for e in events],
            )
        )
    return needs


def plain_workspace(session: Session) -> Session:
    """The workspace the rows are imported into: signed in, with the sprint they name."""
    identity.sign_in(session, identity.Author(None, "Camille Martin"))
    sprint = sprint_service.SprintInput("Sprint 12", date(2026, 12, 7), date(2026, 12, 18))
    sprint_service.create_sprint(session, sprint)
    session.commit()
    return session


def watch(
    monkeypatch: pytest.MonkeyPatch, name: str = "new_needs", *, refuse: bool = False
) -> list[bool]:
    """For each batch, whether ``import_batch.<name>`` found it could take the column
    path (``new_needs``: a list of records; ``new_needs_read``: a batch read as
    columns); ``refuse``: none may."""
    taken: list[bool] = []
    checked = getattr(import_batch, name)

    def watched(*args: Any) -> import_batch.NewNeeds | None:
        found = None if refuse else checked(*args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(import_batch, name, watched)
    return taken
