"""Calendrier: the month / week view, the sprints with their real capacity, the portfolio."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from po_desktop.domain.calendar import REGIONS
from po_desktop.domain.messages import (
    choice_label,
    language,
)
from po_desktop.i18n import gettext
from po_desktop.store import calendar_queries, calendar_view
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import sprints as service
from po_desktop.store.services import workspace as workspace_service
from po_desktop.ui import feedback
from po_desktop.ui.calendar.exports import CalendarExports
from po_desktop.ui.calendar.portfolio import PortfolioBox
from po_desktop.ui.calendar.view import CalendarView
from po_desktop.ui.flow import FlowLayout
from po_desktop.ui.host import Host
from po_desktop.ui.models import SprintTableModel, format_percent, format_points


def format_days(days: float) -> str:
    """Days of capacity to one decimal: 6,5 j, not 6,48."""
    return format_points(round(days, 1))


class CalendarPage(QWidget):
    """Sprints, rituals, holidays and absences in time; capacity and load beside them."""

    def __init__(self, host: Host, model: SprintTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.exports = CalendarExports(host, self)
        self.model = model
        self.capacity: calendar_queries.SprintCapacity | None = None
        self._chosen: int | None = None  # the sprint chosen last, again after a reload
        self.create_menu = QMenu(self)
        self.calendar = CalendarView()
        self.calendar.range_changed.connect(lambda *_r: self.load_range())
        self.calendar.selected_changed.connect(lambda _d: self._update_title())
        self.calendar.create_requested.connect(self._create_menu)
        self.calendar.ceremony_activated.connect(self.edit_ceremony)
        self.calendar.absence_activated.connect(self.edit_absence)
        self.calendar.sprint_activated.connect(self._sprint_clicked)

        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(self.tr("Previous month or week (Page Up)"))
        self.previous_button.clicked.connect(lambda: self.calendar.step(-1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Back to today (Home)"))
        self.today_button.clicked.connect(lambda: self.calendar.select(self.calendar.today))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next month or week (Page Down)"))
        self.next_button.clicked.connect(lambda: self.calendar.step(1))
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 2)
        self.title.setFont(font)
        self.month_button = QPushButton(self.tr("Month"))
        self.week_button = QPushButton(self.tr("Week"))
        modes = QButtonGroup(self)
        for button, mode in (
            (self.month_button, CalendarView.MONTH),
            (self.week_button, CalendarView.WEEK),
        ):
            button.setCheckable(True)
            modes.addButton(button)
            button.clicked.connect(lambda _c=False, m=mode: self.set_mode(m))
        self.month_button.setChecked(True)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Public holidays"))
        self.region.setToolTip(
            self.tr("Which public holidays count: metropolitan France or a region")
        )
        lang = language()
        for code, label in REGIONS.items():
            self.region.addItem(gettext(label, lang), code)
        self.region.activated.connect(self._region_picked)
        self.new_sprint_button = QPushButton(self.tr("New sprint…"))
        self.new_sprint_button.clicked.connect(lambda: self.new_sprint())
        self.cadence_button = QPushButton(self.tr("Plan sprints…"))
        self.cadence_button.setToolTip(
            self.tr("Create the next sprints of a team with their rituals")
        )
        self.cadence_button.clicked.connect(self.plan_sprints)
        self.ics_button = QPushButton(self.tr("Export (.ics)…"))
        self.ics_button.setToolTip(self.tr("Export sprints and rituals to a calendar file"))
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.pack_button = QPushButton(self.tr("Review pack (PDF)…"))
        self.pack_button.setToolTip(
            self.tr("Print the sprint-review pack of the selected sprint, in the app's language")
        )
        self.pack_button.clicked.connect(lambda: self.export_pack())
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        for widget in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Holidays:")))
        bar.addWidget(self.region)

        self.view = QTableView()  # the sprints, for choosing one
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(SprintTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SprintTableModel.DATES, QHeaderView.ResizeMode.ResizeToContents)
        for column in (SprintTableModel.NEEDS, SprintTableModel.DONE, SprintTableModel.CEREMONIES):
            self.view.setColumnHidden(column, True)
        for column in (SprintTableModel.STATE, SprintTableModel.POINTS, SprintTableModel.VELOCITY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._sprint_chosen)
        self.view.doubleClicked.connect(
            lambda index: self.edit_sprint(self.model.row_at(index.row()).id)
        )

        self.details = QGroupBox(self.tr("Sprint"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.people = QTableWidget(0, 5)
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Working days"),
                self.tr("Absent"),
                self.tr("Availability"),
                self.tr("Days"),
            ]
        )
        self.people.verticalHeader().hide()
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        people_header = self.people.horizontalHeader()
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        people_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.people.verticalHeader().setDefaultSectionSize(20)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.load = QLabel()
        self.load.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit_sprint(self.current_sprint_id()))
        self.start_button = QPushButton(self.tr("Start", "start the sprint"))
        self.start_button.setToolTip(
            self.tr("Start the sprint: its needs now are the committed scope")
        )
        self.start_button.clicked.connect(self.start_sprint)
        self.close_button = QPushButton(self.tr("Close…"))
        self.close_button.setToolTip(
            self.tr("Close the sprint and choose where unfinished needs go")
        )
        self.close_button.clicked.connect(self.close_sprint)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_sprint)
        # The buttons wrap when the panel is narrow (a window at its smallest, 900 px):
        # in one row they held it wider than the room the month left it.
        buttons = FlowLayout()
        for button in (self.edit_button, self.start_button, self.close_button, self.delete_button):
            buttons.addWidget(button)
        details_layout = QVBoxLayout(self.details)
        details_layout.addWidget(self.summary)
        details_layout.addWidget(self.people, 1)
        details_layout.addWidget(self.totals)
        details_layout.addWidget(self.load)
        details_layout.addLayout(buttons)
        exports = FlowLayout()
        exports.addWidget(self.pack_button)
        details_layout.addLayout(exports)

        self.portfolio_box = PortfolioBox()
        self.portfolio, self.legend = self.portfolio_box.table, self.portfolio_box.legend

        # Capacity and portfolio share the room below the sprint list as two tabs: stacked,
        # a laptop's height left each of them four rows.
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        # The sprint's details scroll when the window is short (a laptop at 1366×768, a
        # window at its smallest): squeezed, their labels and buttons overlapped.
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidget(self.details)
        self.side_tabs.addTab(details_scroll, self.tr("Sprint"))
        self.side_tabs.addTab(self.portfolio_box, self.tr("Portfolio"))
        side = self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        sprint_list = QWidget()  # the sprints, with what makes new ones
        list_layout = QVBoxLayout(sprint_list)
        list_layout.setContentsMargins(0, 0, 0, 0)
        makers = FlowLayout()
        for widget in (self.new_sprint_button, self.cadence_button, self.ics_button):
            makers.addWidget(widget)
        list_layout.addLayout(makers)
        list_layout.addWidget(self.view)
        side.addWidget(sprint_list)
        side.addWidget(self.side_tabs)
        side.setStretchFactor(1, 1)
        side.setSizes([190, 500])
        splitter = self.splitter = QSplitter()
        splitter.addWidget(self.calendar)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 460])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._update_title()
        self._show_capacity(None)

    # ----- data ---------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """Everything from the database: after any change (a need moved into a sprint...).

        ``keep``: the sprint chosen before the sprint list was reloaded.
        """
        self.calendar.today = date.today()  # the app may stay open past midnight
        current = keep if keep is not None else self.current_sprint_id() or self._chosen
        region = self.host.workspace.read(workspace_service.holiday_region)
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.load_range()
        self.load_portfolio()
        row = self.model.row_of(current) if current is not None else None
        row = self._default_row() if row is None else row  # none chosen, or it is gone
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))  # the chosen sprint in sight
        self._show_capacity(self.current_sprint_id())

    def _default_row(self) -> int | None:
        """The active sprint, else the next planned one, else the last."""
        rows = [self.model.row_at(i) for i in range(self.model.rowCount())]
        for state in ("active", "planned"):
            found = next((i for i, r in enumerate(rows) if r.state == state), None)
            if found is not None:
                return found
        return len(rows) - 1 if rows else None

    def load_range(self) -> None:
        first, last = self.calendar.visible_range()
        lang = language()
        self.calendar.set_items(
            self.host.workspace.read(lambda s: calendar_view.calendar_items(s, first, last, lang))
        )
        self._update_title()

    def load_portfolio(self) -> None:
        self.portfolio_box.show_rows(self.host.workspace.read(calendar_view.portfolio))

    def current_sprint_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def _sprint_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sprint_id = self.model.row_at(current.row()).id if current.isValid() else None
        self._chosen = sprint_id or self._chosen  # a list reloaded by a change forgets it
        self._show_capacity(sprint_id)

    def _sprint_clicked(self, sprint_id: int) -> None:
        row = self.model.row_of(sprint_id)
        if row is not None:
            self.view.selectRow(row)
        self.edit_sprint(sprint_id)

    def select_sprint(self, sprint_id: int) -> None:
        row = self.model.row_of(sprint_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
            self.calendar.select(self.model.row_at(row).start_date)

    def _show_capacity(self, sprint_id: int | None) -> None:
        for button in (
            self.edit_button,
            self.start_button,
            self.close_button,
            self.delete_button,
            self.pack_button,
        ):
            button.setEnabled(sprint_id is not None)
        if sprint_id is None:
            self.capacity = None
            self.details.setTitle(self.tr("Sprint"))
            self.summary.setText(self.tr("No sprint yet: create one, or plan several at once."))
            self.people.setRowCount(0)
            self.totals.clear()
            self.load.clear()
            return
        lang = language()
        row = self.model.row_at(self.model.row_of(sprint_id) or 0)
        try:
            cap = self.host.workspace.read(lambda s: calendar_queries.capacity(s, sprint_id, lang))
        except PoDesktopError as exc:  # dates an older file holds out of range: said here
            self.capacity = None
            self.details.setTitle(row.name)
            self.summary.setText(exc.render())
            self.people.setRowCount(0)
            self.totals.clear()
            self.load.clear()
            self.start_button.setEnabled(False)
            return
        self.capacity = cap
        locale = QLocale()
        start = locale.toString(QDate(cap.start), QLocale.FormatType.ShortFormat)
        end = locale.toString(QDate(cap.end), QLocale.FormatType.ShortFormat)
        self.details.setTitle(f"{cap.name} — {choice_label(row.state)}")
        lines = [f"{start} → {end} · " + self.tr("%n working day(s)", "", cap.working_days)]
        if cap.holidays:
            days = ", ".join(
                f"{locale.toString(QDate(d), 'd MMM')} ({name})" for d, name in cap.holidays
            )
            lines.append(self.tr("Public holidays: %1").replace("%1", days))
        if row.goal:
            lines.append(self.tr("Goal: %1").replace("%1", row.goal))
        self.summary.setText("\n".join(lines))
        self.people.setRowCount(len(cap.people))
        for index, person in enumerate(cap.people):
            cells = [
                person.name,
                str(person.working_days),
                str(person.absent_days),
                format_percent(person.availability),
                format_days(person.days),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.people.setItem(index, column, item)
        focus = format_points(cap.focus_factor)
        self.totals.setText(
            self.tr("Team capacity: %1 days (focus factor %2)")
            .replace("%1", format_days(cap.days))
            .replace("%2", focus)
        )
        if row.state == "closed":  # what it committed and did, no longer a load to weigh
            done = row.velocity if row.velocity is not None else row.done_points
            text = (
                self.tr("Closed: %1 points committed, %2 done (its velocity).")
                .replace("%1", format_points(row.shown_points))
                .replace("%2", format_points(done))
            )
            self.load.setStyleSheet("")
        elif cap.forecast is None:
            forecast = self.tr("no forecast yet: no closed sprint for this team")
            text = (
                self.tr("Committed: %1 points; %2.")
                .replace("%1", format_points(cap.committed))
                .replace("%2", forecast)
            )
            self.load.setStyleSheet("")
        else:
            text = (
                self.tr("Committed: %1 points of a forecast of %2 (from the last closed sprints).")
                .replace("%1", format_points(cap.committed))
                .replace("%2", format_points(cap.forecast))
            )
            if cap.over_committed:
                text = (
                    "⚠ " + text + " " + self.tr("Over-committed: take needs out or lower the goal.")
                )
                self.load.setStyleSheet("color: #B00020; font-weight: bold;")
            else:
                self.load.setStyleSheet("")
        count, points = cap.added
        if count:
            text += " " + self.tr(
                "Added since the start: %n need(s), %1 points.", "", count
            ).replace("%1", format_points(points))
        self.load.setText(text)
        self.start_button.setEnabled(row.state == "planned")
        self.close_button.setEnabled(row.state == "active")

    def _update_title(self) -> None:
        locale = QLocale()
        day = self.calendar.selected
        if self.calendar.mode == CalendarView.WEEK:
            first, last = self.calendar.visible_range()
            text = self.tr("Week %1").replace("%1", str(first.isocalendar().week))
            since = locale.toString(QDate(first), "d" if first.month == last.month else "d MMM")
            until = locale.toString(QDate(last), "d MMM yyyy")
            text += f" · {since}–{until}"
        else:
            text = locale.toString(QDate(day), "MMMM yyyy")
            text = text[:1].upper() + text[1:]
        self.title.setText(text)

    def set_mode(self, mode: str) -> None:
        self.calendar.set_mode(mode)
        (self.week_button if mode == CalendarView.WEEK else self.month_button).setChecked(True)
        self._update_title()

    # ----- actions ------------------------------------------------------------------------
    def _create_menu(self, day: date, where: QPoint) -> None:
        menu = self.create_menu  # one menu, refilled: a click must not leave one behind
        menu.clear()
        locale = QLocale()
        menu.addSection(locale.toString(QDate(day), QLocale.FormatType.LongFormat))
        menu.addAction(self.tr("New ritual this day…"), lambda: self.new_ceremony(day))
        menu.addAction(self.tr("New absence this day…"), lambda: self.new_absence(day))
        menu.addAction(self.tr("New sprint from this day…"), lambda: self.new_sprint(day))
        menu.popup(where)

    def _dialog(self, dialog: QDialog) -> bool:
        return self.host.run_dialog(dialog)

    def new_ceremony(self, day: date) -> bool:
        return self.edit_ceremony(None, day)

    def edit_ceremony(self, ceremony_id: int | None, day: date | None = None) -> bool:
        from po_desktop.ui.calendar.dialogs import CeremonyDialog  # on first use

        return self._dialog(CeremonyDialog(self.host.workspace, ceremony_id, day, self))

    def new_absence(self, day: date) -> bool:
        return self.edit_absence(None, day)

    def edit_absence(self, absence_id: int | None, day: date | None = None) -> bool:
        from po_desktop.ui.calendar.dialogs import AbsenceDialog  # on first use

        return self._dialog(AbsenceDialog(self.host.workspace, absence_id, day, self))

    def new_sprint(self, day: date | None = None) -> bool:
        from po_desktop.ui.calendar.dialogs import SprintDialog  # on first use

        # The button: after the last sprint (the calendar's day is today's, not a choice);
        # a day's menu: from that day.
        return self._dialog(SprintDialog(self.host.workspace, None, day, self))

    def edit_sprint(self, sprint_id: int | None) -> bool:
        from po_desktop.ui.calendar.dialogs import SprintDialog  # on first use

        if sprint_id is None:
            return False
        return self._dialog(SprintDialog(self.host.workspace, sprint_id, None, self))

    def plan_sprints(self) -> bool:
        from po_desktop.ui.calendar.cadence_dialog import CadenceDialog  # on first use

        return self._dialog(CadenceDialog(self.host.workspace, self))

    def _perform(self, text: str, do: Callable[..., object]) -> bool:
        return self.host.perform(text, do, title=self.tr("Sprint")) is not None

    def start_sprint(self) -> bool:
        sprint_id = self.current_sprint_id()
        if sprint_id is None:
            return False
        name = self.model.row_at(self.model.row_of(sprint_id) or 0).name
        lang = language()
        cap = self.host.attempt(
            self.tr("Start the sprint"),
            lambda: self.host.read(lambda s: calendar_queries.capacity(s, sprint_id, lang)),
        )
        if cap is None:
            return False
        if (
            cap.forecast is not None
            and cap.over_committed
            and not feedback.sink().ask(
                self,
                self.tr("Start the sprint"),
                self.tr(
                    "“%1” holds %2 points for a forecast of %3 (from the last closed "
                    "sprints): the team is likely not to finish it.\n\nStart it anyway?"
                )
                .replace("%2", format_points(cap.committed))
                .replace("%3", format_points(cap.forecast))
                .replace("%1", name),
                yes=self.tr("Start anyway"),
                no=self.tr("Cancel"),
                default_yes=False,
            )
        ):
            return False
        return self._perform(
            self.tr("Start %1").replace("%1", name), lambda s: service.start_sprint(s, sprint_id)
        )

    def close_sprint(self) -> bool:
        from po_desktop.ui.calendar.dialogs import CloseSprintDialog  # on first use

        sprint_id = self.current_sprint_id()
        if sprint_id is None:
            return False
        return self._dialog(CloseSprintDialog(self.host.workspace, sprint_id, self))

    def delete_sprint(self) -> bool:
        sprint_id = self.current_sprint_id()
        if sprint_id is None:
            return False
        name = self.model.row_at(self.model.row_of(sprint_id) or 0).name
        if not feedback.sink().ask(
            self,
            self.tr("Delete sprint"),
            self.tr("Delete the sprint “%1” and its rituals? You can undo it.").replace("%1", name),
        ):
            return False
        return self._perform(
            self.tr("Delete %1").replace("%1", name), lambda s: service.delete_sprint(s, sprint_id)
        )

    def _region_picked(self) -> None:
        code = self.region.currentData() or ""
        label = self.region.currentText()
        self.host.attempt(
            self.tr("Public holidays"),
            lambda: self.host.workspace.set_holiday_region(
                code, self.tr("Public holidays: %1").replace("%1", label)
            ),
        )

    def export_ics(self, path: Path | None = None, sprint_id: int | None = None) -> Path | None:
        """Write the calendar file; asks where when no path is given."""
        return self.exports.ics(path, sprint_id)

    def export_pack(self, path: Path | None = None, *, open_it: bool = True) -> Path | None:
        """The selected sprint's review pack as a PDF, then opened in the PDF viewer."""
        sprint_id = self.current_sprint_id()
        if sprint_id is None:
            feedback.sink().inform(self, self.tr("Review pack"), self.tr("Select a sprint first."))
            return None
        name = self.model.row_at(self.model.row_of(sprint_id) or 0).name
        return self.exports.pack(sprint_id, name, path, open_it=open_it)
