"""Qt's own dialogs and menus speak French: Qt's catalogue, and our supplement of its gaps.

Qt's widgets ask for their texts at run time; qtbase_fr.qm answers most of them, but not
the ones Qt reworded after its translators last passed (the file chooser's "Look in:").
resources/translations/qt_supplement_fr.po fills those gaps. A spy translator, asked
before every other one, records what Qt asks while the French user meets its dialogs:
a string nobody translates fails here the day a Qt upgrade brings one.
"""

from __future__ import annotations

import re
import runpy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QPoint,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QScrollBar,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from po_desktop import paths
from po_desktop.ui import i18n
from po_desktop.ui.app import create_application

ROOT = Path(__file__).resolve().parents[2]
SUPPLEMENT = paths.resources_dir() / "translations" / "qt_supplement_fr.po"
NBSP = "\u00a0"

# What Qt shows untranslated, as plain words (no "&", no ":", no shortcut). "Type",
# "OK", "HTML", "Sat" and "Val" are not here: French writes them the same way.
ENGLISH_FILE_DIALOG = {
    "Look in",
    "Files of type",
    "File name",
    "Folder",
    "File Folder",
    "Drive",
    "Shortcut",
    "Open",
    "Cancel",
    "Save",
    "Save As",
    "Choose",
    "Find Directory",
    "Directory",
    "Directories",
    "All Files (*)",
    "Name",
    "Size",
    "Date Modified",
    "Detail View",
    "List View",
    "Back",
    "Forward",
    "Parent Directory",
    "Create New Folder",
    "Computer",
    "Recent Places",
}
ENGLISH_COLOR_DIALOG = {
    "Select Color",
    "Basic colors",
    "Custom colors",
    "Add to Custom Colors",
    "Pick Screen Color",
    "Hue",
    "Red",
    "Green",
    "Blue",
    "Alpha channel",
    "Cancel",
}
ENGLISH_EDIT_MENU = {"Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All"}
ENGLISH_SPIN_MENU = ENGLISH_EDIT_MENU | {"Step up", "Step down"}
# A popup that Qt runs with exec() on the offscreen platform says these.
OFFSCREEN_POPUP = "This plugin does not support (raise|grabbing the keyboard)"


@pytest.fixture(autouse=True)
def qt_settings(tmp_path: Path) -> Iterator[None]:
    """Qt's file chooser keeps its history in the user's QtProject.conf: not the tester's."""
    user = QSettings.Scope.UserScope
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for settings_format in formats:
        QSettings.setPath(settings_format, user, str(tmp_path / "qt-settings"))
    try:
        yield
    finally:
        default = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.GenericConfigLocation
        )
        for settings_format in formats:
            QSettings.setPath(settings_format, user, default)


@pytest.fixture
def french(app: QApplication) -> Iterator[QApplication]:
    """The application in French, and in English again for the next tests."""
    try:
        yield create_application("fr")
    finally:
        create_application("en")


def _plain(text: str) -> str:
    """A widget text as a user reads it: "&Look in:\\tCtrl+L" -> "Look in"."""
    text = text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":").strip()


def _texts(widget: QWidget) -> list[str]:
    """Every text of a dialog: title, labels, buttons and their tooltips, column
    headers, combo box items, the rows its lists and tables show."""
    texts = [widget.windowTitle()]
    for view in widget.findChildren(QAbstractItemView):
        model, root = view.model(), view.rootIndex()
        if model is not None:
            texts += [
                str(model.index(row, column, root).data())
                for row in range(model.rowCount(root))
                for column in range(model.columnCount(root))
            ]
    texts += [label.text() for label in widget.findChildren(QLabel)]
    for button in widget.findChildren(QAbstractButton):
        texts += [button.text(), button.toolTip()]
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if model is not None:
            texts += [str(model.headerData(i, header.orientation())) for i in range(header.count())]
    for combo in widget.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return texts


def _english(texts: list[str], english: set[str]) -> list[str]:
    return sorted({text for text in texts if _plain(text) in english})


def _mnemonics(dialog: QWidget) -> list[str]:
    """The Alt+letter of each visible label and button."""
    letters = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisible():
            match = re.search(r"&([^&])", widget.text().replace("&&", ""))
            if match:
                letters.append(match.group(1).lower())
    return letters


