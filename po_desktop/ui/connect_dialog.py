"""*File › Connect to a team workspace…*: the address, the login and its password.

The password is asked here and kept in the system's keyring (never in the settings or
the log); an address names a server and a database (``server/database``) or is a full
``postgresql://`` address whose options (``sslmode``, ``sslrootcert``…) pass through.
The dialog stays open, with everything typed, until the workspace opens: a server that
does not answer, a wrong password or an address without a workspace is said in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from po_desktop.store import keychain, team
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import PoDesktopError
from po_desktop.ui.banner import FormError


class ConnectDialog(QDialog):
    """Opens the team workspace on OK; :attr:`database` is then the open workspace."""

    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team workspace"))
        self.database: Database | None = None
        intro = QLabel(
            self.tr(
                "A team workspace lives on your company's PostgreSQL server. Ask your IT "
                "department for its address, your login and your password."
            )
        )
        intro.setWordWrap(True)
        self.address = QLineEdit(address)
        self.address.setPlaceholderText(self.tr("server/database, or postgresql://…"))
        self.address.setAccessibleName(self.tr("Address"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("Login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("Remember the password in the system's keyring"))
        self.remember.setChecked(True)
        self.tls = QComboBox()
        labels = {
            "": self.tr("As the address says (or the server decides)"),
            "disable": self.tr("No encryption"),
            "prefer": self.tr("Encrypted when the server offers it"),
            "require": self.tr("Always encrypted"),
            "verify-ca": self.tr("Encrypted, server certificate checked"),
            "verify-full": self.tr("Encrypted, certificate and server name checked"),
        }
        for mode in team.TLS_MODES:
            self.tls.addItem(labels[mode] + (f"  ({mode})" if mode else ""), mode)
        if address:
            self._fill_from(address)
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Login:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("&Encryption (TLS):"), self.tls)
        self.error = FormError()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _fill_from(self, address: str) -> None:
        """A known address (the recent list): its login and kept password filled in."""
        try:
            url = team.server_url(address)
        except Exception:
            return
        if url.username:
            self.user.setText(url.username)
            # URL.set() leaves a None alone: the login is taken out of the tuple itself.
            bare = url._replace(username=None, password=None)
            self.address.setText(team.shown(bare).removeprefix("postgresql://"))
            kept = keychain.password(url)
            if kept is not None:
                self.password.setText(kept)

    def accept(self) -> None:
        """Connect now; the dialog closes only when the workspace is open."""
        self.error.clear()
        try:
            url = team.address_from(self.address.text(), self.user.text(), self.tls.currentData())
        except PoDesktopError as exc:
            self.error.refused(exc)
            self.address.setFocus()
            return
        if self.password.text():
            url = url.set(password=self.password.text())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.ok.setEnabled(False)
        try:
            database = open_database(url)  # its local copy: made by the window
        except PoDesktopError as exc:
            self.error.refused(exc)
            return
        finally:
            self.ok.setEnabled(True)
            QGuiApplication.restoreOverrideCursor()
        if self.password.text() and self.remember.isChecked():
            keychain.save(url, self.password.text())
        self.database = database
        super().accept()
