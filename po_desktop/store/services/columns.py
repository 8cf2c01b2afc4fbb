"""Board columns: the configurable workflow and its WIP limits."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from po_desktop.domain.readiness import EntryRule
from po_desktop.store.errors import ConflictError, NotFoundError, ValidationError
from po_desktop.store.identity import check_version
from po_desktop.store.models import BoardColumn, Need
from po_desktop.store.services._base import (
    clean_choice,
    clean_number,
    clean_text,
    locked,
    transactional,
)


def ordered_columns(session: Session) -> list[BoardColumn]:
    return list(session.scalars(select(BoardColumn).order_by(BoardColumn.position)))


def _check_name(session: Session, name: str, column_id: int | None) -> str:
    clean = clean_text(name, "name", required=True, max_len=60)
    taken = session.scalar(
        select(BoardColumn.id).where(func.lower(BoardColumn.name) == clean.lower())
    )
    if taken is not None and taken != column_id:
        raise ConflictError("column.name_taken", name=clean)
    return clean


def _check_wip(value: int | None) -> int | None:
    number = clean_number(value, "wip_limit", minimum=1, maximum=10_000)
    if number is None:
        return None
    if not float(number).is_integer():
        raise ValidationError("field.bad_number", field="wip_limit", value=value)
    return int(number)


def _check_rules(rules: Iterable[EntryRule | str]) -> frozenset[EntryRule]:
    """Entry rules as given by code (``EntryRule``) or by name (``"estimate"``)."""
    names = [rule.value for rule in EntryRule]
    return frozenset(
        rule if isinstance(rule, EntryRule) else EntryRule(clean_choice(rule, "entry_rules", names))
        for rule in rules
    )


def _renumber(columns: list[BoardColumn]) -> None:
    for position, column in enumerate(columns):
        column.position = position


@transactional
def create_column(
    session: Session,
    name: str,
    *,
    position: int | None = None,
    wip_limit: int | None = None,
    is_done: bool = False,
    entry_rules: Iterable[EntryRule | str] = (),
) -> BoardColumn:
    columns = ordered_columns(session)
    column = BoardColumn(
        name=_check_name(session, name, None),
        wip_limit=_check_wip(wip_limit),
        is_done=is_done,
        position=len(columns),
    )
    column.entry_rules = _check_rules(entry_rules)
    session.add(column)
    index = len(columns) if position is None else max(0, min(position, len(columns)))
    columns.insert(index, column)
    _renumber(columns)
    session.flush()
    return column


@transactional
def update_column(
    session: Session,
    column_id: int,
    *,
    name: str,
    wip_limit: int | None,
    is_done: bool | None = None,
    entry_rules: Iterable[EntryRule | str] | None = None,
    version: int | None = None,
) -> BoardColumn:
    """Rename and limit a column; ``is_done`` and ``entry_rules`` stay as they are when None.
    ``version``: the column's version the form was filled from; if someone has changed
    the column since, nothing is written and :class:`ConflictError` says who and when."""
    column = locked(session, BoardColumn, column_id, version)
    if column is None:
        raise NotFoundError("column.not_found", ref=column_id)
    check_version(column, version)
    column.name = _check_name(session, name, column_id)
    column.wip_limit = _check_wip(wip_limit)
    if is_done is not None:
        column.is_done = is_done
    if entry_rules is not None:
        column.entry_rules = _check_rules(entry_rules)
    session.flush()
    return column


@transactional
def move_column(session: Session, column_id: int, position: int) -> list[BoardColumn]:
    columns = ordered_columns(session)
    column = next((c for c in columns if c.id == column_id), None)
    if column is None:
        raise NotFoundError("column.not_found", ref=column_id)
    columns.remove(column)
    columns.insert(max(0, min(position, len(columns))), column)
    _renumber(columns)
    session.flush()
    return columns


@transactional
def delete_column(session: Session, column_id: int) -> None:
    column = session.get(BoardColumn, column_id)
    if column is None:
        raise NotFoundError("column.not_found", ref=column_id)
    count = session.scalar(select(func.count()).where(Need.column_id == column_id)) or 0
    if count:
        raise ConflictError("column.not_empty", name=column.name, count=count)
    columns = ordered_columns(session)
    if len(columns) == 1:
        raise ConflictError("column.last")
    columns.remove(column)
    session.delete(column)
    _renumber(columns)
    session.flush()


@dataclass(frozen=True)
class ColumnSpec:
    """One column as the board settings dialog edits it; ``id`` None for a new column."""

    id: int | None
    name: str
    wip_limit: int | None = None
    is_done: bool = False
    entry_rules: frozenset[EntryRule] = frozenset()
    """What a need must have to enter the column; a move that breaks a rule asks first."""
    version: int | None = field(default=None, compare=False)
    """The column's version the dialog was filled from (None: a new column, or an undo)."""


