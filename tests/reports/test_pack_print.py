"""What a reader of the printed pack notices: the file's description, where a footnote
sits, one decision per need, scores as the app shows them, roles to sign against, no
page for a lone small table, French spacing, and emoji printed as emoji."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from po_desktop.domain.scoring import score_text
from po_desktop.reports.pack import build_pack
from po_desktop.reports.pdf_text import typeset
from po_desktop.reports.review import (
    DecisionLine,
    NeedLine,
    ReviewData,
    RitualLine,
    VelocityBar,
    collect,
)
from po_desktop.store.services import needs, projects, scoring, sprints

TEAM = ("Antoine Girard", "Camille Bernard", "Claire Moreau", "Émilie Fournier", "Hugo Lambert")
ROLES = {
    "Antoine Girard": "Architecte technique",
    "Camille Bernard": "Développeuse",
    "Claire Moreau": "Product Owner",
    "Émilie Fournier": "Testeuse QA",
    "Hugo Lambert": "Designer UX/UI",
}


def _need(number: int, title: str, *, added: bool = False, points: float = 3) -> NeedLine:
    return NeedLine(
        number, f"ERP-{number}", title, "ERP", points, "Direction", "RH", "Terminé", added
    )


def _data(**changes: object) -> ReviewData:
    data = ReviewData(
        1, "Sprint 2027-03", "Livrer la paie", date(2027, 1, 18), date(2027, 1, 29), "closed",
        TEAM, ("ERP — Déploiement ERP", "PLAT — Plateforme client"), "Claire Moreau",
        datetime(2027, 1, 29, 17, 0), 20.0, 18.5,
    )  # fmt: skip
    data.done = [_need(1, "Bulletins de paie"), _need(2, "Congés payés", points=0.5)]
    data.not_done = [_need(3, "Export comptable", added=True)]
    data.roles = dict(ROLES)
    data.rituals = [
        RitualLine("planning", "", (date(2027, 1, 18),), "10:00"),
        RitualLine("daily", "", tuple(date(2027, 1, d) for d in range(18, 30)), "09:30"),
        RitualLine("review", "", (date(2027, 1, 29),), "14:00"),
    ]
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def _pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _need_in_running_sprint(session: Session, project_id: int) -> int:
    """A need of 3 points in "S1", a sprint started today: the need's id."""
    today = date.today()
    sprint = sprints.create_sprint(
        session,
        sprints.SprintInput("S1", today.isoformat(), (today + timedelta(days=13)).isoformat()),
    )
    need = needs.create_need(session, needs.NeedInput("Paie", "Défi", project_id, points=3))
    sprints.start_sprint(session, sprint)  # type: ignore[arg-type]
    return need


@pytest.mark.parametrize(
    ("lang", "title", "subject", "keyword"),
    [
        (
            "fr",
            "Revue de sprint — Sprint 2027-03",
            "Dossier de revue du sprint «\u00a0Sprint 2027-03\u00a0», "
            "du 18 janv. 2027 au 29 janv. 2027",
            "Revue de sprint",
        ),
        (
            "en",
            "Sprint review — Sprint 2027-03",
            "Review pack of the sprint “Sprint 2027-03”, 18 Jan 2027 to 29 Jan 2027",
            "Sprint review",
        ),
    ],
)
def test_the_file_says_what_it_is_in_its_language(
    tmp_path: Path, lang: str, title: str, subject: str, keyword: str
) -> None:
    out = tmp_path / "pack.pdf"
    build_pack(_data(), out, lang)
    reader = PdfReader(out)
    info = reader.metadata
    assert info is not None
    assert (info.title, info.subject, info.author) == (title, subject, "Claire Moreau")
    keywords = [keyword, "Sprint 2027-03", "ERP — Déploiement ERP", "PLAT — Plateforme client"]
    assert info["/Keywords"] == ", ".join(keywords)
    assert reader.trailer["/Root"]["/Lang"] == lang
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": title}
    assert xmp.dc_description == {"x-default": subject}
    assert xmp.dc_creator == ["Claire Moreau"]
    assert xmp.dc_language == [lang]
    assert xmp.dc_subject == keywords
    assert xmp.pdf_keywords == ", ".join(keywords)
    assert xmp.xmp_create_date is not None and xmp.xmp_creator_tool.startswith("PO Desktop")


def test_user_text_in_the_metadata_is_escaped(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    build_pack(_data(name="<b>R&D</b> ]]> \x00", product_owner="Tom & Jerry"), out, "en")
    xmp = PdfReader(out).xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "Sprint review — <b>R&D</b> ]]>  "}
    assert xmp.dc_creator == ["Tom & Jerry"]


