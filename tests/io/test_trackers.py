"""Trackers' exports as needs (issue 18): Jira's CSV (English and French, all and current
fields) and a Trello board's JSON, read as records, then imported: every field where it
belongs, one transaction, one change to undo, and a re-import that updates."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from helpers.undo import act, undo
from helpers.workspace import FIXTURES, hostile_text
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain import messages
from po_desktop.io.jira_needs import looks_like_jira, parse_comment, parse_date
from po_desktop.io.needs_files import detect_format, open_needs
from po_desktop.io.needs_table import TRACKER_HEADER, default_mapping, file_layout, records
from po_desktop.store.errors import ValidationError
from po_desktop.store.models import (
    BoardColumn,
    Need,
    NeedComment,
    NeedLink,
    Person,
    Sprint,
)
from po_desktop.store.services import sprints
from po_desktop.store.services.import_types import ImportOptions, ImportResult, NeedRecord
from po_desktop.store.services.importing import import_needs, preview_import

EXCHANGE = FIXTURES / "exchange"
JIRA_EN = EXCHANGE / "jira-cloud-all-fields-en.csv"
JIRA_FR = EXCHANGE / "jira-server-current-fields-fr.csv"
TRELLO = EXCHANGE / "trello-board.json"


def read(path: Path, format: str = "auto") -> list[NeedRecord]:
    with open_needs(path, format) as table:
        return list(records(table, default_mapping(table.header, optional=("project",))))


def run(session: Session, path: Path, project: str = "", *, dry: bool = False) -> ImportResult:
    with open_needs(path) as table:
        mapping = default_mapping(table.header, optional=("project",))
        options = ImportOptions(default_project=project)
        action = preview_import if dry else import_needs
        result = action(session, records(table, mapping), options)
        result.set_aside = table.set_aside
    return result


def by_ref(session: Session) -> dict[str, Need]:
    return {need.external_ref: need for need in session.scalars(select(Need))}


# ----- reading --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/Sep/25 6:42 PM", datetime(2025, 9, 15, 18, 42)),
        ("15/Sep/25 12:05 AM", datetime(2025, 9, 15, 0, 5)),
        ("15/sept./25 18:42", datetime(2025, 9, 15, 18, 42)),
        ("1/févr./26 09:00", datetime(2026, 2, 1, 9, 0)),
        ("17/déc./25 14:30", datetime(2025, 12, 17, 14, 30)),
        ("03/août/25 11:00", datetime(2025, 8, 3, 11, 0)),
        ("30/Oct/25", datetime(2025, 10, 30)),
    ],
)
def test_jira_dates_in_english_and_french(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2025-09-15", "15/Foo/25 6:42 PM", "31/Feb/25 1:00 PM"])
def test_a_date_jira_does_not_write_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_date(text)


def test_a_comment_cell_keeps_its_semicolons_and_names_its_author() -> None:
    comment = parse_comment("15/Sep/25 6:42 PM;abc:123;Vu ; ok;\nfin", {"abc:123": "Léa"})
    assert comment is not None
    assert (comment.author, comment.text) == ("Léa", "Vu ; ok;\nfin")
    assert comment.at == datetime(2025, 9, 15, 18, 42)
    plain = parse_comment("pas de date;juste du texte", {})
    assert plain is not None and plain.text == "pas de date;juste du texte"


def test_formats_are_told_apart_by_content(tmp_path: Path) -> None:
    assert detect_format(TRELLO) == "trello"
    copy = tmp_path / "board.txt"  # whatever its name
    shutil.copy(TRELLO, copy)
    assert [r.title for r in read(copy)][:1] == ["Télécharger mes factures"]
    assert looks_like_jira(["Summary", "Issue key", "Issue Type"])
    assert looks_like_jira(["Résumé", "Clé de ticket"])
    assert looks_like_jira(["Issue Type", "Key", "Summary"])  # current fields
    assert not looks_like_jira(["Titre", "Problème", "Projet"])
    assert not looks_like_jira(["Clé", "Résumé", "Problème"])  # anyone's spreadsheet


def test_jira_english_all_fields_records() -> None:
    records_ = {r.external_ref: r for r in read(JIRA_EN)}
    story = records_["ERP-11"]
    assert story.title == "Exporter les factures au format Factur-X"
    assert story.problem.startswith("Le service comptable")
    assert (story.project, story.status, story.points) == ("ERP", "In Progress", "5")
    assert (story.requester, story.assignee) == ("Paul Durand", "Léa Moreau")
    assert (story.sprint, story.closed_sprints) == ("ERP Sprint 13", ("ERP Sprint 12",))
    assert story.parent_ref == "ERP-10"
    assert [(c.author, c.text) for c in story.comments] == [
        ("Claire Martin", "Maquette validée; reste le PDF/A-3."),
        ("Léa Moreau", "J'ai testé avec 3 clients, ok."),
    ]
    # "Story point estimate" (the team-managed field), a parent given by its issue id
    assert (records_["ERP-12"].points, records_["ERP-12"].parent_ref) == ("3", "ERP-10")
    assert records_["ERP-13"].tags == "bug,tva"
    assert "\r\nsur les lignes" in records_["ERP-13"].problem


def test_jira_french_current_fields_records() -> None:
    records_ = {r.external_ref: r for r in read(JIRA_FR)}
    assert set(records_) == {"RH-1", "RH-2", "RH-3"}
    story = records_["RH-2"]
    assert (story.title, story.project, story.status) == (
        "Valider une demande de congé depuis le téléphone",
        "RH",
        "À faire",
    )
    assert (story.points, story.tags, story.parent_ref) == ("8", "rh,mobile", "RH-1")
    assert [c.at for c in story.comments] == [
        datetime(2025, 9, 16, 8, 5),
        datetime(2025, 12, 17, 14, 30),
    ]


def test_trello_records() -> None:
    records_ = {r.title: r for r in read(TRELLO)}
    assert set(records_) == {
        "Télécharger mes factures",
        "Suivre ma commande en ligne",
        "Paiement en 3 fois",
    }  # the archived card and the card of the archived list are left out
    card = records_["Suivre ma commande en ligne"]
    assert card.external_ref == "https://trello.com/c/AbCd0001"
    assert card.status == "En cours" and card.tags == "UX" and card.assignee == "Tom Weber"
    assert card.acceptance.splitlines() == [
        "[x] Statut visible sans connexion",
        "[ ] Notification par courriel",
        "[ ] Lien de suivi du transporteur",
    ]
    assert card.problem.endswith("2025-10-31")  # the due date: the problem's last line
    assert [c.author for c in card.comments] == ["Tom Weber", "Nadia Haddad"]  # oldest first
    bare = records_["Paiement en 3 fois"]  # an unnamed label: its colour, in English here
    assert (bare.status, bare.problem, bare.tags) == ("En cours", "", "Urgent,purple")


def test_an_unnamed_trello_label_is_its_colour_in_the_user_s_language(tmp_path: Path) -> None:
    """« purple » was the tag of a French board's unnamed purple label: « violet »; the
    newer shades too (« green_dark »: « vert foncé »); a colour Trello adds later, as is."""
    board = json.loads(TRELLO.read_text(encoding="utf-8"))
    card = next(c for c in board["cards"] if c["name"] == "Paiement en 3 fois")
    colours = ["purple", "green_dark", "sky_light", "teal"]
    card["labels"] = [{"id": f"l{i}", "name": "", "color": c} for i, c in enumerate(colours)]
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board), encoding="utf-8")
    before = messages.language()
    messages.set_language("fr")
    try:
        bare = {r.title: r for r in read(path)}["Paiement en 3 fois"]
    finally:
        messages.set_language(before)
    assert bare.tags == "violet,vert foncé,bleu ciel clair,teal"


def test_a_trackers_layout_is_its_kind_and_its_own_columns(tmp_path: Path) -> None:
    """Read, every export has columns of ours, those it fills: the assistant remembers a
    mapping by what the file holds instead."""
    ours = tmp_path / "ours.csv"
    ours.write_text(";".join(TRACKER_HEADER) + "\nTitre;Défi;ERP;;;;;;\n", encoding="utf-8")
    names = [
        "jira-cloud-all-fields-en.csv",
        "jira-server-current-fields-fr.csv",
        "jira-server-poinz-en.csv",
        "trello-board.json",
        "trello-deck-board.json",
    ]
    layouts = {}
    for path in [*(EXCHANGE / name for name in names), ours]:
        with open_needs(path) as table:
            assert table.header == [name for name in TRACKER_HEADER if name in table.header]
            layouts[path.name] = file_layout(table)
    assert layouts["trello-board.json"] == layouts["trello-deck-board.json"]  # one layout
    del layouts["trello-deck-board.json"]
    assert len(set(layouts.values())) == len(layouts)  # each Jira layout, Trello, ours
    shutil.copy(JIRA_FR, tmp_path / "autre export.csv")
    with open_needs(tmp_path / "autre export.csv") as table:
        assert file_layout(table) == layouts[JIRA_FR.name]


def test_what_fills_each_column_is_named_as_the_tracker_names_it() -> None:
    """For the import assistant: the file's own names, in the interface's language for
    Trello's, whose export has no column names a user sees."""
    with open_needs(JIRA_FR) as table:
        assert dict(zip(table.header, table.sources, strict=True)) == {
            "title": "Résumé",
            "problem": "Description",
            "project": "Clé de ticket",
            "status": "État",
            "points": "Champ personnalisé (Story Points)",
            "sprint": "Sprint",
            "tags": "Libellés",  # two columns of that name
            "requester": "Rapporteur",  # no acceptance criteria in a Jira export
        }
    before = messages.language()
    messages.set_language("fr")
    try:
        with open_needs(TRELLO) as table:
            named = dict(zip(table.header, table.sources, strict=True))
    finally:
        messages.set_language(before)
    assert named == {  # no points, sprint, requester nor project in a Trello board
        "title": "Nom de la carte",
        "problem": "Description",
        "status": "Liste",
        "tags": "Étiquettes",
        "acceptance": "Checklists",
    }


