"""Messages raised below the interface: service errors and CLI output, by id.

Errors raised below the UI (services, file import, database checks) carry a message id
and parameters, not text: they are rendered late, in the language of whoever shows them
(the window, the CLI, another machine of a team), through the one catalogue
(:mod:`po_desktop.i18n`). Here each id gets its English text, marked for the catalogue;
a message with a ``count`` has two forms and agrees with it ("1 besoin", "2 besoins").
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from po_desktop.domain.formatting import Clock, Count, Day, FileSize, Number
from po_desktop.i18n import (
    LANGUAGES,
    N_,
    NP_,
    Plural,
    gettext,
    language,
    plural,
    set_language,
    system_language,
)

__all__ = ["LANGUAGES", "language", "set_language", "system_language"]

_CATALOG: dict[str, str | Plural] = {
    "field.required": N_("The field “{field}” is required."),
    "field.too_long": N_("The field “{field}” is longer than {max} characters."),
    "field.bad_character": N_(
        "The field “{field}” contains a control or invalid character ({char}) that cannot be "
        "saved: remove it."
    ),
    "field.bad_choice": N_("Invalid value “{value}” for “{field}”; expected one of: {choices}."),
    "field.bad_number": N_("“{value}” is not a valid number for “{field}”."),
    "field.out_of_range": N_("“{field}” must be between {min} and {max} (got {value})."),
    "field.bad_color": N_("Invalid colour “{value}”: use the form #RRGGBB."),
    "field.bad_bool": N_("“{value}” is not a valid yes/no value for “{field}”."),
    "name.ambiguous": N_(
        "“{ref}” matches more than one name: {names}. Type the exact name, accents included."
    ),
    "tag.invalid": N_("The tag “{tag}” is invalid (no comma, at most 40 characters)."),
    "project.bad_code": N_(
        "Invalid project code “{code}”: 2 to 10 capital letters or digits, starting with a "
        "letter (e.g. ERP)."
    ),
    "project.code_taken": N_("The project code “{code}” is already in use."),
    "project.not_found": N_("Project not found: {ref}."),
    "project.has_needs": NP_(
        "Project “{code}” still has {count} need: archive it or move it first.",
        "Project “{code}” still has {count} needs: archive it or move them first.",
    ),
    "project.archived": N_("Project “{code}” is archived: no new need can be added to it."),
    "person.not_found": N_("Person not found: {ref}."),
    "person.in_use": N_(
        "“{name}” is still assigned to needs or projects ({count}): reassign them first."
    ),
    "person.bad_email": N_(
        "“{value}” is not an e-mail address: type it as name@example.com, without a name "
        "or brackets."
    ),
    "person.email_taken": N_(
        "“{value}” is already the address of {name}: a mail from it must find one person."
    ),
    "need.not_found": N_("Need not found: {ref}."),
    "need.key_taken": N_("The key {key} is already in use."),
    "need.changed_by": N_(
        "{who} changed {key} at {at}, after you opened it: nothing was saved and your text is"
        " kept. Copy what you typed, reopen the need to see their change, then apply yours."
    ),
    "need.changed_since": N_(
        "{key} was changed at {at}, after you opened it: nothing was saved and your text is"
        " kept. Copy what you typed, reopen the need to see that change, then apply yours."
    ),
    # A project, a person, a sprint or a board column saved on an older version (issue 20)
    "row.changed_by": N_(
        "{who} changed {what} at {at}, while you were editing it: nothing was saved and your"
        " text is kept. Copy what you typed, reload to see their change, then apply yours."
    ),
    "row.changed_since": N_(
        "Someone changed {what} at {at}, while you were editing it: nothing was saved and"
        " your text is kept. Copy what you typed, reload to see that change, then apply yours."
    ),
    "row.project": N_("the project {name}"),
    "row.person": N_("the details of {name}"),
    "row.sprint": N_("the sprint {name}"),
    "row.column": N_("the column {name}"),
    "need.bad_key": N_("Invalid key “{key}”: expected CODE-NUMBER, e.g. ERP-12."),
    "need.key_project_mismatch": N_("The key {key} does not belong to project {code}."),
    "column.not_found": N_("Column not found: {ref}."),
    "column.name_taken": N_("A column named “{name}” already exists."),
    "column.not_empty": NP_(
        "Column “{name}” still holds {count} need: move it before removing the column.",
        "Column “{name}” still holds {count} needs: move them before removing the column.",
    ),
    "column.last": N_("The board must keep at least one column."),
    "column.removed_since": N_(
        "Someone removed the column “{name}” while you were editing the board's columns:"
        " nothing was saved. Note your edits, close this window and open the board's"
        " settings again to see the columns as they are now."
    ),
    "column.added_since": N_(
        "Someone added the column “{name}” while you were editing the board's columns:"
        " nothing was saved. Note your edits, close this window and open the board's"
        " settings again to see the columns as they are now."
    ),
    "sprint.not_found": N_("Sprint not found: {ref}."),
    "scoring.no_grid": N_("There is no scoring grid in this database."),
    "scoring.grid_not_found": N_("Scoring grid not found: {ref}."),
    "scoring.grid_name_taken": N_("A grid named “{name}” already exists."),
    "scoring.grid_in_use": N_(
        "Needs were scored with the grid “{name}”: it stays so that those assessments keep "
        "their grid."
    ),
    "scoring.last_grid": N_("The database must keep at least one scoring grid."),
    "scoring.criterion_label": N_("Every criterion needs a name."),
    "scoring.criterion_repeated": N_("The criterion “{criterion}” appears twice in the grid."),
    "scoring.problem_first": N_(
        "State the problem first (the real need): a solution alone cannot be scored."
    ),
    "scoring.rationale_required": N_(
        "Explain a no-go or an explore decision: the requester will read this rationale."
    ),
    "scoring.version_not_found": N_("Assessment version not found: {ref}."),
    "scoring.changed_by": N_(
        "{key} was scored again at {at} (v{version}, decided by {who}) after you opened it:"
        " nothing was saved and your values are kept. Look at v{version} in the history,"
        " then save again to replace it with yours."
    ),
    "scoring.changed_since": N_(
        "{key} was scored again at {at} (v{version}) after you opened it: nothing was saved"
        " and your values are kept. Look at v{version} in the history, then save again to"
        " replace it with yours."
    ),
    "scoring.bad_number": N_("“{value}” is not a valid number for “{criterion}”."),
    "scoring.no_criterion": N_("A scoring grid needs at least one criterion."),
    "scoring.bad_weight": N_(
        "The weight of “{criterion}” must be a positive number (got {weight})."
    ),
    "scoring.empty_scale": N_(
        "The scale of “{criterion}” must go from a minimum to a larger maximum."
    ),
    "scoring.missing_value": N_("Give a value for “{criterion}”."),
    "scoring.out_of_range": N_("“{criterion}” must be between {min} and {max} (got {value})."),
    "scoring.formula_scale": N_(
        "The scale of “{criterion}” cannot start below 0, nor at 0 for a divisor ({formula} "
        "formula): no work takes zero effort."
    ),
    "scoring.missing_role": N_("The {formula} grid needs a “{role}” criterion."),
    "sprint.closed": N_("The sprint “{name}” is closed: no need can be added to it."),
    "column.name_repeated": N_(
        "Two columns are named “{name}”: each column needs a name of its own."
    ),
    "csv.empty": N_("The file {file} is empty."),
    "csv.encoding": N_(
        "The file {file} is neither UTF-8, UTF-16 nor Windows-1252: save it as CSV UTF-8."
    ),
    "csv.unnamed_column": N_(
        "Column {column} has no header but holds “{value}”: give it the header of one of "
        "the needs' fields, or empty it."
    ),
    "csv.missing_columns": N_("Missing header columns: {columns}. Expected columns: {expected}."),
    "csv.unknown_columns": N_("Unknown header columns: {columns}."),
    "csv.row": N_("Line {line}: {problem} Nothing was imported."),
    "csv.bad_row_length": NP_(
        "{count} value instead of {expected}.",
        "{count} values instead of {expected}.",
    ),
    "csv.duplicate_key": N_("the key {key} appears twice in the file."),
    "csv.duplicate_ref": N_("the external reference {ref} appears twice in the file."),
    "csv.malformed": N_("Line {line}: malformed CSV file ({detail}). Nothing was imported."),
    "csv.duplicate_columns": N_("Duplicate header columns: {columns}."),
    "db.not_found": N_("File not found: {path}."),
    "db.empty_file": N_(
        "{path} is an empty file, not a PO Desktop database. Choose a new file name to create "
        "a database."
    ),
    "db.not_sqlite": N_(
        "{path} is not a PO Desktop database (it is not an SQLite file). The file was left "
        "untouched."
    ),
    "db.foreign": N_(
        "{path} is an SQLite database of another application, not a PO Desktop database. The "
        "file was left untouched."
    ),
    "db.corrupt": N_(
        "{path} is damaged ({detail}). The file was left untouched; restore a backup."
    ),
    "db.too_new": N_(
        "{path} was created by a newer version of PO Desktop (schema {revision}). Please "
        "update the application."
    ),
    "db.locked": N_(
        "{path} is already open in another PO Desktop instance ({owner}). Close it first."
    ),
    "db.lock_failed": N_(
        "Cannot reserve {path} for this instance ({detail}): is the folder read-only?"
    ),
    "db.output_is_database": N_("{path} is the open database itself: choose another output file."),
    "db.read_only": N_("{path} is read-only: changes cannot be saved."),
    "db.busy": N_("The database is busy in another program; try again in a moment."),
    "db.full": N_(
        "The disk is full: the change was not saved and the database is intact. Free some "
        "space, then try again."
    ),
    "db.busy_file": N_(
        "{path} is in use by another program. Close it, then try again; the file was left "
        "untouched."
    ),
    "db.write_failed": N_("Saving failed ({detail}); no change was applied."),
    "db.exists": N_("{path} already exists; use --force to replace it."),
    # File safety (issue 15)
    "db.disk_full": N_(
        "The disk holding {path} is full: nothing was changed. Free some space, then try again."
    ),
    "db.cannot_write": N_(
        "Cannot write to {path}: the medium is read-only or you lack the permission. Nothing "
        "was changed; choose a folder you can write to."
    ),
    "db.io_error": N_(
        "Input/output error on the disk of {path} ({detail}): the medium may be failing or "
        "disconnected. Nothing was changed; reconnect or check it, and copy your backups to a "
        "safe place."
    ),
    "db.cannot_open": N_(
        "Cannot open {path} ({detail}): check that the file can be reached (permissions, disk "
        "connected). The file was left untouched."
    ),
    "db.name_too_long": N_(
        "The name “{name}” is {length} bytes long: SQLite cannot use a name longer than "
        "{limit} bytes (it adds “-journal” to it). Choose a shorter name; nothing was created "
        "or changed."
    ),
    "db.path_too_long": N_(
        "The path {path} is {length} bytes long: SQLite cannot open a path longer than {limit} "
        "bytes. Choose a shallower folder or a shorter name; nothing was created or changed."
    ),
    "db.ro_recovery": N_(
        "{path} holds changes interrupted by a crash (a “-journal” or “-wal” file beside it) "
        "that must be finished or undone, but neither the file nor its folder can be written "
        "here. Copy it with its “-journal”, “-wal” and “-shm” files to a folder you can write "
        "to, then open the copy; nothing was changed."
    ),
    "db.ro.medium": N_(
        "{path} is on a read-only medium (a locked USB stick, a read-only share, a CD)"
    ),
    "db.ro.file": N_("you are not allowed to change {path}"),
    "db.ro.folder": N_(
        "you are not allowed to write to the folder of {path}, where the database keeps its "
        "working files"
    ),
    "db.ro.links": N_(
        "{path} has {count} names (hard links): two instances could write it at once under two "
        "names"
    ),
    "db.ro.asked": N_("{path} was opened read-only as you asked"),
    "db.opened_read_only": N_(
        "Read-only: {reason}. You can browse, export and print; to make changes, copy the file "
        "to a folder you can write to and open the copy."
    ),
    "db.read_only_write": N_(
        "This database is open read-only ({reason}): the change was not saved."
    ),
    "db.upgrade_needs_write": N_(
        "{path} needs an upgrade (schema {revision} to {head}) for this version, but {reason}. "
        "Copy it to a folder you can write to and open the copy; nothing was changed."
    ),
    "db.needs_write": N_("Cannot open the database for changes: {reason}. Nothing was changed."),
    "db.lock_unsafe": N_(
        "{lock} is not an ordinary file (a symbolic link, a hard link or other): PO Desktop "
        "will not use it to reserve {path} and wrote nothing to it. Remove it, then try again."
    ),
    "db.locked_elsewhere": N_(
        "{path} is already open in another PO Desktop instance, under another name (a link to "
        "the same file). Close it first."
    ),
    "backup.restore_record": N_(
        "A restore of {path} was interrupted and its record {record} cannot be read: nothing "
        "was touched. The previous file is beside it, under a name ending in "
        "“.before-restore-…”; remove the record once you have checked the files."
    ),
    "backup.write_failed": N_(
        "Cannot write the backup {path} ({detail}). The database was left untouched."
    ),
    "backup.restore_failed": N_("Restoring {path} failed ({detail}); the file was left as it was."),
    "backup.same_file": N_("{path} is the database itself: choose a backup to restore."),
    # The change protocol (issue 17)
    "change.stale": N_(
        "Cannot undo or redo: the {table} item {key} was changed since. Nothing was changed."
    ),
    "change.stale_by": N_(
        "Cannot undo or redo: {who} changed {key} at {at} since. Nothing was changed."
    ),
    "change.stale_at": N_(
        "Cannot undo or redo: {key} was changed at {at} since. Nothing was changed."
    ),
    "change.stale_row_at": N_(
        "Cannot undo or redo: someone changed {what} at {at} since. Nothing was changed."
    ),
    "change.added_by": N_(
        "Cannot undo or redo: {who} added {what} to {key} at {at} since, which this would "
        "delete. Nothing was changed."
    ),
    "change.added": N_(
        "Cannot undo or redo: someone added {what} to {key} since, which this would "
        "delete. Nothing was changed."
    ),
    "change.what.comment": N_("a comment"),
    "change.what.attachment": N_("an attachment"),
    "change.what.link": N_("a link"),
    "change.what.tag": N_("a tag"),
    "change.what.commitment": N_("a sprint commitment"),
    "change.what.score": N_("a score"),
    "change.what.data": N_("an item"),
    # The open file deleted, moved or replaced (issue 15)
    "db.gone": N_(
        "This workspace's file is no longer where it was ({path}): deleted, moved or renamed "
        "by another program. Nothing more will be saved there: save the open workspace to a "
        "new file (File ▸ Save as…)."
    ),
    "db.replaced": N_(
        "This workspace's file was replaced by another one ({path}), for example an older copy "
        "put back by a sync tool. Nothing more will be saved there: save the open workspace to "
        "a new file (File ▸ Save as…)."
    ),
    "cli.unexpected": N_("unexpected error ({error}). Details are in {log}"),
    "cli.backup_done": N_("Verified backup: {path}"),
    "cli.backup_rotated": N_("Old automatic backups removed: {count}"),
    "cli.backup_list_header": N_("Backups of {path} (newest first):"),
    "cli.backup_none": N_("No backup of {path} in {folder}."),
    "cli.restore_done": N_("Database restored from {source}."),
    "cli.restore_kept": N_("The previous file is kept: {path}"),
    "cli.help.description": N_("PO Desktop: needs, scoring, board and sprints for product owners."),
    "cli.help.db": N_("database file"),
    "cli.help.lang": N_("language (fr or en)"),
    "cli.help.debug": N_("show full error tracebacks"),
    "cli.help.version": N_("show the version and exit"),
    "cli.help.command_metavar": N_("COMMAND"),
    "cli.help.gui": N_("open the application (default)"),
    "cli.help.demo": N_("create a French demo workspace"),
    "cli.help.demo_needs": N_("number of needs (default 240)"),
    "cli.help.demo_seed": N_("random seed (default 7)"),
    "cli.help.demo_force": N_("replace an existing demo database (a copy is kept)"),
    "cli.help.check": N_("integrity check, schema version, counts"),
    "cli.help.import-csv": N_(
        "import needs from a CSV file or a workbook (.xlsx): the former name of “import”"
    ),
    "cli.help.export-csv": N_("export needs to a CSV file"),
    "cli.help.output": N_("file to write"),
    "cli.help.output_optional": N_("write to this file instead"),
    "cli.help.sep": N_("separator (default ;)"),
    "cli.help.project": N_("only this project (code or name)"),
    "cli.help.backlog": N_("print the ranked backlog (open needs by score)"),
    "cli.help.format": N_("output format (default table)"),
    "cli.help.grid": N_("rank by the assessments made with this grid (name or id)"),
    "cli.help.capacity": N_("a sprint's capacity per person and its forecast"),
    "cli.help.sprint": N_("sprint name or id"),
    "cli.help.ics": N_("export sprints and rituals to iCalendar"),
    "cli.help.ics_sprint": N_("only this sprint (name or id); default: every sprint"),
    "cli.help.pack": N_("print a sprint-review pack (PDF)"),
    "cli.help.letter": N_(
        "write a need's decision letter (PDF) for its requester, and its e-mail draft"
    ),
    "cli.help.key_metavar": N_("KEY"),
    "cli.help.need_key": N_("the need's key, e.g. ERP-12"),
    "cli.help.letter_output": N_("PDF file to write"),
    "cli.help.eml": N_("also write an e-mail draft (.eml) with the letter attached"),
    "cli.help.cards": N_("print cards to cut out for a physical board (PDF)"),
    "cli.help.keys": N_("the needs' keys, separated by commas (instead of --sprint)"),
    "cli.help.per_page": N_("cards per A4 sheet: 6 or 8 (default 8)"),
    "cli.help.screenshot": N_("render a view to a PNG file"),
    "cli.help.view": N_("view to render (main, board, ...)"),
    "cli.help.size": N_("WIDTHxHEIGHT (default 1280x800)"),
    "cli.help.backup": N_("take a verified backup of the database now"),
    "cli.help.backup_list": N_("list the backups instead of taking one"),
    "cli.help.restore": N_(
        "put a backup in place of the database (the current file is kept aside)"
    ),
    "cli.help.from": N_("backup file to restore"),
    "cli.help.team": N_("a team workspace on a PostgreSQL server"),
    "cli.help.team_init": N_(
        "make an empty PostgreSQL database a team workspace, with the roles po_editor and po_viewer"
    ),
    "cli.help.team_address": N_("the server's address, e.g. postgresql://user@host/name"),
    "cli.help.push": N_("upload a workspace file into an empty team workspace"),
    "cli.help.push_to": N_("the team workspace's address (postgresql://user@host/name)"),
    "cli.help.pull": N_("write a team workspace (--db postgresql://...) into a new local file"),
    "cli.help.pull_output": N_("the new workspace file (.podb)"),
    "cli.team_ready": N_(
        "Team workspace ready at {address}; roles: po_editor (changes), po_viewer (reads)."
    ),
    "cli.pushed": NP_(
        "Workspace sent to {address}: {count} need, with its history and files.",
        "Workspace sent to {address}: {count} needs, with their history and files.",
    ),
    "cli.pulled": NP_(
        "Local copy written to {path}: {count} need, with its history and files.",
        "Local copy written to {path}: {count} needs, with their history and files.",
    ),
    "team.not_an_address": N_(
        "{value} is not a team workspace's address: it starts with postgresql://"
    ),
    "team.push_not_empty": N_(
        "The team workspace already holds projects or needs: a push only fills an empty one "
        "(made by po-desktop team init). Nothing was sent."
    ),
    "team.push_old_schema": N_(
        "The team workspace was made by another version of PO Desktop (its schema is not "
        "{head}). Nothing was sent."
    ),
    "team.address_required": N_(
        "Give the team workspace's address: the server and the database (server/database), "
        "or a full postgresql:// address."
    ),
    "team.bad_address": N_(
        "“{value}” is not a team workspace's address: write server/database (for example "
        "pg.example.com/portfolio) or a full postgresql:// address."
    ),
    "team.refused": N_(
        "The team server refused the connection to {address} ({detail}). Check the login, "
        "the password and the database's name."
    ),
    "team.not_a_workspace": N_(
        "{address} holds no PO Desktop workspace: make one with po-desktop team init or "
        "po-desktop push."
    ),
    "team.file_command": N_(
        "This command works on a workspace file, not on {address}: a team workspace is "
        "backed up with po-desktop pull --db ADDRESS -o FILE.podb (or pg_dump)."
    ),
    "team.viewer": N_(
        "your login may only read the team workspace {address} (role po_viewer; to make "
        "changes, ask whoever runs the server for the role po_editor)"
    ),
    "team.opened_read_only": N_("Read-only: {reason}. You can browse, export and print."),
    "team.pull_exists": N_("{path} already exists: choose a new file name. Nothing was written."),
    "team.unreachable": N_(
        "The team server does not answer ({detail}). Check the address and the network."
    ),
    "cli.demo_done": N_("Demo database created: {path} ({needs} needs)."),
    "cli.demo_backup": N_("The previous database was backed up to {path}."),
    "cli.check_file": N_("File: {path} ({size} bytes)"),
    "cli.check_schema": N_("Schema version: {revision} (this application: {head})"),
    "cli.check_upgrade": N_(
        "The schema will be upgraded (after a backup) the next time it is opened."
    ),
    "cli.check_problem": N_("Problem: {problem}"),
    "cli.check_ok": N_("Integrity: OK"),
    "cli.export_done": NP_(
        "{count} need exported to {path}.",
        "{count} needs exported to {path}.",
    ),
    "cli.pack_done": N_("Review pack written: {path} ({pages} pages)."),
    "cli.letter_done": N_("Decision letter of {key} written: {path}"),
    "cli.eml_done": N_("E-mail draft written: {path}"),
    "cli.cards_done": NP_("{count} card written to {path}.", "{count} cards written to {path}."),
    "cli.cards_sheets": NP_("{count} A4 sheet to print.", "{count} A4 sheets to print."),
    "pack.no_sprint": N_("This database holds no sprint: there is no review to print."),
    "cli.ics_done": NP_(
        "Calendar written: {path} ({count} event).",
        "Calendar written: {path} ({count} events).",
    ),
    "cli.screenshot_done": N_("Screenshot saved: {path}"),
    "count.projects": N_("Projects"),
    "count.people": N_("People"),
    "count.needs": N_("Needs"),
    "count.columns": N_("Columns"),
    "count.sprints": N_("Sprints"),
    "count.assessments": N_("Assessments"),
    "count.ceremonies": N_("Ceremonies"),
    "count.absences": N_("Absences"),
    "count.events": N_("Events"),
    "demo.not_empty": N_(
        "Demo data can only go into a fresh workspace; this one already holds data. Create a "
        "new file."
    ),
    "sprint.dates_order": N_("The sprint's end ({end}) must come after its start ({start})."),
    "sprint.overlap": N_(
        "These dates overlap the sprint “{name}” ({start} → {end}) of the same team."
    ),
    "sprint.name_taken": N_("A sprint named “{name}” already exists."),
    "sprint.has_needs": N_(
        "The sprint “{name}” still holds needs ({count}): put them back in the backlog or in "
        "another sprint before deleting it."
    ),
    "sprint.not_planned": N_("The sprint “{name}” has already started."),
    "sprint.not_active": N_(
        "The sprint “{name}” is not active: only an active sprint can be closed."
    ),
    "sprint.other_active": N_("The team already has an active sprint: “{name}”. Close it first."),
    "sprint.no_next": N_(
        "No sprint is planned after “{name}” for this team: create one, or send the unfinished "
        "needs back to the backlog."
    ),
    "sprint.bad_date": N_("Invalid date “{value}”: expected YYYY-MM-DD, e.g. 2027-07-14."),
    "ceremony.not_found": N_("Ceremony not found: {ref}."),
    "absence.not_found": N_("Absence not found: {ref}."),
    "absence.dates_order": N_("The absence's end ({end}) cannot come before its start ({start})."),
    "cadence.bad_count": N_("The number of sprints to create must be from 1 to {max}."),
    "cadence.bad_weeks": N_("A sprint lasts 1 to {max} weeks."),
    "cadence.no_working_day": N_("The sprint starting on {start} has no working day."),
    "cli.bad_size": N_("Invalid size “{value}”: expected WIDTHxHEIGHT, e.g. 1280x800."),
    "cli.output_unwritable": N_("Cannot write {path}: {detail}."),
    # Outputs and messages (issue 15)
    "output.failed": N_(
        "Cannot write {path}: {reason}. Any existing file of that name was left as it was."
    ),
    "file.read_failed": N_("Cannot read {path}: {reason}."),
    "file.failed": N_("{path}: {reason}."),
    "file.failed_no_path": N_("File system error: {reason}."),
    "os.no_space": N_("the disk is full"),
    "os.quota": N_("your disk quota is used up"),
    "os.read_only": N_("the medium is read-only"),
    "os.denied": N_("access is denied (no permission on the file or folder)"),
    "os.busy": N_("the file is in use by another program"),
    "os.not_found": N_("the file or folder does not exist"),
    "os.is_folder": N_("it is a folder, not a file"),
    "os.not_folder": N_("part of the path is not a folder"),
    "os.name_too_long": N_("the name is too long for this file system"),
    "os.io": N_("input/output error on the medium (a damaged or removed disk?)"),
    "os.too_many_files": N_("too many files are open; close some programs, then try again"),
    "os.exists": N_("a file of that name already exists"),
    "os.too_big": N_("the file is larger than this file system allows"),
    "os.gone": N_("the disk or network share is no longer available"),
    "os.unsupported": N_("this file system does not support the operation"),
    "os.bad_name": N_("the name holds a character this system does not accept"),
    "os.other": N_("system error ({code})"),
    "sqlite.io": N_("disk input/output error"),
    "sqlite.corrupt": N_("the database file is damaged"),
    "sqlite.cant_open": N_("the database file cannot be opened"),
    "sqlite.constraint": N_("a database integrity rule was broken"),
    "sqlite.busy": N_("the database is busy in another program"),
    "sqlite.no_memory": N_("out of memory"),
    "sqlite.too_big": N_("a value is too large for the database"),
    "sqlite.other": N_("SQLite error {code}"),
    "server.other": N_("the team server refused it (PostgreSQL error {code})"),
    "list.more": NP_(
        "{items} and {count} more",
        "{items} and {count} more",
    ),
    "csv.workbook": N_(
        "{file} is an Excel workbook, not a CSV file: in Excel, choose File › Save As › “CSV "
        "UTF-8 (Comma delimited)”."
    ),
    "csv.opendocument": N_(
        "{file} is a LibreOffice spreadsheet, not a CSV file: in LibreOffice, choose File › "
        "Save As › “Text CSV”, character set Unicode (UTF-8)."
    ),
    "csv.binary": N_("{file} is not a text file ({kind}): save it as CSV UTF-8."),
    "csv.kind.zip": N_("a ZIP archive"),
    "csv.kind.pdf": N_("a PDF document"),
    "csv.kind.binary": N_("binary content"),
    "csv.field_too_big": N_("a value is longer than {limit} characters"),
    "csv.unclosed_quote": N_("a quotation mark is opened and never closed"),
    "csv.quote_in_field": N_(
        "a closing quotation mark must be followed by the separator or a line end"
    ),
    "csv.bad_syntax": N_("invalid CSV syntax"),
    "date.out_of_range": N_("The date “{field}” ({value}) must be between {min} and {max}."),
    "sprint.dates_out_of_range": N_(
        "The sprint “{name}” has dates outside the supported range ({start} → {end}): correct "
        "them in the calendar (from {min} to {max})."
    ),
    "ceremony.date_out_of_range": N_(
        "The ceremony “{name}” has a date outside the supported range ({start}): correct it in "
        "the calendar (from {min} to {max})."
    ),
    "absence.dates_out_of_range": N_(
        "The absence of {name} has dates outside the supported range ({start} → {end}): "
        "correct them in the calendar (from {min} to {max})."
    ),
    "cli.skipped": N_("Skipped: {problem}"),
    "cli.skipped_more": NP_(
        "… and {count} more skipped.",
        "… and {count} more skipped.",
    ),
    "cli.interrupted_import": N_("Interrupted: nothing was imported."),
    "cli.interrupted": N_("Interrupted: the command stopped before the end."),
    "pack.layout": N_("the pack cannot be laid out (one element is larger than a page)"),
    # The need's dossier (issue 19)
    "need.problem_to_leave": N_(
        "State the problem first: a need leaves “{column}” for “{to}” only with a problem "
        "statement."
    ),
    "need.problem_to_move": N_(
        "{key} has no problem statement yet: it stays in “{column}” until one is written, and "
        "cannot go to “{to}”."
    ),
    "comment.not_found": N_("Comment not found: {ref}."),
    "attachment.not_found": N_("Attachment not found: {ref}."),
    "attachment.too_big": N_(
        "“{name}” is {size}: a file attached to a need is limited to {limit}. Put it on a "
        "shared drive and give its address in a comment instead."
    ),
    "mail.not_a_mail": N_(
        "{file} is not an e-mail: it has no sender, subject, date or recipient. Save the "
        "message from your mail program as an .eml or .msg file."
    ),
    "link.self": N_("A need cannot be linked to itself ({key})."),
    "link.exists": N_("This link already exists: {source} {role} {target}."),
    "link.not_found": N_("There is no such link: {source} {role} {target}."),
    "link.second_parent": N_(
        "{key} already belongs to the epic {parent}, and a need has one parent: remove that "
        "link first."
    ),
    "link.cycle": N_(
        "{source} cannot block {target}: that would close a circle of blocked needs ({path}), "
        "where none could ever start."
    ),
    "link.parent_cycle": N_(
        "{source} cannot be the parent of {target}: {source} would be inside its own epic ({path})."
    ),
    "link.role.blocks": N_("blocks"),
    "link.role.blocked_by": N_("is blocked by"),
    "link.role.duplicates": N_("duplicates"),
    "link.role.duplicated_by": N_("is duplicated by"),
    "link.role.relates": N_("relates to"),
    "link.role.parent_of": N_("is the parent of"),
    "link.role.child_of": N_("is a child of"),
    "merge.self": N_("A need cannot be merged into itself ({key})."),
    "merge.archived": N_("{key} is archived: restore it before merging it into another need."),
    "merge.into_archived": N_("{key} is archived: restore it before merging a duplicate into it."),
    "need.already_archived": N_("{key} is already archived."),
    "need.all_archived": NP_(
        "This need is already archived.",
        "These {count} needs are already archived.",
    ),
    "need.not_archived": N_("{key} is not archived."),
    "need.none_archived": NP_(
        "This need is not archived.",
        "None of these {count} needs is archived.",
    ),
    "dossier.attachments": NP_(
        "Attachments ({count} file, {size}):",
        "Attachments ({count} files, {size}):",
    ),
    "cli.help.need": N_(
        "a need's dossier: show, comment, attach, link, move, archive; a need from an e-mail"
    ),
    "cli.help.need_show": N_("print the need: fields, links, attachments, activity"),
    "cli.help.need_comment": N_("add a comment to the need"),
    "cli.help.comment_text": N_("the comment's text"),
    "cli.help.comment_author": N_(
        "who wrote it (a person of the workspace, or any name); by default the computer's"
        " login name"
    ),
    "cli.help.author": N_(
        "who does it, recorded in the needs' history: a person of the workspace (by login or"
        " name), or any name; by default the computer's login name"
    ),
    "cli.help.need_attach": N_("attach a file to the need (25 MB at most)"),
    "cli.help.attach_file": N_("the file to attach"),
    "cli.help.need_attachment": N_("save one of the need's attachments to a file"),
    "cli.help.attachment_name": N_("the attachment's name"),
    "cli.help.need_link": N_("link the need to another one"),
    "cli.help.link_blocks": N_("the need blocks OTHER"),
    "cli.help.link_duplicates": N_("the need duplicates OTHER"),
    "cli.help.link_relates": N_("the need relates to OTHER"),
    "cli.help.link_parent": N_("OTHER is the need's parent (its epic)"),
    "cli.help.need_move": N_("move the need to another column of the board"),
    "cli.help.move_column": N_("the column's name"),
    "cli.help.need_archive": N_("take the need off the board (it stays searchable)"),
    "cli.help.need_restore": N_("put an archived need back on the board"),
    "cli.comment_done": N_("Comment added to {key}."),
    "cli.attach_done": N_("“{name}” attached to {key} ({size}, SHA-256 {sha256})."),
    "cli.attachment_saved": N_("“{name}” saved to {path} ({size})."),
    "cli.link_done": N_("Linked: {source} {role} {target}."),
    "cli.unlink_done": N_("Link removed: {source} {role} {target}."),
    "cli.merge_done": N_(
        "{key} merged into {into} ({comments}, {attachments}, {links} moved) and archived."
    ),
    "count.comments": NP_("{count} comment", "{count} comments"),
    "count.attachments": NP_("{count} attachment", "{count} attachments"),
    "count.links": NP_("{count} link", "{count} links"),
    "cli.help.need_unlink": N_("remove a link between the need and another one"),
    "cli.help.need_merge": N_(
        "close the need as a duplicate: its comments, files and links go to OTHER"
    ),
    "cli.help.merge_into": N_("the need it duplicates"),
    "cli.move_done": N_("{key} moved to “{column}”."),
    "cli.archive_done": N_("{key} archived: it left the board and stays searchable."),
    "cli.restore_need_done": N_("{key} is back on the board."),
    "cli.help.archive": N_(
        "archive the needs done or decided no-go for more than a number of days: they leave "
        "the board and stay searchable"
    ),
    "cli.help.older_than": N_(
        "archive what closed more than DAYS days ago (default: the workspace's setting)"
    ),
    "cli.help.archive_dry_run": N_("say how many needs would be archived, archiving nothing"),
    "count.days": NP_("{count} day", "{count} days"),
    "cli.auto_archive_done": NP_(
        "{count} need done or no-go for more than {days} archived: it left the board.",
        "{count} needs done or no-go for more than {days} archived: they left the board.",
    ),
    "cli.auto_archive_preview": NP_(
        "{count} need done or no-go for more than {days} would be archived (nothing changed).",
        "{count} needs done or no-go for more than {days} would be archived (nothing changed).",
    ),
    "cli.auto_archive_none": N_("No need done or no-go for more than {days}: nothing to archive."),
    "cli.auto_archive_off": N_(
        "Automatic archiving is off in this workspace: nothing was archived. Give "
        "--older-than DAYS, or set the days in the preferences."
    ),
    "cli.help.need_from-mail": N_(
        "make a need from an e-mail file (.eml or .msg): subject, text, sender, the mail "
        "attached; prints its key"
    ),
    "cli.help.mail_file": N_("the e-mail saved by a mail program (.eml or .msg)"),
    "cli.help.mail_project": N_("the project of the new need (code or name)"),
    "cli.help.mail_dry_run": N_("say what need the mail would make, writing nothing"),
    "cli.mail_done": N_("{key} made from {file}: “{title}”, requester {requester}."),
    "cli.mail_preview": N_(
        "Preview, nothing was written: {file} would make {key}, “{title}”, requester {requester}."
    ),
    "cli.mail_requester.address": N_("{name} (a person found by the address)"),
    "cli.mail_requester.name": N_("{name} (a person found by the name)"),
    "cli.mail_requester.new": N_("{name} (a new person)"),
    "cli.mail_requester.none": N_("none (the mail names no sender)"),
    # The decision letter and the printed cards (issue 19)
    "letter.not_scored": N_(
        "{key} has not been scored yet: there is no decision to send. Score it with the "
        "requester first (Scoring view)."
    ),
    "cards.empty_sprint": N_("The sprint “{name}” holds no need: there is no card to print."),
    "cards.none": N_("Name at least one need to print its card."),
    "letter.same_output": N_(
        "{path} cannot be both the letter and its e-mail draft: give the draft another name."
    ),
    # Exchange with spreadsheets (issue 18)
    "field.ambiguous_number": N_(
        "“{value}” may be {decimal} or {grouped} depending on the spreadsheet that wrote it: "
        "write one or the other in “{field}”."
    ),
    "exchange.yes": N_("yes"),
    "exchange.no": N_("no"),
    "exchange.sheet_title": N_("Needs"),
    "exchange.cell_too_long": N_(
        "{key}: “{field}” is longer than {max} characters, more than a spreadsheet cell holds. "
        "Nothing was exported: export to CSV, which keeps texts whole."
    ),
    "exchange.bad_workbook": N_(
        "{file} cannot be read as an Excel workbook: it may be damaged. Open it in Excel or "
        "LibreOffice and save it again as .xlsx."
    ),
    "exchange.formula_without_result": N_(
        "Cell {cell} of {file} holds a formula without its result (the workbook was written "
        "by a program, never saved by a spreadsheet). Open it in Excel or LibreOffice, save "
        "it, and import it again: nothing was imported."
    ),
    "exchange.cell_error": N_(
        "Cell {cell} of {file} shows the error {value}: correct it in the spreadsheet, save "
        "the workbook, and import it again. Nothing was imported."
    ),
    "exchange.opendocument": N_(
        "{file} is a LibreOffice spreadsheet (.ods): in LibreOffice, choose File › Save As › "
        "“Excel 2007-365 (.xlsx)”, then import that file."
    ),
    "exchange.old_workbook": N_(
        "{file} is an Excel workbook in the old format (.xls) or protected by a password: in "
        "Excel, choose File › Save As › “Excel Workbook (.xlsx)”, without a password, then "
        "import that file."
    ),
    "exchange.output_is_folder": N_(
        "{file} is a folder: give the name of the file to write, ending .xlsx (Excel "
        "workbook) or .csv."
    ),
    "exchange.unknown_extension": N_(
        "{file}: the extension “{suffix}” is not an export format. Name the file .xlsx (Excel "
        "workbook) or .csv."
    ),
    "exchange.trello_project": N_(
        "A Trello board names no project: say which one its cards go to with --project "
        "(a project's code or name)."
    ),
    "exchange.csv_into_workbook": N_(
        "{file}: export-csv writes CSV text, not a workbook. For a workbook, use "
        "“po-desktop export -o {file}”; for CSV, name the file .csv."
    ),
    "cli.help.export": N_(
        "export needs to an Excel workbook (.xlsx) or a CSV file (.csv), by the file's extension"
    ),
    "cli.help.export_output": N_("file to write: .xlsx (Excel workbook) or .csv"),
    "cli.help.import": N_(
        "import needs from a CSV file, an Excel workbook (.xlsx), a Jira CSV export or a "
        "Trello board (JSON), all or nothing"
    ),
    "cli.help.import_file": N_(
        "file to import: CSV, Excel workbook (.xlsx), Jira CSV export or Trello board (.json)"
    ),
    "cli.help.import_format": N_("the file's format (auto: told by its content)"),
    "cli.help.import_project": N_(
        "project (code or name) for rows that name none; a new code creates it"
    ),
    "cli.help.dry_run": N_("say what the import would do, writing nothing"),
    "cli.import_summary": N_("Import done: {counts}."),
    "cli.import_preview": N_("Preview, nothing was imported: {counts}."),
    "cli.progress_rows": NP_("{count} row read", "{count} rows read"),
    "exchange.created": NP_("{count} need created", "{count} needs created"),
    "exchange.updated": NP_("{count} updated", "{count} updated"),
    "exchange.skipped": NP_("{count} skipped as unchanged", "{count} skipped as unchanged"),
    "exchange.projects_created": NP_("{count} project created", "{count} projects created"),
    "exchange.to_create": NP_("{count} need to create", "{count} needs to create"),
    "exchange.to_update": NP_("{count} to update", "{count} to update"),
    "exchange.to_skip": NP_("{count} to skip as unchanged", "{count} to skip as unchanged"),
    "exchange.projects_to_create": NP_("{count} project to create", "{count} projects to create"),
    "exchange.projects_created_named": NP_(
        "{count} project created ({codes})", "{count} projects created ({codes})"
    ),
    "exchange.projects_to_create_named": NP_(
        "{count} project to create ({codes})", "{count} projects to create ({codes})"
    ),
    "import.unknown_project_none": N_(
        "Project “{project}” not found: the workspace has no project yet, and it is no code "
        "for a new one (2 to 10 capital letters or digits, starting with a letter)."
    ),
    "import.unknown_project": N_(
        "Project “{project}” not found: it is neither the code nor the name of a "
        "project of the workspace ({codes}), nor a code for a new one (2 to 10 capital "
        "letters or digits, starting with a letter)."
    ),
    "exchange.cancelled": N_("Import stopped: nothing was imported."),
    # Trackers' exports (issue 18): Jira CSV, Trello JSON
    "exchange.archived_skipped": NP_(
        "{count} archived card left out", "{count} archived cards left out"
    ),
    "exchange.held_back": NP_(
        "{count} need without a description kept in the first column to be qualified",
        "{count} needs without a description kept in the first column to be qualified",
    ),
    "exchange.due_date": N_("Due date in {tool}: {date}"),
    "exchange.not_trello": N_(
        "{file} is not a Trello board: export it from the board's menu (Print, export and "
        "share → Export as JSON)."
    ),
    "exchange.not_jira": N_(
        "{file} is not a Jira export: it has no “Summary” and “Issue key” columns. Export "
        "the issues from Jira's search (Export → CSV, all fields or current fields)."
    ),
    "exchange.bad_date": N_("“{value}” is not a date as Jira writes them (15/Sep/25 6:42 PM)."),
    "exchange.summary_and_sprints": N_("{summary} {sprints}"),
    "exchange.sprints_created": NP_(
        "{count} sprint created, its dates to check in the calendar: {sprints}.",
        "{count} sprints created, their dates to check in the calendar: {sprints}.",
    ),
    "exchange.sprints_to_create": NP_(
        "{count} sprint to create, its dates to check in the calendar: {sprints}.",
        "{count} sprints to create, their dates to check in the calendar: {sprints}.",
    ),
    "exchange.sprint_from_issues": N_("{name} ({start} to {end}, from its issues' dates)"),
    "exchange.sprint_placed": N_("{name} ({start} to {end}, placed after the team's last sprint)"),
    # What of a Trello card fills each column, as Trello names it (the import assistant)
    "trello.card_name": N_("Card name"),
    "trello.description": N_("Description"),
    "trello.list": N_("List"),
    "trello.labels": N_("Labels"),
    "trello.checklists": N_("Checklists"),
    # A Trello label without a name is its colour (a tag of the user's language)
    "trello.green": N_("green"),
    "trello.yellow": N_("yellow"),
    "trello.orange": N_("orange"),
    "trello.red": N_("red"),
    "trello.purple": N_("purple"),
    "trello.blue": N_("blue"),
    "trello.sky": N_("sky blue"),
    "trello.lime": N_("lime green"),
    "trello.pink": N_("pink"),
    "trello.black": N_("black"),
    "trello.dark": N_("dark {colour}"),
    "trello.light": N_("light {colour}"),
}

FIELD_LABELS: dict[str, str] = {
    "title": N_("Title"),
    "problem": N_("Problem statement"),
    "solution": N_("Proposed solution"),
    "requester": N_("Requester"),
    "source": N_("Source"),
    "business_unit": N_("Business unit"),
    "technical": N_("Technical"),
    "project": N_("Project"),
    "status": N_("Status"),
    "column": N_("Column"),
    "points": N_("Story points"),
    "sprint": N_("Sprint"),
    "tags": N_("Tags"),
    "acceptance": N_("Acceptance criteria"),
    "external_ref": N_("External reference"),
    "key": N_("Key"),
    "code": N_("Code"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "color": N_("Colour"),
    "role": N_("Role"),
    "availability": N_("Availability"),
    "email": N_("E-mail"),
    "login": N_("Login"),
    "wip_limit": N_("WIP limit"),
    "entry_rules": N_("Entry rules"),
    "assignee": N_("Assignee"),
    "needs": N_("Number of needs"),
    "decision": N_("Decision"),
    "rationale": N_("Rationale"),
    "decided_by": N_("Decided by"),
    "preset": N_("Grid preset"),
    "goal": N_("Goal"),
    "team": N_("Team"),
    "focus_factor": N_("Focus factor"),
    "start": N_("Start"),
    "end": N_("End"),
    "duration_minutes": N_("Duration (minutes)"),
    "location": N_("Location"),
    "notes": N_("Notes"),
    "reason": N_("Reason"),
    "comment": N_("Comment"),
    "author": N_("Author"),
    "attachment": N_("Attachment"),
    "link": N_("Link"),
    "auto_archive_days": N_("Days before a done need is archived"),
}

CHOICE_LABELS: dict[str, str] = {
    "external": N_("external"),
    "internal": N_("internal"),
    "rnd": N_("R&D"),
    "customer": N_("customer"),
    "team": N_("internal team"),
    "other": N_("other"),
    "pending": N_("pending"),
    "go": N_("go"),
    "no_go": N_("no go"),
    "explore": N_("explore"),
    "planned": N_("planned"),
    "active": N_("active"),
    "closed": N_("closed"),
    "planning": N_("sprint planning"),
    "daily": N_("daily scrum"),
    "review": N_("sprint review"),
    "retro": N_("retrospective"),
    "refinement": N_("backlog refinement"),
}

BACKUP_REASONS: dict[str, str] = {
    "open": N_("on opening"),
    "auto": N_("automatic"),
    "manual": N_("manual"),
    "before-replace": N_("before replacing"),
    "before-restore": N_("before restoring"),
    "before-upgrade": N_("before upgrading"),
}


def backup_reason(reason: str, lang: str | None = None) -> str:
    """ "before-upgrade-from-0002" reads "before upgrading (0002)"."""
    if reason.startswith("before-upgrade-from-"):
        revision = reason.removeprefix("before-upgrade-from-")
        return f"{gettext(BACKUP_REASONS['before-upgrade'], lang)} ({revision})"
    text = BACKUP_REASONS.get(reason)
    return gettext(text, lang) if text else reason


def field_label(name: str, lang: str | None = None) -> str:
    text = FIELD_LABELS.get(name)
    return gettext(text, lang) if text else name


def choice_label(value: str, lang: str | None = None) -> str:
    text = CHOICE_LABELS.get(value)
    return gettext(text, lang) if text else value


def labels_in_every_language(text: str) -> tuple[str, ...]:
    """``text`` and its translations: what a file written in any language may say."""
    return tuple(dict.fromkeys(gettext(text, lang) for lang in LANGUAGES))


def _count_of(value: Any) -> int:
    return value.value if isinstance(value, Count) else int(value)


def translate(msg_id: str, lang: str | None = None, **params: Any) -> str:
    """The message in ``lang``; every value from the user or a file is bounded (see
    :func:`bounded`), so a 10,000-column header or a 200 KB cell makes a short line.
    A message with two forms takes the one its ``count`` asks for."""
    entry = _CATALOG.get(msg_id)
    if entry is None:
        return msg_id
    if isinstance(entry, Plural):
        text = plural(entry, _count_of(params.get("count", 0)), lang)
        if isinstance(params.get("count"), int):
            params = {**params, "count": Count(params["count"])}
    else:
        text = gettext(entry, lang)
    rendered = {name: bounded(name, value, lang) for name, value in params.items()}
    if "field" in rendered and isinstance(rendered["field"], str):
        rendered["field"] = field_label(rendered["field"], lang)
    return text.format(**rendered)


@dataclass(frozen=True)
class Message:
    """A translatable message: rendered late, in whichever language asks."""

    msg_id: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return translate(self.msg_id, lang, **self.params)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Verbatim:
    """Text already rendered (and bounded) that a message includes as it is."""

    text: str

    def render(self, lang: str | None = None) -> str:
        return self.text


@dataclass(frozen=True)
class Bilingual:
    """A user-defined text kept in both languages (a criterion's label): picked when shown."""

    fr: str
    en: str

    def render(self, lang: str | None = None) -> str:
        return self.fr if (lang or language()) == "fr" else self.en


# ----- Bounded values and system errors in the user's words (issue 15) -----------------

MAX_ITEMS = 10
"""A message lists at most this many items, then says how many more there are."""
MAX_VALUE = 200
"""Characters of one quoted value (a name, a cell, a column) in a message."""
MAX_PATH = 400
"""Characters of a path in a message: its start and its end (the file name) are kept."""
PATH_PARAMS = frozenset({"path", "file", "folder", "log", "source", "kept"})


def clip(text: str, limit: int = MAX_VALUE) -> str:
    """``text`` cut at ``limit`` characters, an ellipsis saying so."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clip_path(text: str, limit: int = MAX_PATH) -> str:
    """A long path cut in its middle: where it starts and its file name stay readable."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 3
    tail = limit - 1 - head
    return text[:head] + "…" + text[-tail:]


def thousands(count: int) -> Count:
    """A count as each language groups its digits: 9 990 (narrow spaces), 9,990."""
    return Count(count)


@dataclass(frozen=True)
class Listing:
    """Names or values listed in a message: at most ``limit`` of them, each clipped, then
    "and N more". ``quoted`` puts each in the language's quotation marks. Messages and
    labels among the items are rendered in the language the listing is."""

    items: tuple[str | Message | Label, ...]
    quoted: bool = False
    limit: int | None = MAX_ITEMS

    def render(self, lang: str | None = None) -> str:
        shown = self.items if self.limit is None else self.items[: self.limit]
        opening, closing = ("«\u00a0", "\u00a0»") if (lang or language()) == "fr" else ("“", "”")
        words = [item if isinstance(item, str) else item.render(lang) for item in shown]
        texts = [f"{opening}{clip(item)}{closing}" if self.quoted else clip(item) for item in words]
        text = ", ".join(texts)
        hidden = len(self.items) - len(shown)
        if hidden:
            text = translate("list.more", lang, items=Verbatim(text), count=hidden)
        return text

    def __str__(self) -> str:
        return self.render()


def listing(
    items: Iterable[object], *, quoted: bool = False, limit: int | None = MAX_ITEMS
) -> Listing:
    """What a message shows of a list (see :class:`Listing`)."""
    return Listing(
        tuple(item if isinstance(item, Message | Label) else str(item) for item in items),
        quoted,
        limit,
    )


@dataclass(frozen=True)
class Label:
    """A field's name (``kind`` "field") or a choice's (``kind`` "choice") as the user reads
    it, in the language of the message that lists it: a file's column « Défi à relever »,
    not ``problem``; a source « client », not ``customer``."""

    kind: Literal["field", "choice"]
    name: str

    def render(self, lang: str | None = None) -> str:
        if self.kind == "field":
            return field_label(self.name, lang)
        return choice_label(self.name, lang)


def bounded(name: str, value: Any, lang: str | None = None) -> Any:
    """A message parameter as shown: messages and lists rendered in ``lang``, texts
    clipped (paths in their middle); numbers as they are."""
    if isinstance(value, Message | Listing | Count | Day | Clock | Number | FileSize | Verbatim):
        return value.render(lang)
    if isinstance(value, Bilingual):
        return clip(value.render(lang))
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, os.PathLike) or name in PATH_PARAMS:
        return clip_path(os.fspath(value) if isinstance(value, os.PathLike) else str(value))
    return clip(str(value))


