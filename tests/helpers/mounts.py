"""Real file-system faults for tests: a small tmpfs that fills up, then turns read-only.

A monkeypatched ``os.write`` proves only that a branch exists; a real full disk also
proves when the error comes (at the first write, at close, at fsync) and what is left
behind. Mounting needs root on Linux: elsewhere the tests skip and say why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

NEEDS_ROOT = (
    "mounting a small tmpfs needs root on Linux: this test fills a real disk and remounts it "
    "read-only instead of faking the errors"
)


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "512k") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` (made here), unmounted afterwards."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip(NEEDS_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"{NEEDS_ROOT} (mount refused: {mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        # Lazy: a file a failed test left open must not keep the mount (and the run) busy.
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(folder: Path) -> Path:
    """Write one file in ``folder`` until the file system refuses a byte more."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 4096
    with filler.open("wb", buffering=0) as fh:
        while True:
            try:
                fh.write(chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
        with contextlib.suppress(OSError):
            while fh.write(b"\0"):  # the last bytes of a partly used block
                pass
    probe = folder / "probe"
    with pytest.raises(OSError) as refused, probe.open("wb", buffering=0) as fh:
        fh.write(b"x")
    assert refused.value.errno == errno.ENOSPC, "the file system still takes data"
    probe.unlink(missing_ok=True)
    return filler


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
