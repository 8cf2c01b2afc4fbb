"""CSV import/export of needs: what a product owner sees when files go to Excel and back."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.import_rows import watch
from helpers.undo import need_state
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from po_desktop.domain.formulas import neutralise, restore
from po_desktop.io.csv_needs import open_csv, read_needs_csv, write_needs_csv
from po_desktop.io.needs_table import records
from po_desktop.store import files, identity
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import PoDesktopError, ValidationError
from po_desktop.store.models import BoardColumn, Need, NeedEvent, Person, Project, Sprint
from po_desktop.store.services import needs as need_service
from po_desktop.store.services import people
from po_desktop.store.services.import_types import ImportResult, NeedRecord
from po_desktop.store.services.importing import import_needs
from po_desktop.store.services.projects import ProjectInput, create_project

AWKWARD = [
    'Il a dit "bonjour" ; puis, il est parti',
    "ligne 1\nligne 2\r\nligne 3",
    "<b>R&D</b> été à Noël — ça coûte 10 €",
    "🚀 fusée 👩‍💻",
    '=HYPERLINK("x")',
    "+33 6 12 34 56 78",
    "-",
    "'quoted'",
    "\tindenté",
    "@mention",
    "'=déjà protégé",
    "''deux apostrophes",
    "  espaces autour  ",
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PO_DESKTOP_HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.fixture
def db(home: Path) -> Iterator[Database]:
    database = open_database(home / "t.podb")
    yield database
    database.close()


@pytest.fixture
def other_db(home: Path) -> Iterator[Database]:
    database = open_database(home / "other.podb")
    yield database
    database.close()


def add_sprint(database: Database, name: str = "Sprint 12") -> None:
    with database.session() as session, session.begin():
        session.add(Sprint(name=name, start_date=date(2025, 3, 3), end_date=date(2025, 3, 14)))


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def count(database: Database, model: type) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def run_import(database: Database, path: Path, *, batches: bool = False) -> ImportResult:
    """The file imported as the window and the command line import it (``batches``: its
    rows a batch of columns at a time), or from its records read first."""
    with database.session() as session:
        if not batches:
            return import_needs(session, read_needs_csv(path))
        with open_csv(path) as table:
            return import_needs(session, records(table))


def export(database: Database, path: Path, **kwargs: object) -> int:
    with database.session() as session:
        return write_needs_csv(session, path, **kwargs)  # type: ignore[arg-type]


def need(session: Session, key: str) -> Need:
    return need_service.find_need(session, key)


def import_error(database: Database, path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        run_import(database, path)
    return info.value


def seed_awkward(database: Database) -> None:
    """Needs whose every text field is a string that CSV or Excel tends to mangle."""
    add_sprint(database)
    with database.session() as session:
        erp = create_project(session, ProjectInput(code="ERP", name="Progiciel"))
        crm = create_project(session, ProjectInput(code="CRM", name="Relation client"))
        columns = list(session.scalars(select(BoardColumn).order_by(BoardColumn.position)))
        sprint_id = session.scalar(select(Sprint.id))
        for index, text in enumerate(AWKWARD):
            need_service.create_need(
                session,
                need_service.NeedInput(
                    title=text.strip() or "x",
                    problem=text,
                    solution=f"sol {text}",
                    requester=text.strip(),
                    source=["rnd", "customer", "team", "other"][index % 4],
                    business_unit=text.strip()[:80],
                    technical=index % 2 == 0,
                    project_id=(erp if index % 3 else crm).id,
                    column_id=columns[index % len(columns)].id,
                    points=[None, 3.0, 0.5, 13.0, 2.5][index % 5],
                    sprint_id=sprint_id if index % 2 else None,
                    tags=["Été", "r&d", "=x"] if index % 2 else [],
                    acceptance=text,
                ),
            )


@pytest.mark.parametrize("batches", [False, True], ids=["records", "batches"])
def test_round_trip_is_byte_identical_in_fresh_and_same_database(
    db: Database, other_db: Database, home: Path, batches: bool
) -> None:
    seed_awkward(db)
    first = home / "export.csv"
    assert export(db, first, lang="fr") == len(AWKWARD)
    raw = first.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    assert (
        raw.split(b"\r\n", 1)[0]
        == codecs.BOM_UTF8
        + (
            "Clé;Titre;Défi à relever;Solution envisagée;Demandeur;Origine;Métier;Technique;"
            "Projet;Statut;Points;Sprint;Responsable;Étiquettes;Critères d'acceptation;"
            "Référence externe"
        ).encode()
    )
    assert b"'=HYPERLINK" in raw and b"'+33" in raw and b";'-;" in raw
    assert "''=déjà".encode() in raw  # an apostrophe before a formula gets its own

    add_sprint(other_db)
    result = run_import(other_db, first, batches=batches)
    assert (result.created, result.updated, result.projects_created) == (len(AWKWARD), 0, 2)
    second = home / "again.csv"
    export(other_db, second, lang="fr")
    assert second.read_bytes() == raw

    with db.session() as source, other_db.session() as copy:
        for original in source.scalars(select(Need)):
            imported = need(copy, original.key)
            for name in ("title", "problem", "solution", "requester", "acceptance", "points"):
                assert getattr(imported, name) == getattr(original, name), name
            assert imported.tag_names == original.tag_names

    result = run_import(db, first, batches=batches)
    assert (result.created, result.updated, result.unchanged) == (0, 0, len(AWKWARD))
    third = home / "third.csv"
    export(db, third, lang="fr")
    assert third.read_bytes() == raw


@pytest.mark.parametrize("batches", [False, True], ids=["records", "batches"])
def test_assignees_go_out_and_come_back(
    db: Database, other_db: Database, home: Path, batches: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export names each need's assignee (« Responsable »): imported where that
    person is missing, the person is created; where the person is, the need is assigned
    (a batch of columns too); an export imported into its own workspace changes nothing."""
    with db.session() as session:
        erp = create_project(session, ProjectInput("ERP", "Déploiement ERP"))
        lea = people.create_person(session, people.PersonInput("Léa Dubois")).id
        for title, assignee in (("Relances", lea), ("Paie", None)):
            need_service.create_need(
                session, need_service.NeedInput(title, "Défi", erp.id, assignee_id=assignee)
            )
    path = home / "besoins.csv"
    export(db, path, lang="fr")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    at = header.index("Responsable")
    assert [line.split(";")[at] for line in lines[1:]] == ["Léa Dubois", ""]
    taken = watch(monkeypatch, "new_needs_read" if batches else "new_needs")
    result = run_import(other_db, path, batches=batches)  # nobody there: Léa is created
    assert result.created == 2 and taken == [False]  # (by the row path)
    with other_db.session() as session:
        relances = need(session, "ERP-1")
        assert relances.assignee is not None and relances.assignee.name == "Léa Dubois"
        assert need(session, "ERP-2").assignee is None
    assert run_import(db, path, batches=batches).unchanged == 2
    with other_db.session() as session:  # Léa known there now: the batch path assigns
        session.execute(delete(Need))
        session.commit()
    assert run_import(other_db, path, batches=batches).created == 2
    assert taken[-1]  # a batch of columns (of records) assigns too
    with other_db.session() as session:
        assert need(session, "ERP-1").assignee.name == "Léa Dubois"  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Person)) == 1


