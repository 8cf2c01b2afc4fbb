"""The import assistant: a file of needs (CSV or xlsx), mapped and previewed, then
imported all or nothing as one undoable step.

It shows the file's columns with an example each and what each is imported as (our
field, or left out); the file's statuses and the board column each goes to; the
project for rows that name none; and a preview of what the import does: needs created,
updated, skipped because the file says what they already are. How a file of this layout
(its column names; a tracker's export: its kind and its own columns) was mapped is
remembered in the settings for the next one. Reading a large file shows a progress
dialog whose Stop button rolls everything back.

The file is read by one thing at a time, never by one inside another: while it is read
(the progress step lets the window's events through, so the user can go on typing), a
preview or an import asked for waits until that read ends, and a preview being computed
for a form that has changed since is dropped for the new one. Typing in the form
refreshes the preview once the typing pauses, not at every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.messages import field_label
from po_desktop.io.needs_files import open_needs
from po_desktop.io.needs_table import (
    COLUMNS,
    REQUIRED,
    TableScan,
    file_layout,
    guess_mapping,
    normalise_header,
    records,
    scan,
)
from po_desktop.store import queries
from po_desktop.store.services.import_trackers import TRACKER_STATUSES
from po_desktop.store.services.import_types import (
    CREATE,
    SKIP,
    UPDATE,
    ImportCancelledError,
    ImportOptions,
    ImportResult,
    status_key,
)
from po_desktop.store.services.importing import import_needs, preview_import
from po_desktop.ui import screen
from po_desktop.ui.banner import FormError
from po_desktop.ui.choice_keys import ChoiceKeys
from po_desktop.ui.host import Host

FileMapping = list[str | None]

PREVIEW_DELAY_MS = 300
"""A pause in typing this long refreshes the preview: one refresh, not one per keystroke."""

SCAN, PREVIEW, IMPORT = "scan", "preview", "import"
"""What a read of the file is for."""


def import_summary(result: ImportResult) -> str:
    """What an import did, for the notice under the toolbar (the CLI's words)."""
    return result.summary().render()


class _Superseded(Exception):  # noqa: N818 - not an error: a preview out of date
    """The preview being computed is out of date (the form changed meanwhile): dropped
    for the one asked since. Raised from a step, it rolls the preview back."""


class _Progress:
    """A progress dialog over ``parent`` while a file is read; Stop raises
    :class:`ImportCancelledError` from the next step, which rolls everything back.

    ``modal``: the form waits behind it (the first read, the import). A preview's is not
    modal and takes no focus: keys typed while it runs stay in the form, whose change
    drops that preview for the next."""

    def __init__(
        self, parent: QWidget, text: str, fraction: Callable[[], float], *, modal: bool
    ) -> None:
        self.fraction = fraction
        self.superseded = False
        """Set while a preview is computed when a newer one is asked: its next step
        raises :class:`_Superseded`."""
        stop = QCoreApplication.translate("ImportDialog", "Stop")
        self.dialog = QProgressDialog(text, stop, 0, 1000, parent)
        self.dialog.setWindowTitle(parent.windowTitle())
        if modal:
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        else:
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            self.dialog.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)

    def step(self, _rows: int) -> None:
        self.dialog.setValue(max(0, min(999, int(self.fraction() * 1000))))
        QApplication.processEvents()  # the window repaints, Stop and the keyboard answer
        if self.dialog.wasCanceled():
            raise ImportCancelledError
        if self.superseded:
            raise _Superseded

    def close(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.dialog.setParent(None)  # gone now, not when the event loop gets to it
        self.dialog.deleteLater()


class ImportDialog(QDialog):
    """Raises a PoDesktopError when the file cannot be read (the caller says it)."""

    COLUMNS_TAB, STATUSES_TAB, PREVIEW_TAB = range(3)

    def __init__(self, host: Host, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.path = path
        self.progress: _Progress | None = None
        """The progress dialog of the read running now, if any."""
        self.reading: str | None = None
        """What the file is being read for now (:data:`SCAN`, :data:`PREVIEW`,
        :data:`IMPORT`), None between reads."""
        self._refresh_pending = False
        self._accept_pending = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(PREVIEW_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_when_shown)
        self.setWindowTitle(self.tr("Import needs"))
        self.board = host.read(lambda s: [(c.id, c.name) for c in queries.columns(s)])
        codes = host.read(lambda s: [p.code for p in queries.projects(s, include_archived=False)])
        self.tracker = False
        """A tracker's export (Jira, Trello): its usual statuses have default columns."""
        self.source = ""
        """The file's layout, under which its mapping is remembered (:func:`file_layout`)."""
        self.sources: list[str] = []
        """A tracker's export: what the file calls each column (``Table.sources``)."""

        def first_read(table: Any, step: Callable[[int], None]) -> TableScan:
            self.tracker = table.format in ("jira", "trello")
            self.source = file_layout(table)
            self.sources = list(table.sources)
            return scan(table, step)

        self.scan: TableScan = self._read(SCAN, first_read)
        plan = host.settings.import_plan(self.source)
        self.preview_stale = True

        layout = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("%1 — %n row(s) of needs", "", self.scan.rows).replace("%1", path.name)
        )
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.mapping_table = self._mapping_table(plan.get("columns", {}))
        self.tabs.addTab(self.mapping_table, self.tr("Columns"))
        self.statuses_page = QWidget()
        statuses_layout = QVBoxLayout(self.statuses_page)
        self.statuses_note = QLabel()
        self.statuses_note.setWordWrap(True)
        statuses_layout.addWidget(self.statuses_note)
        self.statuses_table = QTableWidget(0, 2)
        self.statuses_table.setHorizontalHeaderLabels(
            [self.tr("Status in the file"), self.tr("Board column")]
        )
        self._stretch(self.statuses_table)
        ChoiceKeys(self.statuses_table, 1)
        statuses_layout.addWidget(self.statuses_table)
        self.tabs.addTab(self.statuses_page, self.tr("Statuses"))
        self.preview_page = QWidget()
        preview_layout = QVBoxLayout(self.preview_page)
        top = QHBoxLayout()
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        top.addWidget(self.counts, 1)
        self.refresh_button = QPushButton(self.tr("&Refresh the preview"))
        self.refresh_button.setAutoDefault(False)  # Enter imports, wherever the focus is
        self.refresh_button.clicked.connect(self.refresh_preview)
        top.addWidget(self.refresh_button)
        preview_layout.addLayout(top)
        self.preview_table = QTableWidget(0, 4)
        self.preview_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("What happens"), self.tr("Key"), self.tr("Title")]
        )
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.preview_table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview_table.verticalHeader().hide()
        preview_layout.addWidget(self.preview_table)
        self.tabs.addTab(self.preview_page, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

        form = QFormLayout()
        self.project = QComboBox()
        self.project.setEditable(True)
        self.project.addItems(["", *codes])
        self.project.setCurrentText(plan.get("project", ""))
        self.project.setToolTip(
            self.tr("Rows that name no project go to this one; a new code creates it.")
        )
        self.project.currentTextChanged.connect(self._changed)
        form.addRow(self.tr("Project for rows without one:"), self.project)
        layout.addLayout(form)

        self.error = FormError()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.import_button.setDefault(True)  # in the dialog now: Enter imports

        self._saved_statuses = plan.get("statuses", {})
        self.status_combos: list[tuple[str, QComboBox]] = []
        self._fill_statuses()
        self._show_counts(None)
        screen.fit(self, QSize(920, 620))

    # ----- reading the file ---------------------------------------------------------------
    def _read(self, purpose: str, work: Callable[[Any, Callable[[int], None]], Any]) -> Any:
        """``work(table, step)`` over the file, with a progress dialog for long reads.
        Never inside another read: callers wait for :attr:`reading` to be None."""
        if self.reading is not None:
            raise RuntimeError(f"the file is read for a {self.reading} already")
        self.reading = purpose
        try:
            modal = purpose != PREVIEW
            with open_needs(self.path) as table, self._progress(table.progress, modal) as step:
                return work(table, step)
        finally:
            self.reading = None
            self._after_read()

    @contextmanager
    def _progress(
        self, fraction: Callable[[], float], modal: bool
    ) -> Iterator[Callable[[int], None]]:
        text = self.tr("Reading %1…").replace("%1", self.path.name)
        progress = _Progress(self, text, fraction, modal=modal)
        self.progress = progress
        try:
            yield progress.step
        finally:
            progress.close()  # its own dialog, whatever happened meanwhile
            if self.progress is progress:
                self.progress = None

    def _wait_for_read(self) -> None:
        """Something was asked while the file is read: a preview being computed is out
        of date, dropped at its next step; what was asked runs once the read ends."""
        if self.reading == PREVIEW and self.progress is not None:
            self.progress.superseded = True

    def _after_read(self) -> None:
        """What was asked during the read, from the event loop (not inside this call):
        the import first, which reads the form as it is now, else the preview."""
        if self._accept_pending:
            self._accept_pending = False
            QTimer.singleShot(0, self, self.accept)
        elif self._refresh_pending:
            self._refresh_pending = False
            self._refresh_timer.start(0)

    # ----- columns ------------------------------------------------------------------------
    def _mapping_table(self, saved: dict[str, str]) -> QTableWidget:
        table = QTableWidget(len(self.scan.header), 3)
        table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Imported as")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        # One line each, cut with "…" (wrapped, a long example was clipped mid-word); the
        # whole first line in its tooltip.
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        guessed = guess_mapping(self.scan.header)
        self.combos: list[QComboBox] = []
        for row, name in enumerate(self.scan.header):
            table.setItem(row, 0, QTableWidgetItem(self._file_column(row)))
            first_line = self.scan.examples[row].splitlines()[0] if self.scan.examples[row] else ""
            example = QTableWidgetItem(first_line[:200])
            example.setToolTip(first_line[:500])
            table.setItem(row, 1, example)
            combo = QComboBox()
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the table's keys open it
            combo.addItem(self.tr("— left out —"), None)
            for field in COLUMNS:
                combo.addItem(field_label(field), field)
            remembered = saved.get(normalise_header(name))
            chosen = (remembered or None) if remembered is not None else guessed[row]
            if chosen is not None and chosen not in COLUMNS:
                chosen = guessed[row]
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._mapping_changed(r))
            table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self._stretch(table)
        ChoiceKeys(table, 2)
        return table

    def _file_column(self, row: int) -> str:
        """A column as the user knows it: its name in the file; a tracker's export, read
        into columns of ours, what the file calls what fills it ("Summary", a Trello
        card's name), else our column's name."""
        name = self.scan.header[row]
        if not self.sources:
            return name
        return self.sources[row] or field_label(name)

    @staticmethod
    def _stretch(table: QTableWidget) -> None:
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()

    def mapping(self) -> FileMapping:
        return [combo.currentData() for combo in self.combos]

    def _mapping_changed(self, row: int) -> None:
        """A field goes to one column: choosing it for this one leaves the other out."""
        chosen = self.combos[row].currentData()
        if chosen is not None:
            for other, combo in enumerate(self.combos):
                if other != row and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        if chosen == "status" or "status" not in self.mapping() or row == self._status_column():
            self._fill_statuses()
        self._changed()

    def _status_column(self) -> int | None:
        mapping = self.mapping()
        return mapping.index("status") if "status" in mapping else None

    # ----- statuses -----------------------------------------------------------------------
    def _fill_statuses(self) -> None:
        remembered = {**self._saved_statuses, **self.statuses()} if self.combos else {}
        column = self._status_column()
        values = self.scan.values[column] if column is not None else []
        self.status_combos = []
        self.statuses_table.setRowCount(len(values))
        by_name = {status_key(name): column_id for column_id, name in self.board}
        names = {column_id: name for column_id, name in self.board}
        for row, value in enumerate(values):
            self.statuses_table.setItem(row, 0, QTableWidgetItem(value))
            combo = QComboBox()
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the table's keys open it
            for column_id, name in self.board:
                combo.addItem(name, column_id)
            key = status_key(value)
            wanted = by_name.get(key)
            if wanted is None and self.tracker:  # its usual statuses ("In Progress")
                wanted = by_name.get(status_key(TRACKER_STATUSES.get(key, "")))
            saved = remembered.get(key)
            if isinstance(saved, str):
                wanted = next((i for i, n in names.items() if n == saved), wanted)
            elif isinstance(saved, int):
                wanted = saved if saved in names else wanted
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            combo.currentIndexChanged.connect(self._changed)
            self.statuses_table.setCellWidget(row, 1, combo)
            self.status_combos.append((value, combo))
        first = self.board[0][1] if self.board else ""
        if column is None:
            self.statuses_note.setText(
                self.tr("No column is imported as the status: new needs go to “%1”.").replace(
                    "%1", first
                )
            )
        else:
            self.statuses_note.setText(
                self.tr("Each status of the file goes to the board column chosen here.")
            )

    def statuses(self) -> dict[str, Any]:
        """The file's statuses (folded) → board column id."""
        return {status_key(value): combo.currentData() for value, combo in self.status_combos}

    # ----- preview ------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        """The form changed: the preview shown follows once the typing pauses."""
        self.preview_stale = True
        self.error.clear()
        if self.tabs.currentIndex() == self.PREVIEW_TAB:
            self._refresh_timer.start(PREVIEW_DELAY_MS)  # again at each keystroke

    def _tab_changed(self, index: int) -> None:
        if index == self.PREVIEW_TAB and self.preview_stale:
            self.refresh_preview()

    def _refresh_when_shown(self) -> None:
        if self.tabs.currentIndex() == self.PREVIEW_TAB and self.preview_stale:
            self.refresh_preview()

    def options(self, **extra: Any) -> ImportOptions:
        return ImportOptions(
            default_project=self.project.currentText().strip(), statuses=self.statuses(), **extra
        )

    def _missing(self) -> list[str]:
        mapping = self.mapping()
        optional = set()
        if self.project.currentText().strip():
            optional.add("project")
        elif "key" in mapping and self.scan.filled[mapping.index("key")] == self.scan.rows:
            optional.add("project")  # every row's key names its project
        return [f for f in REQUIRED if f not in mapping and f not in optional]

    def _check(self) -> bool:
        missing = self._missing()
        columns = [f for f in missing if f != "project"]
        if columns:
            self.error.say(
                self.tr("Choose the file's column for: %1.").replace(
                    "%1", ", ".join(field_label(f) for f in columns)
                )
            )
        elif missing:  # a Trello board names none: the field below, not a column
            self.error.say(
                self.tr("Type the project of the needs below, or choose the file's column for it.")
            )
        return not missing

    def refresh_preview(self) -> None:
        """Show what the import would do with the form as it is. Asked while the file is
        read, it runs once that read ends."""
        self._refresh_timer.stop()
        if self.reading is not None:
            self._refresh_pending = True
            self.preview_stale = True
            self._wait_for_read()
            return
        self.preview_stale = False
        self.preview_table.setRowCount(0)
        if not self._check():
            self._show_counts(None)
            return
        mapping = self.mapping()

        def run(table: Any, step: Callable[[int], None]) -> ImportResult:
            options = self.options(preview=True, progress=step)
            result = self.host.read(lambda s: preview_import(s, records(table, mapping), options))
            result.set_aside = table.set_aside  # archived cards, left out
            return result

        from po_desktop.store.errors import PoDesktopError

        try:
            result = self._read(PREVIEW, run)
        except _Superseded:
            return  # the form changed meanwhile: the preview asked since follows
        except PoDesktopError as exc:
            self.error.refused(exc)
            self._show_counts(None)
            return
        self.error.clear()
        self._show_counts(result)
        words = {
            CREATE: self.tr("to create"),
            UPDATE: self.tr("to update"),
            SKIP: self.tr("unchanged"),
        }
        first = self.board[0][1] if self.board else ""
        held = self.tr("%1 in “%2” (no description)").replace("%2", first)
        self.preview_table.setRowCount(len(result.preview))
        for row, line in enumerate(result.preview):
            what = held.replace("%1", words[line.action]) if line.held_back else words[line.action]
            cells = [str(line.line), what, line.key or self.tr("(new)"), line.title]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview_table.setItem(row, column, item)

    def _show_counts(self, result: ImportResult | None) -> None:
        if result is None:
            self.counts.setText(self.tr("The preview shows what the import will do."))
            return
        self.counts.setText(result.summary(preview=True).render())

    # ----- import -------------------------------------------------------------------------
    def accept(self) -> None:
        if self.reading is not None:  # Import pressed while the preview is computed
            self._accept_pending = True
            self._wait_for_read()
            return
        self._refresh_timer.stop()
        self._refresh_pending = False
        if not self._check():
            return
        mapping = self.mapping()
        results: list[tuple[ImportResult, bool]] = []  # and whether it changed anything

        def run(table: Any, step: Callable[[int], None]) -> None:
            options = self.options(progress=step)

            def call(session: Session) -> ImportResult:
                return import_needs(session, records(table, mapping), options)

            change = self.host.workspace.try_perform(
                self.tr("Import needs"), call, self.error.refused
            )
            if change is not None:
                change.result.set_aside = table.set_aside
                results.append((change.result, not change.empty))

        from po_desktop.store.errors import PoDesktopError

        try:
            self._read(IMPORT, run)
        except PoDesktopError as exc:  # the file itself, read again
            self.error.refused(exc)
            return
        if not results:
            return
        self._remember()
        result, changed = results[0]
        # An import that changed nothing (every row as stored) is no step to undo.
        self.host.notify(import_summary(result), undo=changed)
        self._refresh_timer.stop()  # a preview asked while importing: the dialog closes
        super().accept()

    def reject(self) -> None:
        """Cancel: nothing asked during a read runs after it; a preview being computed
        stops at its next step."""
        self._refresh_timer.stop()
        self._refresh_pending = self._accept_pending = False
        self._wait_for_read()
        if self.reading == IMPORT and self.progress is not None:
            self.progress.dialog.cancel()  # as its Stop button: nothing is imported
        super().reject()

    def _remember(self) -> None:
        names = dict(self.board)
        self.host.settings.set_import_plan(
            self.source,
            {
                "columns": {
                    normalise_header(name): field or ""
                    for name, field in zip(self.scan.header, self.mapping(), strict=True)
                },
                "statuses": {k: names.get(v, "") for k, v in self.statuses().items()},
                "project": self.project.currentText().strip(),
            },
        )
