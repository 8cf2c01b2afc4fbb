"""Printed cards as a team gets them: sheets of 6 or 8, each card's words where they belong
whatever the title, a legend of the projects' patterns, and QR codes that a reader
decodes back to the keys."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from po_desktop.cli import main
from po_desktop.reports.cards import BOTTOM, PAGE_H, PAGE_W, SIDE, TOP, qr_size
from po_desktop.reports.export import export_cards
from po_desktop.store.database import open_database
from po_desktop.store.services import needs, projects, sprints

HOSTILE = [
    "<b>Gras</b> & <i>italique</i> </para>",
    "Un titre très long " * 15,
    "مرحبا بالعالم — עברית 🚀👩‍💻",
]


def _workspace(session: Session, titles: list[str]) -> None:
    erp = projects.create_project(session, projects.ProjectInput("ERP", "Déploiement ERP")).id
    plat = projects.create_project(session, projects.ProjectInput("PLAT", "Plateforme")).id
    sprint = sprints.create_sprint(
        session, sprints.SprintInput("Sprint 12", "2027-03-08", "2027-03-19")
    )
    sprints.create_sprint(session, sprints.SprintInput("Vide", "2027-03-22", "2027-04-02"))
    for index, title in enumerate(titles):
        needs.create_need(
            session,
            needs.NeedInput(
                title[:300],
                "Défi",
                erp if index % 3 else plat,
                requester="Service paie",
                points=index % 5 or None,
                sprint_id=sprint,
            ),
        )


def _pages(pdf: Path) -> list[str]:
    """Each page's text, spaces flattened (pypdf reads a no-break space as a space)."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(pdf).pages]


def _keys(text: str) -> list[str]:
    return re.findall(r"\b(?:ERP|PLAT)-\d+\b", text)


@pytest.mark.parametrize(("per_page", "sheets"), [(6, [6, 6, 1]), (8, [8, 5])])
def test_a_sprint_prints_on_sheets_of_six_or_eight_cards(
    session: Session, tmp_path: Path, per_page: int, sheets: list[int]
) -> None:
    _workspace(session, [f"Besoin {n}" for n in range(13)])
    out = tmp_path / "cartes.pdf"
    assert export_cards(session, out, "fr", sprint="Sprint 12", per_page=per_page) == (
        13,
        len(sheets),
    )
    pages = _pages(out)
    assert [len(set(_keys(page))) for page in pages] == sheets
    assert all(f"feuille {n} / {len(sheets)}" in page for n, page in enumerate(pages, 1))
    assert all("Cartes du sprint « Sprint 12 »" in page for page in pages)
    assert all("Projets :" in page and "Demandeur : Service paie" in page for page in pages)
    # The legend names the projects of its sheet.
    assert "ERP — Déploiement ERP" in pages[0] and "PLAT — Plateforme" in pages[0]


def test_the_cards_say_what_they_are(session: Session, tmp_path: Path) -> None:
    _workspace(session, ["Un", "Deux"])
    out = tmp_path / "cards.pdf"
    export_cards(session, out, "en", needs=["PLAT-1", "ERP-1"])
    reader = PdfReader(out)
    info = reader.metadata
    assert info is not None
    assert (info.title, info.subject) == ("Cards of the selected needs", "2 cards to cut out")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert _keys(_pages(out)[0])[:2] == ["PLAT-1", "ERP-1"]  # in the order asked