def test_every_text_survives_neutralise_then_restore() -> None:
    for text in [*AWKWARD, "", "'", "''", "'''", "=", "'=", "''=", "\r", "'\t", "a'=b"]:
        assert restore(neutralise(text)) == text
        assert neutralise(text)[:1] not in {"=", "+", "-", "@", "\t", "\r"}


def test_hand_made_cp1252_semicolon_file_with_french_headers(db: Database, home: Path) -> None:
    path = write(
        home / "excel.csv",
        "Clé;Libellé;Défi à relever;Projet;Statut;Origine;Technique;Points;Étiquettes\r\n"
        ";Écran de saisie;Les équipes ressaisissent tout à la main;fin;À coter;équipe;"
        "non;3,5;Été, coût\r\n",
        "cp1252",
    )
    result = run_import(db, path)
    assert (result.created, result.projects_created) == (1, 1)
    with db.session() as session:
        created = need(session, "FIN-1")
        assert created.title == "Écran de saisie"
        assert created.problem == "Les équipes ressaisissent tout à la main"
        assert created.column.name == "À coter"
        assert (created.source, created.technical, created.points) == ("team", False, 3.5)
        assert sorted(created.tag_names) == ["coût", "Été"]
        project = session.scalar(select(Project).where(Project.code == "FIN"))
        assert project is not None and (project.name, project.kind) == ("FIN", "external")


