"""The printed sprint-review pack, read back with pypdf: figures, escaping, fonts, errors."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from po_desktop.cli import main
from po_desktop.reports.export import export_pack
from po_desktop.reports.review import collect
from po_desktop.store.database import open_database
from po_desktop.store.errors import NotFoundError
from po_desktop.store.services import needs, projects, sprints


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pack") / "demo.podb"
    assert main(["demo", "--db", str(path), "--needs", "120"]) == 0
    return path


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _last_closed(path: Path) -> tuple[int, str, float]:
    with sqlite3.connect(path) as raw:
        return raw.execute(
            "SELECT id, name, velocity FROM sprint WHERE state = 'closed'"
            " ORDER BY start_date DESC LIMIT 1"
        ).fetchone()


def test_the_french_pack_prints_each_section_with_the_demo_figures(
    demo: Path, tmp_path: Path
) -> None:
    sprint_id, name, velocity = _last_closed(demo)
    out = tmp_path / "revue.pdf"
    assert main(["pack", "--db", str(demo), "--sprint", name, "-o", str(out), "--lang", "fr"]) == 0
    text = _flat(_text(out))
    with sqlite3.connect(demo) as raw:
        done = raw.execute(
            "SELECT count(*), coalesce(sum(n.points), 0) FROM need n"
            " JOIN board_column c ON c.id = n.column_id WHERE n.sprint_id = ? AND c.is_done",
            (sprint_id,),
        ).fetchone()
        committed = raw.execute(
            "SELECT coalesce(sum(points), 0) FROM sprint_commitment WHERE sprint_id = ?",
            (sprint_id,),
        ).fetchone()[0]
        done_committed = raw.execute(
            "SELECT coalesce(sum(n.points), 0) FROM need n"
            " JOIN board_column c ON c.id = n.column_id WHERE n.sprint_id = ? AND c.is_done"
            " AND n.id IN (SELECT need_id FROM sprint_commitment WHERE sprint_id = ?)",
            (sprint_id, sprint_id),
        ).fetchone()[0]
        keys = [
            f"{code}-{number}"
            for code, number in raw.execute(
                "SELECT p.code, n.number FROM need n JOIN project p ON p.id = n.project_id"
                " JOIN board_column c ON c.id = n.column_id WHERE n.sprint_id = ? AND c.is_done",
                (sprint_id,),
            )
        ]
    assert done[1] == velocity  # the demo's velocity is what the sprint finished
    sections = [
        "Revue de sprint",
        "Synthèse",
        "Vélocité des derniers sprints",
        "Burndown",
        "Besoins terminés",
        "Besoins non terminés",
        "Retirés du sprint en cours de route",
        "Terminés hors du sprint",
        "Décisions de cotation prises pendant le sprint",
        "Aperçu du sprint suivant",
        "Rituels du sprint",
        "Notes",
        "Présences et validation",
    ]
    at = 0
    for title in sections:  # each one after the one before: the order the issue asks
        at = text.index(title, at) + len(title)
    assert f"Points engagés au démarrage {committed:g}" in text
    assert f"Points terminés {velocity:g}" in text
    assert f"Besoins terminés {done[0]}" in text
    # The rate's base is the commitment: needs added after the start count in the points
    # completed (the velocity), not in the part of the commitment completed.
    rate = f"{done_committed / committed * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"Part de l'engagement réalisée {rate} %" in text
    assert all(key in text for key in keys)
    with sqlite3.connect(demo) as raw:
        started, closed = raw.execute(
            "SELECT started_at, closed_at FROM sprint WHERE id = ?", (sprint_id,)
        ).fetchone()
        # Not done at the close: moved on from this sprint at or after it, or still in it
        # and not done.
        carried = (
            raw.execute(
                "SELECT count(DISTINCT need_id) FROM need_event"
                " WHERE field = 'sprint' AND old_value = ? AND at >= ?",
                (str(sprint_id), closed),
            ).fetchone()[0]
            + raw.execute(
                "SELECT count(*) FROM need n JOIN board_column c ON c.id = n.column_id"
                " WHERE n.sprint_id = ? AND NOT c.is_done",
                (sprint_id,),
            ).fetchone()[0]
        )
        removed = raw.execute(
            "SELECT count(DISTINCT e.need_id) FROM need_event e JOIN need n ON n.id = e.need_id"
            " WHERE e.field = 'sprint' AND e.old_value = ? AND e.at > ? AND e.at < ?"
            " AND coalesce(n.sprint_id, 0) != ?",
            (str(sprint_id), started, closed, sprint_id),
        ).fetchone()[0]
        decisions = raw.execute(
            "SELECT count(DISTINCT need_id) FROM need_event"
            " WHERE field = 'decision' AND at >= ? AND at <= ?",
            (started, closed),
        ).fetchone()[0]
        dailies = raw.execute(
            "SELECT count(*) FROM ceremony WHERE sprint_id = ? AND kind = 'daily'", (sprint_id,)
        ).fetchone()[0]
        following = raw.execute(
            "SELECT name FROM sprint WHERE start_date > ("  # the sprint that came next
            "SELECT end_date FROM sprint WHERE id = ?) ORDER BY start_date LIMIT 1",
            (sprint_id,),
        ).fetchone()
    assert f"Besoins non terminés {carried}" in text
    assert f"Retirés en cours de sprint {removed}" in text
    decided = text[text.index("Décisions de cotation") : text.index("Aperçu du sprint suivant")]
    assert len(re.findall(r"\b[A-Z]+-\d+ — ", decided)) == decisions  # a row per need decided
    assert f"({dailies} séances)" in text
    if following:
        assert following[0] in text[text.index("Aperçu du sprint suivant") :]
    pages = len(PdfReader(out).pages)
    assert f"page 1 / {pages}" in text and f"page {pages} / {pages}" in text
    assert f"{name} — Document généré le" in text


def test_fonts_are_embedded_and_the_english_pack_speaks_english(demo: Path, tmp_path: Path) -> None:
    _id, name, _velocity = _last_closed(demo)
    out = tmp_path / "review.pdf"
    with open_database(demo, create=False) as db, db.session() as session:
        pages = export_pack(session, name, out, "en")
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    fonts = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "/FontDescriptor" in font, font["/BaseFont"]  # no unembedded Helvetica
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # TrueType, embedded
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVu" in f or "PODesktopSans" in f for f in fonts)
    text = _flat(_text(out))
    assert "Sprint review" in text and "Completed needs" in text and "Revue de sprint" not in text


def test_hostile_text_prints_literally(tmp_path: Path, session: Session) -> None:
    erp = projects.create_project(session, projects.ProjectInput("RD", "R&D <lab>"))
    hostile = [
        "<b>R&D</b> <font color=red>",
        "Cœur & âme — « guillemets » 😀 🚀",
        "עברית מימין לשמאל",
        "Ελληνικά · Кириллица",
        "a" * 300,  # the longest title a need may have
    ]
    goal = "<br/>& " + "b" * 5000  # on the cover, shortened to what a page can hold
    sprint = sprints.create_sprint(
        session,
        sprints.SprintInput("Sprint <i>&amp;</i>", "2027-01-04", "2027-01-15", goal=goal),
    )
    for title in hostile:
        needs.create_need(
            session, needs.NeedInput(title, "Défi <script>", erp.id, points=1, sprint_id=sprint)
        )
    sprints.start_sprint(session, sprint)  # type: ignore[arg-type]
    out = tmp_path / "hostile.pdf"
    export_pack(session, sprint, out, "fr")  # type: ignore[arg-type]
    text = _text(out)
    assert "<b>R&D</b> <font color=red>" in text
    assert "Sprint <i>&amp;</i>" in text
    assert "Cœur & âme — « guillemets »" in text
    assert "Ελληνικά · Кириллица" in text
    assert "aaaa" in text  # a 300-character title shortened in its cell, not lost
    assert "<br/>&" in text and text.replace("\n", "").count("b") >= 2900


def test_an_empty_sprint_still_makes_a_pack_that_says_so(tmp_path: Path, session: Session) -> None:
    sprint = sprints.create_sprint(session, sprints.SprintInput("Vide", "2027-01-04", "2027-01-15"))
    out = tmp_path / "vide.pdf"
    export_pack(session, sprint, out, "en")  # type: ignore[arg-type]
    text = _flat(_text(out))
    assert "This sprint holds no need" in text and "None." in text
    data = collect(session, "Vide")
    assert data.completion is None and data.done == []


def test_errors_are_one_line_and_exit_2(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.podb"
    open_database(empty).close()
    out = tmp_path / "x.pdf"
    assert (
        main(["pack", "--db", str(demo), "--sprint", "Sprint 99", "-o", str(out), "--lang", "en"])
        == 2
    )
    assert capsys.readouterr().err.strip() == "po-desktop: Sprint not found: Sprint 99."
    assert main(["pack", "--db", str(empty), "--sprint", "1", "-o", str(out), "--lang", "en"]) == 2
    assert "holds no sprint" in capsys.readouterr().err
    _id, name, _v = _last_closed(demo)
    assert (
        main(["pack", "--db", str(demo), "--sprint", name, "-o", str(tmp_path / "no" / "x.pdf")])
        == 2
    )
    assert main(["pack", "--db", str(demo), "--sprint", name, "-o", str(demo)]) == 2
    assert not out.exists() and not (tmp_path / "x.pdf.part").exists()
    with (
        open_database(demo, create=False) as database,
        database.session() as s,
        pytest.raises(NotFoundError),
    ):
        export_pack(s, "nope", out)


def test_a_5000_character_title_from_an_old_file_still_prints(tmp_path: Path) -> None:
    """The services cap titles at 300 characters; a file from elsewhere may not."""
    from datetime import date, datetime

    from po_desktop.reports.pack import build_pack
    from po_desktop.reports.review import NeedLine, ReviewData

    title = "Titre très long " + "é" * 5000
    data = ReviewData(
        1, "S", "", date(2027, 1, 4), date(2027, 1, 15), "closed", (), (), "",
        datetime(2027, 1, 15, 18), 5.0, 5.0,
    )  # fmt: skip
    data.done = [NeedLine(1, "ERP-1", title, "ERP", 5.0, "x" * 5000, "RH", "Terminé")]
    out = tmp_path / "long.pdf"
    assert build_pack(data, out, "fr") >= 3
    text = _text(out)
    assert "Titre très long ééé" in text and "…" in text


def test_a_closed_sprint_reports_its_carry_over_and_the_sprint_that_came_next(
    session: Session,
) -> None:
    erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
    one = sprints.create_sprint(
        session,
        sprints.SprintInput("S1", "2026-11-02", "2026-11-13"),  # lived, and closed
    )
    sprints.create_sprint(session, sprints.SprintInput("S2", "2026-11-16", "2026-11-27"))
    needs.create_need(session, needs.NeedInput("Paie", "Défi", erp.id, points=8, sprint_id=one))
    sprints.start_sprint(session, one)  # type: ignore[arg-type]
    sprints.close_sprint(session, one)  # type: ignore[arg-type]  # carried to S2, unfinished
    data = collect(session, "S1")
    assert data.committed_points == 8.0 and data.completed_points == 0.0
    assert [n.key for n in data.not_done] == ["ERP-1"] and data.not_done[0].goes_to == "S2"
    assert data.next_name == "S2"
    assert data.next_planned == 8.0  # the carried need, counted once: it is in S2 now


def test_the_pack_lists_the_files_attached_to_its_needs(demo: Path, tmp_path: Path) -> None:
    from po_desktop.store.services import dossier

    copy = tmp_path / "joints.podb"
    copy.write_bytes(demo.read_bytes())
    sprint_id, name, _velocity = _last_closed(copy)
    with sqlite3.connect(copy) as raw:
        need_id, key = raw.execute(
            "SELECT n.id, p.code || '-' || n.number FROM need n"
            " JOIN project p ON p.id = n.project_id WHERE n.sprint_id = ? ORDER BY n.id",
            (sprint_id,),
        ).fetchone()
    with open_database(copy) as db, db.session() as s:
        dossier.attach_file(s, need_id, "devis & options «été» 2027.png", bytes(1536))
    out = tmp_path / "revue.pdf"
    assert main(["pack", "--db", str(copy), "--sprint", name, "-o", str(out), "--lang", "fr"]) == 0
    text = _flat(_text(out))
    assert "Fichiers joints à ces besoins" in text
    assert f"{key} devis & options «été» 2027.png 1,5 Ko" in text
    plain = tmp_path / "sans.pdf"
    assert main(["pack", "--db", str(demo), "--sprint", name, "-o", str(plain)]) == 0
    assert "Files attached" not in _flat(_text(plain))  # no empty section


def test_a_need_finished_on_a_clock_ahead_of_this_one_is_done_in_every_figure(
    session: Session,
) -> None:
    from datetime import date, timedelta

    from sqlalchemy import text

    from po_desktop.store import queries

    erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
    today = date.today()
    sprint = sprints.create_sprint(
        session, sprints.SprintInput("En cours", today - timedelta(days=3), today + timedelta(9))
    )
    need = needs.create_need(
        session, needs.NeedInput("Paie", "Défi", erp.id, points=5, sprint_id=sprint)
    )
    sprints.start_sprint(session, sprint)  # type: ignore[arg-type]
    done = next(c.id for c in queries.columns(session) if c.is_done)
    needs.move_needs(session, [need], done)
    # A colleague's computer, an hour ahead, recorded the move (the demo's day ends at 17:00).
    session.execute(
        text("UPDATE need_event SET at = datetime(at, '+1 hour') WHERE field = 'column'")
    )
    session.commit()

    data = collect(session, "En cours")

    assert [n.key for n in data.done] == ["ERP-1"] and data.not_done == []
    assert data.completed_points == 5.0
    assert data.velocity[-1].completed == 5.0  # the chart's bar says the same


def test_needs_added_after_the_start_count_in_the_points_done_not_in_the_commitment(
    tmp_path: Path, session: Session
) -> None:
    """The pack's summary read 20 points done of 35 committed, 57 %, where 7 of the 20
    came from needs added after the start: now the points done say so, and the part of
    the commitment completed is 13 of 35."""
    from datetime import date, timedelta

    from po_desktop.store import queries

    erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
    today = date.today()
    sprint = sprints.create_sprint(
        session, sprints.SprintInput("Courant", today - timedelta(days=3), today + timedelta(9))
    )
    planned = [
        needs.create_need(session, needs.NeedInput(f"Prévu {p}", "Défi", erp.id, points=p))
        for p in (13.0, 22.0)
    ]
    needs.plan_needs(session, planned, sprint)
    sprints.start_sprint(session, sprint)  # type: ignore[arg-type]
    late = needs.create_need(
        session, needs.NeedInput("Urgence", "Défi", erp.id, points=7, sprint_id=sprint)
    )
    done = next(c.id for c in queries.columns(session) if c.is_done)
    needs.move_needs(session, [planned[0], late], done)

    data = collect(session, "Courant")
    assert (data.committed_points, data.completed_points) == (35.0, 20.0)
    assert data.completed_added_points == 7.0
    assert data.completion == 13.0 / 35.0
    out = tmp_path / "courant.pdf"
    export_pack(session, sprint, out, "fr")  # type: ignore[arg-type]
    text = _flat(_text(out))
    assert "Points engagés au démarrage 35" in text
    assert "Points terminés 20 (dont ajoutés après le démarrage : 7)" in text
    assert "Part de l'engagement réalisée 37,1 %" in text


def test_a_sprint_never_started_commits_what_it_holds(tmp_path: Path, session: Session) -> None:
    """The label follows the figure: points « at the start » only for a sprint that was
    started; one never started (planned, or closed by an import from a tracker) commits
    what is planned in it."""
    from sqlalchemy import text

    erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
    sprint = sprints.create_sprint(
        session, sprints.SprintInput("Importé", "2027-02-01", "2027-02-12")
    )
    needs.create_need(session, needs.NeedInput("Paie", "Défi", erp.id, points=5, sprint_id=sprint))
    session.execute(text("UPDATE sprint SET state = 'closed'"))  # as a Jira import leaves it
    session.commit()
    out = tmp_path / "importe.pdf"
    export_pack(session, sprint, out, "fr")  # type: ignore[arg-type]
    printed = _flat(_text(out))
    assert "Points engagés 5" in printed and "au démarrage" not in printed
