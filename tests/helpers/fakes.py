"""A feedback sink for tests: it answers questions and file choosers, and records
every message, question and dialog the interface shows (po_desktop/ui/feedback.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from po_desktop.ui.feedback import Feedback, Purpose, Unsaved


@dataclass
class Shown:
    kind: str
    """inform, warn, fail, ask, unsaved, open, save, choose_folder, color, dialog, external,
    folder"""
    title: str
    text: str = ""


@dataclass
class FakeFeedback(Feedback):
    """Answers from :attr:`answers` in order, then :attr:`default_answer`."""

    shown: list[Shown] = field(default_factory=list)
    answers: list[bool | Unsaved] = field(default_factory=list)
    default_answer: bool = True
    default_unsaved: Unsaved = Unsaved.CANCEL
    files: dict[Purpose, Path] = field(default_factory=dict)
    """What each file chooser returns; a purpose not listed is a cancelled chooser."""
    on_dialog: Callable[[QDialog], bool] | None = None
    """Fills in and closes a dialog of ours; by default it is shown, then cancelled."""
    dialogs: list[str] = field(default_factory=list)
    opened: list[Path] = field(default_factory=list)
    can_open: bool = True
    """False: no application opens files (no PDF viewer installed)."""
    color: str | None = None

    def __post_init__(self) -> None:
        super().__init__()

    # ----- what was shown -----------------------------------------------------------------
    def texts(self, kind: str) -> list[str]:
        return [s.text for s in self.shown if s.kind == kind]

    @property
    def warnings(self) -> list[str]:
        return self.texts("warn") + self.texts("fail")

    @property
    def questions(self) -> list[str]:
        return self.texts("ask") + self.texts("unsaved")

    # ----- the sink -----------------------------------------------------------------------
    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("inform", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("warn", title, text))

    def fail(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(Shown("fail", title, text))

    def _next(self) -> bool | Unsaved | None:
        return self.answers.pop(0) if self.answers else None

    def ask(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        yes: str | None = None,
        no: str | None = None,
        default_yes: bool = True,
    ) -> bool:
        self.shown.append(Shown("ask", title, text))
        answer = self._next()
        if answer is None:
            return self.default_answer
        assert isinstance(answer, bool), f"a yes/no question was asked: {text!r}"
        return answer

    def ask_unsaved(self, parent: QWidget | None, title: str, text: str) -> Unsaved:
        self.shown.append(Shown("unsaved", title, text))
        answer = self._next()
        if answer is None:
            return self.default_unsaved
        assert isinstance(answer, Unsaved), f"save, discard or cancel was asked: {text!r}"
        return answer

    def choose_open(
        self,
        parent: QWidget | None,
        title: str,
        purpose: Purpose,
        name_filter: str,
        folder: Path | None = None,
    ) -> Path | None:
        self.shown.append(Shown("open", title, str(purpose)))
        return self.files.get(purpose)

    def choose_save(
        self,
        parent: QWidget | None,
        title: str,
        purpose: Purpose,
        suggested_name: str,
        name_filter: str,
        suffix: str,
        folder: Path | None = None,
    ) -> Path | None:
        self.shown.append(Shown("save", title, suggested_name))
        return self.files.get(purpose)

    def choose_folder(self, parent: QWidget | None, title: str, purpose: Purpose) -> Path | None:
        self.shown.append(Shown("choose_folder", title, str(purpose)))
        return self.files.get(purpose)

    def choose_color(self, parent: QWidget | None, initial: str, title: str) -> str | None:
        self.shown.append(Shown("color", title, initial))
        return self.color

    def run(self, dialog: QDialog) -> bool:
        self.shown.append(Shown("dialog", dialog.windowTitle()))
        self.dialogs.append(type(dialog).__name__)
        if self.on_dialog is not None:
            return self.on_dialog(dialog)
        dialog.show()
        QApplication.processEvents()
        dialog.reject()
        return False

    def _open_url(self, path: Path) -> bool:
        self.opened.append(path)
        return self.can_open
