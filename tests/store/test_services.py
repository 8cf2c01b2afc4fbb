"""Services: every user action validated, one transaction, exact undo through snapshots."""

from __future__ import annotations

import pytest
from helpers.undo import act, need_state, redo, undo
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.messages import Message
from po_desktop.store import queries
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.models import Need, NeedEvent, Project
from po_desktop.store.services import columns, needs, people, projects
from po_desktop.store.services.needs import NeedInput


def _need(session: Session, project_id: int, title: str = "Facturation", **extra: object) -> int:
    return needs.create_need(
        session, NeedInput(title=title, problem="Quel défi ?", project_id=project_id, **extra)
    )


def _column_ids(session: Session) -> list[int]:
    return [c.id for c in columns.ordered_columns(session)]


def _order(session: Session, column_id: int) -> list[str]:
    rows = [r for r in queries.need_rows(session) if r.column_id == column_id]
    return [r.key for r in sorted(rows, key=lambda r: r.rank)]


# --- projects -----------------------------------------------------------------------------


def test_project_code_is_normalised_and_unique(session: Session) -> None:
    created = projects.create_project(session, projects.ProjectInput("erp", "ERP"))
    assert created.code == "ERP"
    with pytest.raises(ConflictError) as err:
        projects.create_project(session, projects.ProjectInput("ERP", "Autre"))
    assert "ERP" in err.value.render("fr") and "déjà utilisé" in err.value.render("fr")


@pytest.mark.parametrize(
    ("data", "msg_id"),
    [
        (projects.ProjectInput("E", "x"), "project.bad_code"),
        (projects.ProjectInput("1AB", "x"), "project.bad_code"),
        (projects.ProjectInput("ERP", "  "), "field.required"),
        (projects.ProjectInput("ERP", "x", kind="cosmic"), "field.bad_choice"),
        (projects.ProjectInput("ERP", "x", color="red"), "field.bad_color"),
        (projects.ProjectInput("ERP", "x", owner_id=999), "person.not_found"),
    ],
)
def test_project_validation(session: Session, data: projects.ProjectInput, msg_id: str) -> None:
    with pytest.raises((ValidationError, NotFoundError)) as err:
        projects.create_project(session, data)
    assert err.value.message.msg_id == msg_id
    assert session.scalar(select(func.count()).select_from(Project)) == 0


def test_project_with_needs_cannot_be_deleted(session: Session, project_id: int) -> None:
    _need(session, project_id)
    with pytest.raises(ConflictError) as err:
        projects.delete_project(session, project_id)
    assert "1 need" in err.value.render("en")
    projects.update_project(
        session, project_id, projects.ProjectInput("ERP", "ERP", "internal", archived=True)
    )
    with pytest.raises(ValidationError) as archived:
        _need(session, project_id)
    assert archived.value.message.msg_id == "project.archived"


def test_a_project_is_found_by_code_or_name_without_case_or_accents(
    session: Session, project_id: int
) -> None:
    for ref in ("ERP", "erp", "érp", "Déploiement ERP", "deploiement erp", project_id):
        assert projects.find_project(session, ref).id == project_id, ref
    twin = projects.create_project(session, projects.ProjectInput("ERP2", "DEPLOIEMENT ERP")).id
    assert projects.find_project(session, "DEPLOIEMENT ERP").id == twin
    assert projects.find_project(session, "déploiement erp").id == project_id
    assert projects.find_project(session, "deploiement erp").id == twin
    with pytest.raises(ValidationError) as caught:
        projects.find_project(session, "Déploiement Érp")
    assert caught.value.message.msg_id == "name.ambiguous"
    with pytest.raises(NotFoundError):
        projects.find_project(session, "Paie")


def test_empty_project_is_deleted(session: Session, project_id: int) -> None:
    projects.delete_project(session, project_id)
    with pytest.raises(NotFoundError):
        projects.find_project(session, "ERP")


# --- people -------------------------------------------------------------------------------


def test_person_validation_and_in_use(session: Session, project_id: int) -> None:
    with pytest.raises(ValidationError) as err:
        people.create_person(session, people.PersonInput("Léa", availability=1.5))
    assert err.value.message.msg_id == "field.out_of_range"
    with pytest.raises(ValidationError):
        people.create_person(session, people.PersonInput(""))
    lea = people.create_person(session, people.PersonInput("Léa Martin", "Développeuse", "IT"))
    _need(session, project_id, assignee_id=lea.id)
    with pytest.raises(ConflictError) as in_use:
        people.delete_person(session, lea.id)
    assert "Léa Martin" in in_use.value.render("fr")
    people.update_person(session, lea.id, people.PersonInput("Léa Martin", active=False))
    assert not queries.people(session)[0].active