def test_a_re_import_leaves_alone_what_the_tracker_has_no_column_for(session: Session) -> None:
    """A Trello board has no points, sprint nor requester: set in the app on a need it
    made, a re-import kept them (it emptied them, taking a sprint's plan away); what the
    board does hold follows it."""
    run(session, TRELLO, "WEB")
    need = by_ref(session)["https://trello.com/c/AbCd0001"]
    sprint_id = sprints.create_sprint(
        session, sprints.SprintInput("S1", "2027-01-04", "2027-01-15")
    )
    need.points, need.sprint_id, need.requester, need.title = 5.0, sprint_id, "Mme Roux", "x"
    session.commit()
    run(session, TRELLO, "WEB")
    session.expire_all()
    need = by_ref(session)["https://trello.com/c/AbCd0001"]
    assert (need.points, need.sprint_id, need.requester) == (5.0, sprint_id, "Mme Roux")
    assert need.title != "x"  # the card's name again


def test_a_json_file_that_is_no_board_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"cards": 3}')
    with pytest.raises(ValidationError) as caught:
        read(path)
    assert caught.value.message.msg_id == "exchange.not_trello"
    with pytest.raises(ValidationError):
        read(EXCHANGE / "README.md", "jira")


# ----- importing ------------------------------------------------------------------------


