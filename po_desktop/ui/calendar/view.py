"""The sprint calendar: a month grid and a week agenda, painted in one pass.

Sprints are bands across the days they cover, rituals are entries at their
time, public holidays and absences are marked on their days, today is ringed.
Every item painted leaves a hit area, so clicks and double-clicks know what
they touched without a widget per item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from po_desktop.domain.calendar import clamp
from po_desktop.domain.messages import choice_label
from po_desktop.store.calendar_view import CalendarItems

SPRINT_COLOURS = {
    "active": QColor("#2E7D32"),
    "planned": QColor("#1565C0"),
    "closed": QColor("#757575"),
}
KIND_COLOURS = {
    "planning": QColor("#6A1B9A"),
    "daily": QColor("#00838F"),
    "review": QColor("#EF6C00"),
    "retro": QColor("#AD1457"),
    "refinement": QColor("#4E342E"),
}
HOLIDAY_TINT = QColor("#FDECEA")
WEEKEND_TINT = QColor("#F3F3F3")
FIRST_HOUR, LAST_HOUR = 8, 19


@dataclass(frozen=True)
class Hit:
    rect: QRectF
    kind: str
    """"sprint", "ceremony", "absence" or "day"."""
    id: int
    day: date


class CalendarView(QWidget):
    MONTH, WEEK = "month", "week"

    selected_changed = Signal(object)
    """The selected day changed (a ``datetime.date``)."""
    range_changed = Signal(object, object)
    """The days on screen changed (first, last): the page loads what they hold."""
    create_requested = Signal(object, QPoint)
    """A click on an empty day, or a right-click on any day: offer to create there."""
    ceremony_activated = Signal(int)
    absence_activated = Signal(int)
    sprint_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(560, 420)
        self.setAccessibleName(self.tr("Sprint calendar"))
        self.mode = self.MONTH
        self.today = date.today()
        self.selected = self.today
        self.items = CalendarItems((), (), (), {})
        self._hits: list[Hit] = []
        self.pressed: Hit | None = None  # under the last click, as the page was then
        self.texts = {
            "absent": self.tr("Absent: %1"),
            "more": self.tr("+%1 more"),  # never 1: one entry more would fit instead
        }
        self.short = {  # a month cell is narrow: "09:15 Mêlée", not the ritual's full name
            "planning": self.tr("Planning"),
            "daily": self.tr("Daily"),
            "review": self.tr("Review"),
            "retro": self.tr("Retro"),
            "refinement": self.tr("Refinement"),
        }

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    # ----- state --------------------------------------------------------------------------
    def visible_range(self) -> tuple[date, date]:
        if self.mode == self.WEEK:
            first = self.selected - timedelta(days=self.selected.weekday())
            return first, first + timedelta(days=6)
        first_of_month = self.selected.replace(day=1)
        first = first_of_month - timedelta(days=first_of_month.weekday())
        return first, first + timedelta(days=41)

    def set_items(self, items: CalendarItems) -> None:
        self.items = items
        self.update()

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            before = self.visible_range()
            self.mode = mode
            self._range_moved(before)
            self.update()

    def select(self, day: date) -> None:
        day = clamp(day)  # a sprint an older file dates 9999 is shown at the range's end
        if day == self.selected:
            return
        before = self.visible_range()
        self.selected = day
        self._range_moved(before)
        self.selected_changed.emit(day)
        self.update()

    def _range_moved(self, before: tuple[date, date]) -> None:
        now = self.visible_range()
        if now != before:
            self.range_changed.emit(*now)

    def step(self, pages: int) -> None:
        """The next (or previous) month or week."""
        if self.mode == self.WEEK:
            self.select(self.selected + timedelta(weeks=pages))
            return
        month = self.selected.month - 1 + pages
        year = self.selected.year + month // 12
        month = month % 12 + 1
        day = min(self.selected.day, _days_in_month(year, month))
        self.select(date(year, month, day))

    def hits(self) -> list[Hit]:
        return self._hits

    def day_at(self, pos: QPointF) -> date | None:
        return next((h.day for h in self._hits if h.kind == "day" and h.rect.contains(pos)), None)

    def hit_at(self, pos: QPointF) -> Hit | None:
        """The item under ``pos``: the smallest area wins (an entry over its day)."""
        found = [h for h in self._hits if h.rect.contains(pos)]
        return min(found, key=lambda h: h.rect.width() * h.rect.height(), default=None)

    # ----- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        self._hits = []
        if self.mode == self.WEEK:
            self._paint_week(painter)
        else:
            self._paint_month(painter)

    def _small(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        return font

    def _header(self, painter: QPainter, left: float, width: float, days: list[date]) -> None:
        from PySide6.QtCore import QLocale

        locale = QLocale()
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for column, day in enumerate(days):
            label = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            if self.mode == self.WEEK:
                label += f" {day.day}"
            rect = QRectF(left + column * width, 0, width, 24)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(self.font())

    def _paint_month(self, painter: QPainter) -> None:
        first, _last = self.visible_range()
        width = self.width() / 7
        top = 24.0
        height = (self.height() - top) / 6
        self._header(painter, 0, width, [first + timedelta(days=i) for i in range(7)])
        small = self._small()
        metrics = QFontMetrics(small)
        line = metrics.height() + 1
        lanes = _lanes(self.items)
        for week in range(6):
            week_start = first + timedelta(weeks=week)
            y = top + week * height
            for column in range(7):
                day = week_start + timedelta(days=column)
                cell = QRectF(column * width, y, width, height)
                self._paint_day_cell(painter, cell, day)
            # Sprint bands across the week, one lane per overlapping sprint.
            band_y = y + line + 4
            for sprint in self.items.sprints:
                lo, hi = max(sprint.start, week_start), min(sprint.end, week_start + timedelta(6))
                if lo > hi:
                    continue
                lane = lanes.get(sprint.id, 0)
                rect = QRectF(
                    (lo - week_start).days * width + 2,
                    band_y + lane * (line + 2),
                    ((hi - lo).days + 1) * width - 4,
                    line,
                )
                self._paint_band(
                    painter, rect, sprint, small, label=lo == sprint.start or lo == week_start
                )
            used = max(lanes.values(), default=-1) + 1
            entries_y = band_y + used * (line + 2) + 2
            for column in range(7):
                day = week_start + timedelta(days=column)
                self._paint_entries(
                    painter,
                    QRectF(column * width + 3, entries_y, width - 6, y + height - entries_y - 2),
                    day,
                    small,
                )

    def _paint_day_cell(self, painter: QPainter, cell: QRectF, day: date) -> None:
        palette = self.palette()
        holiday = self.items.holidays.get(day)
        if holiday:
            painter.fillRect(cell, HOLIDAY_TINT)
        elif day.weekday() >= 5:
            painter.fillRect(cell, WEEKEND_TINT)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 0.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell)
        self._hits.append(Hit(cell, "day", 0, day))
        other_month = self.mode == self.MONTH and day.month != self.selected.month
        number = str(day.day) if day.day != 1 else f"{day.day} {_month_short(day)}"
        text_colour = palette.color(
            QPalette.ColorRole.PlaceholderText if other_month else QPalette.ColorRole.Text
        )
        small = self._small()
        metrics = QFontMetrics(small)
        number_rect = QRectF(cell.left() + 4, cell.top() + 2, cell.width() - 8, metrics.height())
        if day == self.today:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(Qt.PenStyle.NoPen)
            size = metrics.height() + 2
            painter.drawEllipse(
                QRectF(
                    number_rect.left() - 2,
                    number_rect.top() - 1,
                    max(size, metrics.horizontalAdvance(number) + 8),
                    size,
                )
            )
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        painter.setFont(small)
        painter.setPen(text_colour)
        painter.drawText(
            number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, number
        )
        if holiday:
            # Upright, in the holiday colour: the bundled font has no italic face, and
            # Qt's slanted substitute pushed the foot of "J" out of the text's box
            # ("lour de l'an").
            painter.setPen(QColor("#B71C1C"))
            offset = metrics.horizontalAdvance(number) + 10
            painter.drawText(
                number_rect.adjusted(offset, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(
                    holiday, Qt.TextElideMode.ElideRight, int(number_rect.width() - offset)
                ),
            )
        painter.setFont(self.font())
        if day == self.selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.adjusted(1, 1, -1, -1))

    def _paint_band(
        self, painter: QPainter, rect: QRectF, sprint: object, font: QFont, *, label: bool
    ) -> None:
        colour = SPRINT_COLOURS.get(sprint.state, SPRINT_COLOURS["planned"])  # type: ignore[attr-defined]
        fill = QColor(colour)
        fill.setAlpha(60 if sprint.state != "active" else 90)  # type: ignore[attr-defined]
        painter.setPen(QPen(colour, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        if label:
            painter.setFont(font)
            painter.setPen(colour.darker(150))
            text = sprint.name + (f" · {sprint.team}" if sprint.team else "")  # type: ignore[attr-defined]
            metrics = QFontMetrics(font)
            painter.drawText(
                rect.adjusted(4, 0, -4, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width() - 8)),
            )
        self._hits.append(Hit(rect, "sprint", sprint.id, sprint.start))  # type: ignore[attr-defined]

    def _entries_of(self, day: date) -> list[tuple[str, int, str, QColor]]:
        """(kind, id, text, colour) for a day: rituals by time, then absences."""
        entries = []
        for c in self.items.ceremonies:
            if c.starts_at.date() == day:
                label = self.short.get(c.kind, c.kind)  # a narrow cell: the title in the tooltip
                entries.append(
                    (
                        "ceremony",
                        c.id,
                        f"{c.starts_at:%H:%M} {label}{self.items.whose(c, label)}",
                        KIND_COLOURS.get(c.kind, QColor("#555")),
                    )
                )
        for a in self.items.absences:
            if a.start <= day <= a.end:
                entries.append(
                    (
                        "absence",
                        a.id,
                        self.texts["absent"].replace("%1", a.person),
                        QColor("#6D4C41"),
                    )
                )
        return entries

    def _paint_entries(self, painter: QPainter, area: QRectF, day: date, font: QFont) -> None:
        entries = self._entries_of(day)
        if not entries:
            return
        metrics = QFontMetrics(font)
        line = metrics.height() + 1
        fits = max(0, int(area.height() // line))
        shown = entries if len(entries) <= fits else entries[: max(0, fits - 1)]
        painter.setFont(font)
        y = area.top()
        for kind, item_id, text, colour in shown:
            rect = QRectF(area.left(), y, area.width(), line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(rect.left() + 3, rect.center().y()), 2.5, 2.5)
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(
                rect.adjusted(9, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width() - 9)),
            )
            self._hits.append(Hit(rect, kind, item_id, day))
            y += line
        if len(shown) < len(entries):
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(area.left() + 9, y, area.width(), line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.texts["more"].replace("%1", str(len(entries) - len(shown))),
            )
        painter.setFont(self.font())

    def _paint_week(self, painter: QPainter) -> None:
        first, _last = self.visible_range()
        days = [first + timedelta(days=i) for i in range(7)]
        gutter = 44.0
        width = (self.width() - gutter) / 7
        self._header(painter, gutter, width, days)
        small = self._small()
        metrics = QFontMetrics(small)
        line = metrics.height() + 1
        lanes = _lanes(self.items)
        absent_rows = max(
            (len([a for a in self.items.absences if a.start <= d <= a.end]) for d in days),
            default=0,
        )
        all_day = (
            24
            + line
            + 4
            + (max(lanes.values(), default=-1) + 1) * (line + 2)
            + absent_rows * line
            + 6
        )
        for column, day in enumerate(days):
            cell = QRectF(gutter + column * width, 24, width, self.height() - 24)
            self._paint_day_cell(painter, cell, day)
        for sprint in self.items.sprints:
            lo, hi = max(sprint.start, first), min(sprint.end, days[-1])
            if lo > hi:
                continue
            rect = QRectF(
                gutter + (lo - first).days * width + 2,
                24 + line + 4 + lanes.get(sprint.id, 0) * (line + 2),
                ((hi - lo).days + 1) * width - 4,
                line,
            )
            self._paint_band(painter, rect, sprint, small, label=True)
        absences_top = 24 + line + 4 + (max(lanes.values(), default=-1) + 1) * (line + 2)
        painter.setFont(small)
        for column, day in enumerate(days):
            y = absences_top
            for a in self.items.absences:
                if a.start <= day <= a.end:
                    rect = QRectF(gutter + column * width + 4, y, width - 8, line)
                    painter.setPen(QColor("#6D4C41"))
                    painter.drawText(
                        rect,
                        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                        metrics.elidedText(
                            self.texts["absent"].replace("%1", a.person),
                            Qt.TextElideMode.ElideRight,
                            int(rect.width()),
                        ),
                    )
                    self._hits.append(Hit(rect, "absence", a.id, day))
                    y += line
        # Hours
        # Office hours, stretched to show a ritual set earlier or later.
        week = [c for c in self.items.ceremonies if first <= c.starts_at.date() <= days[-1]]
        first_hour = min([FIRST_HOUR, *(c.starts_at.hour for c in week)])
        last_hour = max(
            [
                LAST_HOUR,
                *(
                    min(24, -(-(c.starts_at.hour * 60 + c.starts_at.minute + c.minutes) // 60))
                    for c in week
                ),
            ]
        )
        hours = last_hour - first_hour
        hour_height = max(12.0, (self.height() - all_day - 4) / hours)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 0.5))
        for h in range(hours + 1):
            y = all_day + h * hour_height
            painter.drawLine(QPointF(gutter, y), QPointF(self.width(), y))
            painter.drawText(
                QRectF(0, y - line / 2, gutter - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{first_hour + h}:00",
            )
        for column, day in enumerate(days):
            todays = [c for c in self.items.ceremonies if c.starts_at.date() == day]
            for c in todays:
                start_h = c.starts_at.hour + c.starts_at.minute / 60
                top = all_day + (start_h - first_hour) * hour_height
                height = max(line, c.minutes / 60 * hour_height)
                overlapping = [o for o in todays if _overlap(o, c)]
                slot = overlapping.index(c)
                share = width / len(overlapping)
                rect = QRectF(gutter + column * width + 2 + slot * share, top, share - 4, height)
                colour = KIND_COLOURS.get(c.kind, QColor("#555"))
                fill = QColor(colour)
                fill.setAlpha(50)
                painter.setPen(QPen(colour, 1))
                painter.setBrush(fill)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(self.palette().color(QPalette.ColorRole.Text))
                label = f"{c.starts_at:%H:%M} {c.title or self.short.get(c.kind, c.kind)}"
                label += self.items.whose(c, label)
                wrapped = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                painter.drawText(
                    rect.adjusted(3, 1, -2, -1), wrapped | Qt.TextFlag.TextWordWrap, label
                )
                self._hits.append(Hit(rect, "ceremony", c.id, day))
        painter.setFont(self.font())

    # ----- input --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in moves:
            self.select(self.selected + timedelta(days=moves[key]))
        elif key == Qt.Key.Key_PageUp:
            self.step(-1)
        elif key == Qt.Key.Key_PageDown:
            self.step(1)
        elif key == Qt.Key.Key_Home:
            self.select(self.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_day(self.selected, self.mapToGlobal(self.rect().center()))
        else:
            super().keyPressEvent(event)

    def _open_day(self, day: date, where: QPoint) -> None:
        """Enter on a day: edit its first ritual, or offer to create one."""
        entries = self._entries_of(day)
        if not entries:
            self.create_requested.emit(day, where)
            return
        kind, item_id, _text, _colour = entries[0]
        (self.ceremony_activated if kind == "ceremony" else self.absence_activated).emit(item_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        hit = self.pressed = self.hit_at(event.position())
        if hit is None:
            return
        # The day under the pointer: a sprint band spans many days, and its own day
        # (the sprint's start) may be in another month.
        day = self.day_at(event.position()) or hit.day
        self.select(day)
        if hit.kind == "day" and not self._entries_of(hit.day):
            self.create_requested.emit(hit.day, event.globalPosition().toPoint())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right-click or the menu key on any day, busy or not: :attr:`create_requested`."""
        day: date | None = self.selected
        where = self.mapToGlobal(self.rect().center())
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            hit, where = self.hit_at(QPointF(event.pos())), event.globalPos()
            day = self.day_at(QPointF(event.pos())) or (hit.day if hit is not None else None)
        if day is not None:
            self.select(day)
            self.create_requested.emit(day, where)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # What the first click was on: a next month's day turned the page under the pointer.
        hit, self.pressed = self.pressed or self.hit_at(event.position()), None
        if hit is None:
            return
        if hit.kind == "ceremony":
            self.ceremony_activated.emit(hit.id)
        elif hit.kind == "absence":
            self.absence_activated.emit(hit.id)
        elif hit.kind == "sprint":
            self.sprint_activated.emit(hit.id)
        else:
            self._open_day(hit.day, event.globalPosition().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(event.position())
        text = None
        if hit is not None and hit.kind == "sprint":
            sprint = next((s for s in self.items.sprints if s.id == hit.id), None)
            if sprint is not None:
                text = f"{sprint.name} ({choice_label(sprint.state)})" + (
                    f"\n{sprint.goal}" if sprint.goal else ""
                )
        elif hit is not None and hit.kind == "ceremony":
            c = next((c for c in self.items.ceremonies if c.id == hit.id), None)
            if c is not None:
                text = f"{c.starts_at:%H:%M} {c.title or choice_label(c.kind)}"
                text += f"{self.items.whose(c, text)} ({c.minutes} min)"
                if c.location:
                    text += f"\n{c.location}"
        elif hit is not None and hit.kind == "day" and hit.day in self.items.holidays:
            text = self.items.holidays[hit.day]
        if text:
            import html  # on first use: start-up time

            # Plain text: a name like "<b>R&D</b>" must show as typed; long goals are cut.
            safe = html.escape(text[:400] + ("…" if len(text) > 400 else "")).replace("\n", "<br>")
            QToolTip.showText(event.globalPosition().toPoint(), f"<qt>{safe}</qt>", self)
        else:
            QToolTip.hideText()


def _lanes(items: CalendarItems) -> dict[int, int]:
    """A lane per sprint so that overlapping sprints (two teams) do not cover each other."""
    lanes: dict[int, int] = {}
    ends: list[date] = []
    for sprint in sorted(items.sprints, key=lambda s: (s.start, s.id)):
        for lane, end in enumerate(ends):
            if end < sprint.start:
                ends[lane] = sprint.end
                lanes[sprint.id] = lane
                break
        else:
            lanes[sprint.id] = len(ends)
            ends.append(sprint.end)
    return lanes


def _overlap(a: object, b: object) -> bool:
    a_end = a.starts_at + timedelta(minutes=a.minutes)  # type: ignore[attr-defined]
    b_end = b.starts_at + timedelta(minutes=b.minutes)  # type: ignore[attr-defined]
    return a.starts_at < b_end and b.starts_at < a_end  # type: ignore[attr-defined]


def _days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _month_short(day: date) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)
