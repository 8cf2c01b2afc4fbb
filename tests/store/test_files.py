"""Atomic outputs: the previous file or the new one, never half of one, never a stray temporary."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from po_desktop.store import files
from po_desktop.store.database import open_database
from po_desktop.store.errors import StorageError


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_file_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "rapport.csv"
    target.write_text("ancien")
    target.chmod(0o640)
    files.write_text(target, "nouveau ; contenu\r\n", encoding="utf-8-sig")
    assert target.read_bytes() == "\ufeffnouveau ; contenu\r\n".encode()
    assert target.stat().st_mode & 0o777 == 0o640
    assert _names(tmp_path) == {"rapport.csv"}
    fresh = tmp_path / "neuf.ics"
    files.write_bytes(fresh, b"BEGIN:VCALENDAR")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_a_name_at_the_file_system_limit_still_works(tmp_path: Path) -> None:
    """The temporary file has a short name of its own: 'name.tmp' would be one too long."""
    target = tmp_path / ("é" * 125 + ".csv")  # 254 bytes in UTF-8
    target.write_text("ancien")
    files.write_bytes(target, b"nouveau")
    assert target.read_bytes() == b"nouveau"
    assert _names(tmp_path) == {target.name}


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "partage" / "revue.pdf"
    real.parent.mkdir()
    real.write_bytes(b"ancien")
    link = tmp_path / "revue.pdf"
    link.symlink_to(real)
    files.write_bytes(link, b"nouveau")
    assert link.is_symlink() and real.read_bytes() == b"nouveau"
    assert _names(real.parent) == {"revue.pdf"}


@pytest.mark.parametrize("error", [ValueError("bug in the writer"), KeyboardInterrupt()])
def test_a_writer_that_fails_leaves_the_previous_file_and_no_temporary(
    tmp_path: Path, error: BaseException
) -> None:
    target = tmp_path / "besoins.csv"
    target.write_text("ancien")
    with pytest.raises(type(error)), files.atomic_text(target, encoding="utf-8") as fh:
        fh.write("moitié d'un fichier")
        raise error
    assert target.read_text() == "ancien"
    assert _names(tmp_path) == {"besoins.csv"}


def test_impossible_targets_are_said_in_the_users_language(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    with pytest.raises(StorageError) as info:
        files.write_bytes(folder, b"x")
    assert info.value.render("fr").endswith(
        "dossier\u00a0: c'est un dossier, pas un fichier. "
        "Un fichier existant à ce nom est resté tel quel."
    )
    with pytest.raises(StorageError) as info:
        files.write_bytes(tmp_path / "absent" / "x.ics", b"x")
    assert "the file or folder does not exist" in info.value.render("en")
    with pytest.raises(StorageError) as info:
        files.write_bytes(tmp_path / ("x" * 300 + ".csv"), b"x")
    assert "le nom est trop long pour ce système de fichiers" in info.value.render("fr")
    assert _names(tmp_path) == {"dossier"}


@pytest.mark.skipif(
    shutil.which("strace") is None or sys.platform != "linux",
    reason="strace (Linux) shows the system calls: write, fsync, rename, then the folder's fsync",
)
def test_the_data_and_the_rename_reach_the_disk_in_order(tmp_path: Path) -> None:
    db = tmp_path / "w.podb"
    open_database(db).close()
    out = tmp_path / "out" / "sprints.ics"
    out.parent.mkdir()
    out.write_bytes(b"ancien")
    trace = tmp_path / "trace.txt"
    env = os.environ | {"PO_DESKTOP_HOME": str(tmp_path / "home")}
    calls = "openat,write,fsync,rename,renameat,renameat2"
    command = [sys.executable, "-m", "po_desktop", "ics", "--db", str(db), "-o", str(out)]
    done = subprocess.run(
        ["strace", "-f", "-o", str(trace), "-e", f"trace={calls}", *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace is not permitted here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    lines = trace.read_text().splitlines()

    def first(pattern: str, after: int = 0) -> tuple[int, re.Match[str]]:
        for index, line in enumerate(lines[after:], after):
            if found := re.search(pattern, line):
                return index, found
        raise AssertionError(f"no {pattern!r} in the trace")

    created, temp = first(
        r'openat\(AT_FDCWD, ".*/out/\.po-[0-9a-f]{8}\.tmp", [^)]*O_EXCL.*= (\d+)$'
    )
    written, _ = first(rf'write\({temp[1]}, "BEGIN:VCALENDAR', created)
    synced, _ = first(rf"fsync\({temp[1]}\)", written)
    renamed, _ = first(r'rename.*\.po-[0-9a-f]{8}\.tmp".*/out/sprints\.ics"', synced)
    opened, folder = first(
        rf'openat\(AT_FDCWD, "{re.escape(str(out.parent))}", O_RDONLY.*= (\d+)$', renamed
    )
    first(rf"fsync\({folder[1]}\)\s+= 0", opened)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
