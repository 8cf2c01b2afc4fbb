"""Cards painted, not built: one delegate draws every card the board shows."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from po_desktop.domain.messages import choice_label
from po_desktop.store.queries import NeedRow
from po_desktop.ui.board.cells import CARD_ROLE
from po_desktop.ui.models import format_score, points_label

CARD_HEIGHT = 104
PIXMAP_CACHE = 256
"""Cards kept rendered: a few screens' worth, about 30 MB at most."""
MARGIN_X, MARGIN_Y = 5, 3
STRIPE = 5
RADIUS = 6.0

# Decision: a symbol and a word, so the card reads the same in black and white.
DECISION_STYLE = {
    "go": ("✔", "#2E7D32"),
    "no_go": ("✖", "#C62828"),
    "explore": ("?", "#9A5B00"),
    "pending": ("…", "#616161"),
}

Index = QModelIndex | QPersistentModelIndex


def initials(name: str | None) -> str:
    words = [w for w in (name or "").replace("-", " ").split() if w]
    return "".join(w[0] for w in words[:2]).upper()


def _avatar_colour(name: str) -> QColor:
    """A stable, readable colour per person (not a meaning: the initials carry that)."""
    hue = sum(ord(c) * 31 for c in name) % 360
    return QColor.fromHsl(hue, 110, 205)


