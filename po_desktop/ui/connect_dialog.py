"""*File › Connect to a team workspace…*: the address, the login and its password.

The password is asked here and kept in the system's keyring (never in the settings or
the log); an address names a server and a database (``server/database``) or is a full
``postgresql://`` address whose options (``sslmode``, ``sslrootcert``…) pass through.
The dialog stays open, with everything typed, until the workspace opens: a server that
does not answer, a wrong password or an address without a workspace is said in it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
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
        self.progress = QLabel(self.tr("Connecting…"))
        self.progress.hide()
        self._opening: _Opening | None = None
        self._cancelled = False
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
        layout.addWidget(self.progress)
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

    @property
    def connecting(self) -> bool:
        """A connection is being made (off the window's thread)."""
        return self._opening is not None

    def accept(self) -> None:
        """Connect; the dialog closes only once the workspace is open. The server is
        asked off the window's thread: the window never waits on the network."""
        if self.connecting:
            return
        self.error.clear()
        try:
            url = team.address_from(self.address.text(), self.user.text(), self.tls.currentData())
        except PoDesktopError as exc:
            self.error.refused(exc)
            self.address.setFocus()
            return
        if self.password.text():
            url = url.set(password=self.password.text())
        self.ok.setEnabled(False)
        self.progress.show()
        self._url = url
        opening = _Opening(partial(open_database, url), QCoreApplication.instance())
        opening.done.connect(self._opened)
        opening.finished.connect(opening.deleteLater)
        self._opening = opening
        opening.start()

    def _opened(self, database: Database | None, refusal: BaseException | None) -> None:
        opening, self._opening = self._opening, None
        self.ok.setEnabled(True)
        self.progress.hide()
        if opening is None or self._cancelled:  # closed meanwhile: let it go
            if database is not None:
                database.close()
            return
        if refusal is not None:
            if not isinstance(refusal, PoDesktopError):
                raise refusal  # not the user's to fix: the crash report
            self.error.refused(refusal)
            return
        assert database is not None
        if self.password.text() and self.remember.isChecked():
            keychain.save(self._url, self.password.text())
        self.database = database
        super().accept()

    def reject(self) -> None:
        self._cancelled = self.connecting  # a connection under way is closed on arrival
        super().reject()


class _Opening(QThread):
    """Opens the team workspace; ``done`` carries it, or what refused it."""

    done = Signal(object, object)

    def __init__(self, opening: Callable[[], Database], parent: QObject | None) -> None:
        super().__init__(parent)
        self.opening = opening

    def run(self) -> None:
        try:
            database = self.opening()  # its local copy: made by the window
        except Exception as exc:
            self.done.emit(None, exc)
            return
        self.done.emit(database, None)
