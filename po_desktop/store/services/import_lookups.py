"""What an import looks up rather than queries per row (:mod:`.importing`): projects,
columns and sprints loaded once, each batch's existing needs by their keys, and the keys
the file already named."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from po_desktop.domain.keys import format_key, is_valid_code, parse_key
from po_desktop.domain.messages import listing
from po_desktop.domain.text import NameIndex, fold
from po_desktop.store.errors import NotFoundError, ValidationError
from po_desktop.store.models import BoardColumn, Need, NeedTag, Project, Sprint
from po_desktop.store.services import import_trackers
from po_desktop.store.services import needs as need_service
from po_desktop.store.services._base import pick_named
from po_desktop.store.services.import_types import ImportOptions, NeedRecord, status_key
from po_desktop.store.services.projects import ProjectInput, create_project

_INPUT_FIELDS = (
    "title",
    "problem",
    "project_id",
    "solution",
    "requester",
    "source",
    "business_unit",
    "technical",
    "column_id",
    "points",
    "sprint_id",
    "assignee_id",
    "acceptance",
)


class Lookups:
    """Projects, columns and sprints loaded once, not queried per row; the needs a batch's
    keys name, a batch at a time."""

    def __init__(self, session: Session, options: ImportOptions) -> None:
        self.session = session
        self.options = options
        # The session holds loaded rows weakly: keeping projects, columns and sprints
        # here lets the services' session.get() calls hit its identity map every row.
        self.projects = {p.code: p for p in session.scalars(select(Project))}
        self.project_names = NameIndex((p.name, p.code) for p in self.projects.values())
        """A project cell may give the project's name (« Plateforme client »)."""
        self._typed: dict[tuple[str, str | None], Project] = {}
        """Each project cell as written (with its key's code), once found."""
        columns = list(session.scalars(select(BoardColumn).order_by(BoardColumn.position)))
        if not columns:
            raise NotFoundError("column.not_found", ref="—")
        self.first_column_id = columns[0].id
        self.column_names = [c.name for c in columns]
        self.columns = {c.id: c for c in columns}
        self.columns_by_name = NameIndex((c.name, c.id) for c in columns)
        self.column_cache: dict[str, int] = {}
        sprints = list(session.scalars(select(Sprint)))
        self.sprints = {s.id: s for s in sprints}
        self.sprints_by_name = NameIndex((s.name, s.id) for s in sprints)
        self.sprint_cache: dict[str, int] = {}
        self.created_projects: list[str] = []
        """The codes of the projects the file named that the workspace lacked."""
        self.held_back = 0
        """Tracker items whose status named another column, put (or kept) in the first
        one for want of a problem statement."""
        self.row_held = False
        """Whether the row last read is one of them."""
        self.newest_before = session.scalar(select(func.max(Need.id))) or 0
        """Needs above this id were created by this import."""
        self.touched: set[int] = set()
        """Existing needs a row of the file named already."""
        self.batch_keys: set[tuple[int, int]] = set()
        self.highest: dict[int, tuple[Project, int]] = {}
        """Project id → the project and the highest number the file named in it, written
        to the project by :meth:`settle_numbers`, not per row."""
        self.trackers = import_trackers.Helpers(session)
        self._check_default()

    def project(self, raw: str, key: str = "") -> Project:
        """The row's project: its own column, else the code of its key, else the default
        project; created when it does not exist."""
        parsed = parse_key(key) if key.strip() else None
        return self.project_for(raw.strip(), parsed[0] if parsed is not None else None)

    def project_for(self, typed: str, key_code: str | None = None) -> Project:
        """The project a row names: its project cell ``typed`` (a code in any case, or a
        project's name), else the code of its key ``key_code``, else the default project;
        created when it is a code the workspace lacks.

        A name is a cell's only, and only for a row whose key (if any) is of that project:
        a key's code is a code (« APP-3 » is in APP, even beside a project called « App »).
        """
        if not typed:
            if key_code:
                return self._coded(key_code, key_code)
            return self._default_project()
        found = self._typed.get((typed, key_code))
        if found is None:
            found = self._existing(typed.upper())
            if found is None:
                named = pick_named(self.project_names, typed)
                if named is not None and key_code in (None, named):
                    found = self.projects[named]
            if found is None:
                found = self._coded(typed.upper(), typed)
            self._typed[(typed, key_code)] = found
        return found

    def _existing(self, code: str) -> Project | None:
        # Codes are ASCII capitals: "érp" can only mean ERP.
        return self.projects.get(code) or self.projects.get(fold(code).upper())

    def _coded(self, code: str, typed: str) -> Project:
        """The project of ``code``, created when it can be a project's code."""
        project = self._existing(code)
        if project is None:
            if not is_valid_code(code):
                raise self._unknown(typed, field="project")
            project = create_project(self.session, ProjectInput(code=code, name=code))
            self.projects[code] = project
            self.created_projects.append(code)
        return project

    def _default_project(self) -> Project:
        """The project for rows that name none (checked when the import starts)."""
        typed = self.options.default_project.strip()
        if not typed:
            raise ValidationError("field.required", field="project")
        return self.project_for(typed)

    def _unknown(self, typed: str, **where: str) -> ValidationError:
        codes = sorted(p.code for p in self.projects.values())
        if not codes:
            return ValidationError("import.unknown_project_none", project=typed, **where)
        return ValidationError(
            "import.unknown_project", project=typed, codes=listing(codes), **where
        )

    def _check_default(self) -> None:
        """A default project (``--project``, the assistant's field) that is no project's
        code or name and cannot be a new one's: refused before any row, naming no line."""
        typed = self.options.default_project.strip()
        if not typed or self._existing(typed.upper()) is not None:
            return
        if pick_named(self.project_names, typed) is None and not is_valid_code(typed.upper()):
            raise self._unknown(typed)

    def column_id(self, raw: str, *, tracker: bool = False) -> int | None:
        """The status's column: the statuses mapping, else a column of that name; for a
        tracker's export, else its usual statuses, else the first column."""
        name = raw.strip()
        if not name:
            return None
        found = self.column_cache.get(name)
        if found is not None:
            return found
        column_id = self.options.statuses.get(status_key(name))
        if column_id is None:
            column_id = pick_named(self.columns_by_name, name)
        if column_id is None and tracker:
            usual = import_trackers.TRACKER_STATUSES.get(status_key(name), "")
            column_id = pick_named(self.columns_by_name, usual) if usual else None
            column_id = column_id or self.first_column_id
        if column_id is None or column_id not in self.columns:
            raise ValidationError(
                "field.bad_choice",
                field="status",
                value=name,
                choices=listing(self.column_names),
            )
        self.column_cache[name] = column_id
        return column_id

    def sprint_id(self, raw: str, record: NeedRecord, *, closed: bool = False) -> int | None:
        """The sprint by its name; from a tracker's export (``create_missing``), one the
        workspace lacks is created for a team of that name (``closed``: as closed)."""
        name = raw.strip()
        if not name:
            return None
        found = self.sprint_cache.get(name)
        if found is not None:
            return found
        sprint_id = pick_named(self.sprints_by_name, name)
        if sprint_id is None and record.create_missing:
            window = {n: (start, end) for n, start, end in record.sprint_dates}.get(name)
            sprint_id = self.trackers.new_sprint(
                name, record.create_missing, closed=closed, window=window
            )
        if sprint_id is None:
            raise NotFoundError("sprint.not_found", ref=name)
        self.sprint_cache[name] = sprint_id
        return sprint_id

    def existing(
        self, keys: Iterable[tuple[int, int]]
    ) -> dict[tuple[int, int], tuple[int, need_service.NeedInput]]:
        """The needs at these (project id, number) keys, as ``needs.need_input`` gives
        them. Plain rows, not ORM objects: with thousands of Need or NeedTag objects in
        the session, each tag delete in ``update_need`` scans them all."""
        by_project: dict[int, list[int]] = {}
        for project_id, number in keys:
            by_project.setdefault(project_id, []).append(number)
        columns = [getattr(Need, name) for name in _INPUT_FIELDS]
        rows = []
        for project_id, numbers in by_project.items():
            query = select(Need.id, Need.number, *columns).where(
                Need.project_id == project_id, among(numbers)
            )
            wanted = set(numbers)
            rows += [row for row in self.session.execute(query) if row.number in wanted]
        tags: dict[int, list[str]] = {}
        if rows:
            query = select(NeedTag.need_id, NeedTag.name).where(
                NeedTag.need_id.in_([row.id for row in rows])
            )
            for need_id, name in self.session.execute(query):
                tags.setdefault(need_id, []).append(name)
        found = {}
        for row in rows:
            values = {name: getattr(row, name) for name in _INPUT_FIELDS}
            data = need_service.NeedInput(
                **values, tags=sorted(tags.get(row.id, ()), key=str.casefold)
            )
            found[(row.project_id, row.number)] = (row.id, data)
        return found

    def claim(self, project: Project, project_id: int, number: int, need_id: int) -> None:
        """Refuse a key the file names twice: twice in this batch, or a need this import
        created or already read a row for."""
        key = (project_id, number)
        if key in self.batch_keys or (
            need_id and (need_id > self.newest_before or need_id in self.touched)
        ):
            raise ValidationError(
                "csv.duplicate_key", field="key", key=format_key(project.code, number)
            )
        self.batch_keys.add(key)
        if need_id:
            self.touched.add(need_id)
        highest = self.highest.get(project_id)
        if highest is None or number > highest[1]:
            self.highest[project_id] = (project, number)

    def claim_new(self, keys: Iterable[tuple[Project, int | None]]) -> None:
        """:meth:`claim` for a batch of new needs (None: a row without a key, numbered
        at the end), which ``import_batch.new_needs`` found to name no key twice and
        none the batch named before."""
        by_project: dict[Project, list[int]] = {}
        for project, number in keys:
            if number is not None:
                by_project.setdefault(project, []).append(number)
        for project, numbers in by_project.items():
            project_id = project.id
            self.batch_keys.update(zip(repeat(project_id), numbers))
            top = max(numbers)
            highest = self.highest.get(project_id)
            if highest is None or top > highest[1]:
                self.highest[project_id] = (project, top)

    def settle_numbers(self) -> None:
        """Keyless rows are numbered after every key the file names: each project's next
        number goes past the highest one named so far. One statement per project, as a
        need created alone claims its number, not the unit of work's flush of the next
        query (which costs more than the import's look-ups)."""
        for project, number in self.highest.values():
            if number >= project.next_number:
                self.session.execute(
                    update(Project)
                    .where(Project.id == project.id)
                    .values(next_number=number + 1)
                    .execution_options(synchronize_session=False)
                )
                set_committed_value(project, "next_number", number + 1)
        self.highest.clear()


def among(numbers: list[int]) -> ColumnElement[bool]:
    """The needs numbered among ``numbers``: a range when they are about consecutive (a
    batch of keys, of new needs), read from the key's index without a thousand bound
    values; the caller leaves out the needs of the range it did not ask for."""
    low, high = min(numbers), max(numbers)
    if high - low < 2 * len(numbers):
        return Need.number.between(low, high)
    return Need.number.in_(numbers)
