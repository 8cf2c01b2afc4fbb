"""Who changed what: the author of every write, the version of a need, and the refusals
that name who changed a need since (on a workspace file and on a team workspace)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers.undo import act, undo
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain.enums import EventField
from po_desktop.store import dossier_queries, identity
from po_desktop.store.errors import ConflictError
from po_desktop.store.models import Assessment, BoardColumn, Need, NeedEvent, Person
from po_desktop.store.services import dossier, needs, people, scoring


def _person(session: Session, name: str, login: str = "") -> int:
    return people.create_person(session, people.PersonInput(name, "PO", login=login)).id


def _need(session: Session, project_id: int, title: str = "Export SEPA") -> int:
    return needs.create_need(
        session, needs.NeedInput(title, "Les virements partent à la main", project_id)
    )


def _columns(session: Session) -> list[int]:
    return list(session.scalars(select(BoardColumn.id).order_by(BoardColumn.position)))


def test_every_event_comment_and_decision_records_who_wrote_it(
    session: Session, project_id: int
) -> None:
    virginie = _person(session, "Virginie Morel", login="vmorel")
    identity.sign_in(session, identity.resolve(session, "vmorel"))
    need_id = _need(session, project_id)
    needs.move_needs(session, [need_id], _columns(session)[1])
    dossier.add_comment(session, need_id, "Vu avec la compta")

    events = session.scalars(select(NeedEvent).where(NeedEvent.need_id == need_id)).all()
    assert {(e.field, e.author_id, e.author_name) for e in events} >= {
        (EventField.CREATED.value, virginie, "Virginie Morel"),
        (EventField.COLUMN.value, virginie, "Virginie Morel"),
    }
    comment = dossier_queries.comments(session, need_id)[0]
    assert (comment.author_id, comment.author) == (virginie, "Virginie Morel")
    moved = next(i for i in dossier_queries.activity(session, need_id) if i.kind == "column")
    assert moved.author == "Virginie Morel"

    # The person leaves the workspace: their name stays on what they did.
    needs.move_needs(session, [need_id], _columns(session)[0])
    session.commit()
    session.execute(Person.__table__.delete().where(Person.id == virginie))
    session.commit()
    session.expire_all()
    left = session.scalars(select(NeedEvent).where(NeedEvent.need_id == need_id)).all()
    assert {e.author_id for e in left} == {None}
    assert {e.author_name for e in left} == {"Virginie Morel"}


def test_a_name_that_is_no_one_of_the_workspace_is_kept_as_given(
    session: Session, project_id: int
) -> None:
    _person(session, "Virginie Morel")
    assert identity.resolve(session, "virginie morel") == identity.Author(
        session.scalar(select(Person.id)), "Virginie Morel"
    )
    assert identity.resolve(session, "  Paul   Dupont ") == identity.Author(None, "Paul Dupont")
    identity.sign_in(session, identity.resolve(session, "Paul Dupont"))
    need_id = _need(session, project_id)
    event = session.scalars(select(NeedEvent).where(NeedEvent.need_id == need_id)).first()
    assert event is not None and (event.author_id, event.author_name) == (None, "Paul Dupont")


def test_a_decision_without_a_name_is_signed_by_whoever_records_it(
    session: Session, project_id: int
) -> None:
    identity.sign_in(session, identity.resolve(session, "Virginie"))
    need_id = _need(session, project_id)
    values = {c.key: c.scale_min for c in scoring.active_model(session).criteria}
    scoring.assess_need(session, need_id, scoring.AssessmentInput(values, "go"))
    assert session.scalar(select(Assessment.decided_by)) == "Virginie"
    sheet = scoring.AssessmentInput(values, "go", decided_by="Le comité")
    scoring.assess_need(session, need_id, sheet)
    assert set(session.scalars(select(Assessment.decided_by))) == {"Virginie", "Le comité"}


def test_a_form_saved_after_someone_else_saved_the_need_is_refused_with_who_and_when(
    session: Session, project_id: int
) -> None:
    _person(session, "Virginie Morel")
    identity.sign_in(session, identity.resolve(session, "Moi"))
    need_id = _need(session, project_id)
    opened = session.get(Need, need_id)
    assert opened is not None
    form, version = needs.need_input(opened), opened.version

    identity.sign_in(session, identity.resolve(session, "Virginie Morel"))
    needs.update_need(session, need_id, replace(form, title="Export SEPA v2"), version=version)

    identity.sign_in(session, identity.resolve(session, "Moi"))
    typed = replace(form, title="Export SEPA (urgent)")
    with pytest.raises(ConflictError) as refused:
        needs.update_need(session, need_id, typed, version=version)
    assert refused.value.message.msg_id == "need.changed_by"
    english, french = refused.value.render("en"), refused.value.render("fr")
    assert english.startswith("Virginie Morel changed ERP-1 at ")
    assert french.startswith("Virginie Morel a modifié ERP-1 à ")
    assert " h " in french  # "10 h 42", as French writes the time
    session.expire_all()
    assert session.get(Need, need_id).title == "Export SEPA v2"  # type: ignore[union-attr]
    assert typed.title == "Export SEPA (urgent)"  # what was typed, for the form to keep

    # Saved on the version now read: it goes through.
    fresh = session.get(Need, need_id)
    assert fresh is not None
    needs.update_need(session, need_id, typed, version=fresh.version)
    session.expire_all()
    assert session.get(Need, need_id).title == "Export SEPA (urgent)"  # type: ignore[union-attr]


def test_moving_a_card_leaves_the_other_cards_versions_alone(
    session: Session, project_id: int
) -> None:
    first, second, third = (_need(session, project_id, t) for t in ("A", "B", "C"))
    before = {n.id: n.version for n in session.scalars(select(Need))}
    needs.move_needs(session, [third], _columns(session)[0], before_id=first)  # reranks
    session.expire_all()
    after = {n.id: n.version for n in session.scalars(select(Need))}
    assert after[first] == before[first] and after[second] == before[second]
    assert after[third] == before[third]  # same column: a new rank is no one's edit
    needs.move_needs(session, [second], _columns(session)[1])
    session.expire_all()
    assert session.get(Need, second).version == before[second] + 1  # type: ignore[union-attr]


def test_an_undo_refused_over_someone_elses_change_names_them(
    session: Session, project_id: int
) -> None:
    identity.sign_in(session, identity.resolve(session, "Moi"))
    need_id = _need(session, project_id)
    change = act(session, lambda s: needs.move_needs(s, [need_id], _columns(s)[1]))
    assert change.author == "Moi"
    identity.sign_in(session, identity.resolve(session, "Virginie"))
    need = session.get(Need, need_id)
    assert need is not None
    needs.update_need(session, need_id, replace(needs.need_input(need), title="Autre titre"))
    identity.sign_in(session, identity.resolve(session, "Moi"))
    with pytest.raises(ConflictError) as refused:
        undo(session, change)
    assert refused.value.message.msg_id == "change.stale_by"
    assert refused.value.render("en").startswith("Cannot undo or redo: Virginie changed ERP-1 at")
    assert "Virginie a modifié ERP-1" in refused.value.render("fr")


def test_a_name_with_characters_no_file_can_carry_is_kept_without_them(
    session: Session, project_id: int
) -> None:
    author = identity.resolve(session, "Pa\x00ul\u2028 Du\ud800pont\ufdd0 " + "x" * 200)
    assert author.name.startswith("Paul Dupont ") and len(author.name) == identity.AUTHOR_MAX
    identity.sign_in(session, author)
    need_id = _need(session, project_id)
    stored = session.scalar(select(NeedEvent.author_name).where(NeedEvent.need_id == need_id))
    assert stored == author.name


def test_a_form_loaded_before_an_undo_is_refused_after_it(
    session: Session, project_id: int
) -> None:
    """Undo and redo move a need's version forward as any change does: a form filled
    before them is refused, even when the need comes back to the version it was filled
    from (the number never goes back)."""
    identity.sign_in(session, identity.resolve(session, "Moi"))
    need_id = _need(session, project_id)
    need = session.get(Need, need_id)
    assert need is not None
    form = needs.need_input(need)
    change = act(session, lambda s: needs.update_need(s, need_id, replace(form, title="v2")))
    session.expire_all()
    loaded = session.get(Need, need_id)
    assert loaded is not None
    seen = loaded.version  # Virginie opens the form on "v2"

    undo(session, change)  # back to the first title
    act(session, lambda s: needs.update_need(s, need_id, replace(form, title="v3")))
    with pytest.raises(ConflictError) as refused:
        needs.update_need(session, need_id, replace(form, title="Son texte"), version=seen)
    assert refused.value.render("en").startswith("Moi changed ERP-1 at ")
    session.expire_all()
    assert session.get(Need, need_id).title == "v3"  # type: ignore[union-attr]