def _errno_ids() -> dict[int, str]:
    names = {
        "ENOSPC": "os.no_space",
        "EDQUOT": "os.quota",
        "EROFS": "os.read_only",
        "EACCES": "os.denied",
        "EPERM": "os.denied",
        "EBUSY": "os.busy",
        "ETXTBSY": "os.busy",
        "ENOENT": "os.not_found",
        "EISDIR": "os.is_folder",
        "ENOTDIR": "os.not_folder",
        "ENAMETOOLONG": "os.name_too_long",
        "EIO": "os.io",
        "EMFILE": "os.too_many_files",
        "ENFILE": "os.too_many_files",
        "EEXIST": "os.exists",
        "EFBIG": "os.too_big",
        "ENODEV": "os.gone",
        "ENXIO": "os.gone",
        "ENOMEDIUM": "os.gone",
        "ESTALE": "os.gone",
        "ENOTCONN": "os.gone",
        "EHOSTDOWN": "os.gone",
        "ENOTSUP": "os.unsupported",
        "EOPNOTSUPP": "os.unsupported",
        "EILSEQ": "os.bad_name",
    }
    # Not every system has every code (Windows lacks EDQUOT and ENOMEDIUM).
    return {getattr(errno, code): msg for code, msg in names.items() if hasattr(errno, code)}


