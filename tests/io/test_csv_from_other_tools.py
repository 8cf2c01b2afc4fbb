"""CSV files as other tools really write them, and files that are not CSV at all.

Excel's "Texte Unicode" is UTF-16 little-endian with a byte-order mark, tab-separated,
with CR LF line ends; a workbook given as is starts with a ZIP header. Every refusal is
one bounded sentence in the user's language, whatever the size of the file.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from po_desktop.cli import main
from po_desktop.io.csv_needs import read_needs_csv
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import PoDesktopError, ValidationError
from po_desktop.store.models import Need
from po_desktop.store.services.importing import import_needs

EXCEL_UNICODE_TEXT = (
    "Clé\tTitre\tDéfi à relever\tProjet\tÉtiquettes\r\n"
    '\tÉcran de saisie\t"Les équipes ressaisissent\ttout\r\nà la main 🚀"\tFIN\tÉté, coût\r\n'
    "\tRelances\tLes factures partent en retard\tFIN\t\r\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "w.podb")
    yield database
    database.close()


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _refusal(path: Path) -> PoDesktopError:
    with pytest.raises(PoDesktopError) as info:
        read_needs_csv(path)
    return info.value


def test_excel_unicode_text_imports(db: Database, tmp_path: Path) -> None:
    path = _written(
        tmp_path / "besoins.txt", codecs.BOM_UTF16_LE + EXCEL_UNICODE_TEXT.encode("utf-16-le")
    )
    records = read_needs_csv(path)
    assert [(r.title, r.line) for r in records] == [("Écran de saisie", 2), ("Relances", 4)]
    assert records[0].problem == "Les équipes ressaisissent\ttout\r\nà la main 🚀"
    with db.session() as session:
        assert import_needs(session, records).created == 2
        need = session.scalar(select(Need).where(Need.title == "Écran de saisie"))
        assert need is not None and sorted(need.tag_names) == ["coût", "Été"]


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_BE + EXCEL_UNICODE_TEXT.encode("utf-16-be"),
        EXCEL_UNICODE_TEXT.encode("utf-16-le"),  # no byte-order mark: told by its NUL bytes
        EXCEL_UNICODE_TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + EXCEL_UNICODE_TEXT.encode("utf-32-le"),
    ],
    ids=["utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-32-le-bom"],
)
def test_other_unicode_forms_are_read_too(tmp_path: Path, data: bytes) -> None:
    records = read_needs_csv(_written(tmp_path / "u.csv", data))
    assert [r.title for r in records] == ["Écran de saisie", "Relances"]


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_files_that_are_not_csv_say_what_they_are(tmp_path: Path) -> None:
    xlsx = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": b"<Relationships/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"<worksheet/>",
        }
    )
    error = _refusal(_written(tmp_path / "besoins.xlsx", xlsx))
    assert error.render("fr") == (
        f"{tmp_path / 'besoins.xlsx'} est un classeur Excel, pas un fichier CSV\u00a0: dans Excel, "
        "choisissez Fichier › Enregistrer sous › «\u00a0CSV UTF-8 (délimité par des "
        "virgules)\u00a0»."
    )
    assert "Colonnes" not in error.render("fr")
    ods = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    assert "LibreOffice" in _refusal(_written(tmp_path / "b.ods", ods)).render("en")
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert "Excel workbook" in _refusal(_written(tmp_path / "b.xls", xls)).render("en")
    archive = _zip({"notes.txt": b"x"})
    assert "(a ZIP archive)" in _refusal(_written(tmp_path / "b.zip", archive)).render("en")
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
    assert "(document PDF)" in _refusal(_written(tmp_path / "b.pdf", pdf)).render("fr")
    png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(200)
    assert "(binary content): save it as CSV UTF-8." in _refusal(
        _written(tmp_path / "b.csv", png)
    ).render("en")


def test_a_10000_column_file_gives_a_short_message(tmp_path: Path) -> None:
    header = ";".join(["key", "title", "problem", "project"] + [f"col{i}" for i in range(10_000)])
    error = _refusal(_written(tmp_path / "wide.csv", (header + "\n").encode()))
    for lang in ("fr", "en"):
        assert len(error.render(lang).encode()) < 2000
    assert error.render("en").endswith("“col9” and 9,990 more. Nothing was imported.")
    assert error.render("en").startswith("Line 1: Unknown header columns: “col0”")
    row = ";".join(["x"] * 10_000)
    error = _refusal(_written(tmp_path / "row.csv", f"key;title;problem;project\n{row}\n".encode()))
    assert error.render("en") == "Line 2: 10,000 values instead of 4. Nothing was imported."


def test_huge_cells_name_the_field_or_the_limit_in_a_short_message(
    db: Database, tmp_path: Path
) -> None:
    most = "é" * 200_000  # the longest problem statement the app keeps
    path = _written(
        tmp_path / "long.csv", f"key;title;problem;project\n;Long;{most};ERP\n".encode()
    )
    with db.session() as session:
        assert import_needs(session, read_needs_csv(path)).created == 1
    cell = "x" * 204_800  # 200 KB
    for column in ("title", "problem"):
        values = {"title": "T", "problem": "P", column: cell}
        path = _written(
            tmp_path / f"{column}.csv",
            f"key;title;problem;project\n;{values['title']};{values['problem']};ERP\n".encode(),
        )
        with db.session() as session, pytest.raises(ValidationError) as info:
            import_needs(session, read_needs_csv(path))
        text = info.value.render("fr")
        assert text.startswith("Ligne 2\u00a0: Le champ «\u00a0") and len(text) < 300
    giant = "y" * 10_000_001
    path = _written(tmp_path / "giant.csv", f"key;title;problem;project\n;T;{giant};ERP\n".encode())
    error = _refusal(path)
    assert error.render("fr") == (
        "Ligne 2\u00a0: fichier CSV mal formé (une valeur dépasse 10\u202f000\u202f000 "
        "caractères). "
        "Rien n'a été importé."
    )
    assert "field limit" not in error.render("en") and "10,000,000" in error.render("en")


@pytest.mark.parametrize(
    ("content", "french"),
    [
        ('key;title;problem;project\n;"A;B;ERP\n', "un guillemet ouvert n'est jamais refermé"),
        ('key;title;problem;project\n;"A"B;x;ERP\n', "un guillemet fermant doit être suivi"),
    ],
    ids=["unclosed", "quote"],
)
def test_csv_syntax_errors_are_said_in_french(tmp_path: Path, content: str, french: str) -> None:
    error = _refusal(_written(tmp_path / "bad.csv", content.encode()))
    text = error.render("fr")
    assert text.startswith("Ligne 2\u00a0: fichier CSV mal formé (") and french in text
    assert not any(english in text for english in ("expected", "unexpected", "line contains"))


def test_an_unreadable_file_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pas un fichier.csv"
    folder.mkdir()
    assert _refusal(folder).render("fr") == (
        f"Impossible de lire {folder}\u00a0: c'est un dossier, pas un fichier."
    )
    db = tmp_path / "w.podb"
    open_database(db).close()
    utf16 = _written(
        tmp_path / "excel.txt", codecs.BOM_UTF16_LE + EXCEL_UNICODE_TEXT.encode("utf-16-le")
    )
    assert main(["import-csv", str(utf16), "--db", str(db), "--lang", "fr"]) == 0
    assert "2 besoins créés" in capsys.readouterr().out