class CardDelegate(QStyledItemDelegate):
    """Key, two lines of title, project stripe, points, score and decision, initials, age."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._split_cache: dict[tuple[str, int], tuple[str, str]] = {}
        self._pixmaps: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._days = self.tr("%1 d")  # age in the column, e.g. "3 d" / "3 j"
        self._non_technical = self.tr("non-technical")
        self._unscored = self.tr("not scored")
        self.badges: Callable[[int], tuple[tuple[str, str], ...]] = lambda _need_id: ()
        """A card's link badges, (text, colour): blocked, its epic, an epic's progress."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(max(120, option.rect.width()), CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Cards come from a pixmap cache: a move repaints two columns of mostly known cards."""
        row = index.data(CARD_ROLE)
        if not isinstance(row, NeedRow):
            return
        target: QRect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        key = (
            row,
            target.width(),
            target.height(),
            selected,
            focused,
            _age_days(row.column_since),
            option.palette.cacheKey(),
            option.font.key(),
            ratio,
            self.badges(row.id),
        )
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(QSize(target.width(), target.height()) * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            card = QPainter(pixmap)
            self._draw(
                card, option, row, QRect(0, 0, target.width(), target.height()), selected, focused
            )
            card.end()
            if len(self._pixmaps) >= PIXMAP_CACHE:
                self._pixmaps.pop(next(iter(self._pixmaps)))
            self._pixmaps[key] = pixmap
        else:
            self._pixmaps.move_to_end(key)
        smooth = QPainter.RenderHint.SmoothPixmapTransform
        if ratio.is_integer() and painter.testRenderHint(smooth):
            # Drawn pixel for pixel, the same pixels either way: the view's smooth
            # transform made each card 5 to 8 times slower to draw (30-40 µs).
            painter.setRenderHint(smooth, False)
            painter.drawPixmap(target.topLeft(), pixmap)
            painter.setRenderHint(smooth, True)
        else:
            painter.drawPixmap(target.topLeft(), pixmap)

    def _draw(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        row: NeedRow,
        outer: QRect,
        selected: bool,
        focused: bool,
    ) -> None:
        palette = option.palette
        rect = outer.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        background = _blend(base, highlight, 0.16) if selected else base
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.fillPath(path, background)
        painter.save()
        painter.setClipPath(path)
        painter.fillRect(
            QRect(rect.left(), rect.top(), STRIPE, rect.height()), QColor(row.project_color)
        )
        painter.restore()
        border = highlight if selected or focused else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2.0 if selected else 1.0))
        painter.drawPath(path)

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = _blend(text_colour, base, 0.42)
        inner = rect.adjusted(STRIPE + 8, 6, -8, -6)
        font = QFont(option.font)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() - 1.0))
        bold_small = QFont(small)
        bold_small.setBold(True)

        # Line 1: key on the left, decision and score on the right.
        painter.setFont(bold_small)
        small_metrics = QFontMetrics(small)
        line_h = small_metrics.height()
        painter.setPen(muted if not selected else text_colour)
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            row.key,
        )
        decision_text, decision_colour = self._decision(row)
        painter.setFont(small)
        painter.setPen(QColor(decision_colour))
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            decision_text,
        )

        # Lines 2-3: the title, on two lines at most, elided.
        painter.setFont(font)
        metrics = QFontMetrics(font)
        first, second = self._two_lines(row.title, font, metrics, inner.width())
        title_top = inner.top() + line_h + 3
        painter.setPen(text_colour)
        for offset, text in enumerate((first, second)):
            if text:
                painter.drawText(
                    QRect(
                        inner.left(),
                        title_top + offset * metrics.height(),
                        inner.width(),
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )

        # Bottom line: points, "non technique", age, assignee initials.
        chip_h = line_h + 2
        bottom = inner.bottom() - chip_h + 1
        x = inner.left()
        painter.setFont(small)
        if row.points is not None:
            x = self._chip(
                painter,
                x,
                bottom,
                chip_h,
                points_label(row.points),
                text_colour,
                _blend(base, text_colour, 0.08),
                None,
            )
        if not row.technical:
            x = self._chip(painter, x, bottom, chip_h, self._non_technical, muted, None, muted)
        for text, colour in self.badges(row.id):
            x = self._chip(
                painter,
                x,
                bottom,
                chip_h,
                text,
                QColor(colour),
                _blend(base, QColor(colour), 0.12),
                None,
            )
        right = inner.right()
        if row.assignee_name:
            diameter = chip_h + 2
            circle = QRect(right - diameter + 1, bottom - 1, diameter, diameter)
            painter.setPen(QPen(_blend(text_colour, base, 0.6), 1.0))
            painter.setBrush(_avatar_colour(row.assignee_name))
            painter.drawEllipse(circle)
            painter.setPen(QColor("#202020"))
            painter.setFont(bold_small)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, initials(row.assignee_name))
            painter.setFont(small)
            right -= diameter + 6
        age = self._days.replace("%1", str(_age_days(row.column_since)))
        painter.setPen(muted)
        if painter.fontMetrics().horizontalAdvance(age) + 4 <= right - x:  # else: tooltip only
            painter.drawText(
                QRect(x, bottom, max(0, right - x), chip_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                age,
            )
        painter.restore()

    # ----- pieces -------------------------------------------------------------------------
    def _decision(self, row: NeedRow) -> tuple[str, str]:
        if row.decision is None:
            return self._unscored, "#616161"
        symbol, colour = DECISION_STYLE.get(row.decision, ("", "#616161"))
        return f"{symbol} {choice_label(row.decision)} · {format_score(row.score)}", colour

    def _two_lines(
        self, title: str, font: QFont, metrics: QFontMetrics, width: int
    ) -> tuple[str, str]:
        key = (title, width)
        cached = self._split_cache.get(key)
        if cached is not None:
            return cached
        layout = QTextLayout(title, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(width)
        end = line.textStart() + line.textLength()
        layout.endLayout()
        first, rest = title[:end].rstrip(), title[end:].strip()
        if metrics.horizontalAdvance(first) > width:  # one unbreakable word
            first = metrics.elidedText(first, Qt.TextElideMode.ElideRight, width)
        second = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width) if rest else ""
        if len(self._split_cache) > 4000:
            self._split_cache.clear()
        self._split_cache[key] = (first, second)
        return first, second

    @staticmethod
    def _chip(
        painter: QPainter,
        x: int,
        y: int,
        height: int,
        text: str,
        colour: QColor,
        fill: QColor | None,
        outline: QColor | None,
    ) -> int:
        width = painter.fontMetrics().horizontalAdvance(text) + 10
        box = QRectF(x, y, width, height)
        path = QPainterPath()
        path.addRoundedRect(box, height / 2, height / 2)
        if fill is not None:
            painter.fillPath(path, fill)
        if outline is not None:
            painter.setPen(QPen(outline, 1.0, Qt.PenStyle.DashLine))
            painter.drawPath(path)
        painter.setPen(colour)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return x + width + 5


def _blend(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def _age_days(since: datetime | None) -> int:
    if since is None:
        return 0
    now = datetime.now(UTC).replace(tzinfo=None)
    return max(0, (now - since).days)