def test_jira_import_puts_every_field_in_its_place(session: Session) -> None:
    result = run(session, JIRA_EN)
    assert (result.created, result.projects_created) == (4, 1)
    needs = by_ref(session)
    story = needs["ERP-11"]
    assert story.column.name == "En cours"  # "In Progress", a tracker's usual status
    assert story.points == 5 and story.requester == "Paul Durand"
    assert story.assignee is not None and story.assignee.name == "Léa Moreau"
    assert story.sprint is not None and story.sprint.name == "ERP Sprint 13"
    closed = session.scalars(select(Sprint).where(Sprint.name == "ERP Sprint 12")).one()
    assert closed.state == "closed"
    assert needs["ERP-13"].column.name == "Terminé"
    # no description: the need waits in the first column, whatever its status
    first = session.scalars(select(BoardColumn).order_by(BoardColumn.position)).first()
    assert first is not None and needs["ERP-12"].column_id == first.id
    parents = set(session.execute(select(NeedLink.source_id, NeedLink.target_id)))
    assert parents == {
        (needs["ERP-10"].id, needs["ERP-11"].id),
        (needs["ERP-10"].id, needs["ERP-12"].id),
    }
    comments = session.scalars(
        select(NeedComment).where(NeedComment.need_id == story.id).order_by(NeedComment.id)
    ).all()
    assert [(c.author_name, c.created_at) for c in comments] == [
        ("Claire Martin", datetime(2025, 9, 15, 18, 42)),
        ("Léa Moreau", datetime(2025, 9, 16, 9, 5)),
    ]
    assert sorted(t.name for t in needs["ERP-10"].tags) == ["finance", "réglementaire"]


def test_jira_french_import(session: Session) -> None:
    run(session, JIRA_FR)
    needs = by_ref(session)
    assert needs["RH-2"].column.name == "À coter"  # "À faire": not started, not scored
    assert needs["RH-2"].key == "RH-2" or needs["RH-2"].project.code == "RH"
    assert session.scalar(select(func.count()).select_from(Person)) == 2


def test_a_reimport_updates_and_never_duplicates(session: Session, tmp_path: Path) -> None:
    run(session, JIRA_EN)
    run(session, TRELLO, "WEB")
    counts = (
        session.scalar(select(func.count()).select_from(Need)),
        session.scalar(select(func.count()).select_from(NeedComment)),
        session.scalar(select(func.count()).select_from(NeedLink)),
    )
    again = run(session, JIRA_EN)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert run(session, TRELLO, "WEB").created == 0
    edited = tmp_path / "edited.csv"
    text = JIRA_EN.read_text(encoding="utf-8").replace("Relancer automatiquement", "Relancer")
    edited.write_text(text, encoding="utf-8")
    result = run(session, edited)
    assert (result.created, result.updated) == (0, 1)
    assert by_ref(session)["ERP-12"].title == "Relancer les impayés"
    assert (
        session.scalar(select(func.count()).select_from(Need)),
        session.scalar(select(func.count()).select_from(NeedComment)),
        session.scalar(select(func.count()).select_from(NeedLink)),
    ) == counts


