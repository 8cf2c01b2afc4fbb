"""An e-mail (``.eml``, or Outlook's ``.msg``) read as a need's first draft: subject,
text body, sender.

Mail programs save a message as it travelled (RFC 5322): headers encoded in any
charset (``=?ISO-8859-1?Q?...?=``), a body in quoted-printable or base64, in UTF-8,
ISO-8859-1 or Windows-1252, often as text and HTML alternatives. The standard library's
parser with its modern policy decodes all of these; an HTML-only message is turned into
plain text. Outlook saves its own format instead (:mod:`po_desktop.io.outlook_msg`): a
file is read by what it holds, whatever its name says. Nothing of the message is run or
displayed as markup.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser
from pathlib import Path

from po_desktop.domain.formatting import FileSize
from po_desktop.io.outlook_msg import NotOutlookMessageError, is_compound_file, read_outlook
from po_desktop.store.errors import ValidationError
from po_desktop.store.services._base import LONG_TEXT_MAX, storable
from po_desktop.store.services.dossier import MAX_ATTACHMENT_BYTES, MailInput

_HEADERS = ("from", "subject", "date", "message-id", "to", "received")
OUTLOOK_TYPE = "application/vnd.ms-outlook"
_BLANK_RUNS = re.compile(r"\n{3,}")


def _decoded(part: Message) -> str:
    """A text part's content as text, whatever its transfer encoding and charset; an
    unknown or lying charset falls back to UTF-8, then Windows-1252, never fails."""
    if isinstance(part, EmailMessage):
        try:
            content = part.get_content()
            if isinstance(content, str):
                return content
        except (LookupError, UnicodeError, ValueError, AssertionError):
            pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", errors="replace")


class _Text(HTMLParser):
    """The text of an HTML body: paragraphs and line breaks kept, scripts and styles left out."""

    BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in self.BREAKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("p", "div", "tr", "li"):
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.pieces.append(re.sub(r"\s+", " ", data))


def html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = (line.strip() for line in "".join(parser.pieces).splitlines())
    return html.unescape(_BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip())


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BLANK_RUNS.sub("\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip()


def _body(message: Message) -> str:
    part: Message | None = message
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _decoded(part)
    if part.get_content_subtype() == "html":
        text = html_text(text)
    return _tidy(text)


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except (LookupError, UnicodeError, ValueError, IndexError):
        value = None
    return "" if value is None else str(value)


def _sender(message: Message) -> tuple[str, str]:
    raw = _header(message, "from")
    try:
        found = getaddresses([raw])
    except (ValueError, IndexError):
        found = []
    name, address = found[0] if found else parseaddr(raw)
    address = address if "@" in address else ""
    return name.strip().strip('"').strip(), address.strip()


def _one_line(text: str) -> str:
    return " ".join(storable(text).split())


def _too_big(name: str, size: int) -> ValidationError:
    return ValidationError(
        "attachment.too_big",
        field="attachment",
        name=name,
        size=FileSize(size),
        limit=FileSize(MAX_ATTACHMENT_BYTES),
    )


def _read_outlook(data: bytes, file_name: str) -> MailInput:
    try:
        message = read_outlook(data)
    except NotOutlookMessageError:
        raise ValidationError("mail.not_a_mail", file=file_name) from None
    body = _tidy(message.body) if message.body.strip() else _tidy(html_text(message.html))
    return MailInput(
        subject=_one_line(message.subject),
        body=storable(body)[:LONG_TEXT_MAX],
        sender_name=_one_line(message.sender_name),
        sender_address=_one_line(message.sender_address),
        file_name=file_name or "message.msg",
        data=bytes(data),
        media_type=OUTLOOK_TYPE,
    )


def read_mail(data: bytes, file_name: str = "message.eml") -> MailInput:
    """What a need takes from the e-mail ``data`` (an ``.eml`` or ``.msg`` file's bytes,
    told apart by what they hold).

    Refused: a file over the attachment limit (the mail is attached to the need), and
    a file that is not a message (no sender, no subject, no date, no id, no recipient).
    """
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise _too_big(file_name, len(data))
    if is_compound_file(data):
        return _read_outlook(data, file_name)
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not any(_header(message, name) for name in _HEADERS):
        raise ValidationError("mail.not_a_mail", file=file_name)
    name, address = _sender(message)
    return MailInput(
        subject=_one_line(_header(message, "subject")),
        body=storable(_body(message))[:LONG_TEXT_MAX],
        sender_name=_one_line(name),
        sender_address=_one_line(address),
        file_name=file_name or "message.eml",
        data=bytes(data),
    )


def read_mail_file(path: Path) -> MailInput:
    """:func:`read_mail` of a file on disk (its name becomes the attachment's); a file
    over the limit is refused before it is read."""
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise _too_big(path.name, size)
    return read_mail(path.read_bytes(), path.name)