def test_utf8_bom_with_comma_separator_and_labels(db: Database, home: Path) -> None:
    add_sprint(db)
    text = (
        " KEY , Title,problem,PROJECT,status,sprint,source,technical\n"
        ',"Besoin, avec virgule",Défi,erp,prêt,sprint 12,R&D,oui\n'
        "\n"
        ",Second,Défi,ERP,,,client,\n"
    )
    path = home / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    result = run_import(db, path)
    assert result.created == 2
    with db.session() as session:
        first, second = need(session, "ERP-1"), need(session, "ERP-2")
        assert first.title == "Besoin, avec virgule"
        assert first.column.name == "Prêt" and first.sprint is not None
        assert (first.source, first.technical) == ("rnd", True)
        assert second.column.name == "À qualifier" and second.sprint is None
        assert (second.source, second.technical, second.points) == ("customer", True, None)


def test_headers_columns_sprints_and_sources_typed_without_accents(
    db: Database, home: Path
) -> None:
    """What a spreadsheet typed on a keyboard without accents (or in capitals) gives."""
    add_sprint(db, "Sprint Été")
    path = write(
        home / "plain.csv",
        "CLE;LIBELLE;DEFI A RELEVER;PROJET;STATUT;SPRINT;ORIGINE;ETIQUETTES;"
        "Critères d’acceptation\n"
        ";Ecran de saisie;Tout ressaisir;erp;A COTER;sprint ete;EQUIPE INTERNE;ete;OK\n"
        ";Second;Défi;ÉRP;pret;SPRINT ÉTÉ;Équipe;;\n",
    )
    result = run_import(db, path)
    assert (result.created, result.projects_created) == (2, 1)
    with db.session() as session:
        for key, column in (("ERP-1", "À coter"), ("ERP-2", "Prêt")):
            created = need(session, key)
            assert created.column.name == column
            assert created.sprint is not None and created.sprint.name == "Sprint Été"
            assert created.source == "team"
        assert need(session, "ERP-1").acceptance == "OK"


def test_a_sprint_name_that_folds_like_two_sprints_is_refused(db: Database, home: Path) -> None:
    add_sprint(db, "Sprint Été")
    with db.session() as session, session.begin():
        session.add(
            Sprint(name="Sprint Ete", start_date=date(2025, 4, 7), end_date=date(2025, 4, 18))
        )
    path = write(
        home / "two.csv",
        "key;title;problem;project;sprint\n;A;Défi;ERP;Sprint Été\n;B;Défi;ERP;sprint éte\n",
    )
    assert import_error(db, path).render("en") == (
        "Line 3: “sprint éte” matches more than one name: “Sprint Été”, “Sprint Ete”. "
        "Type the exact name, accents included. Nothing was imported."
    )
    assert count(db, Need) == 0


def test_one_bad_row_imports_nothing(db: Database, home: Path) -> None:
    path = write(
        home / "bad.csv",
        "key;title;problem;project;points\n;Bon;Défi;NEW;3\n;Mauvais;Défi;NEW;abc\n",
    )
    error = import_error(db, path)
    assert error.message.msg_id == "csv.row"
    assert error.render("fr") == (
        "Ligne 3\u00a0: «\u00a0abc\u00a0» n'est pas un nombre valide pour "
        "«\u00a0Points\u00a0». Rien n'a été importé."
    )
    assert error.render("en") == (
        "Line 3: “abc” is not a valid number for “Story points”. Nothing was imported."
    )
    assert error.field == "points"
    assert count(db, Need) == 0
    assert count(db, Project) == 0
    assert count(db, NeedEvent) == 0


