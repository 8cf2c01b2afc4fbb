"""Names of attached files: what a file dropped on a need is called inside the workspace.

A name comes from elsewhere (a file manager, a mail's attachment, a paste) and goes back
out when the file is saved or opened: it must be a plain file name on every system, and
say what the file is. So it loses any folder (``../../etc/passwd`` is ``passwd``),
control characters, the invisible direction marks that make ``invoice‮txt.exe`` read
as ``invoiceexe.txt``, the characters Windows refuses, leading dots (a hidden file) and
trailing dots and spaces (Windows drops them); it is cut to 255 bytes keeping its
extension, and a name Windows reserves (``CON``, ``NUL.txt``) gets a leading ``_``.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata

MAX_NAME_BYTES = 255
"""Bytes of a file name in UTF-8 on ext4, APFS and most others."""
FALLBACK_NAME = "attachment"

_SEPARATORS = re.compile(r"[/\\]")
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # control characters
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # direction, zero-width
    "\ud800-\udfff\ufff9-\ufffb]"  # lone surrogates, interlinear annotations
)
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')
_SPACES = re.compile(r"\s+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,12}$")

_TYPES = mimetypes.MimeTypes()
"""Python's own table, without the system's files: the same answer on every machine."""
DEFAULT_MEDIA_TYPE = "application/octet-stream"
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$")


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _clip_bytes(text: str, room: int) -> str:
    taken = 0
    for index, char in enumerate(text):
        taken += _utf8_size(char)
        if taken > room:
            return text[:index]
    return text


def safe_name(raw: str) -> str:
    """A plain, visible file name for ``raw`` (see the module's docstring); never empty."""
    name = unicodedata.normalize("NFC", _SEPARATORS.split(raw)[-1])
    name = _INVISIBLE.sub("", _SPACES.sub(" ", name))
    name = _WINDOWS_FORBIDDEN.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" .")
    if not name:
        return FALLBACK_NAME
    if _RESERVED.match(name):
        name = "_" + name
    if _utf8_size(name) > MAX_NAME_BYTES:
        found = _EXTENSION.search(name)
        extension = found.group(0) if found else ""
        stem = name[: len(name) - len(extension)]
        name = _clip_bytes(stem, MAX_NAME_BYTES - len(extension)).rstrip(" .") + extension
    return name


def numbered(name: str, number: int) -> str:
    """``report (2).pdf``: the name another file of the same name takes beside it."""
    found = _EXTENSION.search(name)
    extension = found.group(0) if found and found.start() > 0 else ""
    stem = name[: len(name) - len(extension)]
    tail = f" ({number}){extension}"
    return _clip_bytes(stem, MAX_NAME_BYTES - _utf8_size(tail)).rstrip(" .") + tail


def media_type(name: str, declared: str | None = None) -> str:
    """The declared media type when it is one (``image/png``), else the one the name's
    extension says, else ``application/octet-stream``. Informative only: the app never
    runs a file, whatever its type."""
    if declared:
        cleaned = declared.split(";", 1)[0].strip().lower()
        if _MEDIA_TYPE.match(cleaned):
            return cleaned
    guessed, _encoding = _TYPES.guess_type(name, strict=False)
    return guessed or DEFAULT_MEDIA_TYPE


_RUNNABLE = frozenset(
    (
        ".exe",
        ".com",
        ".bat",
        ".cmd",
        ".msi",
        ".msp",
        ".scr",
        ".pif",
        ".cpl",
        ".ps1",
        ".psm1",
        ".vbs",
        ".vbe",
        ".js",
        ".jse",
        ".wsf",
        ".wsh",
        ".hta",
        ".lnk",
        ".reg",
        ".jar",
        ".sh",
        ".bash",
        ".zsh",
        ".csh",
        ".ksh",
        ".command",
        ".run",
        ".bin",
        ".app",
        ".pkg",
        ".dmg",
        ".deb",
        ".rpm",
        ".appimage",
        ".desktop",
        ".py",
        ".pyw",
        ".pl",
        ".rb",
        ".php",
        ".elf",
        ".so",
        ".dll",
        ".dylib",
        ".apk",
        ".url",
    )
)


def is_runnable(name: str) -> bool:
    """True when opening a file of this name would run it as a program (``invoice.exe``,
    ``setup.sh``, a ``.desktop`` launcher): such a file is only ever saved, never opened."""
    lowered = name.lower().rstrip(" .")
    return any(lowered.endswith(suffix) for suffix in _RUNNABLE)