OS_ERRORS = _errno_ids()
"""errno → the message that says it to a user; any other code is named, not described."""
_WINDOWS_SHARING = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_BAD_NAME = 123  # ERROR_INVALID_NAME: "?" or ":" in a file name


def os_reason(exc: OSError) -> Message:
    """Why a file operation failed, in the user's language: never Python's English
    ``strerror`` ("No space left on device") inside a French sentence."""
    if getattr(exc, "winerror", None) in _WINDOWS_SHARING:
        return Message("os.busy")
    if getattr(exc, "winerror", None) == _WINDOWS_BAD_NAME:
        return Message("os.bad_name")
    msg_id = OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    if msg_id is not None:
        return Message(msg_id)
    if exc.errno is not None:
        code = errno.errorcode.get(exc.errno, str(exc.errno))
    else:
        code = type(exc).__name__
    return Message("os.other", {"code": code})


def os_message(exc: OSError) -> Message:
    """A whole sentence for an OSError that reached the user with nothing better to say."""
    if exc.filename is not None:
        return Message("file.failed", {"path": str(exc.filename), "reason": os_reason(exc)})
    return Message("file.failed_no_path", {"reason": os_reason(exc)})


_SQLITE_IDS = {
    3: "os.denied",  # SQLITE_PERM
    5: "sqlite.busy",  # SQLITE_BUSY
    6: "sqlite.busy",  # SQLITE_LOCKED
    7: "sqlite.no_memory",  # SQLITE_NOMEM
    8: "os.read_only",  # SQLITE_READONLY
    10: "sqlite.io",  # SQLITE_IOERR
    11: "sqlite.corrupt",  # SQLITE_CORRUPT
    13: "os.no_space",  # SQLITE_FULL
    14: "sqlite.cant_open",  # SQLITE_CANTOPEN
    18: "sqlite.too_big",  # SQLITE_TOOBIG
    19: "sqlite.constraint",  # SQLITE_CONSTRAINT
    26: "sqlite.corrupt",  # SQLITE_NOTADB
}