def test_failure_after_a_full_batch_rolls_back_the_batch(
    db: Database, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("po_desktop.store.services.importing.BATCH_SIZE", 2)
    rows = "".join(f";Besoin {i};Défi;ERP\n" for i in range(5))
    path = write(home / "batch.csv", f"key;title;problem;project\n{rows};;Défi;ERP\n")
    error = import_error(db, path)
    assert "Ligne 7" in error.render("fr") and "Titre" in error.render("fr")
    assert count(db, Need) == 0 and count(db, Project) == 0


def test_error_line_is_where_the_record_starts_after_multiline_fields(
    db: Database, home: Path
) -> None:
    path = write(
        home / "multi.csv",
        'key;title;problem;project\n;A;"une\ndeux\r\ntrois";ERP\n\n;B;Défi;erp;en trop\n',
    )
    error = import_error(db, path)
    assert error.render("en") == "Line 6: 5 values instead of 4. Nothing was imported."


def test_missing_columns_are_named(db: Database, home: Path) -> None:
    """By the headers the export writes in the reader's language, not the columns' ids."""
    path = write(home / "cols.csv", "key;title;status\n;A;Prêt\n")
    with pytest.raises(ValidationError) as info:
        read_needs_csv(path)
    assert info.value.message.params["problem"].msg_id == "csv.missing_columns"
    assert info.value.render("fr").startswith(
        "Ligne 1\u00a0: Colonnes manquantes dans l'en-tête\u00a0: Défi à relever, Projet."
    )


def test_unknown_and_duplicate_columns_are_refused(home: Path) -> None:
    path = write(home / "cols.csv", "key;title;problem;project;couleur\n")
    with pytest.raises(ValidationError, match="couleur"):
        read_needs_csv(path)
    path = write(home / "dup.csv", "key;title;problem;project;Titre\n")
    with pytest.raises(ValidationError) as info:
        read_needs_csv(path)
    assert info.value.message.params["problem"].msg_id == "csv.duplicate_columns"


def test_unknown_status_lists_the_board_columns(db: Database, home: Path) -> None:
    path = write(home / "status.csv", "key;title;problem;project;status\n;A;Défi;ERP;Fini\n")
    text = import_error(db, path).render("fr")
    assert text.startswith(
        "Ligne 2\u00a0: Valeur «\u00a0Fini\u00a0» invalide pour «\u00a0Statut\u00a0»"
    )
    assert "À qualifier, À coter, Prêt, En cours, En revue, Terminé" in text


def test_unknown_sprint_and_source(db: Database, home: Path) -> None:
    path = write(home / "s.csv", "key;title;problem;project;sprint\n;A;Défi;ERP;Sprint 99\n")
    assert import_error(db, path).render("en").startswith("Line 2: Sprint not found: Sprint 99.")
    path = write(home / "o.csv", "key;title;problem;project;source\n;A;Défi;ERP;presse\n")
    # The sources as the file's readers write them (the export's words), not their ids.
    error = import_error(db, path)
    assert "expected one of: R&D, customer, internal team, other." in error.render("en")
    assert "valeurs possibles\u00a0: R&D, client, équipe interne, autre." in error.render("fr")


def test_duplicate_key_in_file(db: Database, home: Path) -> None:
    path = write(
        home / "dup.csv", "key;title;problem;project\nERP-4;A;Défi;ERP\nerp-4;B;Défi;ERP\n"
    )
    assert import_error(db, path).render("fr") == (
        "Ligne 3\u00a0: la clé ERP-4 apparaît deux fois dans le fichier. Rien n'a été importé."
    )
    assert count(db, Need) == 0


def test_key_must_belong_to_the_project_column(db: Database, home: Path) -> None:
    path = write(home / "k.csv", "key;title;problem;project\nCRM-1;A;Défi;ERP\n")
    assert import_error(db, path).render("en") == (
        "Line 2: The key CRM-1 does not belong to project ERP. Nothing was imported."
    )
    path = write(home / "k2.csv", "key;title;problem;project\nERP-x;A;Défi;ERP\n")
    assert "ERP-x" in import_error(db, path).render("en")


def test_bad_row_length(db: Database, home: Path) -> None:
    path = write(home / "len.csv", "key;title;problem;project\n;A;Défi\n")
    error = import_error(db, path)
    assert error.render("fr") == "Ligne 2\u00a0: 3 valeurs au lieu de 4. Rien n'a été importé."


def test_empty_files(home: Path) -> None:
    for name, content in [("a.csv", b""), ("b.csv", codecs.BOM_UTF8), ("c.csv", b"\r\n \n")]:
        path = home / name
        path.write_bytes(content)
        with pytest.raises(ValidationError) as info:
            read_needs_csv(path)
        assert info.value.message.msg_id == "csv.empty"
        assert name in info.value.render("en")


def test_header_only_and_blank_rows_import_nothing(db: Database, home: Path) -> None:
    path = write(home / "h.csv", "key;title;problem;project\n;;;\n\n")
    assert read_needs_csv(path) == []
    assert run_import(db, path) == ImportResult()
    path = write(home / "seps.csv", ";;;\n;;;\n")
    with pytest.raises(ValidationError, match="empty"):
        read_needs_csv(path)


def test_excel_trailing_separators_are_ignored(db: Database, home: Path) -> None:
    path = write(home / "t.csv", "key;title;problem;project;\r\n;A;D;ERP;\r\n;;;;\r\n;B;D;ERP;\r\n")
    records = read_needs_csv(path)
    assert [(r.title, r.line) for r in records] == [("A", 2), ("B", 4)]
    assert records[0].status is None  # absent column, not an empty value
    assert run_import(db, path).created == 2


def test_records_without_line_are_numbered_from_first_line(db: Database) -> None:
    records = [NeedRecord(title="A", problem="D", project="ERP"), NeedRecord(problem="D")]
    with db.session() as session, pytest.raises(ValidationError) as info:
        import_needs(session, records, first_line=10)
    assert info.value.render("en").startswith("Line 11: The field “Project” is required.")


def test_undecodable_and_malformed_files(home: Path) -> None:
    path = home / "bin.csv"
    path.write_bytes(b"key;title;problem;project\n;\x81\x8d;x;ERP\n")
    with pytest.raises(ValidationError) as info:
        read_needs_csv(path)
    assert info.value.message.msg_id == "csv.encoding"
    path = write(home / "bad.csv", 'key;title;problem;project\n;"A"B;x;ERP\n')
    with pytest.raises(ValidationError) as info:
        read_needs_csv(path)
    assert info.value.message.msg_id == "csv.malformed"
    assert info.value.message.params["line"] == 2


def test_updates_existing_keys_and_records_events(db: Database, home: Path) -> None:
    add_sprint(db)
    path = write(
        home / "v1.csv",
        "key;title;problem;project;status;points;tags;requester\n"
        ";Premier;Défi;ERP;À qualifier;2;a;Alice\n;Second;Défi;ERP;À qualifier;;;Bob\n",
    )
    assert run_import(db, path).created == 2
    path = write(
        home / "v2.csv",
        "key;title;problem;project;status;points;sprint;tags\n"
        "ERP-1;Premier modifié;Défi;ERP;En cours;5;Sprint 12;b, a\n"
        "ERP-2;Second;Défi;ERP;;;;\n"
        ";Troisième;Défi;ERP;;;;\n"
        "ERP-7;Septième;Défi;ERP;;;;\n",
    )
    result = run_import(db, path)
    assert (result.created, result.updated, result.unchanged) == (2, 1, 1)
    with db.session() as session:
        first = need(session, "ERP-1")
        assert (first.title, first.column.name, first.points) == ("Premier modifié", "En cours", 5)
        assert first.requester == "Alice"  # no requester column in v2: kept
        assert first.tag_names == ["a", "b"]
        assert [e.field for e in first.events] == [
            "created",
            "points",
            "sprint",
            "points",
            "column",
        ]
        # The keyless row takes a number after every key the file names.
        assert need(session, "ERP-8").title == "Troisième"
        assert need(session, "ERP-7").title == "Septième"
        project = session.scalar(select(Project).where(Project.code == "ERP"))
        assert project is not None and project.next_number == 9
    path = write(home / "v3.csv", "key;title;problem;project;status\nERP-1;Premier;Défi;ERP;\n")
    assert run_import(db, path).updated == 1
    with db.session() as session:
        # A blank status leaves the need in its column rather than back to the first one.
        assert need(session, "ERP-1").column.name == "En cours"


def test_batch_creation_matches_create_need(db: Database) -> None:
    """The import's fast path must store exactly what the create_need service stores,
    history events included: who made them, and when (the need's creation)."""
    add_sprint(db)
    with db.session() as session:
        identity.sign_in(session, identity.Author(None, "Camille Martin"))
        project = create_project(session, ProjectInput(code="ERP", name="ERP"))
        done = session.scalar(select(BoardColumn.id).where(BoardColumn.is_done))
        sprint_id = session.scalar(select(Sprint.id))
        need_service.create_need(
            session,
            need_service.NeedInput(
                title="Pareil",
                problem="Défi",
                project_id=project.id,
                solution="S",
                requester="R",
                source="customer",
                business_unit="Achats",
                technical=False,
                column_id=done,
                points=2.5,
                sprint_id=sprint_id,
                tags=["b", "A"],
                acceptance="OK",
            ),
        )
        import_needs(
            session,
            [
                NeedRecord(
                    title="Pareil",
                    problem="Défi",
                    project="ERP",
                    solution="S",
                    requester="R",
                    source="client",
                    business_unit="Achats",
                    technical="non",
                    status="Terminé",
                    points="2,5",
                    sprint="Sprint 12",
                    tags="b, A",
                    acceptance="OK",
                )
            ],
        )
        session.commit()
        by_service, by_import = (
            need_state(session, need(session, key).id) for key in ("ERP-1", "ERP-2")
        )
    assert by_service is not None and by_import is not None
    volatile = {"id", "number", "rank", "created_at", "updated_at", "done_at", "column_since"}
    assert {k: v for k, v in by_service.row.items() if k not in volatile} == {
        k: v for k, v in by_import.row.items() if k not in volatile
    }
    assert by_import.row["rank"] > by_service.row["rank"]
    assert by_import.row["done_at"] is not None
    assert by_import.row["column_since"] == by_import.row["created_at"]
    assert by_service.tags == by_import.tags
    event_fields = ("field", "old_value", "new_value", "author_id", "author_name")
    assert [tuple(e[f] for f in event_fields) for e in by_service.events] == [
        tuple(e[f] for f in event_fields) for e in by_import.events
    ]
    assert by_import.events[0]["author_name"] == "Camille Martin"
    assert {e["at"] for e in by_import.events} == {by_import.row["created_at"]}


def test_export_one_project_with_comma(db: Database, home: Path) -> None:
    seed_awkward(db)
    path = home / "crm.csv"
    written = export(db, path, delimiter=",", project="crm")
    records = read_needs_csv(path)
    assert len(records) == written == sum(1 for i in range(len(AWKWARD)) if i % 3 == 0)
    assert {r.project for r in records} == {"CRM"}
    with pytest.raises(PoDesktopError) as info:
        export(db, home / "none.csv", project="XYZ")
    assert info.value.message.msg_id == "project.not_found"
    assert not (home / "none.csv").exists()


def test_failed_export_keeps_the_previous_file(
    db: Database, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_awkward(db)
    path = write(home / "out.csv", "ancien contenu")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(PoDesktopError) as info:
        export(db, path)
    assert info.value.render("fr").endswith(
        "out.csv\u00a0: le disque est plein. Un fichier existant à ce nom est resté tel quel."
    )
    assert path.read_text() == "ancien contenu"
    assert sorted(p.name for p in home.iterdir() if p.suffix == ".tmp") == []


def test_points_are_written_without_trailing_zero(db: Database, home: Path) -> None:
    path = write(
        home / "p.csv", "key;title;problem;project;points\n;A;D;ERP;3\n;B;D;ERP;0,5\n;C;D;ERP;\n"
    )
    run_import(db, path)
    out = home / "out.csv"
    export(db, out)
    points = [r.points for r in read_needs_csv(out)]
    assert points == ["3", "0,5", ""]  # a French spreadsheet reads "0,5" as a number
    export(db, out, delimiter=",")
    assert [r.points for r in read_needs_csv(out)] == ["3", "0.5", ""]