@pytest.mark.parametrize(
    "typed", ["lea.martin", "Léa <lea@exemple.fr>", "lea@exemple", "lea @exemple.fr", "a@@b.fr"]
)
def test_a_mistyped_address_is_refused_in_both_languages_and_nothing_is_saved(
    session: Session, typed: str
) -> None:
    lea = people.create_person(session, people.PersonInput("Léa Martin"))
    with pytest.raises(ValidationError) as refused:
        people.update_person(session, lea.id, people.PersonInput("Léa Martin", email=typed))
    assert refused.value.render("en").startswith(f"“{typed.strip()}” is not an e-mail address")
    assert "n'est pas une adresse e-mail" in refused.value.render("fr")
    assert queries.people(session)[0].email == ""


def test_an_address_is_kept_trimmed_and_finds_its_person_whatever_the_case(
    session: Session,
) -> None:
    lea = people.create_person(
        session, people.PersonInput("Léa Martin", email="  Lea.Martin@Exemple.FR ")
    )
    assert lea.email == "Lea.Martin@Exemple.FR"
    people.create_person(session, people.PersonInput("Sans adresse"))
    found = people.person_by_email(session, "lea.martin@exemple.fr")
    assert found is not None and found.id == lea.id
    assert people.person_by_email(session, "") is None
    assert people.person_by_email(session, "autre@exemple.fr") is None


def test_an_address_belongs_to_one_person_whatever_its_case(session: Session) -> None:
    people.create_person(session, people.PersonInput("Léa Martin", email="lea@exemple.fr"))
    hugo = people.create_person(session, people.PersonInput("Hugo Petit"))
    with pytest.raises(ValidationError) as refused:
        people.update_person(
            session, hugo.id, people.PersonInput("Hugo Petit", email="LEA@exemple.fr")
        )
    assert refused.value.render("en") == (
        "“LEA@exemple.fr” is already the address of Léa Martin: a mail from it must find one "
        "person."
    )
    assert "est déjà l'adresse de Léa Martin" in refused.value.render("fr")
    with pytest.raises(ValidationError):
        people.create_person(session, people.PersonInput("Autre", email="lea@exemple.fr"))
    lea = people.person_by_email(session, "lea@exemple.fr")
    assert lea is not None  # saving her own address again is no conflict
    people.update_person(
        session, lea.id, people.PersonInput("Léa Martin-Roy", email="Lea@exemple.fr")
    )
    assert [p.name for p in queries.people(session)] == ["Hugo Petit", "Léa Martin-Roy"]


# --- columns ------------------------------------------------------------------------------


def test_default_workflow_exists(session: Session) -> None:
    names = [c.name for c in columns.ordered_columns(session)]
    assert names == ["À qualifier", "À coter", "Prêt", "En cours", "En revue", "Terminé"]


def test_columns_add_rename_reorder_limit_remove(session: Session, project_id: int) -> None:
    added = columns.create_column(session, "Bloqué", position=3, wip_limit=2)
    names = [c.name for c in columns.ordered_columns(session)]
    assert names.index("Bloqué") == 3
    with pytest.raises(ConflictError):
        columns.create_column(session, "bloqué")
    with pytest.raises(ValidationError) as bad_limit:
        columns.update_column(session, added.id, name="Bloqué", wip_limit=0)
    assert bad_limit.value.message.msg_id == "field.out_of_range"
    columns.update_column(session, added.id, name="En attente", wip_limit=None)
    columns.move_column(session, added.id, 0)
    assert columns.ordered_columns(session)[0].name == "En attente"
    need_id = _need(session, project_id, column_id=added.id)
    with pytest.raises(ConflictError) as not_empty:
        columns.delete_column(session, added.id)
    assert "En attente" in not_empty.value.render("fr")
    needs.delete_needs(session, [need_id])
    columns.delete_column(session, added.id)
    assert [c.position for c in columns.ordered_columns(session)] == list(range(6))


def test_last_column_cannot_be_removed(session: Session) -> None:
    ids = _column_ids(session)
    for column_id in ids[:-1]:
        columns.delete_column(session, column_id)
    with pytest.raises(ConflictError) as err:
        columns.delete_column(session, ids[-1])
    assert err.value.message.msg_id == "column.last"


# --- needs --------------------------------------------------------------------------------


def test_create_need_gets_key_rank_and_created_event(session: Session, project_id: int) -> None:
    first = _need(session, project_id, tags=["paie", " RGPD ", "rgpd"], points="2,5")
    second = _need(session, project_id)
    need = needs.find_need(session, "erp-1")
    assert need.id == first and need.key == "ERP-1"
    assert need.tag_names == ["paie", "RGPD"]
    assert need.points == 2.5
    assert needs.find_need(session, second).key == "ERP-2"
    assert _order(session, need.column_id) == ["ERP-1", "ERP-2"]
    events = session.scalars(select(NeedEvent.field).where(NeedEvent.need_id == first)).all()
    assert events == ["created", "points"]