def sqlite_reason(code: int | None, name: str | None = None) -> Message:
    """An SQLite error (``sqlite3.Error.sqlite_errorcode`` and ``sqlite_errorname``) in the
    user's language; SQLite's own English ("disk I/O error") is left to the log."""
    msg_id = _SQLITE_IDS.get(code & 0xFF) if code is not None else None
    if msg_id is not None:
        return Message(msg_id)
    return Message("sqlite.other", {"code": name or (str(code) if code is not None else "?")})


def server_reason(sqlstate: str | None) -> Message:
    """A PostgreSQL error by its SQLSTATE code; the server's English is left to the log."""
    return Message("server.other", {"code": sqlstate or "?"})


def day_label(day: Any) -> Day:
    """A date as each language writes it: 14 juil. 2027, 14 Jul 2027."""
    return Day(day)


def known_ids() -> frozenset[str]:
    return frozenset(_CATALOG)


_ARGPARSE = frozenset(
    {
        N_("usage: "),
        N_("positional arguments"),
        N_("options"),
        N_("show this help message and exit"),
        N_("%(prog)s: error: %(message)s\n"),
        N_("the following arguments are required: %s"),
        N_("unrecognized arguments: %s"),
        N_("invalid choice: %(value)r (choose from %(choices)s)"),
        N_("argument %(argument_name)s: %(message)s"),
        N_("expected one argument"),
        N_("expected at least one argument"),
        N_("expected at most one argument"),
        N_("invalid %(type)s value: %(value)r"),
        N_("not allowed with argument %s"),
        N_("one of the arguments %s is required"),
        N_("ambiguous option: %(option)s could match %(matches)s"),
        N_("ignored explicit argument %r"),
    }
)
"""argparse's own words that a user of the command line meets."""


def argparse_text(text: str, lang: str | None = None) -> str:
    """argparse's own words (usage, errors) in the user's language."""
    return gettext(text, lang) if text in _ARGPARSE else text
