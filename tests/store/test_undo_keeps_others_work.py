"""An undo or redo never deletes what someone else added since to the rows it removes.

On a team workspace a colleague comments on, attaches a file to or links a need another PO
just created (one by one, or by an import). Undoing that creation would delete the need,
and the database would take the colleague's comment, file or link with it: the undo is
refused instead, naming who added what, and nothing changes. Both engines.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers.undo import act, redo, undo
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.store import identity
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import Attachment, Need, NeedComment, NeedLink
from po_desktop.store.services import dossier, links, needs
from po_desktop.store.services.import_types import NeedRecord
from po_desktop.store.services.importing import import_needs


def _sign(session: Session, name: str) -> None:
    identity.sign_in(session, identity.resolve(session, name))


def _create(session: Session, project_id: int) -> int:
    return needs.create_need(
        session, needs.NeedInput("Relances clients", "Les relances partent en retard", project_id)
    )


def _comment(session: Session, need_id: int, _other: int) -> None:
    dossier.add_comment(session, need_id, "Vu avec la compta", author_name="Virginie")


def _attach(session: Session, need_id: int, _other: int) -> None:
    dossier.attach_file(session, need_id, "maquette.png", b"\x89PNG...")


def _link(session: Session, need_id: int, other: int) -> None:
    links.link_needs(session, other, "blocks", need_id)


ADDED: dict[str, tuple[Callable[[Session, int, int], None], type, str, str]] = {
    "comment": (_comment, NeedComment, "a comment", "un commentaire"),
    "attachment": (_attach, Attachment, "an attachment", "une pièce jointe"),
    "link": (_link, NeedLink, "a link", "un lien"),
}


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("kind", list(ADDED), ids=list(ADDED))
def test_undoing_a_creation_is_refused_when_someone_added_to_the_need_since(
    session: Session, project_id: int, kind: str
) -> None:
    add, model, english, french = ADDED[kind]
    _sign(session, "Moi")
    other = _create(session, project_id)
    change = act(session, lambda s: _create(s, project_id))
    need_id = change.result
    _sign(session, "Virginie")
    add(session, need_id, other)
    session.commit()
    kept = _count(session, model)
    _sign(session, "Moi")

    with pytest.raises(ConflictError) as refused:
        undo(session, change)

    assert refused.value.message.msg_id in ("change.added_by", "change.added")
    text_en, text_fr = refused.value.render("en"), refused.value.render("fr")
    assert english in text_en and "ERP-2" in text_en and "Nothing was changed" in text_en
    assert french in text_fr and "ERP-2" in text_fr and "Rien n’a été modifié" in text_fr
    if kind == "comment":  # a comment knows its author
        assert text_en.startswith("Cannot undo or redo: Virginie added a comment to ERP-2 at ")
        assert text_fr.startswith(
            "Impossible d’annuler ou de rétablir\u00a0: Virginie a ajouté un "
        )
    session.expire_all()
    assert session.get(Need, need_id) is not None
    assert _count(session, model) == kept


def test_redoing_a_deletion_is_refused_when_someone_added_to_the_need_since(
    session: Session, project_id: int
) -> None:
    _sign(session, "Moi")
    need_id = _create(session, project_id)
    session.commit()
    change = act(session, lambda s: needs.delete_needs(s, [need_id]))
    undo(session, change)  # the need is back
    _sign(session, "Virginie")
    _comment(session, need_id, 0)
    session.commit()
    _sign(session, "Moi")

    with pytest.raises(ConflictError) as refused:
        redo(session, change)

    assert "Virginie added a comment to ERP-1" in refused.value.render("en")
    session.expire_all()
    assert session.get(Need, need_id) is not None
    assert _count(session, NeedComment) == 1


def test_an_undone_import_is_refused_over_a_colleagues_comment_and_goes_through_without(
    session: Session, project_id: int
) -> None:
    records = [
        NeedRecord(title=f"Besoin {n}", problem=f"Problème {n}", project="ERP") for n in range(700)
    ]
    _sign(session, "Moi")
    change = act(session, lambda s: import_needs(s, records))
    last = session.scalar(select(func.max(Need.id)))
    assert last is not None and _count(session, Need) == 700
    _sign(session, "Virginie")
    comment_id = dossier.add_comment(session, last, "Attention au lot 3", author_name="Virginie")
    session.commit()
    _sign(session, "Moi")

    with pytest.raises(ConflictError) as refused:
        undo(session, change)
    assert "Virginie added a comment to ERP-700" in refused.value.render("en")
    assert _count(session, Need) == 700 and _count(session, NeedComment) == 1

    # Once the colleague's comment is gone (by its author), the import undoes whole.
    dossier.delete_comment(session, comment_id)
    session.commit()
    undo(session, change)
    assert _count(session, Need) == 0


def test_a_colleagues_score_is_named_too(session: Session, project_id: int) -> None:
    from po_desktop.store.services import scoring

    _sign(session, "Moi")
    change = act(session, lambda s: _create(s, project_id))
    _sign(session, "Virginie")
    values = {"relevance": 3, "investment": 3, "time": 2, "resources": 5}
    scoring.assess_need(session, change.result, scoring.AssessmentInput(values, "go"))
    session.commit()
    _sign(session, "Moi")
    with pytest.raises(ConflictError) as refused:
        undo(session, change)
    assert "added a score to ERP-1" in refused.value.render("en")
    assert "une cotation à ERP-1" in refused.value.render("fr")
