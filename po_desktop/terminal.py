"""What the command line draws on a terminal while it works (no Qt)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from po_desktop.domain import formatting, messages


class ProgressBar:
    """A bar on stderr (a terminal) while a long command reads its file: redrawn at
    most ten times a second, erased at the end."""

    WIDTH = 30

    def __init__(self, fraction: Callable[[], float], lang: str) -> None:
        self.fraction = fraction
        self.lang = lang
        self.shown = 0.0
        self.drawn = False

    def update(self, rows: int) -> None:
        now = time.monotonic()
        if now - self.shown < 0.1:
            return
        self.shown = now
        done = max(0.0, min(1.0, self.fraction()))
        filled = round(done * self.WIDTH)
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        rows_text = messages.translate("cli.progress_rows", self.lang, count=rows)
        sys.stderr.write(f"\r{bar} {formatting.percent(done, self.lang):>5}  {rows_text}")
        sys.stderr.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