def test_the_added_mark_is_explained_under_the_table_that_shows_it(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    build_pack(_data(), out, "fr")
    text = _flat("\n".join(_pages(out)))
    done = text.index("Besoins terminés Clé")
    not_done = text.index("Besoins non terminés Clé")
    removed = text.index("Retirés du sprint")
    note = "* ajouté après le début du sprint"
    assert "ERP-3 *" in text[not_done:removed] and note in text[not_done:removed]
    assert note not in text[done:not_done]  # none of the completed needs was added late

    both = _data(done=[_need(1, "Bulletins de paie", added=True)])
    build_pack(both, out, "fr")
    text = _flat("\n".join(_pages(out)))
    assert text.count(note) == 2


def test_a_need_decided_twice_shows_its_latest_decision_with_date_and_version(
    tmp_path: Path,
) -> None:
    decisions = [
        DecisionLine("ERP-7", "Coffre-fort numérique", 87.5, "go", "Aligné", "Julien Lefèvre",
                     datetime(2027, 1, 27, 10), 2),
        DecisionLine("ERP-9", "Relances", 62.5, "no_go", "Hors périmètre", "Claire Moreau",
                     datetime(2027, 1, 21, 15), 1),
    ]  # fmt: skip
    out = tmp_path / "pack.pdf"
    build_pack(_data(decisions=decisions), out, "fr")
    text = _flat("\n".join(_pages(out)))
    section = text[text.index("Décisions de cotation") : text.index("Aperçu du sprint")]
    assert "27 janv. 2027 (v2)" in section and "21 janv. 2027 (v1)" in section
    # Scores as the scoring page shows them: whole numbers, rounded the same way.
    assert f" {score_text(87.5)} go " in section and f" {score_text(62.5)} no go " in section
    assert "87,5" not in section and "62,5" not in section and " 62 " in section


def test_a_decision_shows_its_score_as_worked_out_by_hand(session: Session, tmp_path: Path) -> None:
    """The score in the pack is the saved score rounded once: 95, not 96 from a 95.5."""
    erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
    grid = scoring.active_model(session)
    draft = scoring.draft_of(grid)
    criteria = tuple(
        replace(c, weight=4.0) if c.key == "resources" else c for c in draft.criteria
    )  # weights 3 / 2 / 2 / 4; the grid scored no need yet: changed in place
    scoring.save_grid(session, grid.id, replace(draft, criteria=criteria))
    need = _need_in_running_sprint(session, erp.id)
    values = {"relevance": "5", "investment": "2", "time": "1", "resources": "1"}
    scoring.assess_need(session, need, scoring.AssessmentInput(values, "go", decided_by="PO"))
    (line,) = collect(session, "S1").decisions
    # (3 x 1 + 2 x 0.75 + 2 x 1 + 4 x 1) / 11 = 10.5 / 11 = 95.4545…
    assert line.score == 95.454545
    out = tmp_path / "pack.pdf"
    build_pack(collect(session, "S1"), out, "fr")
    text = _flat("\n".join(_pages(out)))
    section = text[text.index("Décisions de cotation") : text.index("Aperçu du sprint")]
    assert " 95 go " in section and " 96 " not in section


def test_the_review_keeps_one_decision_per_need(session: Session) -> None:
    """Decided "explore" then "go" in one sprint: one row, the "go", with its version."""
    erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
    need = _need_in_running_sprint(session, erp.id)
    values = {c.key: "3" for c in scoring.active_model(session).criteria}
    for decision in ("explore", "go"):
        scoring.assess_need(
            session, need, scoring.AssessmentInput(values, decision, "Parce que", "PO")
        )
    lines = collect(session, "S1").decisions
    assert [(d.key, d.decision, d.version) for d in lines] == [("ERP-1", "go", 2)]


def test_the_attendance_table_shows_each_members_role(tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    build_pack(_data(), out, "fr")
    last = _flat(_pages(out)[-1])
    attendance = last[last.index("Présences et validation") :]
    for name, role in ROLES.items():
        assert f"{name} {role}" in attendance


def test_the_rituals_share_their_page_with_the_notes_when_they_fit(tmp_path: Path) -> None:
    """The sign-off sheet used to take a page of its own, leaving the rituals' small
    table alone on the page before it."""
    out = tmp_path / "pack.pdf"
    build_pack(_data(not_done=[], team=TEAM[:3]), out, "fr")
    pages = _pages(out)
    with_rituals = [p for p in pages if "Rituels du sprint" in p]
    assert len(with_rituals) == 1
    assert "Notes" in with_rituals[0] and "Présences et validation" in with_rituals[0]


def test_french_text_never_starts_a_line_with_a_colon(tmp_path: Path) -> None:
    """Titles of every length before " : " in a narrow cell: with a plain space, some
    colon falls at the start of a line."""
    done = [_need(n, "Anomalie" + " x" * n + " : la suite") for n in range(1, 40)]
    out = tmp_path / "pack.pdf"
    build_pack(_data(done=done), out, "fr")
    lines = [line.strip() for page in _pages(out) for line in page.splitlines()]
    assert not [line for line in lines if line.startswith((":", ";", "?", "!"))]
    assert typeset("Note : « oui » ; vraiment ? Oui !", "fr") == (
        "Note\u00a0: «\u00a0oui\u00a0»\u00a0; vraiment\u00a0? Oui\u00a0!"
    )
    assert typeset("Note : oui", "en") == "Note : oui"
    assert typeset("http://x a:b", "fr") == "http://x a:b"


def test_emoji_print_in_the_emoji_font_and_unknown_characters_as_a_replacement(
    tmp_path: Path,
) -> None:
    done = [_need(1, "Fusée 🚀 prête ✅"), _need(2, "Idéogramme 漢 inconnu")]
    velocity = [VelocityBar("Sprint 🚀", 20, 18.5)]  # a chart label: drawn in one font
    out = tmp_path / "pack.pdf"
    build_pack(_data(done=done, name="Sprint 🚀", velocity=velocity), out, "fr")
    reader = PdfReader(out)
    fonts: dict[str, set[str]] = {}
    for number, page in enumerate(reader.pages):
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded
            fonts.setdefault(str(font["/BaseFont"]).split("+")[-1], set()).add(str(number))
    assert any("NotoEmoji" in name for name in fonts)
    text = "\n".join(_pages(out))
    assert "🚀" in text and "✅" in text
    assert "Idéogramme \ufffd inconnu" in text  # no font has it: said, not a wrong glyph
    assert "Sprint \ufffd" in text  # the chart's label


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plain_titles_are_laid_out_as_reportlabs_parser_reads_them(lang: str) -> None:
    """A plain title skips the markup parser: it must still print exactly as parsed
    (same fragment, same line breaks, French spacing kept); text with markup, a line
    break or an emoji is parsed as before."""
    from reportlab.platypus import Paragraph

    from po_desktop.reports.pack import _Styles
    from po_desktop.reports.pdf_text import register_fonts, text

    register_fonts()
    styles = _Styles(lang)
    titles = [
        "Relances automatiques des factures : étape 2 ?",
        "  espaces   en   trop  ",
        "« Portail » client\u00a0: accès ; droits !",
        "onglet\tici",
        "R&D <b>gras</b>",
        "ligne\nsuivante",
        "fusée 🚀",
        "mot-très-long-" * 12,
        "   ",
    ]
    for style in (styles.cell, styles.body, styles.h2, styles.cell_head, styles.number):
        for title in titles:
            laid_out = styles.para(title, style)
            parsed = Paragraph(text(title, lang), style)
            assert laid_out.text == parsed.text
            assert [vars(f) for f in laid_out.frags] == [vars(f) for f in parsed.frags]
            assert laid_out.wrap(120, 800) == parsed.wrap(120, 800)
            assert _lines(laid_out) == _lines(parsed)


def _lines(paragraph: Any) -> list[object]:
    """A wrapped paragraph's lines: (space left, words) in one font, else their measures."""
    return [
        line if isinstance(line, tuple) else (line.extraSpace, line.wordCount)
        for line in paragraph.blPara.lines
    ]


def test_a_long_table_measured_once_lays_out_every_row_as_reportlab_does() -> None:
    """Rows of every height, and one taller than a page (split inside the row), fall on
    the same pages at the same places, none lost or printed twice, when each row is
    measured once as when reportlab measures it again at every split."""
    import io

    from reportlab.lib.pagesizes import A6
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from po_desktop.reports.pack import _LongTable, _Styles
    from po_desktop.reports.pdf_text import register_fonts

    register_fonts()
    styles = _Styles("fr")

    def rows() -> list[list[Any]]:
        made: list[list[Any]] = [["#", styles.para("Besoin", styles.cell_head)]]
        for i in range(90):
            words = " ".join(["mot"] * (1 + (i * 7) % 40))
            made.append([str(i), styles.para(f"Besoin {i} {words}", styles.cell)])
        made.insert(40, ["long", styles.para(" ".join(["ligne"] * 900), styles.cell)])
        return made

    def printed(kind: type[Any]) -> list[bytes]:
        table = kind(rows(), colWidths=[40, 200], repeatRows=1, splitByRow=True, splitInRow=1)
        out = io.BytesIO()
        SimpleDocTemplate(out, pagesize=A6, invariant=True).build([table])
        return [page.get_contents().get_data() for page in PdfReader(out).pages]

    ours, reportlabs = printed(_LongTable), printed(LongTable)
    assert len(ours) > 5
    assert ours == reportlabs


def test_the_next_sprint_s_heading_stays_with_its_figures(tmp_path: Path) -> None:
    """« Aperçu du sprint suivant », its name and goal ended a page whose next one began
    with « Déjà prévu » (helper's print-out): the heading and the figures stay together,
    wherever the sections before them end."""
    split = []
    for count in range(0, 48, 2):
        done = [_need(n, f"Besoin numéro {n}") for n in range(1, count + 1)]
        data = _data(done=done, next_name="Sprint 2027-05", next_goal="Clôturer l'exercice")
        data.next_forecast, data.next_planned = 20.0, 12.0
        out = tmp_path / f"pack-{count}.pdf"
        build_pack(data, out, "fr")
        for page in map(_flat, _pages(out)):
            if "Aperçu du sprint suivant" in page:
                split.append("Déjà prévu" not in page)
    assert split and not any(split)
