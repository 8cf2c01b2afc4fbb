"""An Outlook message (``.msg``) read for what a need takes from it: subject, text, sender.

Outlook saves a message as a Compound File (the OLE2 container of the old Office files)
holding its MAPI properties ([MS-OXMSG]): each property of the message is a stream
named ``__substg1.0_IIIITTTT``, ``IIII`` the property's id and ``TTTT`` its type:
``001F`` UTF-16 text, ``001E`` 8-bit text in the message's code page, ``0102`` bytes.
Fixed-size properties (the code page) sit in the ``__properties_version1.0`` stream.
Recipients and attachments live in sub-storages that a need does not use: the whole
file is attached to the need as it is.

olefile (BSD licence) reads the container; the properties are read here. extract-msg
would read more, but its licence (GPL) forbids shipping it inside this application.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import io
import struct
from dataclasses import dataclass
from email.utils import getaddresses
from typing import IO, Protocol

import olefile

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of every Compound File."""

# Property ids ([MS-OXPROPS]).
_SUBJECT = 0x0037
_BODY = 0x1000
_HTML = 0x1013
_SENDER_NAME = 0x0C1A
_SENDER_ADDRESS = 0x0C1F
_SENDER_SMTP = 0x5D01
_REPRESENTING_NAME = 0x0042
_REPRESENTING_ADDRESS = 0x0065
_REPRESENTING_SMTP = 0x5D02
_HEADERS = 0x007D
_MESSAGE_CLASS = 0x001A
_MESSAGE_CODEPAGE = 0x3FFD
_INTERNET_CODEPAGE = 0x3FDE

_UNICODE, _STRING8, _BINARY, _LONG = 0x001F, 0x001E, 0x0102, 0x0003
_TOP_HEADER = 32
"""Bytes before the first property entry of a message's ``__properties_version1.0``."""


_DAMAGED = (OSError, ValueError, IndexError, KeyError, struct.error, RecursionError)
"""What olefile raises on a damaged container (its own defects are OSError)."""


class NotOutlookMessageError(ValueError):
    """The file is no Outlook message (another Compound File, or a damaged one)."""


@dataclass(frozen=True)
class OutlookMessage:
    """The parts of a ``.msg`` a need is made of; ``body`` is the text body, or empty
    when the message only has ``html``."""

    subject: str
    body: str
    html: str
    sender_name: str
    sender_address: str


def is_compound_file(data: bytes) -> bool:
    return data[: len(MAGIC)] == MAGIC


def _codec(code_page: int | None, fallback: str = "cp1252") -> str:
    """Python's codec for a Windows code page (65001 is UTF-8, 1200 UTF-16)."""
    names = {65001: "utf-8", 1200: "utf-16-le", 20127: "ascii", 28591: "latin-1"}
    if code_page is None:
        return fallback
    name = names.get(code_page, f"cp{code_page}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return fallback


class Storage(Protocol):
    """What is read of a Compound File: its streams by name (olefile's ``OleFileIO``)."""

    def exists(self, filename: str) -> bool: ...

    def openstream(self, filename: str) -> IO[bytes]: ...


class _Reader:
    def __init__(self, ole: Storage) -> None:
        self.ole = ole
        self.longs = self._longs()
        self.codec = _codec(self.longs.get(_MESSAGE_CODEPAGE))

    def _stream(self, name: str) -> bytes | None:
        if not self.ole.exists(name):
            return None
        data: bytes = self.ole.openstream(name).read()
        return data

    def _longs(self) -> dict[int, int]:
        """The message's 32-bit integer properties (a code page among them)."""
        data = self._stream("__properties_version1.0") or b""
        found: dict[int, int] = {}
        for offset in range(_TOP_HEADER, len(data) - 15, 16):
            tag, _flags, value = struct.unpack_from("<IIi", data, offset)
            if tag & 0xFFFF == _LONG:
                found[tag >> 16] = value
        return found

    def text(self, prop: int) -> str:
        """A text property, whichever of its two types the message has; absent: empty."""
        unicode = self._stream(f"__substg1.0_{prop:04X}{_UNICODE:04X}")
        if unicode is not None:
            return unicode.decode("utf-16-le", errors="replace").split("\x00", 1)[0]
        eight = self._stream(f"__substg1.0_{prop:04X}{_STRING8:04X}")
        if eight is not None:
            return eight.decode(self.codec, errors="replace").split("\x00", 1)[0]
        return ""

    def html(self) -> str:
        """The HTML body: bytes in the message's Internet code page (else UTF-8), or text."""
        raw = self._stream(f"__substg1.0_{_HTML:04X}{_BINARY:04X}")
        if raw is None:
            return self.text(_HTML)
        codec = _codec(self.longs.get(_INTERNET_CODEPAGE), fallback="")
        for candidate in (codec, "utf-8"):
            if candidate:
                try:
                    return raw.decode(candidate).split("\x00", 1)[0]
                except UnicodeDecodeError:
                    pass
        return raw.decode("cp1252", errors="replace").split("\x00", 1)[0]


def _address(*candidates: str) -> str:
    """The first candidate that is an Internet address: Exchange also writes its own
    directory names (``/O=EXCHANGELABS/OU=...``) where an address would be."""
    return next((c.strip() for c in candidates if "@" in c and not c.startswith("/")), "")


def _from_headers(headers: str) -> tuple[str, str]:
    """The sender named by the Internet headers a received message keeps."""
    if not headers.strip():
        return "", ""
    message = email.message_from_string(headers, policy=email.policy.default)
    try:
        found = getaddresses([str(message.get("from") or "")])
    except (ValueError, IndexError, LookupError, UnicodeError):
        return "", ""
    return found[0] if found else ("", "")


def message_in(storage: Storage) -> OutlookMessage:
    """The subject, text and sender of the message whose properties ``storage`` holds."""
    reader = _Reader(storage)
    parts = {
        "class": reader.text(_MESSAGE_CLASS),
        "subject": reader.text(_SUBJECT),
        "body": reader.text(_BODY),
        "html": reader.html(),
        "name": reader.text(_SENDER_NAME) or reader.text(_REPRESENTING_NAME),
        "address": _address(
            reader.text(_SENDER_SMTP),
            reader.text(_SENDER_ADDRESS),
            reader.text(_REPRESENTING_SMTP),
            reader.text(_REPRESENTING_ADDRESS),
        ),
    }
    if not any(parts.values()):
        raise NotOutlookMessageError("no message property")  # a Word or Excel file, say
    header_name, header_address = _from_headers(reader.text(_HEADERS))
    return OutlookMessage(
        subject=parts["subject"],
        body=parts["body"],
        html=parts["html"],
        sender_name=parts["name"] or header_name,
        sender_address=parts["address"] or _address(header_address),
    )


def read_outlook(data: bytes) -> OutlookMessage:
    """The subject, text and sender of the Outlook message ``data`` (a ``.msg`` file's
    bytes). Raises :class:`NotOutlookMessageError` for any other file."""
    if not is_compound_file(data):
        raise NotOutlookMessageError("not a Compound File")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except _DAMAGED as exc:
        raise NotOutlookMessageError(str(exc)) from exc
    try:
        return message_in(ole)
    except _DAMAGED as exc:
        if isinstance(exc, NotOutlookMessageError):
            raise
        raise NotOutlookMessageError(str(exc)) from exc
    finally:
        ole.close()
