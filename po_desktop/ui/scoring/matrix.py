"""Value / effort matrix: the filtered scored needs as points in four quadrants."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from po_desktop.domain.messages import choice_label

DECISION_COLOURS = {
    "go": QColor("#2E7D32"),
    "explore": QColor("#1565C0"),
    "pending": QColor("#9E9E9E"),
    "no_go": QColor("#C62828"),
}
"""Colour of a point by decision; the legend names each, and pending points are hollow."""

MIDDLE = 50.0
"""Where the quadrants split, on both 0–100 axes."""


class MatrixPoint(NamedTuple):
    need_id: int
    key: str
    title: str
    value: float
    effort: float
    decision: str | None


class ValueEffortMatrix(QWidget):
    """Quick wins, big bets, fill-ins and money pits; clicking a point opens its need.

    Painted in one pass with no item per point, so 10,000 needs stay fluid. Points
    sharing a position (small integer scales make many) are spread a little by a
    fixed offset drawn from the need id, so a cluster shows how many it holds and
    the same need is always drawn at the same place.
    """

    need_clicked = Signal(int)

    RADIUS = 5.0
    PICK = 9.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 300)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Value / effort matrix"))
        self._points: list[MatrixPoint] = []
        self._current: int | None = None
        self.quadrant_names = (
            self.tr("Quick wins"),
            self.tr("Big bets"),
            self.tr("Fill-ins"),
            self.tr("Money pits"),
        )
        self.empty_text = self.tr("No need shown has a score on the active grid.")

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def set_points(self, points: list[MatrixPoint]) -> None:
        self._points = points
        self.update()

    def points(self) -> list[MatrixPoint]:
        return self._points

    def set_current(self, need_id: int | None) -> None:
        if need_id != self._current:
            self._current = need_id
            self.update()

    def quadrant_counts(self) -> tuple[int, int, int, int]:
        """Needs in each quadrant: quick wins, big bets, fill-ins, money pits."""
        counts = [0, 0, 0, 0]
        for p in self._points:
            counts[_quadrant(p.value, p.effort)] += 1
        return counts[0], counts[1], counts[2], counts[3]

    # ----- geometry -----------------------------------------------------------------------
    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(56, 16, -16, -48)

    def position_of(self, point: MatrixPoint) -> QPointF:
        """Where a point is drawn: effort left to right, value bottom to top.

        The spread never carries a point across a midline: it stays drawn in the
        quadrant it is counted in.
        """
        plot = self._plot()
        spread = ((point.need_id * 2654435761) % 1000) / 1000.0 - 0.5
        turn = ((point.need_id * 40503) % 1000) / 1000.0 - 0.5
        x = _beside(point.effort, 2.4 * spread, high=point.effort >= MIDDLE)
        y = _beside(point.value, 2.4 * turn, high=point.value >= MIDDLE)
        # Data from -5 to 105: points on a scale's ends stay off the frame.
        return QPointF(
            plot.left() + plot.width() * (x + 5) / 110.0,
            plot.bottom() - plot.height() * (y + 5) / 110.0,
        )

    def need_at(self, pos: QPointF) -> int | None:
        """The need whose point is nearest ``pos``, within a few pixels."""
        best, best_d = None, self.PICK * self.PICK
        for point in self._points:
            at = self.position_of(point)
            d = (at.x() - pos.x()) ** 2 + (at.y() - pos.y()) ** 2
            if d <= best_d:
                best, best_d = point.need_id, d
        return best

    # ----- painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        plot = self._plot()
        mid_x = plot.left() + plot.width() * (MIDDLE + 5) / 110
        mid_y = plot.bottom() - plot.height() * (MIDDLE + 5) / 110
        tints = ("#E8F5E9", "#E3F2FD", "#F5F5F5", "#FFEBEE")
        quads = (
            QRectF(QPointF(plot.left(), plot.top()), QPointF(mid_x, mid_y)),
            QRectF(QPointF(mid_x, plot.top()), QPointF(plot.right(), mid_y)),
            QRectF(QPointF(plot.left(), mid_y), QPointF(mid_x, plot.bottom())),
            QRectF(QPointF(mid_x, mid_y), QPointF(plot.right(), plot.bottom())),
        )
        counts = self.quadrant_counts()
        text_pen = QPen(palette.color(QPalette.ColorRole.Text))
        bold = QFont(self.font())
        bold.setBold(True)
        for rect, tint, name, count in zip(quads, tints, self.quadrant_names, counts, strict=True):
            painter.fillRect(rect, QColor(tint))
            painter.setPen(QColor("#555555"))
            painter.setFont(bold)
            label = rect.adjusted(8, 6, -8, -6)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, f"{name} ({count})"
            )
        painter.setFont(self.font())
        painter.setPen(QPen(QColor("#9E9E9E"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(mid_x, plot.top()), QPointF(mid_x, plot.bottom()))
        painter.drawLine(QPointF(plot.left(), mid_y), QPointF(plot.right(), mid_y))
        painter.setPen(text_pen)
        painter.drawRect(plot)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 4, plot.width(), 18),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Effort →"),
        )
        painter.save()
        painter.translate(plot.left() - 30, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-plot.height() / 2, -10, plot.height(), 20),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Value →"),
        )
        painter.restore()
        self._paint_legend(painter, plot)
        if not self._points:
            # On a backing of the window's colour: the quadrant lines cross the centre.
            box = painter.boundingRect(
                plot, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text
            ).adjusted(-10, -6, 10, 6)
            painter.fillRect(box, self.palette().color(QPalette.ColorRole.Window))
            painter.drawText(
                plot,
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            return
        current = None
        for point in self._points:
            at = self.position_of(point)
            colour = DECISION_COLOURS.get(point.decision or "pending", DECISION_COLOURS["pending"])
            painter.setPen(QPen(colour.darker(140), 1.2))
            hollow = point.decision in (None, "pending")
            painter.setBrush(Qt.BrushStyle.NoBrush if hollow else colour)
            painter.drawEllipse(at, self.RADIUS, self.RADIUS)
            if point.need_id == self._current:
                current = (at, point)
        if current is not None:  # the need open in the form: ringed and named
            at, point = current
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2.5))
            painter.drawEllipse(at, self.RADIUS + 4, self.RADIUS + 4)
            painter.setPen(text_pen)
            painter.setFont(bold)
            painter.drawText(at + QPointF(self.RADIUS + 7, 4), point.key)

    def _paint_legend(self, painter: QPainter, plot: QRectF) -> None:
        x = plot.left()
        y = plot.bottom() + 30
        metrics = painter.fontMetrics()
        for decision in ("go", "explore", "pending", "no_go"):
            colour = DECISION_COLOURS[decision]
            painter.setPen(QPen(colour.darker(140), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush if decision == "pending" else colour)
            painter.drawEllipse(QPointF(x + 5, y), 4.5, 4.5)
            label = choice_label(decision)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text)))
            painter.drawText(QPointF(x + 14, y + metrics.ascent() / 2 - 1), label)
            x += 14 + metrics.horizontalAdvance(label) + 18

    # ----- mouse --------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.need_at(event.position())
        if hover is None:
            QToolTip.hideText()
            return
        point = next(p for p in self._points if p.need_id == hover)
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{point.key} — {point.title}\n"
            + self.tr("Value %1 · effort %2")
            .replace("%1", f"{point.value:.0f}")
            .replace("%2", f"{point.effort:.0f}"),
            self,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            need_id = self.need_at(event.position())
            if need_id is not None:
                self.set_current(need_id)
                self.need_clicked.emit(need_id)
                return
        super().mousePressEvent(event)


def _beside(position: float, offset: float, *, high: bool) -> float:
    """``position`` moved by ``offset``, kept on its side of the middle."""
    moved = position + offset
    if high and moved < MIDDLE:
        return position + abs(offset)
    if not high and moved >= MIDDLE:
        return position - abs(offset)
    return moved


def _quadrant(value: float, effort: float) -> int:
    """0 quick win, 1 big bet, 2 fill-in, 3 money pit."""
    high_value = value >= MIDDLE
    low_effort = effort < MIDDLE
    if high_value:
        return 0 if low_effort else 1
    return 2 if low_effort else 3
