"""A crash at each system call that writes: creating, upgrading, restoring a workspace.

The store's file operations run alone in a process (tests/reliability/file_op.py) under
``strace``; a first traced run lists every call that writes (``write``, ``pwrite64``,
``rename``, ``unlink``, ``fsync``, ``fdatasync``, ``ftruncate``, ``mkdir``...), then the
operation runs again from the same files, killed with SIGKILL on entry to one of those
calls (``-e inject=CALL:signal=KILL:when=N``: the Nth call of that name; strace counts
each system call separately). What a user then meets is checked by opening the folder
as the next start of the app would:

* the old workspace or the new one, each complete (every table compared with what it
  must hold), ``integrity_check`` clean — never an empty workspace, never a damaged one;
* no write-ahead log lost: a restore keeps the current file's last changes, which live
  only in its ``-wal``, either in place or in the file kept aside;
* a stale ``-wal``, ``-shm`` or ``-journal`` left under a new database's name is never
  replayed into it, and never deleted (set aside under a ``.stale-`` name).

The default test kills at every rename, unlink and fsync that did something and at every
40th of the other calls; the slow one kills at every call, or at every other write for the
two longest operations (see :data:`DENSE`). Needs strace and Linux.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers.workspace import FIXTURES, add_project, killed_mid_transaction, killed_with_wal, tables

from po_desktop.store import backups
from po_desktop.store.database import open_database
from po_desktop.store.migrate import HEAD

STRACE = shutil.which("strace")
OPERATION = Path(__file__).with_name("file_op.py")
WRITES = (
    "write,pwrite64,writev,pwritev,pwritev2,rename,renameat,renameat2,link,linkat,"
    "unlink,unlinkat,fsync,fdatasync,ftruncate,fallocate,mkdir,mkdirat,rmdir"
)
STRUCTURAL = frozenset({"rename", "renameat", "renameat2", "link", "linkat", "unlink", "unlinkat"})
"""Calls that change what a folder lists: the default test kills at each of them, and at
each ``fsync`` (SQLite syncs with ``fdatasync``; the store flushes copies and folders with
``fsync``), and at every few of the others."""

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="strace runs on Linux only"),
    pytest.mark.skipif(
        STRACE is None, reason="strace is missing (.ci/run installs it: apt-get install strace)"
    ),
]


@dataclass(frozen=True)
class Call:
    name: str
    ordinal: int
    """Among the calls of this name, from 1: strace's ``when=``."""
    line: str

    @property
    def failed(self) -> bool:
        return " = -1 " in self.line


def _environment(home: Path) -> dict[str, str]:
    return os.environ | {
        "PO_DESKTOP_HOME": str(home),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
    }


def _run(folder: Path, args: list[str], *options: str) -> int:
    """Run the operation with strace attached once the interpreter has started (see
    file_op.py); its exit status (negative: the signal that killed it)."""
    assert STRACE is not None
    command = [sys.executable, str(OPERATION), *args]
    process = subprocess.Popen(
        command, env=_environment(folder / "home"), stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    tracer = None
    try:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline() == b"ready\n", "file_op.py did not start"
        tracer = subprocess.Popen([STRACE, "-f", "-qq", "-p", str(process.pid), *options])
        deadline = time.monotonic() + 30
        status_file = Path(f"/proc/{process.pid}/status")
        while f"TracerPid:\t{tracer.pid}\n" not in status_file.read_text():
            assert time.monotonic() < deadline, "strace did not attach"
            time.sleep(0.002)
        process.stdin.write(b"go\n")
        process.stdin.close()
        status = process.wait(timeout=120)
        tracer.wait(timeout=30)
        return status
    finally:
        for child in (process, tracer):
            if child is not None and child.poll() is None:
                child.kill()
                child.wait()
        if process.stdout is not None:
            process.stdout.close()


def _trace(folder: Path, args: list[str]) -> list[Call]:
    """Every writing call of one uninterrupted run, in order."""
    log = folder / "strace.log"
    assert _run(folder, args, "-e", f"trace={WRITES}", "-o", str(log)) == 0
    calls, seen = [], Counter[str]()
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"(?:\d+\s+)?(\w+)\(", line)
        if match is None or "resumed>" in line:
            continue
        seen[match[1]] += 1
        calls.append(Call(match[1], seen[match[1]], line))
    log.unlink()
    return calls


def _kill_at(folder: Path, args: list[str], call: Call) -> int:
    """Run the operation again, killed on entry to ``call``; its exit status."""
    inject = f"inject={call.name}:signal=KILL:when={call.ordinal}"
    return _run(folder, args, "-e", f"trace={call.name}", "-e", inject, "-o", os.devnull)


def _sample(calls: list[Call], every: int) -> list[Call]:
    """Every rename, unlink and fsync that did something, and every ``every``-th of the
    other calls (writes, SQLite's syncs and truncations), the last one included."""
    key = [c for c in calls if (c.name in STRUCTURAL or c.name == "fsync") and not c.failed]
    rest = [c for c in calls if c not in key]
    picked = set(key) | set(rest[::every]) | set(rest[-1:])
    return [c for c in calls if c in picked]


