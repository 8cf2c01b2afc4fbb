"""The cotation form: the real need first, one input per criterion, a live score, versions."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain import formatting
from po_desktop.domain.enums import Decision
from po_desktop.domain.messages import choice_label, language
from po_desktop.domain.scoring import Grid, ScoringError
from po_desktop.store import scoring_queries
from po_desktop.store.errors import ConflictError, PoDesktopError
from po_desktop.store.services import scoring
from po_desktop.ui.banner import FormError
from po_desktop.ui.fields import plain_text
from po_desktop.ui.models import format_score, muted
from po_desktop.ui.wheel import wheel_only_when_focused
from po_desktop.ui.workspace import Workspace


def number_text(value: float) -> str:
    """Every digit that was saved: re-saving must not round a value behind the user's back."""
    return formatting.number(value, decimals=12, group=False)


class ScoringForm(QWidget):
    """Scores one need. Saving writes a new version; any older version can be restored."""

    saved = Signal(int)
    """A need was scored or restored (its id): the page keeps it selected."""
    decision_requested = Signal(int)
    """Send the decision of this need to its requester."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        rank_of: Callable[[int, float, str | None], tuple[int, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._rank_of = rank_of
        """The rank a need would get with a score and a decision, ties as the table breaks
        them."""
        self.need_id: int | None = None
        self.grid: Grid | None = None
        self._model_id: int | None = None
        self.inputs: dict[str, QLineEdit] = {}
        self._loaded: tuple[object, ...] = ()
        self._based_on = 0
        """The latest version shown when the need was loaded (0: never scored): a save is
        built on it, and refused if someone has scored the need since."""
        self._saving = False
        self._saved_values: dict[str, float] = {}
        self._saved_model: object = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.heading.setFont(font)
        self.problem = QTextBrowser()
        self.problem.setMaximumHeight(110)
        self.solution = QTextBrowser()
        self.solution.setMaximumHeight(70)
        need_box = QGroupBox(self.tr("The need"))
        need_layout = QVBoxLayout(need_box)
        need_layout.addWidget(QLabel(self.tr("Problem to solve (the real need)")))
        need_layout.addWidget(self.problem)
        need_layout.addWidget(QLabel(self.tr("Proposed solution (as the requester sees it)")))
        need_layout.addWidget(self.solution)

        self.grid_combo = QComboBox()
        # Follows its items: filled after the first show, it kept the empty width.
        self.grid_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grid_combo.setAccessibleName(self.tr("Scoring grid"))
        self.grid_combo.currentIndexChanged.connect(self._grid_chosen)
        self.criteria_box = QGroupBox(self.tr("Criteria"))
        self.criteria_form = QFormLayout(self.criteria_box)
        # A narrow form puts each criterion's name above its input, not beside it.
        self.criteria_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.criteria_form.addRow(self.tr("Grid:"), self.grid_combo)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.criteria_form.addRow(self.tr("Score:"), self.score_label)

        self.decision = QComboBox()
        for value in Decision:
            self.decision.addItem(choice_label(value.value), value.value)
        self.decision.currentIndexChanged.connect(self._update_score)  # ties go by decision
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(
            self.tr("Why this decision? Required for a no-go or an explore.")
        )
        # Tab goes on to "Decided by", as in every other form: typed here, it saved a tab
        # character into the rationale, which the decision letter and the pack then printed.
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(80)
        self.decided_by = QLineEdit()
        self.decided_by.setPlaceholderText(self.tr("Who decided (the requester and you)"))
        decision_box = QGroupBox(self.tr("Decision"))
        decision_form = QFormLayout(decision_box)
        decision_form.addRow(self.tr("Decision:"), self.decision)
        decision_form.addRow(self.tr("Rationale:"), self.rationale)
        decision_form.addRow(self.tr("Decided by:"), self.decided_by)
        # The form scrolls: the wheel passing over a box must not change the grid or the
        # decision behind the user's back, only a box they chose.
        wheel_only_when_focused(self.grid_combo, self.decision)

        self.error = FormError()
        # Its Alt+letter is the window's only one, in both languages: not a menu's (Alt+E
        # opened "Espace de travail" in French) nor a view's (Alt+S is "Scoring").
        self.save_button = QPushButton(self.tr("Save sc&oring"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        self.history = QListWidget()
        self.history.setMaximumHeight(110)
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.history.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(row > 0))
        history_box = QGroupBox(self.tr("History"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignRight)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(need_box)
        layout.addWidget(self.criteria_box)
        layout.addWidget(decision_box)
        layout.addWidget(history_box)
        layout.addStretch(1)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # The message and Save stay in sight under the scrolled form: on a laptop the
        # form is taller than the screen, and Save must never need a scroll to be found.
        self.footer = QWidget()
        footer = QVBoxLayout(self.footer)
        footer.setContentsMargins(9, 4, 9, 6)
        footer.addWidget(self.error)
        self.send_button = QPushButton(self.tr("Send the decision…"))
        self.send_button.setToolTip(
            self.tr("The decision letter (PDF) and its e-mail draft, for the requester")
        )
        self.send_button.clicked.connect(self._send)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        footer.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.footer)
        self.placeholder = QLabel(self.tr("Select a need to score it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.placeholder)
        self.load(None)

    # ----- loading ------------------------------------------------------------------------
    def load(self, need_id: int | None) -> None:
        """Show a need and its latest scoring; unsaved typing of another need is dropped."""
        self.need_id = need_id
        self.error.hide()
        self.scroll_area.setVisible(need_id is not None)
        self.footer.setVisible(need_id is not None)
        self.placeholder.setVisible(need_id is None)
        if need_id is None:
            self.heading.clear()
            self.inputs = {}
            self.grid = None
            return

        from html import escape  # on first use: start-up time

        sheet = self._workspace().read(lambda s: scoring_queries.scoring_sheet(s, need_id))
        if sheet is None:
            self.load(None)
            return
        key, title, problem, solution = sheet.key, sheet.title, sheet.problem, sheet.solution
        by_model, model_id, values = sheet.by_model, sheet.model_id, sheet.values
        self.heading.setText(f"{key} — {title}")
        self.problem.setHtml(
            escape(str(problem)).replace("\n", "<br>")
            or "<i>"
            + escape(self.tr("No problem statement yet: state it before scoring."))
            + "</i>"
        )
        self.solution.setHtml("<i>" + (escape(str(solution)).replace("\n", "<br>") or "—") + "</i>")
        self._grids = by_model
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        for model, name in sheet.grids:
            self.grid_combo.addItem(name, model)
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(model_id)))
        self.grid_combo.blockSignals(False)
        self._saved_values, self._saved_model = values, model_id
        self._build_inputs(by_model[model_id], values)
        self.decision.setCurrentIndex(max(0, self.decision.findData(sheet.decision)))
        self.rationale.setPlainText(sheet.rationale)
        self.decided_by.setText(sheet.decided_by)
        self._fill_history(sheet.versions)
        self._based_on = sheet.versions[0].version if sheet.versions else 0
        self._loaded = self._state()

    def _fill_history(self, versions: list[scoring_queries.Version]) -> None:
        self.history.clear()
        for v in versions:
            stamp = int(v.decided_at.replace(tzinfo=UTC).timestamp())  # naive UTC
            when = QLocale().toString(
                QDateTime.fromSecsSinceEpoch(stamp), QLocale.FormatType.ShortFormat
            )
            text = f"v{v.version} · {when} · {choice_label(v.decision)} · "
            text += f"{format_score(v.score)} · {v.grid}"
            item = QListWidgetItem(text + (f" · {v.decided_by}" if v.decided_by else ""))
            item.setData(Qt.ItemDataRole.UserRole, v.version)
            self.history.addItem(item)
        self.history.setCurrentRow(0)
        self.restore_button.setEnabled(False)

    def refresh_history(self) -> list[scoring_queries.Version]:
        """The versions as saved now (after an undo elsewhere), keeping what is being typed."""
        need_id = self.need_id
        if need_id is None:
            return []
        versions = self._workspace().read(lambda s: scoring_queries.versions(s, need_id))
        self._fill_history(versions)
        return versions

    def _state(self) -> tuple[object, ...]:
        return (
            self._model_id,
            tuple(sorted(self.values().items())),
            self.decision.currentData(),
            plain_text(self.rationale),
            self.decided_by.text(),
        )

    def is_dirty(self) -> bool:
        """Typed but not saved: leaving the need would lose it."""
        return not self._saving and self.need_id is not None and self._state() != self._loaded

    def _perform(self, text: str, action: Callable[[Session], object]) -> bool:
        """Run a scoring service as one undoable action, then show the need afresh."""
        need_id = self.need_id
        assert need_id is not None
        self._saving = True  # the refresh it triggers must not ask about unsaved edits
        try:
            done = self._workspace().try_perform(text, action, self._refused)
        finally:
            self._saving = False
        if done is None:
            return False
        self._saved_values = {}
        self._saved_model = None
        self.load(need_id)
        self.saved.emit(need_id)
        return True

    def _refused(self, exc: PoDesktopError) -> None:
        """Said under the form, every typed value kept. Someone scored the need since it
        was loaded: their version now shows in the history, and saving again (knowingly)
        replaces it."""
        self.error.refused(exc)
        if isinstance(exc, ConflictError):
            versions = self.refresh_history()
            self._based_on = versions[0].version if versions else 0

    def _grid_chosen(self) -> None:
        """Another grid starts empty; coming back to the need's own grid shows its values."""
        model_id = self.grid_combo.currentData()
        if model_id in self._grids:
            values = self._saved_values if model_id == self._saved_model else {}
            self._build_inputs(self._grids[model_id], values)

    def _build_inputs(self, grid: Grid, values: dict[str, float]) -> None:
        """One input per criterion, its scale as placeholder and what each step means below."""
        while self.criteria_form.rowCount() > 2:
            self.criteria_form.removeRow(1)
        self.grid = grid
        self._model_id = self.grid_combo.currentData()
        self.inputs = {}
        lang = language()
        for row, spec in enumerate(grid.criteria, start=1):
            edit = QLineEdit()
            low, high = number_text(spec.scale_min), number_text(spec.scale_max)
            edit.setPlaceholderText(f"{low} – {high}")
            if spec.key in values:
                edit.setText(number_text(values[spec.key]))
            edit.textChanged.connect(self._update_score)
            help_text = spec.help.render(lang)
            edit.setToolTip(help_text)
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            cell_layout.addWidget(edit)
            if help_text:
                hint = QLabel(help_text)
                hint.setWordWrap(True)
                hint.setTextFormat(Qt.TextFormat.PlainText)
                muted(hint)
                cell_layout.addWidget(hint)
            direction = self.tr("cost") if spec.direction == "cost" else self.tr("benefit")
            label = f"{spec.label.render(lang)} ({direction}, ×{number_text(spec.weight)})"
            self.criteria_form.insertRow(row, label, cell)
            self.inputs[spec.key] = edit
        self._order_tabs()
        self._update_score()

    def _order_tabs(self) -> None:
        """Tab walks the form as it is filled in: the grid, the criteria in order, the
        decision, its rationale, who decided, then Save; Send and the history after.
        The criteria's inputs are made anew for each need, and Qt puts a new widget last
        in the window's chain: Tab went from the last criterion to the views' tabs."""
        chain: list[QWidget] = [
            self.grid_combo,
            *self.inputs.values(),
            self.decision,
            self.rationale,
            self.decided_by,
            self.save_button,
            self.send_button,
            self.history,
            self.restore_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def start_scoring(self) -> None:
        """Back to the top (the problem statement, read first) and into the first input."""
        self.scroll_area.verticalScrollBar().setValue(0)
        first = next(iter(self.inputs.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
            first.selectAll()
            self.scroll_area.ensureWidgetVisible(self.heading)

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.inputs.items()}

    def _update_score(self) -> None:
        """Live: the score and the rank it would give, or what is still missing."""
        if self.grid is None or self.need_id is None:
            return
        try:
            score = scoring.preview_score(self.grid, self.values())
        except ScoringError as exc:
            self.score_label.setText(exc.render())
            return
        position, total = self._rank_of(self.need_id, score, self.decision.currentData())
        self.score_label.setText(
            self.tr("%1 / 100 — rank %2 of %3 in the backlog")
            .replace("%1", format_score(score))
            .replace("%2", str(position))
            .replace("%3", str(total))
        )

    # ----- actions ------------------------------------------------------------------------
    def _send(self) -> None:
        if self.need_id is not None:
            self.decision_requested.emit(self.need_id)

    def save(self) -> bool:
        """A new version; on a refusal the message shows and every typed value stays."""
        need_id = self.need_id
        if need_id is None:
            return False
        data = scoring.AssessmentInput(
            values=self.values(),
            decision=self.decision.currentData(),
            rationale=plain_text(self.rationale),
            decided_by=self.decided_by.text(),
            model_id=self._model_id,
        )
        key, based_on = self.heading.text().split(" — ")[0], self._based_on
        return self._perform(
            self.tr("Score %1").replace("%1", key),
            lambda s: scoring.assess_need(s, need_id, data, based_on=based_on),
        )

    def restore_selected(self) -> bool:
        need_id = self.need_id
        item = self.history.currentItem()
        if need_id is None or item is None or self.history.currentRow() == 0:
            return False
        version, based_on = int(item.data(Qt.ItemDataRole.UserRole)), self._based_on
        return self._perform(
            self.tr("Restore scoring v%1").replace("%1", str(version)),
            lambda s: scoring.restore_assessment(s, need_id, version, based_on=based_on),
        )
