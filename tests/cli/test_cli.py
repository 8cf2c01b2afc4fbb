"""The command line: exit codes, one-line errors in the user's language, no Qt import."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from po_desktop import __version__
from po_desktop.cli import main
from po_desktop.store.database import open_database
from po_desktop.store.models import Project
from po_desktop.store.services import needs, projects, sprints


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
    assert "Intégrité\u00a0: OK" in out
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
    csv_file = tmp_path / "out.csv"
    commands = [
        ["demo", "--db", str(path), "--needs", "20"],
        ["check", "--db", str(path)],
        ["export-csv", "--db", str(path), "-o", str(csv_file)],
        ["import-csv", str(csv_file), "--db", str(path)],
        ["backlog", "--db", str(path), "--format", "csv", "-o", str(tmp_path / "b.csv")],
        ["capacity", "--db", str(path), "--sprint", "1"],
        ["ics", "--db", str(path), "-o", str(tmp_path / "sprints.ics")],
    ]
    code = (
        "import sys; from po_desktop.cli import main; "
        f"codes = [main(c) for c in {commands!r}]; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; "
        "sys.exit(max(codes))"
    )
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
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


def test_demo_creates_refuses_existing_and_forces(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(path), "--needs", "50", "--lang", "en"]) == 0
    assert "50 needs" in capsys.readouterr().out
    assert main(["demo", "--db", str(path), "--lang", "en"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["demo", "--db", str(path), "--needs", "30", "--force", "--lang", "en"]) == 0
    assert "backed up" in capsys.readouterr().out
    assert main(["check", "--db", str(path), "--lang", "en"]) == 0
    assert "Needs: 30" in capsys.readouterr().out
    backups = list((home / "backups").glob("demo-*/demo-*-before-replace.podb"))
    assert len(backups) == 1
    assert main(["check", "--db", str(backups[0]), "--lang", "en"]) == 0
    assert "Needs: 50" in capsys.readouterr().out
    foreign = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    assert main(["demo", "--db", str(foreign), "--force"]) == 2
    assert foreign.read_bytes() == before


def test_demo_force_refuses_a_newer_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "newer.podb"
    _workspace(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    assert main(["demo", "--db", str(path), "--force", "--lang", "en"]) == 2
    assert "newer version" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_export_refuses_to_overwrite_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.podb"
    _workspace(path)
    for target in (path, Path(f"{path}-wal"), tmp_path / "." / "w.podb"):
        assert main(["export-csv", "--db", str(path), "-o", str(target), "--lang", "en"]) == 2
        assert "open database itself" in capsys.readouterr().err
    assert main(["check", "--db", str(path)]) == 0


def test_import_into_a_mistyped_database_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("key,title,problem,project\n,A,B,ERP\n", encoding="utf-8")
    missing = tmp_path / "typo.podb"
    assert main(["import-csv", str(csv_file), "--db", str(missing), "--lang", "en"]) == 2
    assert "not found" in capsys.readouterr().err
    assert not missing.exists()


def test_demo_rejects_a_silly_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(tmp_path / "d.podb"), "--needs", "-5", "--lang", "en"]) == 2
    assert "between" in capsys.readouterr().err


def test_csv_round_trip_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.podb"
    assert main(["demo", "--db", str(source), "--needs", "40"]) == 0
    first = tmp_path / "first.csv"
    assert main(["export-csv", "--db", str(source), "-o", str(first), "--lang", "en"]) == 0
    assert "40 needs exported" in capsys.readouterr().out
    copy = tmp_path / "copy.podb"
    assert main(["demo", "--db", str(copy), "--needs", "0"]) == 0  # same columns and sprints
    assert main(["import-csv", str(first), "--db", str(copy), "--lang", "en"]) == 0
    assert "40 needs created" in capsys.readouterr().out
    second = tmp_path / "second.csv"
    assert main(["export-csv", "--db", str(copy), "-o", str(second), "--lang", "en"]) == 0
    assert second.read_bytes() == first.read_bytes()


def test_bad_import_names_the_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.podb"
    _workspace(path)
    bad = tmp_path / "bad.csv"
    bad.write_bytes("key;title;problem;project\n;A;B;ERP\n;;Sans titre;ERP\n".encode("cp1252"))
    assert main(["import-csv", str(bad), "--db", str(path), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "Ligne 3" in err and "Titre" in err and "Rien n'a été importé" in err
    assert main(["import-csv", str(tmp_path / "nope.csv"), "--db", str(path)]) == 2


def test_export_to_an_unwritable_place_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.podb"
    _workspace(path)
    target = tmp_path / "missing-dir" / "out.csv"
    assert main(["export-csv", "--db", str(path), "-o", str(target), "--lang", "en"]) == 2
    assert "Cannot write" in capsys.readouterr().err


def test_backlog_ranks_open_needs_in_either_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(path), "--needs", "60"]) == 0
    capsys.readouterr()
    assert main(["backlog", "--db", str(path), "--lang", "fr"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["Rang", "Clé", "Titre", "Score"]
    assert table[1].split()[0] == "1" and "," in table[1]  # French decimal comma
    assert main(["backlog", "--db", str(path), "--format", "csv", "--lang", "en"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert rows[0][:5] == ["Rank", "Key", "Title", "Score", "Decision"]
    scores = [float(r[3]) for r in rows[1:] if r[3]]
    assert scores == sorted(scores, reverse=True) and scores
    assert [int(r[0]) for r in rows[1:]] == list(range(1, len(rows)))
    unscored = [r for r in rows[1:] if not r[3]]
    assert all(r[4] == "not scored" for r in unscored)
    assert rows.index(unscored[0]) > len(scores) if unscored else True  # unscored come last
    assert main(["backlog", "--db", str(path), "--grid", "RICE", "--lang", "en"]) == 2
    assert "Scoring grid not found: RICE" in capsys.readouterr().err
    assert main(["backlog", "--db", str(path), "--grid", "grille par défaut"]) == 0
    by_name = capsys.readouterr().out
    assert main(["backlog", "--db", str(path), "--grid", "1"]) == 0  # the default grid's id
    assert capsys.readouterr().out == by_name


def test_capacity_and_ics_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    path = tmp_path / "demo.podb"
    assert main(["demo", "--db", str(path), "--needs", "60"]) == 0
    with sqlite3.connect(path) as raw:
        (active,) = raw.execute("SELECT name FROM sprint WHERE state = 'active'").fetchone()
        sprints = raw.execute("SELECT count(*) FROM sprint").fetchone()[0]
    capsys.readouterr()
    assert main(["capacity", "--db", str(path), "--sprint", active.upper(), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{active} — ") and "facteur de concentration 0,8" in out
    assert "Capacité de l'équipe\u00a0: " in out and "Prévision\u00a0: " in out
    assert main(["capacity", "--db", str(path), "--sprint", "Sprint 99", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == "po-desktop: Sprint not found: Sprint 99."
    ics = tmp_path / "all.ics"
    assert main(["ics", "--db", str(path), "-o", str(ics), "--lang", "en"]) == 0
    assert "Calendar written" in capsys.readouterr().out
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    spans = [e for e in events if str(e.get("uid")).startswith("sprint-")]
    assert len(spans) == sprints
    one = tmp_path / "one.ics"
    assert main(["ics", "--db", str(path), "--sprint", active, "-o", str(one)]) == 0
    assert one.read_bytes().count(b"BEGIN:VEVENT") < ics.read_bytes().count(b"BEGIN:VEVENT")
    assert main(["ics", "--db", str(path), "-o", str(tmp_path / "no" / "x.ics")]) == 2
    assert main(["ics", "--db", str(path), "-o", str(path)]) == 2  # never over the database


def test_sprints_grids_and_projects_are_found_by_names_typed_without_accents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.podb"
    _workspace(path)
    with open_database(path) as db, db.session() as s:
        sprints.create_sprint(s, sprints.SprintInput("Sprint Été", "2027-07-05", "2027-07-16"))
    assert main(["capacity", "--db", str(path), "--sprint", "sprint ete", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.startswith("Sprint Été — ")
    target = tmp_path / "erp.csv"
    export = ["export-csv", "--db", str(path), "-o", str(target), "--lang", "en"]
    assert main([*export, "--project", "deploiement erp"]) == 0
    assert "1 need exported" in capsys.readouterr().out
    assert main(["backlog", "--db", str(path), "--grid", "GRILLE PAR DEFAUT"]) == 0
    with open_database(path) as db, db.session() as s:
        sprints.create_sprint(s, sprints.SprintInput("Sprint Ete", "2027-08-02", "2027-08-13"))
    capsys.readouterr()
    assert main(["capacity", "--db", str(path), "--sprint", "SPRINT ÉTE", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "po-desktop: “SPRINT ÉTE” matches more than one name: “Sprint Été”, “Sprint Ete”. "
        "Type the exact name, accents included.\n"
    )


def test_help_and_argument_errors_speak_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "fr", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("utilisation\u00a0: po-desktop")
    assert "imprimer le dossier de revue de sprint (PDF)" in out
    assert "show this help" not in out and "positional" not in out
    with pytest.raises(SystemExit) as exit_info:
        main(["pack", "--lang", "fr", "--db", "x.podb"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "erreur\u00a0: arguments obligatoires manquants\u00a0: --sprint" in err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "pack", "--help"])
    out = capsys.readouterr().out
    assert "print a sprint-review pack (PDF)" in out and "utilisation" not in out


def test_backup_list_and_restore_commands(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.podb"
    _workspace(path)
    assert main(["backup", "--db", str(path), "--list", "--lang", "en"]) == 0
    assert "No backup" in capsys.readouterr().out
    assert main(["backup", "--db", str(path), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Sauvegarde vérifiée\u00a0: ")
    copy = Path(out.split("\u00a0: ", 1)[1].strip())
    assert copy.is_file() and home in copy.parents
    with open_database(path) as db, db.session() as s:  # work after the backup
        projects.create_project(s, projects.ProjectInput("CRM", "Refonte CRM"))
    assert main(["backup", "--db", str(path), "--list", "--lang", "fr"]) == 0
    assert "manuelle" in capsys.readouterr().out
    assert main(["restore", "--db", str(path), "--from", str(copy), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "previous file is kept" in out
    kept = [
        p for p in tmp_path.glob("w.podb.before-restore-*") if not p.name.endswith(("wal", "shm"))
    ]
    assert len(kept) == 1
    with open_database(path) as db, db.session() as s:
        assert sorted(s.scalars(select(Project.code))) == ["ERP"]
    with open_database(kept[0]) as db, db.session() as s:
        assert sorted(s.scalars(select(Project.code))) == ["CRM", "ERP"]
    # A missing database or a junk source: one line, exit 2, nothing changed.
    assert main(["backup", "--db", str(tmp_path / "missing.podb")]) == 2
    junk = tmp_path / "junk.podb"
    junk.write_text("hello")
    assert main(["restore", "--db", str(path), "--from", str(junk), "--lang", "en"]) == 2
    assert "not a PO Desktop database" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_logged(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from po_desktop import cli, logs

    def broken(_args: object, _lang: str) -> int:
        raise RuntimeError("boom in a command")

    monkeypatch.setitem(cli._HANDLERS, "check", broken)
    assert main(["check", "--db", "x.podb", "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "erreur inattendue (RuntimeError: boom in a command)" in err
    assert str(logs.log_file()) in err and home in logs.log_file().parents
    import logging

    for handler in logging.getLogger("po_desktop").handlers:
        handler.flush()
    logged = logs.log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom in a command" in logged