@pytest.mark.parametrize(
    ("overrides", "field", "msg_id"),
    [
        ({"title": "  "}, "title", "field.required"),
        ({"problem": " ", "column_id": 2}, "problem", "need.problem_to_leave"),
        ({"title": "x" * 301}, "title", "field.too_long"),
        ({"source": "email"}, "source", "field.bad_choice"),
        ({"points": "beaucoup"}, "points", "field.bad_number"),
        ({"points": -1}, "points", "field.out_of_range"),
        ({"points": 5000}, "points", "field.out_of_range"),
        ({"points": float("nan")}, "points", "field.bad_number"),
        ({"technical": "peut-être"}, "technical", "field.bad_bool"),
        ({"tags": ["a,b"]}, "tags", "tag.invalid"),
    ],
)
def test_need_validation_writes_nothing(
    session: Session, project_id: int, overrides: dict, field: str, msg_id: str
) -> None:
    data = {"title": "Titre", "problem": "Défi", "project_id": project_id} | overrides
    with pytest.raises(ValidationError) as err:
        needs.create_need(session, NeedInput(**data))
    assert err.value.field == field
    assert err.value.message.msg_id == msg_id
    assert err.value.render("fr") != err.value.render("en")
    assert session.scalar(select(func.count()).select_from(Need)) == 0
    assert session.get(Project, project_id).next_number == 1


@pytest.mark.parametrize(
    ("overrides", "msg_id"),
    [
        ({"project_id": 999}, "project.not_found"),
        ({"column_id": 999}, "column.not_found"),
        ({"sprint_id": 999}, "sprint.not_found"),
        ({"assignee_id": 999}, "person.not_found"),
    ],
)
def test_need_references_must_exist(
    session: Session, project_id: int, overrides: dict, msg_id: str
) -> None:
    data = {"title": "Titre", "problem": "Défi", "project_id": project_id} | overrides
    with pytest.raises(NotFoundError) as err:
        needs.create_need(session, NeedInput(**data))
    assert err.value.message.msg_id == msg_id


def test_update_records_points_and_column_events(session: Session, project_id: int) -> None:
    need_id = _need(session, project_id, points=3)
    data = needs.need_input(needs.find_need(session, need_id))
    data.points = 5
    data.column_id = _column_ids(session)[-1]
    data.title = "Nouveau titre"
    needs.update_need(session, need_id, data)
    need = needs.find_need(session, need_id)
    assert need.title == "Nouveau titre" and need.done_at is not None
    events = session.execute(
        select(NeedEvent.field, NeedEvent.old_value, NeedEvent.new_value)
        .where(NeedEvent.need_id == need_id)
        .order_by(NeedEvent.id)
    ).all()
    assert [e[0] for e in events] == ["created", "points", "points", "column"]
    assert tuple(events[2][1:]) == ("3", "5")


def test_moving_to_project_gives_a_new_key(session: Session, project_id: int) -> None:
    other = projects.create_project(session, projects.ProjectInput("PLAT", "Plateforme")).id
    need_id = _need(session, project_id)
    data = needs.need_input(needs.find_need(session, need_id))
    data.project_id = other
    needs.update_need(session, need_id, data)
    assert needs.find_need(session, need_id).key == "PLAT-1"


def test_move_within_and_between_columns_keeps_order(session: Session, project_id: int) -> None:
    a, b, c = (_need(session, project_id, title=t) for t in "ABC")
    first, second = _column_ids(session)[:2]
    needs.move_needs(session, [c], first, before_id=a)
    assert _order(session, first) == ["ERP-3", "ERP-1", "ERP-2"]
    needs.move_needs(session, [a, b], second)
    assert _order(session, first) == ["ERP-3"]
    assert _order(session, second) == ["ERP-1", "ERP-2"]
    needs.move_needs(session, [b], second, before_id=a)
    assert _order(session, second) == ["ERP-2", "ERP-1"]


def test_repeated_moves_to_the_same_gap_renumber_and_undo_exactly(
    session: Session, project_id: int
) -> None:
    ids = [_need(session, project_id, title=str(i)) for i in range(4)]
    column = _column_ids(session)[0]
    for _ in range(40):  # halves the gap each time until the column must be renumbered
        needs.move_needs(session, [ids[3]], column, before_id=ids[1])
        needs.move_needs(session, [ids[2]], column, before_id=ids[3])
        ids[2], ids[3] = ids[3], ids[2]
    before = {r.key: r.rank for r in queries.need_rows(session)}
    change = act(session, lambda s: needs.move_needs(s, [ids[0]], column, before_id=ids[3]))
    undo(session, change)
    assert {r.key: r.rank for r in queries.need_rows(session)} == before


