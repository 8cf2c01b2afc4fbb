"""The need picker's search: by key or title, regardless of case and accents, a few at a
time in a workspace of 10,000 needs."""

from __future__ import annotations

import pytest
from helpers.workspace import SPECIAL_TITLES as SPECIAL
from helpers.workspace import many_needs
from sqlalchemy import event
from sqlalchemy.orm import Session

from po_desktop.store.need_picker import PICK_LIMIT, find_choice, pick_needs
from po_desktop.store.services import archive


@pytest.fixture
def many(session: Session) -> Session:
    many_needs(session)
    return session


def test_titles_match_without_accents_nor_case_newest_first(many: Session) -> None:
    assert [c.key for c in pick_needs(many, "echeanc")] == ["ERP-4321", "ERP-777"]
    assert [c.key for c in pick_needs(many, "RELANCES echeanc")] == ["ERP-4321", "ERP-777"]
    assert [c.title for c in pick_needs(many, "oeuvre 50%_")] == [SPECIAL[9000]]
    assert pick_needs(many, "50%x") == []  # % and _ are letters here, not wildcards
    common = pick_needs(many, "besoin du service")
    assert len(common) == PICK_LIMIT  # never the 9,997 of them
    assert [c.key for c in common[:2]] == ["ERP-10000", "ERP-9999"]
    assert len(pick_needs(many, "besoin", limit=5)) == 5


def test_keys_come_first_and_the_need_itself_is_left_out(many: Session) -> None:
    found = pick_needs(many, "erp-12")
    assert [c.key for c in found[:4]] == ["ERP-12", "ERP-120", "ERP-121", "ERP-122"]
    assert len(found) == PICK_LIMIT
    assert found[0].label == "ERP-12 — Besoin numéro 12 du service"
    ids = {c.key: c.id for c in found}
    assert "ERP-12" not in [c.key for c in pick_needs(many, "ERP-12", exclude=ids["ERP-12"])]
    recent = pick_needs(many, "")
    assert [c.key for c in recent[:2]] == ["ERP-10000", "ERP-9999"]


def test_the_one_need_named_by_its_key_its_line_or_its_only_title(many: Session) -> None:
    assert find_choice(many, "erp-4321").key == "ERP-4321"  # type: ignore[union-attr]
    line = "ERP-777 — Relances : ÉCHÉANCES fournisseurs (archived)"
    assert find_choice(many, line).key == "ERP-777"  # type: ignore[union-attr]
    assert find_choice(many, "œuvre d'art").key == "ERP-9000"  # type: ignore[union-attr]
    assert find_choice(many, "echeanc") is None  # two of them: the list says which
    assert find_choice(many, "ERP-10001") is None and find_choice(many, "  ") is None
    own = find_choice(many, "ERP-5")
    assert own is not None and find_choice(many, "ERP-5", exclude=own.id) is None


def test_archived_needs_are_found_and_marked(many: Session) -> None:
    target = find_choice(many, "ERP-9000")
    assert target is not None and not target.archived
    archive.archive_needs(many, [target.id])
    assert pick_needs(many, "oeuvre")[0].archived


def test_every_search_asks_the_database_for_a_few_rows(many: Session) -> None:
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = many.get_bind()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        pick_needs(many, "erp-1 besoin")
        pick_needs(many, "")
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    selects = [s for s in statements if s.startswith("SELECT")]
    assert len(selects) == 2 and all("LIMIT" in s for s in selects)