def _fragments(pdf: Path) -> list[tuple[str, float, float]]:
    """Every piece of text on the first page with where it starts on the page."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text, x, y))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


def test_hostile_titles_stay_literal_and_inside_their_card(
    session: Session, tmp_path: Path
) -> None:
    _workspace(session, [*HOSTILE, "Suivant"])
    out = tmp_path / "cartes.pdf"
    assert export_cards(session, out, "fr", sprint="Sprint 12", per_page=8) == (4, 1)
    text = _pages(out)[0]
    assert "<b>Gras</b> & <i>italique</i> </para>" in text
    assert "🚀" in text and "Suivant" in text
    assert _keys(text) == ["PLAT-1", "ERP-1", "ERP-2", "PLAT-2"]
    card_w, card_h = (PAGE_W - 2 * SIDE) / 2, (PAGE_H - TOP - BOTTOM) / 4
    # The long title (second card: right column, first row) never leaves its card.
    pieces = [(x, y) for t, x, y in _fragments(out) if "titre" in t]
    assert pieces
    for x, y in pieces:
        assert SIDE + card_w < x < SIDE + 2 * card_w
        assert PAGE_H - TOP - card_h + qr_size(8) < y < PAGE_H - TOP  # above its QR code


ZBAR = shutil.which("zbarimg")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(
    ZBAR is None or PDFTOPPM is None,
    reason="reading QR codes back needs pdftoppm (poppler-utils) and zbarimg (zbar-tools); "
    ".ci/run installs them",
)
def test_each_qr_code_reads_back_as_its_key(session: Session, tmp_path: Path) -> None:
    _workspace(session, [*HOSTILE, *(f"Besoin {n}" for n in range(5))])
    out = tmp_path / "cartes.pdf"
    export_cards(session, out, "fr", sprint="Sprint 12", per_page=6)
    assert PDFTOPPM is not None and ZBAR is not None
    subprocess.run([PDFTOPPM, "-png", "-r", "300", str(out), str(tmp_path / "sheet")], check=True)
    for index, page in enumerate(_pages(out), start=1):
        image = tmp_path / f"sheet-{index}.png"
        read = subprocess.run(
            [ZBAR, "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False
        )
        assert sorted(read.stdout.split()) == sorted(set(_keys(page))), index


def _cli_workspace(path: Path) -> None:
    with open_database(path) as db, db.session() as session:
        _workspace(session, ["Un", "Deux", "Trois"])


def test_the_command_line_prints_the_cards_of_a_sprint_or_of_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "espace.podb"
    _cli_workspace(db)
    out = tmp_path / "cartes.pdf"
    args = ["cards", "--db", str(db), "-o", str(out)]
    assert main([*args, "--sprint", "sprint 12", "--per-page", "6", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"3 cartes écrites dans {out}.",
        "1 feuille A4 à imprimer.",
    ]
    assert main([*args, "--keys", "ERP-1, PLAT-1,ERP-1", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"2 cards written to {out}."


@pytest.mark.parametrize(
    ("which", "message"),
    [
        (["--sprint", "Sprint 99"], "Sprint not found: Sprint 99."),
        (["--sprint", "Vide"], "The sprint “Vide” holds no need: there is no card to print."),
        (["--keys", "ERP-1,ERP-404"], "Need not found: ERP-404."),
        (["--keys", " , "], "Name at least one need to print its card."),
    ],
)
def test_the_command_line_says_what_it_cannot_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], which: list[str], message: str
) -> None:
    db = tmp_path / "espace.podb"
    _cli_workspace(db)
    out = tmp_path / "cartes.pdf"
    assert main(["cards", "--db", str(db), "-o", str(out), *which, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == f"po-desktop: {message}"
    assert not out.exists()


def test_the_command_line_refuses_an_unwritable_output_and_other_sheet_sizes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "espace.podb"
    _cli_workspace(db)
    nowhere = tmp_path / "absent" / "cartes.pdf"
    args = ["cards", "--db", str(db), "--sprint", "Sprint 12", "--lang", "en"]
    assert main([*args, "-o", str(nowhere)]) == 2
    assert f"Cannot write {nowhere}: the file or folder does not exist." in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:
        main([*args, "-o", str(tmp_path / "c.pdf"), "--per-page", "7"])
    assert refused.value.code == 2
    assert "invalid choice: 7 (choose from 6, 8)" in capsys.readouterr().err
