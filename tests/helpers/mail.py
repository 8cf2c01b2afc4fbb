"""E-mails written as mail programs write them: the standard library's email package, SMTP
line ends, in the charset and transfer encoding asked for."""

from __future__ import annotations

import email.policy
from email.header import Header
from email.message import EmailMessage

BODY = (
    "Bonjour,\n\nLes relances de factures partent à la main : 3 h par semaine.\n"
    "Pouvez-vous l'automatiser d'ici l'été ? Merci « d'avance » - Françoise\n"
)
SUBJECT = "Relances de factures – été 2027"


def mail_bytes(charset: str, encoding: str, *, sender: str | Header | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender or "Françoise Dupré <f.dupre@client.fr>"
    message["To"] = "po@example.com"
    message["Subject"] = SUBJECT
    message["Date"] = "Mon, 07 Dec 2026 09:30:00 +0100"
    message["Message-ID"] = "<1@client.fr>"
    message.set_content(BODY, charset=charset, cte=encoding)
    return message.as_bytes(policy=email.policy.SMTP)
