"""Ctrl+C during an import: one line, nothing imported, exit 130.

A real SIGINT reaches a real ``po-desktop import-csv`` process once its import is under
way (it holds the database's lock, written after the file was read): the transaction
rolls back, so the database holds exactly what it held before, and the terminal gets
one line in the user's language instead of a traceback.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from po_desktop import cli
from po_desktop.demo import seed_demo
from po_desktop.store.database import open_database

ROWS = 20_000
"""Seconds of import on a laptop: the signal comes long before the end."""


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return list(raw.iterdump())


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals: Windows has no SIGINT to send")
def test_ctrl_c_during_an_import_rolls_it_back(tmp_path: Path) -> None:
    path = tmp_path / "espace.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=10, seed=1, today=date(2027, 3, 1))
    before = _dump(path)
    big = tmp_path / "besoins.csv"
    rows = [
        f";Besoin {i};Défi {i} : gagner du temps;P{i % 7};été, r&d;{i % 13}" for i in range(ROWS)
    ]
    big.write_text("key;title;problem;project;tags;points\n" + "\n".join(rows) + "\n")
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "po_desktop", "import-csv", str(big), "--db", str(path)]
    child = subprocess.Popen(
        [*command, "--lang", "fr"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = Path(f"{path}.lock")
    deadline = time.monotonic() + 60
    # The file is read and the database open: the import's transaction is running.
    while not (lock.exists() and f"pid {child.pid} " in lock.read_text()):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the import never started"
        time.sleep(0.01)
    time.sleep(0.3)  # well into the import
    assert child.poll() is None, "the import ended before the signal: make the file bigger"
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 130, (out, err)
    assert err == "po-desktop: Interrompu\u00a0: rien n'a été importé.\n"
    assert out == ""
    assert _dump(path) == before
    with open_database(path) as again:  # and the lock went with the process
        assert again.lock is not None and again.lock.held


def test_an_interrupted_command_says_so_in_the_users_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def stopped(_args: object, _lang: str) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(cli._HANDLERS, "import-csv", stopped)
    monkeypatch.setitem(cli._HANDLERS, "pack", stopped)
    assert cli.main(["import-csv", "x.csv", "--db", "x.podb", "--lang", "en"]) == 130
    assert capsys.readouterr().err == "po-desktop: Interrupted: nothing was imported.\n"
    pack = ["pack", "--db", "x.podb", "--sprint", "1", "-o", "x.pdf", "--lang", "fr"]
    assert cli.main(pack) == 130
    assert capsys.readouterr().err == (
        "po-desktop: Interrompu\u00a0: la commande s'est arrêtée avant la fin.\n"
    )
