"""Real trackers' exports found in public repositories (their origin in
``tests/fixtures/exchange/README.md``), and what they taught the import: Jira Server's
24-hour dates, multi-line descriptions, a Trello card without description, members or
comments; French column names and statuses seen in a French Jira export; Jira Cloud's
``Parent`` (an issue id) beside ``Parent key``; and the sprints an export names, created
with the dates their issues suggest and listed for the user to check."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from helpers.workspace import FIXTURES
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.io.jira_needs import parse_date
from po_desktop.io.needs_files import detect_format, open_needs
from po_desktop.io.needs_table import default_mapping, records
from po_desktop.store.models import (
    BoardColumn,
    Need,
    NeedComment,
    NeedEvent,
    NeedLink,
    Person,
    Sprint,
    utcnow,
)
from po_desktop.store.services.import_types import ImportOptions, ImportResult, NeedRecord
from po_desktop.store.services.importing import import_needs, preview_import
from po_desktop.store.services.sprints import SprintInput, create_sprint

EXCHANGE = FIXTURES / "exchange"
POINZ = EXCHANGE / "jira-server-poinz-en.csv"
DECK = EXCHANGE / "trello-deck-board.json"
TRELLO = EXCHANGE / "trello-board.json"
JIRA_EN = EXCHANGE / "jira-cloud-all-fields-en.csv"


def read(path: Path) -> list[NeedRecord]:
    with open_needs(path) as table:
        return list(records(table, default_mapping(table.header, optional=("project",))))


def run(session: Session, path: Path, project: str = "", *, dry: bool = False) -> ImportResult:
    with open_needs(path) as table:
        mapping = default_mapping(table.header, optional=("project",))
        action = preview_import if dry else import_needs
        result = action(session, records(table, mapping), ImportOptions(default_project=project))
        result.set_aside = table.set_aside
    return result


def by_ref(session: Session) -> dict[str, Need]:
    return {need.external_ref: need for need in session.scalars(select(Need))}


def first_column(session: Session) -> BoardColumn:
    column = session.scalars(select(BoardColumn).order_by(BoardColumn.position)).first()
    assert column is not None
    return column


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


# ----- Jira Server, English, from Poinz's tests ----------------------------------------


def test_a_real_jira_server_export_reads_as_it_was_written() -> None:
    with open_needs(POINZ) as table:
        assert table.format == "jira"
    assert parse_date("25/Jun/20 12:44") == datetime(2020, 6, 25, 12, 44)  # 24-hour clock
    found = {r.external_ref: r for r in read(POINZ)}
    assert list(found) == ["SMRGR-6275", "SMRGR-3672", "SMRGR-2643", "SMRGR-2151"]
    assert found["SMRGR-2643"].title == "timezone from AWST to HKT/SGT"  # its trailing space
    multi = found["SMRGR-2151"].problem
    assert multi.startswith("Use cases:\n * sssss") and multi.endswith("\n\nDsfh")
    assert found["SMRGR-2151"].line == 16  # where the row starts, after 12 lines of text
    assert {(r.project, r.status, r.requester) for r in found.values()} == {
        ("SMRGR", "Open", "set@zuehlke.com")
    }


def test_a_real_jira_server_export_imports_once(session: Session) -> None:
    result = run(session, POINZ)
    assert (result.created, result.updated, result.skipped) == (4, 0, 0)
    assert (result.projects_created, result.sprints_created) == (1, [])
    needs = by_ref(session)
    assert needs["SMRGR-6275"].title == "Something something Summary"
    assert needs["SMRGR-3672"].column.name == "À qualifier"  # "Open"
    assert needs["SMRGR-2643"].problem.count("\n") == 11
    assert needs["SMRGR-2643"].key.startswith("SMRGR-")
    assert result.summary().render("en") == (
        "Import done: 4 needs created, 0 updated, 0 skipped as unchanged, "
        "1 project created (SMRGR)."
    )
    again = run(session, POINZ)
    assert (again.created, again.updated, again.skipped) == (0, 0, 4)
    assert count(session, Need) == 4


# ----- Trello, from Nextcloud Deck's tests ----------------------------------------------


def test_a_real_trello_export_imports_its_open_card(session: Session) -> None:
    assert detect_format(DECK) == "trello"
    (card,) = read(DECK)
    assert (card.title, card.external_ref) == (
        "Name Card 7",
        "https://trello.com/c/fakeshortlinkcard7",
    )
    # no description, no member any more (removed), no label on the card, no checklist;
    # its actions are member changes and creations, no comment
    assert (card.problem, card.tags, card.acceptance, card.assignee) == ("", "", "", None)
    assert card.comments == ()
    result = run(session, DECK, "DECK")
    assert (result.created, result.set_aside) == (1, 0)
    need = by_ref(session)["https://trello.com/c/fakeshortlinkcard7"]
    assert need.column_id == first_column(session).id  # waits to be qualified
    assert (count(session, Person), count(session, NeedComment)) == (0, 0)
    assert run(session, DECK, "DECK").skipped == 1
    assert count(session, Need) == 1


def test_needs_from_a_tracker_were_asked_for_when_their_items_were_created(
    session: Session,
) -> None:
    """A decision letter answers the request of the day it was made, and the dossier
    says since when a need waits: the item's creation in Jira or Trello, not the day of
    the import (the times Jira writes are the exporting user's, taken as this machine's)."""
    before = utcnow() - timedelta(minutes=1)
    run(session, POINZ)
    run(session, DECK, "DECK")
    run(session, TRELLO, "WEB")
    needs = by_ref(session)
    jira = needs["SMRGR-6275"]
    assert jira.created_at == datetime(2020, 6, 25, 12, 44).astimezone(UTC).replace(tzinfo=None)
    assert jira.updated_at >= before and jira.column_since >= before  # imported today
    # Trello: the board's "createCard" action, else the second its card id begins with
    assert needs["https://trello.com/c/fakeshortlinkcard7"].created_at == datetime(
        2017, 9, 15, 16, 14, 3, 187000
    )
    by_title = {need.title: need for need in needs.values()}
    assert by_title["Suivre ma commande en ligne"].created_at == datetime(2025, 9, 1, 8, 0)
    assert by_title["Paiement en 3 fois"].created_at == datetime(2024, 8, 30, 17, 23, 12)
    # Its history, the board's, starts with the import: in its column since then.
    query = select(NeedEvent.at).where(NeedEvent.field == "created")
    assert all(at >= before for at in session.scalars(query))


# ----- what a French Jira and Jira Cloud write ------------------------------------------


def test_french_names_and_statuses_of_a_french_jira(session: Session, tmp_path: Path) -> None:
    """ "ID de rapporteur" and the status "Terminé(e)" as a French Jira writes them."""
    path = tmp_path / "jira-fr.csv"
    path.write_text(
        "Clé de ticket,Résumé,Rapporteur,ID de rapporteur,État,Description,Commentaire\n"
        "OBCS-1,Export des relevés,Awa Koné,712020:aa,Terminé(e),Les relevés manquent.,"
        '"03/déc./25 10:00;712020:aa;Vu avec le client."\n',
        encoding="utf-8",
    )
    run(session, path)
    need = by_ref(session)["OBCS-1"]
    assert need.column.name == "Terminé"
    (comment,) = session.scalars(select(NeedComment)).all()
    assert (comment.author_name, comment.created_at.date()) == ("Awa Koné", date(2025, 12, 3))


def test_the_parent_key_wins_over_the_parent_id(session: Session, tmp_path: Path) -> None:
    """Jira Cloud writes the parent's issue id in "Parent", its key in "Parent key"."""
    path = tmp_path / "cloud.csv"
    path.write_text(
        "Summary,Issue key,Issue id,Issue Type,Description,Custom field (Story Points),"
        "Parent,Parent key,Parent summary\n"
        "Epic,DI-86,43403,Epic,Support,,,,\n"
        "Bug,DI-127,46025,Bug,A date picker shows the time,4.0,43403,DI-86,Support\n"
        "Task,DI-78,43191,Task,An epic not exported,20.0,33736,DI-11,Enhancements\n",
        encoding="utf-8",
    )
    assert {r.external_ref: r.parent_ref for r in read(path)} == {
        "DI-86": "",
        "DI-127": "DI-86",
        "DI-78": "DI-11",
    }
    run(session, path)
    needs = by_ref(session)
    links = set(session.execute(select(NeedLink.source_id, NeedLink.target_id)))
    assert links == {(needs["DI-86"].id, needs["DI-127"].id)}  # DI-11 is not in the file
    assert (needs["DI-127"].points, needs["DI-78"].points) == (4, 20)


