"""The e-mail draft that carries the decision letter: an ``.eml`` file with the PDF
attached, which the user's mail program opens as a draft to check and send.

``X-Unsent: 1`` is what tells Outlook (and Thunderbird) that the message is a draft to
send, not a message received. The recipient is the requester when the requester field
holds an address ("Marie Dupont <marie@example.org>", or the address alone); otherwise
"To" is left empty for the user to fill in. Lines end in CRLF, as RFC 5322 writes them.
"""

from __future__ import annotations

import re
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, getaddresses

from po_desktop.i18n import N_, gettext
from po_desktop.reports.letter import next_step, signature, verdict
from po_desktop.reports.letter_data import DecisionLetter
from po_desktop.reports.pdf_text import clip_title

MAIL_TEXTS: dict[str, str] = {
    "subject": N_("Decision on your request {key}: {title}"),
    "greeting": N_("Hello {requester},"),
    "greeting_nobody": N_("Hello,"),
    "body": N_(
        "Please find attached the decision taken on your request {key} “{title}”, with what "
        "we understood of it and the score it received."
    ),
    "decision": N_("In short: {verdict}"),
    "closing": N_("Best regards,"),
}

_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]+$")
_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_SPACES = re.compile(r" {2,}")


def _text(name: str, lang: str, /, **params: object) -> str:
    return gettext(MAIL_TEXTS[name], lang).format(**params)


def one_line(value: str, limit: int = 200) -> str:
    """A value fit for a header: no line break or control character (which would let a
    title add headers of its own), spaces collapsed, at most ``limit`` characters."""
    # Plain spaces only: French no-break spaces (before a colon) stay where they are.
    return _SPACES.sub(" ", _BREAKS.sub(" ", clip_title(value, limit))).strip(" ")


def requester_address(requester: str) -> Address | None:
    """The requester's e-mail address when the field holds exactly one, else None."""
    if "@" not in requester:
        return None
    found = [(name, addr) for name, addr in getaddresses([one_line(requester)]) if addr]
    if len(found) != 1 or not _ADDRESS.match(found[0][1]):
        return None
    name, addr = found[0]
    try:
        return Address(display_name=name, addr_spec=addr)
    except (ValueError, IndexError):  # what the header parser refuses
        return None


def attachment_name(letter: DecisionLetter) -> str:
    """The attached PDF's name: ASCII, so every mail program shows it alike."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in letter.key)
    return f"decision-{safe}.pdf"


def draft(letter: DecisionLetter, pdf: bytes, lang: str, filename: str | None = None) -> bytes:
    """The draft as the bytes of an ``.eml`` file, ``pdf`` attached as ``filename``."""
    message = EmailMessage(policy=policy.SMTP)
    message["X-Unsent"] = "1"
    address = requester_address(letter.requester)
    message["To"] = address if address is not None else ""
    title = one_line(letter.title)
    message["Subject"] = one_line(_text("subject", lang, key=letter.key, title=title), 400)
    message["Date"] = formatdate(localtime=True)
    # By name only when the field names a person with an address: "Bonjour Groupe
    # Hélios," reads oddly, and a company field is common.
    requester = one_line(address.display_name, 120) if address is not None else ""
    greeting = (
        _text("greeting", lang, requester=requester)
        if requester
        else _text("greeting_nobody", lang)
    )
    lines = [
        greeting,
        "",
        _text("body", lang, key=letter.key, title=title),
        "",
        _text("decision", lang, verdict=verdict(letter, lang)),
        next_step(letter, lang),
        "",
        _text("closing", lang),
        signature(letter),
    ]
    message.set_content("\n".join(lines) + "\n")
    message.add_attachment(
        pdf, maintype="application", subtype="pdf", filename=filename or attachment_name(letter)
    )
    return message.as_bytes()
