"""What a user would call a broken screen, found in a widget tree.

- a word-wrapped label shorter than its text needs (its last lines are cut);
- a label, button or check box narrower than its text;
- a combo box too narrow for the choice it shows;
- a table header narrower than its title;
- two widgets of one layout drawn over each other;
- a window or dialog larger than the screen it opens on.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6 import QtGui
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionHeader,
    QTabBar,
    QWidget,
)

TOLERANCE = 2
"""Pixels of rounding a style may lose without any letter being cut."""


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    name = widget.objectName() or widget.accessibleName()
    owner = widget.window().windowTitle() or type(widget.window()).__name__
    label = f"{type(widget).__name__}"
    if name:
        label += f"#{name}"
    if text:
        label += f" «{text[:60]}»"
    return f"{owner}: {label}"


def _shown(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0:
            yield widget


def _inside_scroll_area(widget: QWidget) -> bool:
    """Scrolled content is not clipped: the user scrolls to it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"wrapped text needs {needed} px of height, has {label.height()}"
        return None
    if label.textFormat() == Qt.TextFormat.RichText or QtGui.Qt.mightBeRichText(label.text()):
        return None  # rich text sizes itself; the wrapped case above covers most
    needed = label.minimumSizeHint().width()
    if needed > label.width() + TOLERANCE:
        return f"text needs {needed} px of width, has {label.width()}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    if isinstance(button, QPushButton | QCheckBox | QRadioButton):
        needed = button.sizeHint().width()
        if needed > button.width() + TOLERANCE:
            return f"text needs {needed} px of width, has {button.width()}"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    # What the style leaves for the text: the frame, the arrow and an icon take the rest.
    from PySide6.QtWidgets import QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = (
        combo.style()
        .subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        .width()
    )
    if not combo.itemIcon(combo.currentIndex()).isNull():
        room -= combo.iconSize().width() + 4
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > room + TOLERANCE:
        return f"shows «{text}» in {room} px, needs {needed}"
    return None


def _header_problems(header: QHeaderView) -> Iterator[str]:
    model = header.model()
    if model is None or not header.isVisible():
        return
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not title:
            continue
        option = QStyleOptionHeader()
        header.initStyleOption(option)
        option.section = section
        option.text = str(title)
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        needed = (
            header.style()
            .sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header)
            .width()
        )
        size = header.sectionSize(section)
        if header.orientation() == Qt.Orientation.Horizontal and needed > size + TOLERANCE + 6:
            view = header.parentWidget()
            owner = view.window().windowTitle() if view else ""
            yield f"{owner}: header «{title}» is {size} px wide, needs {needed}"


def _overlaps(layout: QLayout) -> Iterator[str]:
    items: list[tuple[QRect, str]] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget()
        if widget is not None:
            if widget.isVisible() and widget.width() > 1 and widget.height() > 1:
                items.append((widget.geometry(), describe(widget)))
        elif item.layout() is not None:
            yield from _overlaps(item.layout())
            rect = item.layout().geometry()
            if rect.width() > 1 and rect.height() > 1 and _has_visible(item.layout()):
                items.append((rect, f"layout {type(item.layout()).__name__}"))
    for first in range(len(items)):
        for second in range(first + 1, len(items)):
            shared = items[first][0].intersected(items[second][0])
            if shared.width() > TOLERANCE and shared.height() > TOLERANCE:
                yield f"{items[first][1]} overlaps {items[second][1]}"


def _has_visible(layout: QLayout) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None and item.widget().isVisible():
            return True
        if item.layout() is not None and _has_visible(item.layout()):
            return True
    return False


def layout_problems(root: QWidget, screen: QSize | None = None) -> list[str]:
    """Everything that looks broken in ``root`` as it is shown now."""
    problems: list[str] = []
    if screen is not None:
        size = root.size()  # the frame is the window system's: a few pixels, not counted
        if size.width() > screen.width() or size.height() > screen.height():
            problems.append(
                f"{describe(root)}: {size.width()}×{size.height()} does not fit a "
                f"{screen.width()}×{screen.height()} screen"
            )
    for widget in _shown(root):
        if isinstance(widget, QTabBar):
            continue  # tabs scroll or elide by design
        problem = None
        if isinstance(widget, QLabel) and (widget.wordWrap() or not _inside_scroll_area(widget)):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton) and not _inside_scroll_area(widget):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QHeaderView):
            problems.extend(_header_problems(widget))
        if problem is not None:
            problems.append(f"{describe(widget)}: {problem}")
        layout = widget.layout()
        if layout is not None:
            problems.extend(_overlaps(layout))
    if root.layout() is not None:
        problems.extend(_overlaps(root.layout()))
    return sorted(set(problems))