def test_trello_import_and_its_summary(session: Session) -> None:
    result = run(session, TRELLO, "WEB")
    assert result.summary().render("en") == (
        "Import done: 3 needs created, 0 updated, 0 skipped as unchanged, "
        "2 archived cards left out, 1 need without a description kept in the first column "
        "to be qualified, 1 project created (WEB)."
    )
    assert result.summary().render("fr") == (
        "Import terminé\u00a0: 3 besoins créés, 0 mis à jour, 0 ignoré car inchangé, "
        "2 cartes archivées laissées de côté, 1 besoin sans description gardé dans la "
        "première colonne pour être qualifié, 1 projet créé (WEB)."
    )
    # Its list was "En cours": the card waits in the first column, to be qualified.
    assert by_ref(session)["https://trello.com/c/AbCd0002"].column.name == "À qualifier"
    names = set(session.scalars(select(Person.name)))
    assert names == {"Tom Weber", "Nadia Haddad"}  # the card's members, both
    card = by_ref(session)["https://trello.com/c/AbCd0001"]
    assert card.column.name == "En cours"
    assert card.acceptance.startswith("[x] Statut visible")
    assert card.assignee is not None and card.assignee.name == "Tom Weber"


def test_the_preview_writes_nothing_and_the_import_is_one_change(session: Session) -> None:
    assert run(session, JIRA_EN, dry=True).created == 4
    assert session.scalar(select(func.count()).select_from(Need)) == 0
    change = act(session, lambda s: run(s, JIRA_EN))
    assert session.scalar(select(func.count()).select_from(Need)) == 4
    undo(session, change)
    for model in (Need, NeedComment, NeedLink, Person, Sprint):
        assert session.scalar(select(func.count()).select_from(model)) == 0


def test_the_status_mapping_wins(session: Session) -> None:
    column = session.scalars(select(BoardColumn).where(BoardColumn.name == "En revue")).one()
    with open_needs(JIRA_EN) as table:
        options = ImportOptions(statuses={"in progress": column.id})
        import_needs(session, records(table), options)
    assert by_ref(session)["ERP-11"].column.name == "En revue"


def test_hostile_texts_come_through_as_they_are(session: Session, tmp_path: Path) -> None:
    corpus = hostile_text()
    samples = [
        s
        for s in corpus.CORPUS
        if s.strip() and len(s) < 250 and s.isprintable() and s == s.strip() and "\n" not in s
    ][:60]
    header = ["Summary", "Issue key", "Issue Type", "Status", "Project key", "Description"]
    header += ["Labels", "Comment", "Assignee"]
    path = tmp_path / "hostile.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for number, text in enumerate(samples, 1):
            writer.writerow(
                [
                    text,
                    f"HOS-{number}",
                    "Story",
                    "To Do",
                    "HOS",
                    text,
                    "",
                    f"1/Jan/25 1:00 PM;x;{text}",
                    "",
                ]
            )
    run(session, path)
    needs = by_ref(session)
    for number, text in enumerate(samples, 1):
        need = needs[f"HOS-{number}"]
        assert need.title == text and need.problem == text
    board = {
        "name": "<b>x</b>",
        "lists": [{"id": "l", "name": "=1+1", "closed": False}],
        "cards": [
            {"id": f"c{n}", "name": t, "desc": t, "idList": "l", "closed": False, "url": f"u{n}"}
            for n, t in enumerate(samples)
        ],
    }
    trello = tmp_path / "board.json"
    trello.write_text(json.dumps(board), encoding="utf-8")
    run(session, trello, "HOT")
    needs = by_ref(session)
    for number, text in enumerate(samples):
        assert needs[f"u{number}"].title == text


def test_an_issue_twice_in_a_file_is_refused_and_a_long_reference_found_again(
    session: Session, tmp_path: Path
) -> None:
    twice = tmp_path / "twice.csv"
    twice.write_text(
        "Summary,Issue key,Issue Type,Project key,Description\n"
        "A,ERP-1,Story,ERP,x\nB,ERP-1,Story,ERP,y\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        run(session, twice)
    assert "ERP-1" in caught.value.message.render("en")
    assert "line 3" in caught.value.message.render("en").lower()
    assert session.scalar(select(func.count()).select_from(Need)) == 0
    long_url = "https://trello.com/c/" + "x" * 400
    board = {
        "lists": [{"id": "l", "name": "En cours", "closed": False}],
        "cards": [{"id": "c", "name": "Carte", "desc": "d", "idList": "l", "url": long_url}],
    }
    path = tmp_path / "long.json"
    path.write_text(json.dumps(board), encoding="utf-8")
    assert run(session, path, "WEB").created == 1
    assert run(session, path, "WEB").unchanged == 1
