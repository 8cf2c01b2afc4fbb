"""Child process for bench/startup.py: open the app like `po-desktop --db`, exit on first paint.

It goes through the same steps as ``run_gui`` (application, translators,
database open with its checks and lock, main window) and prints the moment the
table's viewport is first painted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    db_path = Path(sys.argv[1])
    from PySide6.QtCore import QEvent, QObject, QTimer

    from po_desktop.store.database import open_database
    from po_desktop.ui.app import create_application
    from po_desktop.ui.main_window import MainWindow
    from po_desktop.ui.workspace import Workspace

    app = create_application("fr")

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
                self.seen = True
                print(f"painted {time.time():.6f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    window = MainWindow(Workspace(open_database(db_path)))
    watcher = FirstPaint()
    window.board.view.viewport().installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    app.exec()
    window.workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
