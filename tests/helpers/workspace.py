"""Real workspace files for tests: the fixture of each released schema, and their contents."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import ModuleType

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from po_desktop.store.database import open_database
from po_desktop.store.models import BoardColumn, Need, Project, utcnow
from po_desktop.store.services import projects

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def hostile_text() -> ModuleType:
    """The hostile-text corpus (``tests/fixtures/hostile_text.py``), loaded by path: test
    folders are not packages."""
    path = FIXTURES / "hostile_text.py"
    spec = importlib.util.spec_from_file_location("hostile_text", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("hostile_text", module)
    spec.loader.exec_module(module)
    return module


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def project_codes(path: Path) -> list[str]:
    with open_database(path, create=False) as db, db.session() as session:
        return sorted(session.scalars(select(Project.code)))


def check(path: Path, lang: str = "en") -> tuple[int, str, str]:
    """``po-desktop check`` as a user runs it: exit code, output, errors."""
    from po_desktop import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", "--db", str(path), "--lang", lang])
    return code, out.getvalue(), err.getvalue()


def add_project(path: Path, code: str) -> None:
    with open_database(path) as db, db.session() as session:
        projects.create_project(session, projects.ProjectInput(code, f"Projet {code}", "internal"))


def tables(path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every user table: its columns and all its rows, in a stable order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        found = {}
        for name in names:
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')
            columns = [d[0] for d in cursor.description]
            found[name] = (columns, sorted(cursor.fetchall(), key=repr))
        return found
    finally:
        conn.close()


def _run_and_die(path: Path, body: str, statements: tuple[str, ...]) -> None:
    """Run SQL on ``path`` in a child process that then kills itself (SIGKILL: no clean-up
    code runs, as when the power goes)."""
    script = (
        "import os, signal, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        f"{body}"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path), *statements])
    assert done.returncode == -signal.SIGKILL


def killed_with_wal(path: Path, *statements: str) -> None:
    """Commit ``statements`` in WAL mode and die before any checkpoint: the changes live
    only in ``-wal``, beside its ``-shm``, as a crash leaves them."""
    _run_and_die(
        path,
        "conn.execute('PRAGMA journal_mode=WAL')\n"
        "conn.execute('PRAGMA wal_autocheckpoint=0')\n"
        "conn.execute('BEGIN')\n"
        "for statement in sys.argv[2:]:\n"
        "    conn.execute(statement)\n"
        "conn.execute('COMMIT')\n",
        statements,
    )
    assert Path(f"{path}-wal").stat().st_size > 0


def killed_mid_transaction(path: Path) -> None:
    """Die in the middle of a large transaction in rollback-journal mode: a hot
    ``-journal`` is left beside a file whose pages were partly overwritten."""
    _run_and_die(
        path,
        "conn.execute('PRAGMA journal_mode=DELETE')\n"
        "conn.execute('PRAGMA cache_size=1')\n"  # pages spill into the file at once
        "conn.execute('BEGIN')\n"
        "conn.execute('CREATE TABLE filler (x)')\n"
        "for table, in conn.execute(\"SELECT name FROM sqlite_master WHERE type = 'table'\"\n"
        "                           \" AND name NOT LIKE 'sqlite_%'\").fetchall():\n"
        "    conn.execute(f'DELETE FROM \"{table}\"')\n"
        "for _ in range(300):\n"
        "    conn.execute('INSERT INTO filler VALUES (?)', ('x' * 2000,))\n",
        (),
    )
    assert Path(f"{path}-journal").stat().st_size > 0


@contextlib.contextmanager
def holder(path: Path, home: Path) -> Iterator[subprocess.Popen[str]]:
    """Another PO Desktop process with ``path`` open; "write CODE" adds a project."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from po_desktop.store.database import open_database\n"
            "from po_desktop.store.services import projects\n"
            "db = open_database(sys.argv[1])\n"
            "print('open', db.read_only, flush=True)\n"
            "for line in sys.stdin:\n"
            "    code = line.split()[1]\n"
            "    with db.session() as s:\n"
            "        projects.create_project(s, projects.ProjectInput(code, code))\n"
            "    print('written', flush=True)\n"
            "db.close()\n",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PO_DESKTOP_HOME": str(home)},
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().split() == ["open", "False"]
        yield process
    finally:
        if process.stdin is not None:
            process.stdin.close()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def ask(process: subprocess.Popen[str], command: str) -> str:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(command + "\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


SPECIAL_TITLES = {
    4321: "Échéancier des relances clients",
    777: "Relances : ÉCHÉANCES fournisseurs",
    9000: "Œuvre d'art du hall 50%_off",
}


def many_needs(session: Session, count: int = 10_000) -> int:
    """``count`` needs in a new project ERP (ERP-1 to ERP-<count>), inserted at once."""
    erp = projects.create_project(session, projects.ProjectInput("ERP", "Déploiement ERP")).id
    column = session.scalar(select(BoardColumn.id).order_by(BoardColumn.position))
    start = utcnow() - timedelta(days=1)
    session.execute(
        insert(Need),
        [
            {
                "project_id": erp,
                "number": n,
                "title": SPECIAL_TITLES.get(n, f"Besoin numéro {n} du service"),
                "column_id": column,
                "rank": n,
                "created_at": start,
                "updated_at": start + timedelta(seconds=n),
                "column_since": start,
            }
            for n in range(1, count + 1)
        ],
    )
    session.commit()
    return erp
