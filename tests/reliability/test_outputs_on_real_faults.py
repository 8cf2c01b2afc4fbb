"""Every file the command line writes, on a real full disk and a real read-only mount.

Each output is asked to replace a file that already exists there. The previous file
must come out byte-identical, no temporary file may stay behind, the exit code is 2
and the one line on stderr says what happened in the user's language (never Python's
"No space left on device" inside a French sentence).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.mounts import fill, remount_read_only, small_tmpfs

from po_desktop.cli import main
from po_desktop.demo import seed_demo
from po_desktop.store.database import open_database

FULL = {"fr": "le disque est plein", "en": "the disk is full"}
READ_ONLY = {"fr": "le support est en lecture seule", "en": "the medium is read-only"}
ENGLISH_SYSTEM = ("No space left on device", "Read-only file system", "Errno")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small demo workspace (outside the mount) and the name of its active sprint."""
    folder = tmp_path_factory.mktemp("faults")
    path = folder / "demo.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=80, seed=3, today=date(2027, 3, 10))
    with sqlite3.connect(path) as raw:
        (active,) = raw.execute("SELECT name FROM sprint WHERE state = 'active'").fetchone()
    return path, active


def _outputs(active: str) -> dict[str, tuple[list[str], str]]:
    return {
        "export-csv": (["export-csv"], "besoins.csv"),
        "backlog": (["backlog", "--format", "csv"], "backlog.csv"),
        "ics": (["ics"], "sprints.ics"),
        "pack": (["pack", "--sprint", active], "revue.pdf"),
        "screenshot": (["screenshot", "--view", "board", "--size", "400x300"], "tableau.png"),
    }


OUTPUTS = ("export-csv", "backlog", "ics", "pack", "screenshot")


def _run(args: list[str], capsys: pytest.CaptureFixture[str], home: Path) -> tuple[int, str]:
    """The command as a user runs it: in this process, but the screenshot in its own (Qt)."""
    if args[0] != "screenshot":
        capsys.readouterr()
        code = main(args)
        return code, capsys.readouterr().err
    env = os.environ | {"PO_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "po_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stderr


@pytest.fixture(params=OUTPUTS)
def output(
    request: pytest.FixtureRequest, workspace: tuple[Path, str], tmp_path: Path
) -> Iterator[tuple[list[str], Path, bytes]]:
    """The command, its target on a small tmpfs, and the previous file's bytes there.

    The previous file is smaller than the new one, so that writing in place (truncate,
    then write) would free less room than the new content needs.
    """
    db, active = workspace
    args, name = _outputs(active)[request.param]
    with small_tmpfs(tmp_path / "disk") as disk:
        target = disk / name
        before = f"previous {name}\n".encode()
        target.write_bytes(before)
        yield [*args, "--db", str(db), "-o", str(target)], target, before


def _check_refusal(
    code: int, err: str, target: Path, before: bytes, expected: str, leftovers: set[str]
) -> None:
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("po-desktop: "), err
    assert expected in err and target.name in err, err
    assert not any(english in err for english in ENGLISH_SYSTEM), err
    assert "Traceback" not in err
    assert target.read_bytes() == before
    assert {p.name for p in target.parent.iterdir()} == leftovers


def test_an_output_on_a_full_disk_keeps_the_previous_file(
    output: tuple[list[str], Path, bytes], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command, target, before = output
    filler = fill(target.parent)
    code, err = _run([*command, "--lang", "fr"], capsys, home)
    _check_refusal(code, err, target, before, FULL["fr"], {target.name, filler.name})
    filler.unlink()  # room again: the same command now replaces the file
    code, err = _run([*command, "--lang", "fr"], capsys, home)
    assert code == 0, err
    assert target.read_bytes() != before
    assert {p.name for p in target.parent.iterdir()} == {target.name}


def test_an_output_on_a_read_only_mount_is_refused_in_both_languages(
    output: tuple[list[str], Path, bytes], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command, target, before = output
    remount_read_only(target.parent)
    for lang in ("fr", "en"):
        code, err = _run([*command, "--lang", lang], capsys, home)
        _check_refusal(code, err, target, before, READ_ONLY[lang], {target.name})
