"""The cotation form from the keyboard and the mouse wheel, as a tester met it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.keys import type_text
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabBar,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects, scoring
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.wheel import wheel_only_when_focused
from po_desktop.ui.workspace import Workspace


def _scoring_window(db: Database, qtbot: QtBot) -> MainWindow:
    """The main window at a laptop's size on the cotation view, ERP-1 selected."""
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        for title in ("Relances", "Export comptable"):
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id))
        scoring.add_preset_grid(s, "ice")  # two grids: the form's grid box can change
    window = MainWindow(Workspace(db))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    window.scoring.list.select_need(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: all(e.isVisible() for e in window.scoring.form.inputs.values()))
    return window


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    win = _scoring_window(db, qtbot)
    yield win
    win.workspace.undo_stack.clear()


def _focus(widget: QWidget, qtbot: QtBot) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _tab(qtbot: QtBot) -> QWidget:
    """Press Tab where the focus is; the widget that has it next."""
    here = QApplication.focusWidget()
    assert here is not None
    qtbot.keyClick(here, Qt.Key.Key_Tab)
    there = QApplication.focusWidget()
    assert there is not None
    return there


# 1 --------------------------------------------------------------------------------------
def test_tab_in_the_rationale_moves_on_to_decided_by_and_writes_no_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = window.scoring.form
    _focus(form.rationale, qtbot)
    type_text(form.rationale, "Hors périmètre")
    assert _tab(qtbot) is form.decided_by
    assert form.rationale.toPlainText() == "Hors périmètre"  # no tab character typed
    qtbot.keyClick(form.decided_by, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert form.rationale.hasFocus()  # and Shift+Tab comes back


# 2 --------------------------------------------------------------------------------------
def _wheel_over(widget: QWidget, window: QWidget, notches: int = -1) -> None:
    """A mouse wheel turned over the widget, as the window system delivers it."""
    centre = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), centre, QPoint(0, 120 * notches))
    QApplication.processEvents()


@pytest.mark.parametrize("name", ["decision", "grid_combo"])
def test_the_wheel_scrolls_the_form_over_a_combo_box_it_has_not_focused(
    window: MainWindow, qtbot: QtBot, name: str
) -> None:
    form = window.scoring.form
    combo: QComboBox = getattr(form, name)
    assert combo.count() > 1 and combo.currentIndex() == 0
    bar = form.scroll_area.verticalScrollBar()
    form.scroll_area.ensureWidgetVisible(combo)
    _focus(form.decided_by, qtbot)
    before = bar.value()
    assert bar.maximum() > 0 and before < bar.maximum()  # the panel can scroll down
    _wheel_over(combo, window)
    assert combo.currentIndex() == 0  # the decision, or the grid, left as it was
    assert bar.value() > before  # the wheel scrolled the panel instead
    assert form.decided_by.hasFocus()  # and gave the combo box no focus on the way
    # Once chosen (clicked, or Tab to it), the wheel turns it as before.
    _focus(combo, qtbot)
    form.scroll_area.ensureWidgetVisible(combo)
    _wheel_over(combo, window)
    assert combo.currentIndex() == 1


def test_a_spin_box_in_a_scrolled_panel_turns_with_the_wheel_only_once_chosen(
    qtbot: QtBot,
) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    body = QWidget()
    column = QVBoxLayout(body)
    other, spin = QLineEdit(), QSpinBox()
    column.addWidget(other)
    column.addWidget(spin)
    column.addSpacing(2000)
    area.setWidget(body)
    area.resize(300, 200)
    spin.setValue(5)
    wheel_only_when_focused(spin)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    _focus(other, qtbot)
    _wheel_over(spin, area)
    assert spin.value() == 5 and area.verticalScrollBar().value() > 0
    area.verticalScrollBar().setValue(0)
    _focus(spin, qtbot)
    _wheel_over(spin, area)
    assert spin.value() == 4


# 3 --------------------------------------------------------------------------------------
def _mnemonic(text: str) -> str:
    """The key of Alt+letter in a widget text ("" when none): "&Fichier" -> "Alt+F"."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def test_the_save_buttons_mnemonic_is_its_own_in_both_languages(
    any_language: str, db: Database, qtbot: QtBot
) -> None:
    window = _scoring_window(db, qtbot)
    form = window.scoring.form
    button = form.save_button
    save = _mnemonic(button.text())
    assert save, button.text()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == {"fr": "&Fichier", "en": "&File"}[any_language]
    menus = [_mnemonic(title) for title in titles]
    assert len(menus) == 5 and all(menus)
    assert save not in menus, (button.text(), titles)
    # Nor any other Alt+letter on screen beside the form: the views' tabs (&Scoring),
    # the buttons and the labels of the page.
    others = [
        *(
            bar.tabText(i)
            for bar in window.findChildren(QTabBar)
            if bar.isVisible()
            for i in range(bar.count())
        ),
        *(b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()),
        *(q.text() for q in window.findChildren(QLabel) if q.isVisible() and q.buddy()),
    ]
    others.remove(button.text())
    assert save not in [_mnemonic(text) for text in others], (button.text(), others)
    # Alt+letter presses the button, and opens no menu.
    with qtbot.waitSignal(button.clicked, timeout=2000):
        QTest.keySequence(window, QKeySequence(save))
    assert QApplication.activePopupWidget() is None


# 4 --------------------------------------------------------------------------------------
def test_tab_goes_from_the_last_criterion_through_the_decision_to_save(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = window.scoring.form
    inputs = list(form.inputs.values())
    _focus(form.grid_combo, qtbot)
    assert [_tab(qtbot) for _ in inputs] == inputs  # the criteria in order
    assert _tab(qtbot) is form.decision
    viewport = form.scroll_area.viewport()
    shown = QRect(form.decision.mapTo(viewport, QPoint()), form.decision.size())
    assert viewport.rect().contains(shown)  # scrolled into sight
    assert _tab(qtbot) is form.rationale
    assert _tab(qtbot) is form.decided_by
    assert _tab(qtbot) is form.save_button
    assert _tab(qtbot) is form.send_button  # then the footer's other button
    # The same on a need loaded afterwards: its inputs are new widgets.
    window.scoring.list.select_need(2)
    inputs = list(form.inputs.values())
    qtbot.waitUntil(inputs[-1].isVisible)  # shown once Qt's event loop runs
    _focus(inputs[-1], qtbot)
    assert _tab(qtbot) is form.decision
    qtbot.keyClick(form.decision, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert inputs[-1].hasFocus()  # Shift+Tab walks it back
