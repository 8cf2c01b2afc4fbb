"""Child process for bench/startup.py: start like `po-desktop --db PATH`, exit on first paint.

Same imports in the same order as ``cli._cmd_gui`` (after its integrity check started
ahead, as ``--db`` starts it), then ``ui.app.start_gui``
(application, translators, database checks and lock, main window, show). The
first paint of the board's first column prints a timestamp and the event loop ends.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    db_path = Path(sys.argv[1])
    # Same order as the CLI (see cli._cmd_gui): the file's check started, then the store
    # before Qt.
    import gc

    from po_desktop.store import check_ahead

    gc.disable()
    check_ahead.start(db_path)
    import po_desktop.store.database  # noqa: F401, I001
    from po_desktop.ui.app import start_gui
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                print(f"painted {time.time():.6f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    app, window = start_gui(db_path, "fr")
    if window is None:
        return 2
    watcher = FirstPaint()
    window.board.view.views()[0].viewport().installEventFilter(watcher)  # type: ignore[attr-defined]
    app.exec()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
