"""The command line: exit codes, one-line errors in the user's language, no Qt import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from po_desktop import __version__
from po_desktop.cli import main
from po_desktop.store.database import open_database
from po_desktop.store.services import needs, projects


def run_cli(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PO_DESKTOP_HOME": str(env_home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "po_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _workspace(path: Path) -> None:
    with open_database(path) as db, db.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP")).id
        needs.create_need(s, needs.NeedInput("Factures", "Relances manuelles", pid))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_check_healthy_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.podb"
    _workspace(path)
    assert main(["check", "--db", str(path), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Intégrité : OK" in out
    assert "Besoins: 1" in out


def test_check_exit_codes_for_unusable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.podb"
    junk.write_bytes(b"not a database at all" * 10)
    assert main(["check", "--db", str(junk), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a PO Desktop database" in err
    assert main(["check", "--db", str(tmp_path / "missing.podb")]) == 2


def test_check_reports_problems_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    path = tmp_path / "broken.podb"
    _workspace(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE need SET column_id = 999")  # dangling reference
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(path), "--lang", "en"]) == 1
    assert "foreign key" in capsys.readouterr().out


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    foreign = tmp_path / "contacts.sqlite"
    import sqlite3

    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    result = run_cli("check", "--db", str(foreign), "--lang", "fr", env_home=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "autre application" in result.stderr


def test_cli_never_imports_qt(tmp_path: Path) -> None:
    path = tmp_path / "ok.podb"
    _workspace(path)
    code = (
        "import sys; from po_desktop.cli import main; "
        f"rc = main(['check', '--db', {str(path)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_bad_arguments_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--lang", "de"])
    assert exit_info.value.code == 2
    path = tmp_path / "ok.podb"
    _workspace(path)
    assert main(["screenshot", "--db", str(path), "-o", "x.png", "--size", "big"]) == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err
    assert main(["screenshot", "--db", str(path), "-o", "x.png", "--view", "nope"]) == 2


def test_screenshot_command_writes_png(tmp_path: Path) -> None:
    path = tmp_path / "ok.podb"
    _workspace(path)
    out = tmp_path / "shot.png"
    result = run_cli(
        "screenshot",
        "--db",
        str(path),
        "--view",
        "main",
        "-o",
        str(out),
        "--size",
        "800x600",
        env_home=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