@dataclass
class Scenario:
    """One operation from one starting folder, and what may be found after a kill."""

    name: str
    prepare: Callable[[Path], list[str]]
    """Fill an empty folder with the starting files; returns the operation's arguments."""
    verify: Callable[[Path], str]
    """Open the folder as the next start would; assert, and say "old" or "new"."""


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, without the values a creation draws anew (times, the uid)."""
    found = {}
    for name, (columns, rows) in tables(path).items():
        keep = [i for i, c in enumerate(columns) if not re.search(r"_at$|_since$", c)]
        if name == "setting":
            keep = [columns.index("key")]
        found[name] = sorted((tuple(row[i] for i in keep) for row in rows), key=repr)
    return found


def _integrity(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], path
    finally:
        conn.close()


def _as_left(path: Path) -> Path:
    """A copy of the file and its side files as the kill left them, to look at without
    recovering anything in the original (SQLite's recovery runs on the copy): the next
    start of the app must find the original untouched by the test."""
    folder = path.parent / "as-left"
    folder.mkdir()
    for suffix in ("", "-wal", "-shm", "-journal"):
        if Path(f"{path}{suffix}").exists():
            shutil.copy(f"{path}{suffix}", folder / f"{path.name}{suffix}")
    return folder / path.name


def _revision(path: Path) -> str:
    """As the next start sees the file: SQLite rolls back a journal, recovers a log."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


# Creation over stale side files ------------------------------------------------------


def _creation(template: Path) -> Scenario:
    """A new workspace under a name where another database left its log, index and a hot
    journal (a crash, then the file itself deleted by hand)."""
    other = template / "other.podb"
    add_project(other, "OLD")
    killed_with_wal(other, "CREATE TABLE stale (x)", "INSERT INTO stale VALUES ('rejoué')")
    stale = {s: Path(f"{other}{s}").read_bytes() for s in ("-wal", "-shm")}
    journal = template / "journal.podb"
    shutil.copy(FIXTURES / f"schema-{HEAD}.podb", journal)
    killed_mid_transaction(journal)
    stale["-journal"] = Path(f"{journal}-journal").read_bytes()
    reference = template / "reference.podb"
    with open_database(reference):
        pass
    expected = _content(reference)

    def prepare(folder: Path) -> list[str]:
        for suffix, data in stale.items():
            Path(folder / f"w.podb{suffix}").write_bytes(data)
        return ["open", str(folder / "w.podb")]

    def verify(folder: Path) -> str:
        path = folder / "w.podb"
        state = "old"
        if path.exists():
            left = _as_left(path)
            _integrity(left)
            assert _content(left) == expected, "a half-made or foreign workspace"
            state = "new"
        with open_database(path) as db:
            assert db.created == (state == "old")
        _integrity(path)
        assert _content(path) == expected, "the stale log or journal was replayed into it"
        for suffix, data in stale.items():  # set aside, never deleted
            kept = [p for p in folder.glob(f"w.podb{suffix}.stale-*") if p.read_bytes() == data]
            assert len(kept) == 1, f"w.podb{suffix} lost: {sorted(os.listdir(folder))}"
        return state

    return Scenario("create", prepare, verify)


# Upgrades, and the first opening of a file in rollback-journal mode ---------------------


def _upgrade(template: Path, revision: str) -> Scenario:
    """Opening a workspace of schema ``revision``: a verified backup, the switch to WAL
    (through a rollback journal), the migration, the checkpoint on closing."""
    fixture = FIXTURES / f"schema-{revision}.podb"
    old = tables(fixture)
    reference = template / "reference.podb"
    shutil.copy(fixture, reference)
    with open_database(reference):
        pass
    new = _content(reference)  # a migration draws the workspace's uid

    def prepare(folder: Path) -> list[str]:
        shutil.copy(fixture, folder / "w.podb")
        return ["open", str(folder / "w.podb")]

    def verify(folder: Path) -> str:
        path = folder / "w.podb"
        left = _as_left(path)
        found = (_revision(left), tables(left))
        assert found == (revision, old) or (found[0] == HEAD and _content(left) == new), (
            "neither the old schema nor the new"
        )
        for backup in backups.list_backups(path):  # a listed copy is a whole copy
            _integrity(backup.path)
            assert tables(backup.path) == old
        with open_database(path) as db:  # not called damaged: opened, upgraded
            assert db.migrated_from == (revision if found[0] != HEAD else None)
        _integrity(path)
        assert _content(path) == new
        return "old" if found[0] == revision and revision != HEAD else "new"

    return Scenario(f"open-{revision}", prepare, verify)


# Restore ----------------------------------------------------------------------------


def _state(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    """Project codes and the late work that lives only in the log."""
    conn = sqlite3.connect(path)
    try:
        codes = sorted(r[0] for r in conn.execute("SELECT code FROM project"))
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'late_work'").fetchall():
            return codes, []
        return codes, conn.execute("SELECT x FROM late_work").fetchall()
    finally:
        conn.close()


def _restore(template: Path) -> Scenario:
    """Restoring a copy over a workspace whose last changes are only in its ``-wal``."""
    current = template / "w.podb"
    add_project(current, "ERP")
    backups.save_copy(current, template / "copy.podb")
    add_project(current, "CRM")
    killed_with_wal(current, "CREATE TABLE late_work (x)", "INSERT INTO late_work VALUES (42)")
    names = [p.name for p in template.iterdir() if p.name.startswith(("w.podb", "copy.podb"))]
    old, new = (["CRM", "ERP"], [(42,)]), (["ERP"], [])

    def prepare(folder: Path) -> list[str]:
        for name in names:
            shutil.copy(template / name, folder / name)
        return ["restore", str(folder / "w.podb"), str(folder / "copy.podb")]

    def verify(folder: Path) -> str:
        path = folder / "w.podb"
        with open_database(path, create=False) as db:  # finishes or undoes the restore
            assert not db.created
        _integrity(path)
        found = _state(path)
        assert found in (old, new), f"neither the old workspace nor the restored one: {found}"
        assert not list(folder.glob("*.restore-intent")), "the restore was left half-done"
        kept = sorted(folder.glob("w.podb.before-restore-*[0-9]"))
        if found == new:  # the old workspace, with the work only its WAL held, kept aside
            assert len(kept) == 1 and _state(kept[0]) == old, sorted(os.listdir(folder))
            _integrity(kept[0])
        else:
            assert kept == [], "the old workspace came back but a copy of it stays aside"
        return "new" if found == new else "old"

    return Scenario("restore", prepare, verify)


# The campaign -----------------------------------------------------------------------


SCENARIOS: dict[str, Callable[[Path], Scenario]] = {
    "create": _creation,
    "open-0001": lambda template: _upgrade(template, "0001"),
    # Tables rebuilt; every later revision runs in the same transaction, the schema
    # definitions rewritten in place by 0010 and the index rebuilt by 0011 among them.
    "open-0003": lambda template: _upgrade(template, "0003"),
    f"open-{HEAD}": lambda template: _upgrade(template, HEAD),  # only the switch to WAL
    "restore": _restore,
}


@dataclass
class Outcome:
    kills: int = 0
    completed: int = 0
    states: Counter[str] = field(default_factory=Counter)


def _campaign(tmp_path: Path, name: str, every: int | None) -> Outcome:
    template = tmp_path / "template"
    template.mkdir()
    scenario = SCENARIOS[name](template)
    first = tmp_path / "traced"
    first.mkdir()
    args = scenario.prepare(first)
    calls = _trace(first, args)
    assert calls, "nothing was traced"
    assert scenario.verify(first) == "new", "the operation did not complete when left alone"
    chosen = calls if every is None else _sample(calls, every)
    outcome = Outcome()

    def run(index: int) -> tuple[int, Call, Path, int]:
        folder = tmp_path / f"kill-{index:04d}"
        folder.mkdir()
        run_args = scenario.prepare(folder)
        return index, chosen[index], folder, _kill_at(folder, run_args, chosen[index])

    with ThreadPoolExecutor(max_workers=2) as pool:
        for _index, call, folder, status in pool.map(run, range(len(chosen))):
            where = f"{name}: killed at {call.name} #{call.ordinal} ({call.line[:160]})"
            assert status in (-signal.SIGKILL, 0), f"{where}: exit status {status}"
            if status == 0:
                outcome.completed += 1  # the run took another path (a name with a new date)
            else:
                outcome.kills += 1
            try:
                outcome.states[scenario.verify(folder)] += 1
            except AssertionError as exc:
                raise AssertionError(f"{where}: {exc}") from exc
            shutil.rmtree(folder)
    assert outcome.kills >= 0.9 * len(chosen), f"{name}: too few kills landed: {outcome}"
    if name != f"open-{HEAD}":  # kills before and after the step that makes the new state
        assert outcome.states["old"] and outcome.states["new"], f"{name}: {outcome}"
    return outcome


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_crash_at_sampled_calls_leaves_the_old_or_the_new_workspace(
    name: str, tmp_path: Path
) -> None:
    outcome = _campaign(tmp_path, name, every=40)
    print(name, outcome)


DENSE: dict[str, int | None] = {
    "create": 2,
    "open-0001": 2,
    f"open-{HEAD}": None,
    "restore": None,
}
"""The slow test's campaigns: at every call, or at every rename, unlink and fsync and every
other write (``_sample(calls, 2)``) for the creation and the upgrade from 0001, which make
the most calls. A kill on entry to a write leaves every write before it done and none
synced; the next kill, at the write after or at the sync, leaves the same kind of state with
one page more, so every stretch between two syncs is still cut in several places. The
upgrade from 0003 runs the same migrations as the one from 0001, after its first two, in
the same single transaction: it is in the sampled campaigns only. Together these keep
``make test`` within its 20 minutes on a 2-core machine."""


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DENSE))
def test_a_crash_at_every_call_leaves_the_old_or_the_new_workspace(
    name: str, tmp_path: Path
) -> None:
    outcome = _campaign(tmp_path, name, every=DENSE[name])
    print(name, outcome)
