"""Hostile text end to end: services, screens, CSV, iCalendar and the printed pack.

The corpus (``tests/fixtures/hostile_text.py``) goes into every text field a product owner
types. The policy the services document (``clean_text`` in ``store/services/_base.py``) is
restated here on its own, so a change in either shows up as a failure:

* refused, with a ``ValidationError`` naming the field: control characters other than TAB
  and line breaks (NUL, ESC, DEL, C1...), noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF)
  and lone surrogates (``field.bad_character``); a required field left blank
  (``field.required``); a text longer than its limit once normalised (``field.too_long``);
  a tag with a comma or over 40 characters (``tag.invalid``);
* normalised: every line end (CR LF, CR, VT, FF, NEL, U+2028, U+2029) becomes LF; a short
  field (limit ≤ 300: titles, names, places) is one line, so its line breaks and tabs
  become spaces and surrounding whitespace is stripped; a leading U+FEFF (byte-order mark)
  is dropped, as Qt drops it from any text it receives;
* everything else is stored exactly: markup, quotes, formulas, SQL, emoji, bidi controls,
  combining marks, 100,000-character descriptions.

One seeded database carries the whole corpus (one need, project, person, sprint, ritual
and absence per string); the screens, the exports and the pack read it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from helpers.workspace import hostile_text
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPixmap, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from po_desktop.domain.formulas import FORMULA_STARTS
from po_desktop.domain.messages import field_label
from po_desktop.io.csv_needs import COLUMNS, read_needs_csv, write_needs_csv
from po_desktop.io.ics import export_ics
from po_desktop.reports.export import export_pack
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import ConflictError, ValidationError
from po_desktop.store.models import Absence, Ceremony, Need, Person, Project, Sprint
from po_desktop.store.services import columns, needs, people, projects, rituals, sprints
from po_desktop.store.services._base import atomic
from po_desktop.store.services.importing import import_needs
from po_desktop.ui import need_dialog
from po_desktop.ui.board.cells import CARD_ROLE
from po_desktop.ui.board.delegate import CARD_HEIGHT, CardDelegate
from po_desktop.ui.calendar.dialogs import SprintDialog
from po_desktop.ui.calendar.view import CalendarView, Hit
from po_desktop.ui.fields import plain_text
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.models import NEED_ID_ROLE, NeedTableModel
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.workspace import Workspace

hostile = hostile_text()
CORPUS: list[str] = hostile.CORPUS
LONG_MAX = 200_000

# ----- the documented policy, restated ---------------------------------------------------

_LINE_END = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def _unstorable(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cc":
        return char not in "\t\n\r\x0b\x0c\x85"
    code = ord(char)
    return category == "Cs" or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


@cache
def _has_unstorable(value: str) -> bool:
    return any(_unstorable(c) for c in value)


def _one_line(value: str) -> str:
    flat = _LINE_END.sub("\n", value).replace("\n", " ").replace("\t", " ").strip()
    while flat.startswith("\ufeff"):
        flat = flat[1:].lstrip()
    return flat


@dataclass(frozen=True)
class Spec:
    """A text field as its service documents it."""

    name: str
    max_len: int
    required: bool = False
    safe: str = ""
    """What goes in instead when the hostile text is refused."""

    @property
    def one_line(self) -> bool:
        return self.max_len <= 300


@dataclass(frozen=True)
class Outcome:
    stored: str | None = None
    refused: str | None = None
    """The message id of the refusal."""


@cache
def expect(value: str, spec: Spec) -> Outcome:
    """What the service must do with ``value`` in this field."""
    if _has_unstorable(value):
        return Outcome(refused="field.bad_character")
    kept = _one_line(value) if spec.one_line else _LINE_END.sub("\n", value).lstrip("\ufeff")
    if spec.required and not kept.strip():
        return Outcome(refused="field.required")
    if len(kept) > spec.max_len:
        return Outcome(refused="field.too_long")
    return Outcome(stored=kept)


def expect_tags(value: str) -> Outcome:
    """Tags: one line each, no comma, 40 characters at most; blank means no tag."""
    if _has_unstorable(value):
        return Outcome(refused="field.bad_character")
    tag = _one_line(value)
    if "," in tag or len(tag) > 40:
        return Outcome(refused="tag.invalid")
    return Outcome(stored=tag)


NEED = (
    Spec("title", 300, required=True, safe="placeholder"),
    Spec("problem", LONG_MAX, safe="placeholder"),  # required to leave the first column only
    Spec("solution", LONG_MAX),
    Spec("requester", 200),
    Spec("business_unit", 80),
    Spec("acceptance", LONG_MAX),
)
PROJECT = (Spec("name", 200, required=True, safe="placeholder"),)
PERSON = (
    Spec("name", 120, required=True, safe="placeholder"),
    Spec("role", 120),
    Spec("business_unit", 80),
)
SPRINT = (Spec("name", 80, required=True), Spec("goal", LONG_MAX), Spec("team", 80))
CEREMONY = (Spec("title", 200), Spec("location", 200), Spec("notes", LONG_MAX))
ABSENCE = (Spec("reason", 200),)


def assert_refused(call: Callable[[], object], spec_name: str, msg_id: str) -> None:
    """The service refuses with this message, and the message names the field."""
    with pytest.raises(ValidationError) as info:
        call()
    error = info.value
    assert error.message.msg_id == msg_id, (spec_name, str(error))
    assert error.field == spec_name
    if msg_id == "tag.invalid":
        assert "tag" in str(error).lower()
    else:
        assert field_label(spec_name, "en").lower() in str(error).lower(), str(error)


def split(
    value: str, specs: tuple[Spec, ...]
) -> tuple[dict[str, str], dict[str, str], list[tuple[Spec, str]]]:
    """Inputs with ``value`` where the field takes it, the stored form, and the refusals."""
    inputs: dict[str, str] = {}
    stored: dict[str, str] = {}
    refusals: list[tuple[Spec, str]] = []
    for spec in specs:
        outcome = expect(value, spec)
        if outcome.refused is None:
            assert outcome.stored is not None
            inputs[spec.name], stored[spec.name] = value, outcome.stored
        else:
            refusals.append((spec, outcome.refused))
            inputs[spec.name], stored[spec.name] = spec.safe, spec.safe
    return inputs, stored, refusals


# ----- one database holding the corpus --------------------------------------------------

PACK_START, PACK_END = date(2027, 3, 1), date(2027, 4, 30)
"""The sprint whose review pack prints every hostile need; its rituals fill the calendar."""
PACK_SPRINT = '=SUM(1) <b>R&D</b> ; "%1" {0}'
RITUALS_PER_DAY = 8
PACK_GOAL = "<b>x</b> &amp; <font color=red>objectif</font> " + "mot " * 25_000
NEXT_SPRINT = "Next <i>sprint</i> & co ]]>"


@dataclass
class Seeded:
    """Ids of what the corpus created, with the values the services must give back."""

    path: Path
    project_id: int
    pack_sprint_id: int
    needs: dict[int, dict[str, Any]] = field(default_factory=dict)
    projects: dict[int, str] = field(default_factory=dict)
    people: dict[int, dict[str, str]] = field(default_factory=dict)
    sprints: dict[int, dict[str, str]] = field(default_factory=dict)
    ceremonies: dict[int, dict[str, Any]] = field(default_factory=dict)
    absences: dict[int, str] = field(default_factory=dict)
    members: list[int] = field(default_factory=list)


def _seed_needs(s: Session, seeded: Seeded) -> None:
    for value in CORPUS:
        inputs, stored, refusals = split(value, NEED)
        tag = expect_tags(value)
        tags = [value] if tag.refused is None else []
        stored["tags"] = [tag.stored] if tag.refused is None and tag.stored else []
        data = needs.NeedInput(
            **inputs, project_id=seeded.project_id, sprint_id=seeded.pack_sprint_id, tags=tags
        )
        for spec, msg_id in refusals:
            bad = needs.NeedInput(**{**vars(data), spec.name: value})
            assert_refused(lambda bad=bad: needs.create_need(s, bad), spec.name, msg_id)
        if tag.refused is not None:
            bad = needs.NeedInput(**{**vars(data), "tags": [value]})
            assert_refused(lambda bad=bad: needs.create_need(s, bad), "tags", tag.refused)
        change = needs.create_need(s, data)
        seeded.needs[change] = stored


def _seed_projects_and_people(s: Session, seeded: Seeded) -> None:
    for index, value in enumerate(CORPUS):
        inputs, stored, refusals = split(value, PROJECT)
        code = f"H{index}"
        for spec, msg_id in refusals:
            assert_refused(
                lambda code=code, value=value: projects.create_project(
                    s, projects.ProjectInput(code, value)
                ),
                spec.name,
                msg_id,
            )
        project = projects.create_project(s, projects.ProjectInput(code, inputs["name"]))
        seeded.projects[project.id] = stored["name"]

        inputs, stored, refusals = split(value, PERSON)
        for spec, msg_id in refusals:
            bad = people.PersonInput(**{**inputs, spec.name: value})
            assert_refused(lambda bad=bad: people.create_person(s, bad), spec.name, msg_id)
        person = people.create_person(s, people.PersonInput(**inputs))
        seeded.people[person.id] = stored


def _seed_codes(s: Session) -> None:
    """A project code is 2 to 10 capitals or digits, starting with a letter: else refused."""
    taken = set(s.scalars(select(Project.code)))
    for value in CORPUS:
        kept = expect(value, Spec("code", 10, required=True))
        code = (kept.stored or "").upper()
        if kept.refused is None and re.fullmatch("[A-Z][A-Z0-9]{1,9}", code) and code in taken:
            with pytest.raises(ConflictError):
                projects.create_project(s, projects.ProjectInput(value, "x"))
        elif kept.refused is None and re.fullmatch("[A-Z][A-Z0-9]{1,9}", code):
            project = projects.create_project(s, projects.ProjectInput(value, "x"))
            assert project.code == code
            taken.add(code)
        else:
            msg_id = kept.refused or "project.bad_code"
            assert_refused(
                lambda value=value: projects.create_project(s, projects.ProjectInput(value, "x")),
                "code",
                msg_id,
            )


def _seed_sprints(s: Session, seeded: Seeded) -> None:
    names = {PACK_SPRINT.lower(), NEXT_SPRINT.lower()}
    first = PACK_END + timedelta(days=1)
    for index, value in enumerate(CORPUS):
        inputs, stored, refusals = split(value, SPRINT)
        if not inputs["name"] or stored["name"].lower() in names:
            inputs["name"] = stored["name"] = f"Sprint {index}"  # names are unique
        names.add(stored["name"].lower())
        if not stored["team"]:  # a team of its own: no overlap check over hundreds of sprints
            inputs["team"] = stored["team"] = f"Team {index}"
        day = first + timedelta(days=index)
        for spec, msg_id in refusals:
            bad = sprints.SprintInput(**{**inputs, spec.name: value}, start=day, end=day)
            assert_refused(lambda bad=bad: sprints.create_sprint(s, bad), spec.name, msg_id)
        change = sprints.create_sprint(s, sprints.SprintInput(**inputs, start=day, end=day))
        seeded.sprints[change] = stored


def _seed_rituals(s: Session, seeded: Seeded) -> None:
    absent = list(seeded.people)
    for index, value in enumerate(CORPUS):
        day, slot = divmod(index, RITUALS_PER_DAY)
        starts = datetime.combine(PACK_START + timedelta(days=day), datetime.min.time())
        starts += timedelta(hours=8 + slot)
        sprint_id = seeded.pack_sprint_id if index % 2 else None
        inputs, stored, refusals = split(value, CEREMONY)
        for spec, msg_id in refusals:
            bad = rituals.CeremonyInput("review", starts, 50, sprint_id, **inputs)
            setattr(bad, spec.name, value)
            assert_refused(lambda bad=bad: rituals.save_ceremony(s, None, bad), spec.name, msg_id)
        change = rituals.save_ceremony(
            s, None, rituals.CeremonyInput("review", starts, 50, sprint_id, **inputs)
        )
        seeded.ceremonies[change] = {**stored, "sprint_id": sprint_id}

        inputs, stored, refusals = split(value, ABSENCE)
        on = PACK_START + timedelta(days=day)
        person = absent[index]
        for spec, msg_id in refusals:
            bad = rituals.AbsenceInput(person, on, on, value)
            assert_refused(lambda bad=bad: rituals.save_absence(s, None, bad), spec.name, msg_id)
        change = rituals.save_absence(s, None, rituals.AbsenceInput(person, on, on, **inputs))
        seeded.absences[change] = stored["reason"]


def seed(path: Path) -> Seeded:
    """The corpus through every service, checking each refusal on the way."""
    database = open_database(path)
    try:
        with database.session() as s, atomic(s):
            project = projects.create_project(s, projects.ProjectInput("HOST", "<b>R&D</b>"))
            members = [
                people.create_person(s, people.PersonInput(name)).id
                for name in ("<b>Léa</b> & Co", 'O\'Brien; "Bob"', "عمر 👩‍💻", "=1+1")
            ]
            pack = sprints.create_sprint(
                s,
                sprints.SprintInput(
                    PACK_SPRINT, PACK_START, PACK_END, PACK_GOAL, member_ids=members
                ),
            )
            after = PACK_END + timedelta(days=1)
            sprints.create_sprint(  # the pack previews it: a name and an unbreakable goal
                s,
                sprints.SprintInput(NEXT_SPRINT, after, after + timedelta(days=13), "A" * 100_000),
            )
            seeded = Seeded(path, project.id, pack, members=members)
        # One transaction and a fresh session a phase: the services' savepoints still roll
        # each refusal back, without a disk sync per call.
        for phase in (_seed_projects_and_people, _seed_needs, _seed_sprints, _seed_rituals):
            with database.session() as s, atomic(s):
                phase(s, seeded)
        with database.session() as s, atomic(s):
            _seed_codes(s)
    finally:
        database.close()
    return seeded


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    folder = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PO_DESKTOP_HOME", str(folder / "home"))
        yield seed(folder / "hostile.podb")


@pytest.fixture
def hostile_db(seeded: Seeded) -> Iterator[Database]:
    database = open_database(seeded.path)
    yield database
    database.close()


# ----- 1. services ----------------------------------------------------------------------


def test_the_corpus_is_large_and_utf8_clean() -> None:
    assert len(CORPUS) >= 200
    assert len(hostile.CATEGORIES) >= 10
    for value in CORPUS:
        value.encode("utf-8")  # no lone surrogate slipped in
    for value in hostile.UNREPRESENTABLE:
        with pytest.raises(UnicodeEncodeError):
            value.encode("utf-8")


def test_every_field_stores_the_text_or_its_documented_form(
    seeded: Seeded, hostile_db: Database
) -> None:
    """Read back after the seeding (which checked every refusal): exactly what the policy says."""
    with hostile_db.session() as s:
        for need_id, stored in seeded.needs.items():
            need = s.get(Need, need_id)
            assert need is not None
            got = {spec.name: getattr(need, spec.name) for spec in NEED}
            got["tags"] = list(need.tag_names)
            assert got == stored, need_id
        for project_id, name in seeded.projects.items():
            assert s.get(Project, project_id).name == name  # type: ignore[union-attr]
        for person_id, stored in seeded.people.items():
            person = s.get(Person, person_id)
            assert {spec.name: getattr(person, spec.name) for spec in PERSON} == stored
        for sprint_id, stored in seeded.sprints.items():
            sprint = s.get(Sprint, sprint_id)
            assert {spec.name: getattr(sprint, spec.name) for spec in SPRINT} == stored
        for ceremony_id, stored in seeded.ceremonies.items():
            ceremony = s.get(Ceremony, ceremony_id)
            got = {spec.name: getattr(ceremony, spec.name) for spec in CEREMONY}
            assert {**got, "sprint_id": ceremony.sprint_id} == stored  # type: ignore[union-attr]
        for absence_id, reason in seeded.absences.items():
            assert s.get(Absence, absence_id).reason == reason  # type: ignore[union-attr]
        # SQL-looking text went in as parameters: every table is still there, nothing extra.
        tables = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
        assert {"need", "person", "project", "sprint", "ceremony", "absence"} <= tables
        assert s.scalar(select(func.count()).select_from(Need)) == len(CORPUS)
        assert s.scalar(select(Need.title).where(Need.title == "'; DROP TABLE need; --"))


@pytest.mark.parametrize("value", hostile.UNREPRESENTABLE, ids=ascii)
def test_lone_surrogates_are_refused_not_a_crash(session: Session, value: str) -> None:
    """``sys.argv`` can hold them (undecodable bytes); SQLite raised UnicodeEncodeError."""
    project = projects.create_project(session, projects.ProjectInput("ERP", "erp"))
    for spec in NEED:
        texts = {"title": "t", "problem": "p", spec.name: value}
        data = needs.NeedInput(**texts, project_id=project.id)
        assert_refused(
            lambda d=data: needs.create_need(session, d), spec.name, "field.bad_character"
        )
    assert_refused(
        lambda: needs.create_need(session, needs.NeedInput("t", "p", project.id, tags=[value])),
        "tags",
        "field.bad_character",
    )
    assert_refused(
        lambda: people.create_person(session, people.PersonInput(value)),
        "name",
        "field.bad_character",
    )
    assert_refused(
        lambda: sprints.create_sprint(
            session, sprints.SprintInput("S", "2027-01-04", "2027-01-08", goal=value)
        ),
        "goal",
        "field.bad_character",
    )
    assert session.scalar(select(func.count()).select_from(Need)) == 0


def test_a_refusal_names_the_field_and_the_character_in_french_too(session: Session) -> None:
    project = projects.create_project(session, projects.ProjectInput("ERP", "erp"))
    with pytest.raises(ValidationError) as info:
        needs.create_need(session, needs.NeedInput("Paie", "copié\x00collé", project.id))
    assert info.value.field == "problem"
    assert "U+0000" in info.value.render("fr") and "Défi à relever" in info.value.render("fr")
    assert "U+0000" in info.value.render("en")


def test_pasted_line_ends_and_tabs_are_kept_in_descriptions_and_flattened_in_titles(
    session: Session,
) -> None:
    project = projects.create_project(session, projects.ProjectInput("ERP", "erp"))
    change = needs.create_need(
        session,
        needs.NeedInput(
            "  Relances\r\nclients\t(Excel)  ",
            "Bonjour,\r\n\r\n\tLes relances\rpartent\u2028en retard.\r\n",
            project.id,
            tags=[" gdpr\n", "r&d\tIT"],
        ),
    )
    need = session.get(Need, change)
    assert need is not None
    assert need.title == "Relances clients (Excel)"
    assert need.problem == "Bonjour,\n\n\tLes relances\npartent\nen retard.\n"
    assert list(need.tag_names) == ["gdpr", "r&d IT"]


# ----- 2. screens -----------------------------------------------------------------------


def shown_as_tooltip(tip: str) -> str:
    """What QToolTip displays: HTML when the text looks like it (Qt::mightBeRichText)."""
    document = QTextDocument()
    if GuiQt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return document.toPlainText()


def squeezed(value: str) -> str:
    """Whitespace runs as one space: HTML and tooltips fold them."""
    return " ".join(value.split())


def without_mnemonics(label: str) -> str:
    """What a menu or button shows: "&&" is "&", a lone "&" marks a shortcut and vanishes."""
    return re.sub("&(.)", r"\1", label)


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    """The application as the GUI sets it up (fonts, English), as in ``tests/ui``."""
    from po_desktop.ui.app import create_application

    return create_application("en")


@pytest.fixture
def window(app: QApplication, hostile_db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(Workspace(hostile_db))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def test_board_cards_carry_and_paint_every_title_as_typed(
    window: MainWindow, seeded: Seeded
) -> None:
    window.tabs.setCurrentIndex(MainWindow.BOARD)
    window.board.grab()  # the cards on screen, painted by the view
    titles = {need_id: stored["title"] for need_id, stored in seeded.needs.items()}
    delegate = CardDelegate()
    pixmap = QPixmap(260, CARD_HEIGHT)
    painter = QPainter(pixmap)
    seen: set[int] = set()
    try:
        for cell in window.board.model.cells():
            for row in range(cell.rowCount()):
                index = cell.index(row)
                card = index.data(CARD_ROLE)
                seen.add(card.id)
                assert card.title == titles[card.id]
                assert index.data(Qt.ItemDataRole.DisplayRole) == f"{card.key} {card.title}"
                tip = shown_as_tooltip(index.data(Qt.ItemDataRole.ToolTipRole))
                assert squeezed(f"{card.key} — {card.title}") in squeezed(tip), card.title
                option = QStyleOptionViewItem()
                option.rect = QRect(0, 0, 260, CARD_HEIGHT)
                option.state = QStyle.StateFlag.State_Enabled
                option.palette = window.palette()
                option.font = window.font()
                delegate.paint(painter, option, index)  # every card, not only those on screen
    finally:
        painter.end()
    assert seen == set(titles)


def test_the_need_list_tooltip_never_reads_a_title_as_html(
    window: MainWindow, seeded: Seeded
) -> None:
    window.tabs.setCurrentIndex(MainWindow.LIST)
    model = window.needs_list.model
    for row in range(model.rowCount()):
        index = model.index(row, NeedTableModel.TITLE)
        need_id = index.data(NEED_ID_ROLE)
        tip = shown_as_tooltip(index.data(Qt.ItemDataRole.ToolTipRole))
        assert squeezed(seeded.needs[need_id]["title"]) in squeezed(tip)


def test_the_need_form_shows_and_gives_back_exactly_the_stored_text(
    window: MainWindow, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a need and saving it untouched must not change a character."""
    # Lists of a thousand hostile projects, sprints and people cost 60 ms a dialog: offer
    # only the needs' sprint (the dialog adds the need's own project) to test texts quickly.
    choices = window.workspace.read(need_dialog._load_choices)
    sprint = [(i, name) for i, name in choices.sprints if i == seeded.pack_sprint_id]
    choices = dataclasses.replace(choices, projects=[], sprints=sprint, people=[], units=[])
    monkeypatch.setattr(need_dialog, "_load_choices", lambda _session: choices)
    for need_id, stored in seeded.needs.items():
        dialog = NeedDialog(window.workspace, need_id, parent=window)
        try:
            assert dialog.title.text() == stored["title"]
            assert plain_text(dialog.problem) == stored["problem"]
            data = dialog.collect()
            for spec in NEED:
                assert getattr(data, spec.name) == stored[spec.name], spec.name
            assert [t.strip() for t in data.tags if t.strip()] == stored["tags"]
        finally:
            dialog.deleteLater()


