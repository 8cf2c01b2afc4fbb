"""Preferences: language, the team's public holidays, and how backups are kept."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from po_desktop.domain import messages
from po_desktop.domain.backups import POLICY_LIMITS, BackupPolicy
from po_desktop.domain.calendar import REGIONS
from po_desktop.i18n import gettext
from po_desktop.store import backups, identity
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import archive as archive_service
from po_desktop.store.services import workspace as workspace_service
from po_desktop.ui import feedback, icons
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace


class PreferencesDialog(QDialog):
    """Applied on OK. The language takes effect at the next start; the rest at once."""

    def __init__(self, settings: Settings, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.workspace = workspace
        self.language_changed = False
        self.setWindowTitle(self.tr("Preferences"))

        # ----- general -----
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        restart = QLabel(self.tr("A change of language takes effect at the next start."))
        restart.setWordWrap(True)
        restart.setEnabled(False)
        self.who_am_i = QLineEdit(settings.who_am_i)
        self.who_am_i.setMaxLength(identity.AUTHOR_MAX)
        self.who_am_i.setPlaceholderText(identity.os_login())
        self.who_am_i.setToolTip(
            self.tr(
                "Your name (or login) as a person of the workspace: the history of the needs, "
                "your comments and your decisions are signed with it. Empty: this computer's "
                "login name."
            )
        )
        who_label = QLabel(self.tr("&Who am I:"))
        who_label.setBuddy(self.who_am_i)
        self.signed_as = QLabel()
        self.signed_as.setEnabled(False)
        self.signed_as.setWordWrap(True)
        # One row each for the language and who signs, with their notes: no height to spare.
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        language_row.addSpacing(12)
        language_row.addWidget(who_label)
        language_row.addWidget(self.who_am_i, 1)
        notes_row = QHBoxLayout()
        notes_row.addWidget(restart, 1)
        notes_row.addSpacing(12)
        notes_row.addWidget(self.signed_as, 1)
        general = QGroupBox(self.tr("General"))
        general_form = QFormLayout(general)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        general_form.addRow(language_label, language_row)
        general_form.addRow("", notes_row)
        self.who_am_i.textChanged.connect(self._show_signature)
        self._show_signature()

        # ----- this database -----
        self.region = QComboBox()
        lang = messages.language()
        for code, label in REGIONS.items():
            self.region.addItem(gettext(label, lang), code)
        current = workspace.read(workspace_service.holiday_region)
        self.region.setCurrentIndex(max(0, self.region.findData(current)))
        database = QGroupBox(self.tr("This database"))
        database_form = QFormLayout(database)
        path_label = QLabel(workspace.database.location)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path_label.setWordWrap(True)
        database_form.addRow(self.tr("File:"), path_label)
        self.region_row = QHBoxLayout()  # the auto-archive joins it: no height to spare
        self.region_row.addWidget(self.region, 1)
        # A row of a layout gets no buddy from the form: its "&" would show as it is.
        region_label = QLabel(self.tr("Public &holidays:"))
        region_label.setBuddy(self.region)
        database_form.addRow(region_label, self.region_row)
        region_note = QLabel(
            self.tr("Stored in the database: the same for everyone who opens this file.")
        )
        region_note.setWordWrap(True)
        region_note.setEnabled(False)
        database_form.addRow("", region_note)
        self.auto_archive = QSpinBox()
        self.auto_archive.setRange(0, archive_service.MAX_AUTO_ARCHIVE_DAYS)
        self.auto_archive.setSpecialValueText(self.tr("Never"))
        self._auto_archive_days = workspace.read(archive_service.auto_archive_days) or 0
        self.auto_archive.setValue(self._auto_archive_days)
        self.auto_archive.setToolTip(
            self.tr(
                "Done and no-go needs leave the board by themselves after these days (checked "
                "when the workspace opens and once a day); they stay searchable"
            )
        )
        archive_label = QLabel(self.tr("&Archive done needs after (days):"))
        archive_label.setBuddy(self.auto_archive)
        self.region_row.addSpacing(12)
        self.region_row.addWidget(archive_label)
        self.region_row.addWidget(self.auto_archive)

        # ----- backups -----
        policy = settings.backup_policy
        self.keep_recent = self._spin("keep_recent", policy.keep_recent)
        self.keep_weeks = self._spin("keep_weeks", policy.keep_weeks)
        self.every_hours = self._spin("every_hours", policy.every_hours)
        self.every_hours.setSpecialValueText(self.tr("only when opening"))
        self.every_hours.setSuffix(self.tr(" h"))
        self.keep_weeks.setSpecialValueText(self.tr("none"))
        backup_box = QGroupBox(self.tr("Automatic backups"))
        backup_form = QFormLayout(backup_box)
        backup_form.addRow(self.tr("&Recent copies to keep:"), self.keep_recent)
        backup_form.addRow(self.tr("Keep weekly copies for (&weeks):"), self.keep_weeks)
        backup_form.addRow(self.tr("Back up while open, every:"), self.every_hours)
        folder = backups.folder_for(workspace.database.path)
        folder_label = QLabel(
            self.tr("A verified copy is taken when a database is opened. Copies go to:")
            + f"\n{folder}"
        )
        folder_label.setWordWrap(True)
        folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        backup_form.addRow(folder_label)
        self.backup_now = QPushButton(icons.icon("backup"), self.tr("&Back up now"))
        self.backup_now.clicked.connect(self._backup_now)
        open_folder = QPushButton(icons.icon("open"), self.tr("Open the backup &folder"))
        open_folder.clicked.connect(
            lambda: feedback.sink().open_folder(self, folder, self.tr("Backup folder"))
        )
        row = QHBoxLayout()
        row.addWidget(self.backup_now)
        row.addWidget(open_folder)
        row.addStretch(1)
        backup_form.addRow(row)
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        backup_form.addRow(self.backup_status)
        self._show_last_backup()
        if workspace.database.is_server:  # the team's copies are pull and pg_dump
            self.backup_now.setEnabled(False)
            self.backup_status.setText(
                self.tr(
                    "A team workspace is backed up on its server (pg_dump) or with "
                    "po-desktop pull; a local copy is taken each time you connect."
                )
            )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(database)
        layout.addWidget(backup_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(800)

    @Slot()
    def _show_signature(self) -> None:
        typed = self.who_am_i.text()
        author = self.workspace.read(lambda session: identity.who(session, typed))
        said = (
            self.tr("Signed as %1, a person of this workspace.")
            if author.person_id is not None
            else self.tr("Signed as %1 (no person of this workspace has this name or login).")
        )
        self.signed_as.setText(said.replace("%1", author.name or "—"))

    def _spin(self, name: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        low, high = POLICY_LIMITS[name]
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def _show_last_backup(self) -> None:
        last = backups.newest(self.workspace.database.path)
        if last is None:
            self.backup_status.setText(self.tr("No backup of this database yet."))
            return
        when = QLocale().toString(QDateTime(last.taken), QLocale.FormatType.ShortFormat)
        self.backup_status.setText(
            self.tr("Last copy: %1 (%2).")
            .replace("%1", when)
            .replace("%2", messages.backup_reason(last.reason))
        )

    @Slot()
    def _backup_now(self) -> None:
        try:
            backups.create(self.workspace.database.path, "manual")
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Backup failed"), exc.render())
            return
        self._show_last_backup()

    def policy(self) -> BackupPolicy:
        return BackupPolicy(
            keep_recent=self.keep_recent.value(),
            keep_weeks=self.keep_weeks.value(),
            every_hours=self.every_hours.value(),
        )

    def accept(self) -> None:
        language = self.language.currentData() or ""
        self.language_changed = language != self.settings.language
        self.settings.language = language
        self.settings.who_am_i = self.who_am_i.text().strip()
        self.workspace.sign_in(self.settings.who_am_i)
        self.settings.backup_policy = self.policy()
        self.settings.sync()
        try:
            self.workspace.set_holiday_region(
                self.region.currentData() or "",
                self.tr("Public holidays: %1").replace("%1", self.region.currentText()),
            )
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Public holidays"), exc.render())
            return  # the dialog stays open with what was chosen
        days = self.auto_archive.value()
        if days != self._auto_archive_days:
            title = self.tr("Archive done needs")
            change = self.workspace.try_perform(
                title,
                lambda s: (
                    archive_service.set_auto_archive_days(s, days),
                    archive_service.archive_done_needs(s),
                ),
                lambda exc: feedback.sink().warn(self, title, exc.render()),
            )
            if change is None:
                return
        super().accept()
