"""Date and time inputs that take what is typed, as typed.

Qt's QDateEdit edits one section at a time: Ctrl+A then "04/01/2027" kept the old day
(14/01/2027), and "14:30" in a QTimeEdit gave 10:30. These fields are line edits read
as a whole (po_desktop.domain.typed), with a calendar to pick from; a text they cannot
read is marked and refused by the dialog, never replaced by another date in silence.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QPoint, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
    QWidgetAction,
)

from po_desktop.domain.calendar import EARLIEST, LATEST
from po_desktop.domain.typed import parse_date, parse_time
from po_desktop.ui import icons

DATE_FORMAT = "dd/MM/yyyy"
"""How a date is shown once typed: the same in French and British English."""
TIME_FORMAT = "HH:mm"

_INVALID_STYLE = "QLineEdit { border: 1px solid #B00020; background: #FDECEC; }"


def _pydate(value: QDate | date) -> date:
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day())
    return value


class _TypedField(QLineEdit):
    """A line edit whose text is read on every keystroke and marked when unreadable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self._typed)
        self.editingFinished.connect(self._tidy)

    def _read(self, text: str) -> object | None:
        raise NotImplementedError

    def _show(self, value: object) -> str:
        raise NotImplementedError

    def _changed(self, value: object) -> None:
        """The text now means another value."""

    def is_valid(self) -> bool:
        return self._read(self.text()) is not None

    def _typed(self, text: str) -> None:
        value = self._read(text)
        self.setStyleSheet("" if value is not None else _INVALID_STYLE)
        if value is not None:
            self._changed(value)

    def _tidy(self) -> None:
        """Leaving the field: "4/1/27" is shown as the date it was read as, 04/01/2027."""
        value = self._read(self.text())
        if value is not None and self.text() != self._show(value):
            self.setText(self._show(value))


class DateField(_TypedField):
    """A day, typed ("04/01/2027", "4/1/27", "4 janv. 2027") or picked in a calendar."""

    date_changed = Signal(QDate)

    def __init__(self, value: QDate | date | None = None, parent: QWidget | None = None) -> None:
        self._last: date | None = None
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setToolTip(self.tr("Type a date such as 04/01/2027, or pick it in the calendar"))
        self.calendar_action = self.addAction(
            icons.icon("view-calendar"), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip(self.tr("Pick in the calendar"))
        self.calendar_action.triggered.connect(self.pick)
        self.setDate(value or date.today())

    def _read(self, text: str) -> date | None:
        default = self._last.year if self._last is not None else date.today().year
        return parse_date(text, default_year=default)

    def _show(self, value: object) -> str:
        return QDate(value).toString(DATE_FORMAT)  # type: ignore[call-overload]

    def _changed(self, value: object) -> None:
        if value != self._last:
            self._last = value  # type: ignore[assignment]
            self.date_changed.emit(QDate(value))  # type: ignore[call-overload]

    def value(self) -> date | None:
        """The date typed, or None while the text is not one."""
        return self._read(self.text())

    def date(self) -> QDate:
        """As QDateEdit: an invalid QDate while the text is not a date."""
        value = self.value()
        return QDate(value) if value is not None else QDate()

    def setDate(self, value: QDate | date) -> None:
        self.setText(self._show(_pydate(value)))

    def setCalendarPopup(self, _on: bool) -> None:
        """QDateEdit's: this field always has its calendar."""

    def pick(self) -> None:
        """The month of the date typed, in a calendar under the field."""
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        calendar.setMinimumDate(QDate(EARLIEST))
        calendar.setMaximumDate(QDate(LATEST))
        current = self.value() or self._last or date.today()
        calendar.setSelectedDate(QDate(current))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        calendar.clicked.connect(lambda day: (self.setDate(day), menu.close()))
        calendar.activated.connect(lambda day: (self.setDate(day), menu.close()))
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))


class TimeField(_TypedField):
    """A time of day: "14:30", "14h30", "9h", "1430"."""

    time_changed = Signal(QTime)

    def __init__(self, value: QTime | time | None = None, parent: QWidget | None = None) -> None:
        self._last: time | None = None
        super().__init__(parent)
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setToolTip(self.tr("Type a time such as 14:30 or 9h"))
        self.setMaximumWidth(110)
        self.setTime(value or QTime(10, 0))

    def _read(self, text: str) -> time | None:
        return parse_time(text)

    def _show(self, value: object) -> str:
        return QTime(value).toString(TIME_FORMAT)  # type: ignore[call-overload]

    def _changed(self, value: object) -> None:
        if value != self._last:
            self._last = value  # type: ignore[assignment]
            self.time_changed.emit(QTime(value))  # type: ignore[call-overload]

    def value(self) -> time | None:
        return self._read(self.text())

    def time(self) -> QTime:
        value = self.value()
        return QTime(value) if value is not None else QTime()

    def setTime(self, value: QTime | time) -> None:
        if isinstance(value, QTime):
            value = time(value.hour(), value.minute())
        self.setText(self._show(value))


class DateTimeField(QWidget):
    """A day and a time side by side (a ritual's start)."""

    def __init__(self, value: QDateTime | datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        moment = value.toPython() if isinstance(value, QDateTime) else value
        self.date_field = DateField(moment.date())
        self.time_field = TimeField(moment.time())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_field, 1)
        row.addWidget(self.time_field)
        self.setFocusProxy(self.date_field)

    def fields(self) -> tuple[_TypedField, ...]:
        return (self.date_field, self.time_field)

    def dateTime(self) -> QDateTime:
        return QDateTime(self.date_field.date(), self.time_field.time())

    def setDateTime(self, value: QDateTime) -> None:
        self.date_field.setDate(value.date())
        self.time_field.setTime(value.time())

    def setCalendarPopup(self, _on: bool) -> None:
        """QDateTimeEdit's: the date field always has its calendar."""


def plain_text(edit: QPlainTextEdit) -> str:
    """The editor's text as typed: ``toPlainText()`` also turns every no-break space into a
    plain space, so saving a need rewrote French typography ("Note\\u00a0:") it never touched.
    """
    text = edit.document().toRawText()  # paragraph and line separators for line ends
    return text.replace("\u2029", "\n").replace("\u2028", "\n")
