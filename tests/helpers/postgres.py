"""PostgreSQL for the tests: the server of the development and CI machines.

The suite looks for a server at ``PO_DESKTOP_TEST_POSTGRES`` (by default the local one,
``postgresql://postgres@127.0.0.1:5432/postgres``, trust authentication). Where none
answers, the tests that need one skip and say why; with ``PO_DESKTOP_REQUIRE_POSTGRES=1``
(``.ci/run`` sets it) they fail instead: CI must never pass without the team half.
Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from po_desktop.store.team import server_url

DEFAULT = "postgresql://postgres@127.0.0.1:5432/postgres"


def required() -> bool:
    return os.environ.get("PO_DESKTOP_REQUIRE_POSTGRES") == "1"


@functools.cache
def _server() -> tuple[URL | None, str]:
    url = server_url(os.environ.get("PO_DESKTOP_TEST_POSTGRES") or DEFAULT)
    try:
        import psycopg

        with psycopg.connect(
            url.set(drivername="postgresql").render_as_string(hide_password=False),
            connect_timeout=3,
        ):
            pass
    except Exception as exc:  # whatever stops it, the reason is shown
        return None, f"no PostgreSQL server at {url.render_as_string()}: {exc}".strip()
    return url, ""


def server() -> URL:
    """The server's maintenance database; skips (or fails, on CI) when none answers."""
    url, reason = _server()
    if url is None:
        if required():
            pytest.fail(f"PO_DESKTOP_REQUIRE_POSTGRES=1 and {reason}")
        pytest.skip(reason)
    return url


def _admin(url: URL) -> Engine:
    return create_engine(url, isolation_level="AUTOCOMMIT")


def create_database(template: str | None = None) -> URL:
    """A new empty database (or a copy of ``template``); returns its address."""
    url = server()
    name = f"po_test_{uuid.uuid4().hex[:12]}"
    admin = _admin(url)
    try:
        with admin.connect() as connection:
            copy = f' TEMPLATE "{template}"' if template else ""
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    finally:
        admin.dispose()
    return url.set(database=name)


def drop_database(url: URL) -> None:
    admin = _admin(server())
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


@contextmanager
def scratch_database(template: str | None = None) -> Iterator[URL]:
    url = create_database(template)
    try:
        yield url
    finally:
        drop_database(url)


def address(url: URL) -> str:
    """The address as a user types it (no driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
