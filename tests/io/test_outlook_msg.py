"""What Outlook writes in a message's properties besides the simple case of the fixtures
(tests/fixtures/mail): a sender inside an Exchange organisation, 8-bit texts in the
message's code page, an HTML-only body, a sender named only by the Internet headers.

No library writes ``.msg`` files, so these messages are their property streams as
[MS-OXMSG] lays them out, read through the same code as a file's (``message_in``).
"""

from __future__ import annotations

import io
import struct
from typing import IO

import pytest

from po_desktop.io.mail import html_text
from po_desktop.io.outlook_msg import NotOutlookMessageError, message_in


class Streams:
    """A Compound File's streams by name, as olefile gives them."""

    def __init__(self, streams: dict[str, bytes]) -> None:
        self.streams = streams

    def exists(self, filename: str) -> bool:
        return filename in self.streams

    def openstream(self, filename: str) -> IO[bytes]:
        return io.BytesIO(self.streams[filename])


def unicode(prop: int, text: str) -> tuple[str, bytes]:
    return f"__substg1.0_{prop:04X}001F", text.encode("utf-16-le")


def eight_bit(prop: int, data: bytes) -> tuple[str, bytes]:
    return f"__substg1.0_{prop:04X}001E", data + b"\x00"


def longs(**values: int) -> tuple[str, bytes]:
    """The top-level ``__properties_version1.0``: 32 bytes of header, then 16 per property."""
    ids = {"message_codepage": 0x3FFD, "internet_codepage": 0x3FDE}
    entries = b"".join(
        struct.pack("<IIi4x", ids[name] << 16 | 0x0003, 2, value) for name, value in values.items()
    )
    return "__properties_version1.0", bytes(32) + entries


def test_a_sender_inside_exchange_is_found_by_their_internet_address() -> None:
    message = message_in(
        Streams(
            dict(
                [
                    unicode(0x0037, "Réclamation : délai"),
                    unicode(0x1000, "Bonjour,\r\nle délai est dépassé."),
                    unicode(0x0C1A, "Françoise Dupré"),
                    unicode(0x0C1E, "EX"),
                    unicode(0x0C1F, "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=FDUPRE"),
                    unicode(0x5D01, "F.Dupre@client.fr"),
                ]
            )
        )
    )
    assert (message.subject, message.body) == (
        "Réclamation : délai",
        "Bonjour,\r\nle délai est dépassé.",
    )
    assert (message.sender_name, message.sender_address) == ("Françoise Dupré", "F.Dupre@client.fr")


@pytest.mark.parametrize(
    ("code_page", "encoding"), [(1252, "cp1252"), (65001, "utf-8"), (28591, "latin-1")]
)
def test_eight_bit_texts_are_read_in_the_messages_code_page(code_page: int, encoding: str) -> None:
    message = message_in(
        Streams(
            dict(
                [
                    longs(message_codepage=code_page),
                    eight_bit(0x0037, "Été : relances à revoir".encode(encoding)),
                    eight_bit(0x1000, "Déjà 3 h par semaine.".encode(encoding)),
                    eight_bit(0x0C1A, "Noël Leprêtre".encode(encoding)),
                    eight_bit(0x0C1F, b"noel@client.fr"),
                ]
            )
        )
    )
    assert (message.subject, message.body) == ("Été : relances à revoir", "Déjà 3 h par semaine.")
    assert (message.sender_name, message.sender_address) == ("Noël Leprêtre", "noel@client.fr")


def test_an_html_only_body_is_read_in_its_internet_code_page() -> None:
    markup = "<html><body><p>Premi&egrave;re id&eacute;e</p><p>Seconde idée</p></body></html>"
    message = message_in(
        Streams(
            dict(
                [
                    longs(internet_codepage=28591),
                    unicode(0x0037, "HTML"),
                    ("__substg1.0_10130102", markup.encode("latin-1")),
                ]
            )
        )
    )
    assert message.body == ""
    assert html_text(message.html) == "Première idée\n\nSeconde idée"


def test_a_sender_named_only_in_the_internet_headers_is_found_there() -> None:
    headers = (
        "Received: from mx.client.fr\r\n"
        "From: =?iso-8859-1?q?Fran=E7oise_Dupr=E9?= <f.dupre@client.fr>\r\n"
        "Subject: Relance\r\n\r\n"
    )
    message = message_in(Streams(dict([unicode(0x0037, "Relance"), unicode(0x007D, headers)])))
    assert (message.sender_name, message.sender_address) == ("Françoise Dupré", "f.dupre@client.fr")


def test_a_compound_file_without_message_properties_is_no_message() -> None:
    """A Word or Excel file of the old formats is a Compound File too."""
    with pytest.raises(NotOutlookMessageError):
        message_in(Streams({"WordDocument": b"\x00" * 64, "1Table": b"\x00" * 64}))
