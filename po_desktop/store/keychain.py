"""Team workspace passwords in the system's keyring (``keyring``), never in settings
or logs. One entry per login on a server and database."""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL

from po_desktop.store import team

SERVICE = "PO Desktop team workspace"

log = logging.getLogger(__name__)


def account(location: str | URL) -> str:
    """The keyring's name for this login: user, server, port and database."""
    url = team.server_url(location)
    return f"{url.username or ''}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def save(location: str | URL, password: str) -> bool:
    """Keep the password for the next connection; False when no keyring could take it
    (the connection goes on, the password is asked again next time)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account(location), password)
    except KeyringError as exc:
        log.warning("No keyring took the team password: %s", type(exc).__name__)
        return False
    return True


def password(location: str | URL) -> str | None:
    """The password kept for this login, None when there is none (or no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, account(location))
    except KeyringError as exc:
        log.warning("The keyring could not be read: %s", type(exc).__name__)
        return None


def with_password(location: str | URL) -> URL:
    """The address with its kept password (as it was when none is kept)."""
    url = team.server_url(location)
    if url.password is not None:
        return url
    kept = password(url)
    return url if kept is None else url.set(password=kept)