def test_the_need_form_shows_an_error_quoting_markup_as_plain_text(
    window: MainWindow, seeded: Seeded
) -> None:
    need_id = next(iter(seeded.needs))
    dialog = NeedDialog(window.workspace, need_id, parent=window)
    dialog.tags.setText("<b>" * 14)  # too long a tag: the message quotes it
    dialog.save()
    assert not dialog.error.isHidden() and "<b><b>" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    dialog.deleteLater()


def _hover(view: CalendarView, hit: Hit, shown: list[str]) -> str:
    shown.clear()
    centre = hit.rect.center()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        QPointF(view.mapToGlobal(centre.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.mouseMoveEvent(event)
    assert shown, hit
    return shown_as_tooltip(shown[0])


def test_the_calendar_draws_hostile_rituals_and_sprints_in_month_and_week(
    window: MainWindow, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, tip, *_a: shown.append(tip))
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    view = window.calendar.calendar
    titles = {i: c["title"] for i, c in seeded.ceremonies.items()}
    hovered: set[int] = set()
    days = -(-len(CORPUS) // RITUALS_PER_DAY)
    for mode, step in ((CalendarView.MONTH, 28), (CalendarView.WEEK, 7)):
        view.set_mode(mode)
        for offset in range(0, days, step):
            view.select(PACK_START + timedelta(days=offset))
            view.grab()  # paints every ritual, sprint band and absence of the range
            for hit in list(view._hits):
                if hit.kind == "ceremony" and mode == CalendarView.WEEK:
                    tip = squeezed(_hover(view, hit, shown))
                    assert squeezed(titles[hit.id]) in tip, titles[hit.id]
                    hovered.add(hit.id)
                elif hit.kind == "sprint":
                    assert squeezed(PACK_SPRINT) in squeezed(_hover(view, hit, shown))
    assert hovered == set(titles)


# ----- 3. exports and imports -----------------------------------------------------------


def test_csv_round_trip_gives_back_every_text_and_no_cell_is_a_formula(
    seeded: Seeded, hostile_db: Database, tmp_path: Path
) -> None:
    exported = tmp_path / "needs.csv"
    with hostile_db.session() as s:
        assert write_needs_csv(s, exported) == len(CORPUS)
    raw = exported.read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header = list(COLUMNS)  # the header is in the user's language; the order is fixed
    assert len(rows[0]) == len(header)
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in FORMULA_STARTS, cell  # nothing a spreadsheet would run
        title = row[header.index("title")]
        if title[1:2] in FORMULA_STARTS:
            assert title[0] == "'"
    formulas = [r for r in rows[1:] if r[header.index("title")].startswith("'=HYPERLINK(")]
    assert formulas and rows[1][header.index("sprint")].startswith("'=SUM(1)")

    fresh = open_database(tmp_path / "fresh.podb")
    try:
        with fresh.session() as s:
            sprints.create_sprint(s, sprints.SprintInput(PACK_SPRINT, PACK_START, PACK_END))
            result = import_needs(s, read_needs_csv(exported))
            assert result.created == len(CORPUS)
            with hostile_db.session() as original:
                keys = {n.id: n.key for n in original.scalars(select(Need))}
            for need_id, stored in seeded.needs.items():
                need = needs.find_need(s, keys[need_id])
                got = {spec.name: getattr(need, spec.name) for spec in NEED}
                assert {**got, "tags": list(need.tag_names)} == stored, keys[need_id]
                assert need.sprint is not None and need.sprint.name == PACK_SPRINT
        again = tmp_path / "again.csv"
        with fresh.session() as s:
            write_needs_csv(s, again)
        assert again.read_bytes() == raw
    finally:
        fresh.close()


def _ics_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        assert b"\r" not in line and b"\n" not in line  # no bare line end inside a value
        assert len(line) <= 75, line  # folded (RFC 5545 §3.1)
        line.decode("utf-8")  # folding never cut a character in two
    return lines


def test_ics_carries_every_summary_description_and_location(
    seeded: Seeded, hostile_db: Database
) -> None:
    with hostile_db.session() as s:
        data = export_ics(s, lang="en")
        one = export_ics(s, seeded.pack_sprint_id, lang="en")
    lines = _ics_lines(data)
    # "BEGIN:VEVENT" inside a text stays text: one event per sprint and per ritual.
    assert lines.count(b"BEGIN:VEVENT") == len(seeded.sprints) + 2 + len(seeded.ceremonies)
    events = {
        re.sub(r"^(\w+-\d+)-.*", r"\1", str(e["uid"])): e
        for e in Calendar.from_ical(data).walk("VEVENT")
    }
    for ceremony_id, stored in seeded.ceremonies.items():
        event = events[f"ceremony-{ceremony_id}"]
        title = stored["title"] or "Sprint review"
        suffix = f" — {PACK_SPRINT}" if stored["sprint_id"] else ""
        assert str(event["summary"]) == title + suffix
        assert str(event.get("location", "")) == stored["location"]
        assert str(event.get("description", "")) == stored["notes"]
    for sprint_id, stored in seeded.sprints.items():
        event = events[f"sprint-{sprint_id}"]
        assert str(event["summary"]) == stored["name"]
        assert str(event.get("description", "")) == stored["goal"]
    calendar = Calendar.from_ical(one)
    assert str(calendar["x-wr-calname"]) == PACK_SPRINT
    assert str(calendar.walk("VEVENT")[0]["description"]) == PACK_GOAL


def _pdf_text(path: Path) -> str:
    return squeezed("\n".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.slow
def test_the_pack_prints_hostile_text_literally_and_cuts_huge_text_visibly(
    seeded: Seeded, hostile_db: Database, tmp_path: Path
) -> None:
    output = tmp_path / "pack.pdf"
    with hostile_db.session() as s:
        pages = export_pack(s, seeded.pack_sprint_id, output, "en")
    assert pages > 5
    printed = _pdf_text(output)
    for literal in (
        "<b>x</b>",
        "<font color=red>rouge</font>",
        "<para>",
        "&amp;",
        "&lt;b&gt;",
        "]]>",
        '<img src="/etc/passwd" width="10" height="10"/>',
        "R&D",
        "%1",
        "{0}",
        "'; DROP TABLE need; --",
        '=HYPERLINK("http://x","y")',
        "<b>Léa</b> & Co",
        squeezed(PACK_SPRINT),
        squeezed(NEXT_SPRINT),
    ):
        assert literal in printed, literal
    # A 100,000-character goal prints its start and an ellipsis, not 30 pages of it.
    assert "<b>x</b> &amp; <font color=red>objectif</font> mot mot" in printed
    assert "mot …" in printed and printed.count("mot") < 1000
    # The next sprint's goal is one unbreakable 100,000-letter word: wrapped, then cut.
    assert "A" * 60 in printed and printed.count("A" * 60) < 100


# ----- small workspaces: names with "&", "%2" and markup --------------------------------


@pytest.fixture
def named_window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    """A project, a person, a sprint and a column whose names menus and tooltips mangled."""
    with db.session() as s:
        project = projects.create_project(s, projects.ProjectInput("RND", "R&D <b>x</b>"))
        person = people.create_person(s, people.PersonInput("Tom & Jerry"))
        sprint = sprints.create_sprint(
            s, sprints.SprintInput("Q&A %2 <i>s</i>", "2027-01-04", "2027-01-15", "<b>but</b>")
        )
        sprints.create_sprint(s, sprints.SprintInput("😀" * 80, "2027-01-18", "2027-01-29"))
        first = columns.ordered_columns(s)[0]
        columns.update_column(s, first.id, name="50%2 <i>prêt</i>", wip_limit=None)
        needs.create_need(
            s,
            needs.NeedInput(
                "<b>Besoin</b> & co",
                "p",
                project.id,
                sprint_id=sprint,
                assignee_id=person.id,
            ),
        )
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def test_lanes_menus_and_tooltips_show_names_as_typed(named_window: MainWindow) -> None:
    board = named_window.board
    board.lanes.setCurrentIndex(board.lanes.findData("project"))
    lane = board.model.lanes[0]
    header = board.view.lane_header(lane.key)
    assert header is not None
    assert without_mnemonics(header.text()) == "RND — R&D <b>x</b>  (1)"
    board.lanes.setCurrentIndex(board.lanes.findData("assignee"))
    header = board.view.lane_header(board.model.lanes[0].key)
    assert header is not None and without_mnemonics(header.text()) == "Tom & Jerry  (1)"

    card = board.model.cells()[0].index(0)
    tip = shown_as_tooltip(card.data(Qt.ItemDataRole.ToolTipRole))
    assert "<b>Besoin</b> & co" in tip and "Tom & Jerry" in tip and "Q&A %2 <i>s</i>" in tip
    assert "In “50%2 <i>prêt</i>” since" in tip  # "%2" of the name is not the date

    menu = board.card_menu([card.data(NEED_ID_ROLE)])
    labels = [
        without_mnemonics(action.text())
        for sub in menu.actions()
        if sub.menu() is not None
        for action in sub.menu().actions()
    ]
    menu.deleteLater()
    assert "50%2 <i>prêt</i>" in labels and "Tom & Jerry" in labels
    assert any(label.startswith("Q&A %2 <i>s</i>") for label in labels)

    model = named_window.sprint_model
    goal = next(
        model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
        if model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    )
    assert shown_as_tooltip(goal) == "<b>but</b>"


def test_sprint_dialog_keeps_a_long_emoji_name_and_quotes_markup_plainly(
    named_window: MainWindow, qtbot: QtBot
) -> None:
    workspace = named_window.workspace
    emoji = workspace.read(lambda s: sprints.find_sprint(s, "😀" * 80).id)
    dialog = SprintDialog(workspace, emoji, parent=named_window)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "😀" * 80  # a cap of 80 UTF-16 units kept 40 of them

    dialog = SprintDialog(workspace, None, date(2027, 3, 1), named_window)
    qtbot.addWidget(dialog)
    dialog.name.setText("q&a %2 <I>S</I>")  # the same name: refused, and said so as typed
    dialog.accept()
    assert not dialog.error.isHidden() and "“q&a %2 <I>S</I>”" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.file_only  # PostgreSQL never stored a NUL: older workspaces are files
def test_control_characters_from_an_older_database_stay_out_of_the_exports(
    session: Session, tmp_path: Path
) -> None:
    """Before the services refused them, NUL and ESC could be stored: exports still cope."""
    change = sprints.create_sprint(session, sprints.SprintInput("S", "2027-01-04", "2027-01-15"))
    rituals.save_ceremony(
        session,
        None,
        rituals.CeremonyInput("review", datetime(2027, 1, 15, 14), 60, change, "t"),
    )
    session.execute(text("UPDATE sprint SET name = 'S' || char(0) || '<b>1</b>', goal = char(27)"))
    session.execute(text("UPDATE ceremony SET title = 'a' || char(0) || 'b', notes = char(7)"))
    session.commit()
    data = export_ics(session, lang="en")
    _ics_lines(data)
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data)  # dropped, not written
    summaries = {str(e["summary"]) for e in Calendar.from_ical(data).walk("VEVENT")}
    assert summaries == {"S<b>1</b>", "ab — S<b>1</b>"}
    pdf = tmp_path / "old.pdf"
    export_pack(session, "S\x00<b>1</b>", pdf, "en")  # printed with U+FFFD for the NUL
    assert "S\ufffd<b>1</b>" in _pdf_text(pdf)
