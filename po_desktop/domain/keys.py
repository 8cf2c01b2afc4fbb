"""Readable keys: a project code and a number, shown as ``ERP-12``."""

from __future__ import annotations

import re

CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
KEY_RE = re.compile(r"^([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,8})$")


def format_key(code: str, number: int) -> str:
    return f"{code}-{number}"


def parse_key(key: str) -> tuple[str, int] | None:
    """``("ERP", 12)`` for ``"ERP-12"`` (case-insensitive), None when malformed."""
    match = KEY_RE.match(key.strip().upper())
    if not match:
        return None
    return match.group(1), int(match.group(2))


def is_valid_code(code: str) -> bool:
    return bool(CODE_RE.match(code))