def _file_dialog(folder: Path, mode: str, qtbot: QtBot) -> QFileDialog:
    """A real, non-native file chooser in detail view, its folder listed."""
    dialog = QFileDialog(None, "", str(folder), "CSV (*.csv);;Tous les fichiers (*)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    elif mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.resize(820, 480)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 2)
    return dialog


def _type_column(dialog: QFileDialog) -> list[str]:
    """The Type column as shown: "Dossier" for a folder."""
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    root = model.index(dialog.directory().absolutePath())
    return [str(model.index(row, 2, root).data()) for row in range(model.rowCount(root))]


def _popup_texts(widget: QWidget, show: Callable[[], object]) -> list[str]:
    """The items of the menu ``show`` opens with exec(), closed as soon as read."""
    texts: list[str] = []
    tries = [0]

    def read_and_close() -> None:
        for menu in QApplication.topLevelWidgets():
            if isinstance(menu, QMenu) and menu.isVisible():
                texts.extend(action.text() for action in menu.actions())
                menu.close()
                return
        tries[0] += 1
        if tries[0] < 100:
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    show()
    return texts


def _context_menu(widget: QWidget) -> Callable[[], object]:
    def show() -> object:
        point = QPoint(4, 4)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
        return QApplication.sendEvent(widget, event)

    return show


# ----- what a French user sees --------------------------------------------------------


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_french_file_chooser_shows_no_english(
    mode: str, french: QApplication, tmp_path: Path, qtbot: QtBot
) -> None:
    (tmp_path / "Sprint 12").mkdir()
    (tmp_path / "besoins.csv").write_text("cle;titre\n", encoding="utf-8")
    dialog = _file_dialog(tmp_path, mode, qtbot)
    texts = _texts(dialog)
    assert _english(texts, ENGLISH_FILE_DIALOG) == [], texts
    assert "Dossier" in _type_column(dialog)
    assert "Ordinateur" in texts  # the sidebar
    letters = _mnemonics(dialog)
    assert len(letters) == len(set(letters)), letters  # Alt+letter reaches one field each


def test_french_colour_dialog_shows_no_english(french: QApplication, qtbot: QtBot) -> None:
    dialog = QColorDialog()
    qtbot.addWidget(dialog)
    dialog.setOptions(
        QColorDialog.ColorDialogOption.DontUseNativeDialog
        | QColorDialog.ColorDialogOption.ShowAlphaChannel
    )
    dialog.show()
    texts = _texts(dialog)
    assert _english(texts, ENGLISH_COLOR_DIALOG) == [], texts


def test_french_line_edit_menu_shows_no_english(french: QApplication, qtbot: QtBot) -> None:
    edit = QLineEdit("Relances de factures")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert len(texts) >= 7, texts
    assert _english(texts, ENGLISH_EDIT_MENU) == [], texts


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_french_spin_box_menu_shows_no_english(french: QApplication, qtbot: QtBot) -> None:
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    texts = [t for t in _popup_texts(spin, _context_menu(spin)) if t]
    assert any("Augmenter" in t for t in texts), texts  # the spin box's own items too
    assert _english(texts, ENGLISH_SPIN_MENU) == [], texts


def test_french_progress_shows_a_french_percentage(french: QApplication, qtbot: QtBot) -> None:
    bar = QProgressBar()
    qtbot.addWidget(bar)
    bar.setRange(0, 10)
    bar.setValue(4)
    assert bar.text() == f"40{NBSP}%"


def test_english_installs_nothing_of_the_supplement(app: QApplication) -> None:
    create_application("fr")
    create_application("en")  # back from French: nothing of it stays behind
    assert not any(
        isinstance(t, i18n.CatalogueTranslator) and t.answers_qt_contexts for t in i18n._installed
    )
    for context, source, disambiguation in (
        ("QFileDialog", "&Look in:", None),
        ("QAbstractFileIconProvider", "Folder", "All other platforms"),
        ("QProgressBar", "%p%", None),
    ):
        assert QCoreApplication.translate(context, source, disambiguation) == source


# ----- the supplement only fills gaps ---------------------------------------------------


def _supplement_messages() -> list[tuple[str, str, str | None, str]]:
    """(context, source, disambiguation, translation) of every message of the .po."""
    with SUPPLEMENT.open("rb") as stream:
        catalogue = read_po(stream, locale="fr")
    found = []
    for message in catalogue:
        if not message.id:
            continue
        assert isinstance(message.id, str) and message.context and not message.fuzzy
        context, _bar, disambiguation = message.context.partition("|")
        found.append((context, message.id, disambiguation or None, str(message.string)))
    return found


def test_supplement_keeps_placeholders_mnemonics_and_french_spacing() -> None:
    messages = _supplement_messages()
    assert messages
    for context, source, _disambiguation, translation in messages:
        where = f"{context} / {source!r} -> {translation!r}"
        assert translation.strip(), where
        assert sorted(re.findall(r"%\d|%p|%n", source)) == sorted(
            re.findall(r"%\d|%p|%n", translation)
        ), where
        mnemonic = re.compile(r"&(?!&)")
        assert len(mnemonic.findall(source)) == len(mnemonic.findall(translation)), where
        assert not re.search(r" [:;?!%]", translation), where  # no breakable space there
        if source.endswith(":"):
            assert translation.endswith(f"{NBSP}:"), where


def _qtbase_fr() -> QTranslator:
    """Qt's own French catalogue, as PySide6 ships it."""
    qtbase = QTranslator()
    assert qtbase.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return qtbase


def test_qt_catalogue_answers_first_and_the_supplement_fills_its_gaps(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A supplement that also translates "Cancel" must not override Qt's "Annuler"."""
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    (folder / "qt_supplement_fr.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgctxt "QPlatformTheme"\nmsgid "Cancel"\nmsgstr "Laisser tomber"\n\n'
        'msgctxt "QFileDialog"\nmsgid "&Look in:"\nmsgstr "&Ici"\n',
        encoding="utf-8",
    )
    runpy.run_path(str(ROOT / "tools" / "compile_translations.py"))["compile_translations"](
        sources=folder
    )
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "resources")
    try:
        create_application("fr")
        qtbase = _qtbase_fr()
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == qtbase.translate(
            "QPlatformTheme", "Cancel"
        )
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Ici"
    finally:
        monkeypatch.undo()
        create_application("en")


def test_every_supplement_message_reaches_the_french_interface(french: QApplication) -> None:
    """Compiled and loaded: each message shows, unless Qt's catalogue has its own."""
    qtbase = _qtbase_fr()
    for context, source, disambiguation, translation in _supplement_messages():
        expected = qtbase.translate(context, source, disambiguation) or translation
        assert QCoreApplication.translate(context, source, disambiguation) == expected


# ----- the spy: everything Qt asks has an answer --------------------------------------


class _Spy(QTranslator):
    """Records every (context, source, disambiguation, n) Qt asks; answers nothing, so
    the translators installed before it still answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str | None, int]] = set()

    def isEmpty(self) -> bool:
        return False

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source, disambiguation or None, n))
        return None  # a null string: Qt asks the next translator


def _meet_qt_dialogs(folder: Path, qtbot: QtBot) -> None:
    """What a user of the app meets of Qt's own interface."""
    for mode in ("open", "save", "folder"):
        dialog = _file_dialog(folder, mode, qtbot)
        _type_column(dialog)
        dialog.setViewMode(QFileDialog.ViewMode.List)
        dialog.close()
    colours = QColorDialog()
    qtbot.addWidget(colours)
    colours.setOptions(
        QColorDialog.ColorDialogOption.DontUseNativeDialog
        | QColorDialog.ColorDialogOption.ShowAlphaChannel
    )
    colours.show()
    buttons = QMessageBox.StandardButton
    for standard in (
        buttons.Yes | buttons.No,
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Ok,
        buttons.Close,
    ):
        box = QMessageBox(QMessageBox.Icon.Question, "PO Desktop", "?", standard)
        qtbot.addWidget(box)
        box.setDetailedText("Trace")
        box.show()
    box_buttons = QDialogButtonBox.StandardButton
    QDialogButtonBox(box_buttons.Ok | box_buttons.Cancel | box_buttons.Save | box_buttons.Close)
    edit = QLineEdit("texte")
    qtbot.addWidget(edit)
    edit.createStandardContextMenu()
    plain = QPlainTextEdit("texte")
    qtbot.addWidget(plain)
    plain.createStandardContextMenu()
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<a href="https://example.org">lien</a>')
    browser.show()
    browser.createStandardContextMenu(QPoint(3, 8))
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    _popup_texts(spin, _context_menu(spin))
    date = QDateEdit(QDate(2026, 11, 30))
    qtbot.addWidget(date)
    date.setCalendarPopup(True)
    date.show()
    date.calendarWidget().grab()
    _popup_texts(date, _context_menu(date))
    for orientation in (Qt.Orientation.Vertical, Qt.Orientation.Horizontal):
        bar = QScrollBar(orientation)
        qtbot.addWidget(bar)
        bar.resize(120, 120)
        bar.show()
        _popup_texts(bar, _context_menu(bar))
    progress = QProgressDialog("Planification…", "Annuler", 0, 10)
    qtbot.addWidget(progress)
    progress.setValue(4)
    progress.show()
    progress.grab()
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.setTabsClosable(True)
    for i in range(20):
        tabs.addTab(QWidget(), f"Onglet {i}")
    tabs.resize(200, 120)
    tabs.show()
    tabs.grab()
    window = QMainWindow()
    qtbot.addWidget(window)
    toolbar = QToolBar("Outils")
    window.addToolBar(toolbar)
    for i in range(20):
        toolbar.addAction(f"Action {i}")
        window.menuBar().addMenu(f"Menu {i}")
    window.resize(200, 150)
    window.show()
    window.grab()


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_everything_qt_asks_in_french_has_a_translation(
    french: QApplication, tmp_path: Path, qtbot: QtBot
) -> None:
    (tmp_path / "Sprint 12").mkdir()
    (tmp_path / "besoins.csv").write_text("cle;titre\n", encoding="utf-8")
    spy = _Spy()
    french.installTranslator(spy)  # installed last: asked first
    try:
        _meet_qt_dialogs(tmp_path, qtbot)
    finally:
        french.removeTranslator(spy)
    assert len(spy.asked) > 100  # the spy heard Qt (file chooser, menus, buttons)
    untranslated = sorted(
        (context, source, disambiguation)
        for context, source, disambiguation, n in spy.asked
        if not any(t.translate(context, source, disambiguation, n) for t in i18n._installed)
    )
    assert untranslated == [], "add these to qt_supplement_fr.po: " + repr(untranslated)