def _spec(column: BoardColumn) -> ColumnSpec:
    return ColumnSpec(
        column.id, column.name, column.wip_limit, column.is_done, column.entry_rules, column.version
    )


def workflow(session: Session) -> list[ColumnSpec]:
    return [_spec(c) for c in ordered_columns(session)]


@transactional
def apply_workflow(
    session: Session, specs: list[ColumnSpec], *, loaded: Collection[int] | None = None
) -> tuple[list[ColumnSpec], list[ColumnSpec]]:
    """Make the board's columns exactly ``specs``, in order; one undoable action.

    Returns the workflow before and after (new columns with their ids), so undo
    applies the first and redo the second. A spec whose id no longer exists is
    recreated with that id: undoing a removal keeps the column's event history valid.
    A spec that carries the version its column had when the dialog was filled is
    refused (:class:`ConflictError`: who and when) if someone has changed that column
    since, and one with a version whose column is gone, if someone removed it since;
    ``loaded``: the columns' ids when the dialog was filled, so that a column someone
    added since is not removed unseen. Nothing is written then.
    """
    if not specs:
        raise ConflictError("column.last")
    checking = loaded is not None or any(spec.version is not None for spec in specs)
    current = session.scalars(
        select(BoardColumn).with_for_update().execution_options(populate_existing=True)
        if checking
        else select(BoardColumn)
    )
    known = {column.id: column for column in current}
    for spec in specs:
        if spec.id in known:
            check_version(known[spec.id], spec.version)
        elif spec.version is not None:  # loaded from a column that is gone
            raise ConflictError("column.removed_since", name=spec.name)
    for column_id, column in known.items():
        if loaded is not None and column_id not in loaded:
            raise ConflictError("column.added_since", name=column.name)
    before = [replace(spec, version=None) for spec in workflow(session)]
    seen: set[str] = set()
    clean: list[ColumnSpec] = []
    for spec in specs:
        name = clean_text(spec.name, "name", required=True, max_len=60)
        if name.casefold() in seen:
            raise ConflictError("column.name_repeated", name=name)
        seen.add(name.casefold())
        clean.append(
            ColumnSpec(
                spec.id,
                name,
                _check_wip(spec.wip_limit),
                bool(spec.is_done),
                _check_rules(spec.entry_rules),
            )
        )
    existing = {c.id: c for c in ordered_columns(session)}
    kept = {spec.id for spec in clean if spec.id is not None}
    wanted = {spec.id: spec.name for spec in clean}
    for column_id, column in existing.items():
        if column_id in kept:
            continue
        count = session.scalar(select(func.count()).where(Need.column_id == column_id)) or 0
        if count:
            raise ConflictError("column.not_empty", name=column.name, count=count)
    for column_id, column in list(existing.items()):
        if column_id not in kept:
            session.delete(column)
            del existing[column_id]
        elif column.name != wanted[column_id]:
            # Frees the names that change, so renames can swap (not a NUL: PostgreSQL
            # refuses it); a column keeping its name is not touched (nor counted changed).
            column.name = f"\uffff{column_id}"
    session.flush()
    after: list[ColumnSpec] = []
    for position, spec in enumerate(clean):
        column = existing.get(spec.id) if spec.id is not None else None
        if column is None:
            column = BoardColumn(id=spec.id, name=spec.name, position=position)
            session.add(column)
        column.name = spec.name
        column.position = position
        column.wip_limit = spec.wip_limit
        column.is_done = spec.is_done
        column.entry_rules = spec.entry_rules
        session.flush()
        after.append(replace(_spec(column), version=None))
    return before, after