# ----- sprints: dates from the issues, told to the user ---------------------------------


def test_sprints_take_their_issues_dates_and_the_summary_lists_them(session: Session) -> None:
    preview = run(session, JIRA_EN, dry=True)
    assert [s.name for s in preview.sprints_created] == [
        "ERP Sprint 12",
        "ERP Sprint 13",
        "ERP Sprint 11",
    ]
    assert (
        preview.summary(preview=True)
        .render("en")
        .endswith(
            "3 sprints to create, their dates to check in the calendar: "
            "ERP Sprint 12 (19 Aug 2025 to 1 Sept 2025, from its issues' dates), "
            "ERP Sprint 13 (2 Sept 2025 to 15 Sept 2025, from its issues' dates), "
            "ERP Sprint 11 (30 Jul 2025 to 12 Aug 2025, from its issues' dates)."
        )
    )
    assert count(session, Sprint) == 0
    result = run(session, JIRA_EN)
    sprints = {s.name: s for s in session.scalars(select(Sprint))}
    # Sprint 11: its issue was resolved on 12 Aug; Sprint 13: its issues' last update;
    # Sprint 12 (closed, its issues went on): the two weeks before Sprint 13.
    assert (sprints["ERP Sprint 11"].start_date, sprints["ERP Sprint 11"].end_date) == (
        date(2025, 7, 30),
        date(2025, 8, 12),
    )
    assert (sprints["ERP Sprint 12"].start_date, sprints["ERP Sprint 12"].end_date) == (
        date(2025, 8, 19),
        date(2025, 9, 1),
    )
    assert sprints["ERP Sprint 12"].state == "closed"
    assert sprints["ERP Sprint 13"].end_date == date(2025, 9, 15)
    french = result.summary().render("fr")
    assert french.startswith("Import terminé\u00a0: 4 besoins créés")
    assert (
        "3 sprints créés, leurs dates à vérifier dans le calendrier\u00a0: ERP Sprint 12 "
        "(du 19 août 2025 au 1 sept. 2025, d’après les dates de ses tickets)"
    ) in french
    assert run(session, JIRA_EN).sprints_created == []  # found again by name


def test_a_sprint_without_dates_follows_the_team_and_says_so(
    session: Session, tmp_path: Path
) -> None:
    create_sprint(session, SprintInput("Jira 0", date(2025, 9, 1), date(2025, 9, 14), team="Jira"))
    path = tmp_path / "sprints.csv"
    path.write_text(
        "Summary,Issue key,Project key,Description,Resolved,Sprint\n"
        "Dated,ERP-1,ERP,x,10/Sep/25 4:00 PM,Overlapping\n"
        "Undated,ERP-2,ERP,y,,Undated sprint\n",
        encoding="utf-8",
    )
    result = run(session, path)
    made = {s.name: s for s in result.sprints_created}
    # its dates are another sprint's of the team: placed after the team's last sprint
    assert (made["Overlapping"].start, made["Overlapping"].from_issues) == (
        date(2025, 9, 15),
        False,
    )
    assert made["Undated sprint"].start == date(2025, 9, 29)
    assert (
        result.summary()
        .render("en")
        .endswith(
            "Overlapping (15 Sept 2025 to 28 Sept 2025, placed after the team's last sprint), "
            "Undated sprint (29 Sept 2025 to 12 Oct 2025, placed after the team's last sprint)."
        )
    )