def test_undo_redo_of_move_restores_column_rank_and_events(
    session: Session, project_id: int
) -> None:
    need_id = _need(session, project_id)
    target = _column_ids(session)[3]
    original = need_state(session, need_id)
    change = act(session, lambda s: needs.move_needs(s, [need_id], target))
    moved = need_state(session, need_id)
    assert moved is not None and len(moved.events) == 2
    undo(session, change)
    assert need_state(session, need_id) == original
    redo(session, change)
    assert need_state(session, need_id) == moved


def test_delete_and_undo_bring_everything_back(session: Session, project_id: int) -> None:
    need_id = _need(session, project_id, tags=["RGPD"], points=8)
    needs.move_needs(session, [need_id], _column_ids(session)[2])
    original = need_state(session, need_id)
    change = act(session, lambda s: needs.delete_needs(s, [need_id]))
    assert session.get(Need, need_id) is None
    assert session.scalar(select(func.count()).select_from(NeedEvent)) == 0
    undo(session, change)
    assert need_state(session, need_id) == original
    # The key of a deleted need is never handed to another need.
    redo(session, change)
    assert needs.find_need(session, _need(session, project_id)).key == "ERP-2"


def test_failed_action_rolls_back_the_whole_transaction(session: Session, project_id: int) -> None:
    """A service that fails after writing leaves nothing behind, reads before it included."""
    from po_desktop.store.services._base import transactional

    @transactional
    def create_two_then_fail(s: Session) -> None:
        _need(s, project_id, title="premier")
        _need(s, project_id, title="second")
        raise ValidationError("field.required", field="title")

    first = _need(session, project_id)
    assert queries.need_rows(session)  # a read opens a transaction before the action
    with pytest.raises(ValidationError):
        create_two_then_fail(session)
    assert [r.id for r in queries.need_rows(session)] == [first]
    assert session.get(Project, project_id).next_number == 2


def test_undo_of_a_move_that_renumbered_the_column(session: Session, project_id: int) -> None:
    ids = [_need(session, project_id, title=str(i)) for i in range(5)]
    column = _column_ids(session)[0]
    change = None
    ranks_before: dict[int, int] = {}
    for turn in range(64):  # cards dropped in turn just above ids[1]: the gap halves each time
        ranks_before = {r.id: r.rank for r in queries.need_rows(session)}
        change = act(
            session,
            lambda s, turn=turn: needs.move_needs(s, [ids[2 + turn % 3]], column, before_id=ids[1]),
        )
        if len(change.rows.get("need", {})) > 1:
            break
    assert change is not None and len(change.rows["need"]) > 1, "the column was never renumbered"
    ranks_after = {r.id: r.rank for r in queries.need_rows(session)}
    assert ranks_after != ranks_before
    undo(session, change)
    assert {r.id: r.rank for r in queries.need_rows(session)} == ranks_before
    redo(session, change)
    assert {r.id: r.rank for r in queries.need_rows(session)} == ranks_after


def test_find_need_rejects_malformed_keys(session: Session) -> None:
    with pytest.raises(ValidationError) as err:
        needs.find_need(session, "ERP12")
    assert isinstance(err.value.message, Message)
    assert "ERP-12" in err.value.render("en")


def test_dropping_a_selection_on_one_of_its_cards_keeps_its_place(
    session: Session, project_id: int
) -> None:
    _a, b, _c, d = (_need(session, project_id, title=t) for t in "ABCD")
    column = _column_ids(session)[0]
    needs.move_needs(session, [d, b], column, before_id=b)
    assert _order(session, column) == ["ERP-1", "ERP-4", "ERP-2", "ERP-3"]


def test_loaded_need_shows_new_tags_after_update(session: Session, project_id: int) -> None:
    need_id = _need(session, project_id, tags=["a"])
    need = needs.find_need(session, need_id)
    data = needs.need_input(need)
    data.tags = ["b", "c"]
    needs.update_need(session, need_id, data)
    assert need.tag_names == ["b", "c"]


def test_each_new_project_gets_a_colour_no_other_project_has(session: Session) -> None:
    from po_desktop.domain.colours import PROJECT_PALETTE

    made = [
        projects.create_project(session, projects.ProjectInput(f"P{i}X", f"Projet {i}"))
        for i in range(len(PROJECT_PALETTE))
    ]
    assert len({p.color for p in made}) == len(PROJECT_PALETTE)
    chosen = projects.create_project(session, projects.ProjectInput("XX", "X", color="#123456"))
    assert chosen.color == "#123456"  # a colour the user picks is kept
    again = projects.create_project(session, projects.ProjectInput("YY", "Y"))
    assert again.color == PROJECT_PALETTE[0]  # all used once: the least used comes back
