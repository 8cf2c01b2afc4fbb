"""LibreOffice, headless, as the spreadsheet a product owner opens our files in.

``convert`` makes LibreOffice Calc load a file and save it in another format, as a
person who opens it and saves it does. Tests that use it skip where LibreOffice is not
installed (``.ci/run`` installs ``libreoffice-calc-nogui`` on CI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)

FRENCH = 1036
"""Windows language id LibreOffice's CSV filter takes for French (France)."""
ENGLISH = 1033


def convert(
    source: Path, to: str, folder: Path, profile: Path, *, infilter: str | None = None
) -> Path:
    """``source`` loaded and saved by LibreOffice as ``to`` (an extension, with an
    optional filter: "xlsx", "csv:Text - txt - csv (StarCalc):59,34,76,1") in
    ``folder``; ``profile`` keeps LibreOffice's settings away from the user's."""
    assert SOFFICE is not None
    folder.mkdir(parents=True, exist_ok=True)
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        str(folder),
    ]
    if infilter is not None:
        command.append(f"--infilter={infilter}")
    env = os.environ | {"HOME": str(profile)}
    subprocess.run([*command, str(source)], check=True, capture_output=True, timeout=180, env=env)
    extension = to.split(":", 1)[0]
    converted = folder / f"{source.stem}.{extension}"
    assert converted.is_file(), f"LibreOffice wrote nothing for {source.name} -> {to}"
    return converted
