"""Messages that outlive Qt: service errors and CLI output, in French and English.

Qt widgets translate their own strings with Qt Linguist; errors raised below the
UI (services, CSV import, database checks) carry a message id and parameters and
are rendered in the user's language here, so the CLI can show them without Qt.
"""

from __future__ import annotations

import errno
import locale
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("fr", "en")

_CATALOG: dict[str, tuple[str, str]] = {
    # id: (French, English)
    "field.required": ("Le champ « {field} » est obligatoire.", "The field “{field}” is required."),
    "field.too_long": (
        "Le champ « {field} » dépasse {max} caractères.",
        "The field “{field}” is longer than {max} characters.",
    ),
    "field.bad_character": (
        "Le champ « {field} » contient un caractère de contrôle ou invalide ({char}) "
        "qui ne peut pas être enregistré : supprimez-le.",
        "The field “{field}” contains a control or invalid character ({char}) "
        "that cannot be saved: remove it.",
    ),
    "field.bad_choice": (
        "Valeur « {value} » invalide pour « {field} » ; valeurs possibles : {choices}.",
        "Invalid value “{value}” for “{field}”; expected one of: {choices}.",
    ),
    "field.bad_number": (
        "« {value} » n'est pas un nombre valide pour « {field} ».",
        "“{value}” is not a valid number for “{field}”.",
    ),
    "field.out_of_range": (
        "« {field} » doit être compris entre {min} et {max} (reçu : {value}).",
        "“{field}” must be between {min} and {max} (got {value}).",
    ),
    "field.bad_color": (
        "Couleur « {value} » invalide : utilisez la forme #RRGGBB.",
        "Invalid colour “{value}”: use the form #RRGGBB.",
    ),
    "field.bad_bool": (
        "« {value} » n'est pas une valeur oui/non valide pour « {field} ».",
        "“{value}” is not a valid yes/no value for “{field}”.",
    ),
    "name.ambiguous": (
        "« {ref} » désigne plusieurs éléments : {names}. Saisissez le nom exact, accents compris.",
        "“{ref}” matches more than one name: {names}. Type the exact name, accents included.",
    ),
    "tag.invalid": (
        "L'étiquette « {tag} » est invalide (pas de virgule, 40 caractères au plus).",
        "The tag “{tag}” is invalid (no comma, at most 40 characters).",
    ),
    "project.bad_code": (
        "Code projet « {code} » invalide : 2 à 10 lettres majuscules ou chiffres, "
        "commençant par une lettre (ex. ERP).",
        "Invalid project code “{code}”: 2 to 10 capital letters or digits, "
        "starting with a letter (e.g. ERP).",
    ),
    "project.code_taken": (
        "Le code projet « {code} » est déjà utilisé.",
        "The project code “{code}” is already in use.",
    ),
    "project.not_found": ("Projet introuvable : {ref}.", "Project not found: {ref}."),
    "project.has_needs": (
        "Le projet « {code} » contient {count} besoin(s) : archivez-le ou déplacez-les d'abord.",
        "Project “{code}” still has {count} need(s): archive it or move them first.",
    ),
    "project.archived": (
        "Le projet « {code} » est archivé : on ne peut plus y ajouter de besoin.",
        "Project “{code}” is archived: no new need can be added to it.",
    ),
    "person.not_found": ("Personne introuvable : {ref}.", "Person not found: {ref}."),
    "person.in_use": (
        "« {name} » est affecté(e) à {count} besoin(s) ou projet(s) : réaffectez-les d'abord.",
        "“{name}” is assigned to {count} need(s) or project(s): reassign them first.",
    ),
    "need.not_found": ("Besoin introuvable : {ref}.", "Need not found: {ref}."),
    "need.key_taken": ("La clé {key} est déjà utilisée.", "The key {key} is already in use."),
    "need.bad_key": (
        "Clé « {key} » invalide : attendu CODE-NUMÉRO, par ex. ERP-12.",
        "Invalid key “{key}”: expected CODE-NUMBER, e.g. ERP-12.",
    ),
    "need.key_project_mismatch": (
        "La clé {key} ne correspond pas au projet {code}.",
        "The key {key} does not belong to project {code}.",
    ),
    "column.not_found": ("Colonne introuvable : {ref}.", "Column not found: {ref}."),
    "column.name_taken": (
        "Une colonne s'appelle déjà « {name} ».",
        "A column named “{name}” already exists.",
    ),
    "column.not_empty": (
        "La colonne « {name} » contient {count} besoin(s) : déplacez-les avant de la supprimer.",
        "Column “{name}” still holds {count} need(s): move them before removing it.",
    ),
    "column.last": (
        "Le tableau doit garder au moins une colonne.",
        "The board must keep at least one column.",
    ),
    "sprint.not_found": ("Sprint introuvable : {ref}.", "Sprint not found: {ref}."),
    "scoring.no_grid": (
        "Aucune grille de cotation dans cette base.",
        "There is no scoring grid in this database.",
    ),
    "scoring.grid_not_found": (
        "Grille de cotation introuvable : {ref}.",
        "Scoring grid not found: {ref}.",
    ),
    "scoring.grid_name_taken": (
        "Une grille s'appelle déjà « {name} ».",
        "A grid named “{name}” already exists.",
    ),
    "scoring.grid_in_use": (
        "Des besoins ont été cotés avec la grille « {name} » : elle est gardée pour que ces "
        "cotations gardent leur grille.",
        "Needs were scored with the grid “{name}”: it stays so that those assessments keep "
        "their grid.",
    ),
    "scoring.last_grid": (
        "La base doit garder au moins une grille de cotation.",
        "The database must keep at least one scoring grid.",
    ),
    "scoring.criterion_label": (
        "Chaque critère a besoin d'un nom.",
        "Every criterion needs a name.",
    ),
    "scoring.criterion_repeated": (
        "Le critère « {criterion} » apparaît deux fois dans la grille.",
        "The criterion “{criterion}” appears twice in the grid.",
    ),
    "scoring.problem_first": (
        "Formulez d'abord le défi à relever (le besoin réel) : on ne cote pas une solution.",
        "State the problem first (the real need): a solution alone cannot be scored.",
    ),
    "scoring.rationale_required": (
        "Expliquez un no go ou un « à explorer » : le demandeur lira cette justification.",
        "Explain a no-go or an explore decision: the requester will read this rationale.",
    ),
    "scoring.version_not_found": (
        "Version de cotation introuvable : {ref}.",
        "Assessment version not found: {ref}.",
    ),
    "scoring.bad_number": (
        "« {value} » n'est pas un nombre valide pour « {criterion} ».",
        "“{value}” is not a valid number for “{criterion}”.",
    ),
    "scoring.no_criterion": (
        "Une grille de cotation doit compter au moins un critère.",
        "A scoring grid needs at least one criterion.",
    ),
    "scoring.bad_weight": (
        "Le poids de « {criterion} » doit être un nombre positif (reçu : {weight}).",
        "The weight of “{criterion}” must be a positive number (got {weight}).",
    ),
    "scoring.empty_scale": (
        "L'échelle de « {criterion} » doit aller d'un minimum à un maximum plus grand.",
        "The scale of “{criterion}” must go from a minimum to a larger maximum.",
    ),
    "scoring.missing_value": (
        "Donnez une valeur pour « {criterion} ».",
        "Give a value for “{criterion}”.",
    ),
    "scoring.out_of_range": (
        "« {criterion} » doit être compris entre {min} et {max} (reçu : {value}).",
        "“{criterion}” must be between {min} and {max} (got {value}).",
    ),
    "scoring.formula_scale": (
        "L'échelle de « {criterion} » ne peut pas commencer sous 0, ni à 0 pour un diviseur "
        "(formule {formula}) : un effort nul n'existe pas.",
        "The scale of “{criterion}” cannot start below 0, nor at 0 for a divisor "
        "({formula} formula): no work takes zero effort.",
    ),
    "scoring.missing_role": (
        "La grille {formula} doit avoir un critère « {role} ».",
        "The {formula} grid needs a “{role}” criterion.",
    ),
    "sprint.closed": (
        "Le sprint « {name} » est clos : on ne peut plus y ajouter de besoin.",
        "The sprint “{name}” is closed: no need can be added to it.",
    ),
    "column.name_repeated": (
        "Deux colonnes portent le nom « {name} » : chaque colonne doit avoir son propre nom.",
        "Two columns are named “{name}”: each column needs a name of its own.",
    ),
    "csv.empty": ("Le fichier {file} est vide.", "The file {file} is empty."),
    "csv.encoding": (
        "Le fichier {file} n'est ni en UTF-8, ni en UTF-16, ni en Windows-1252 : "
        "enregistrez-le au format CSV UTF-8.",
        "The file {file} is neither UTF-8, UTF-16 nor Windows-1252: save it as CSV UTF-8.",
    ),
    "csv.missing_columns": (
        "Colonnes manquantes dans l'en-tête : {columns}. Colonnes attendues : {expected}.",
        "Missing header columns: {columns}. Expected columns: {expected}.",
    ),
    "csv.unknown_columns": (
        "Colonnes inconnues dans l'en-tête : {columns}.",
        "Unknown header columns: {columns}.",
    ),
    "csv.row": (
        "Ligne {line} : {problem} Rien n'a été importé.",
        "Line {line}: {problem} Nothing was imported.",
    ),
    "csv.bad_row_length": (
        "{count} valeurs au lieu de {expected}.",
        "{count} values instead of {expected}.",
    ),
    "csv.duplicate_key": (
        "la clé {key} apparaît deux fois dans le fichier.",
        "the key {key} appears twice in the file.",
    ),
    "csv.malformed": (
        "Ligne {line} : fichier CSV mal formé ({detail}). Rien n'a été importé.",
        "Line {line}: malformed CSV file ({detail}). Nothing was imported.",
    ),
    "csv.duplicate_columns": (
        "Colonnes en double dans l'en-tête : {columns}.",
        "Duplicate header columns: {columns}.",
    ),
    "db.not_found": ("Fichier introuvable : {path}.", "File not found: {path}."),
    "db.empty_file": (
        "{path} est un fichier vide, pas une base PO Desktop. "
        "Choisissez un nouveau nom de fichier pour créer une base.",
        "{path} is an empty file, not a PO Desktop database. "
        "Choose a new file name to create a database.",
    ),
    "db.not_sqlite": (
        "{path} n'est pas une base PO Desktop (ce n'est pas un fichier SQLite). "
        "Le fichier n'a pas été modifié.",
        "{path} is not a PO Desktop database (it is not an SQLite file). "
        "The file was left untouched.",
    ),
    "db.foreign": (
        "{path} est une base SQLite d'une autre application, pas une base PO Desktop. "
        "Le fichier n'a pas été modifié.",
        "{path} is an SQLite database of another application, not a PO Desktop database. "
        "The file was left untouched.",
    ),
    "db.corrupt": (
        "{path} est endommagé ({detail}). Le fichier n'a pas été modifié ; "
        "restaurez une sauvegarde.",
        "{path} is damaged ({detail}). The file was left untouched; restore a backup.",
    ),
    "db.too_new": (
        "{path} a été créé par une version plus récente de PO Desktop (schéma {revision}). "
        "Mettez l'application à jour.",
        "{path} was created by a newer version of PO Desktop (schema {revision}). "
        "Please update the application.",
    ),
    "db.locked": (
        "{path} est déjà ouvert par une autre instance de PO Desktop ({owner}). Fermez-la d'abord.",
        "{path} is already open in another PO Desktop instance ({owner}). Close it first.",
    ),
    "db.lock_failed": (
        "Impossible de réserver {path} pour cette instance ({detail}) : le dossier est-il "
        "en lecture seule ?",
        "Cannot reserve {path} for this instance ({detail}): is the folder read-only?",
    ),
    "db.output_is_database": (
        "{path} est la base ouverte elle-même : choisissez un autre fichier de sortie.",
        "{path} is the open database itself: choose another output file.",
    ),
    "db.read_only": (
        "{path} est en lecture seule : impossible d'y enregistrer.",
        "{path} is read-only: changes cannot be saved.",
    ),
    "db.busy": (
        "La base est occupée par un autre programme ; réessayez dans un instant.",
        "The database is busy in another program; try again in a moment.",
    ),
    "db.full": (
        "Le disque est plein : la modification n'a pas été enregistrée et la base est "
        "intacte. Libérez de la place puis recommencez.",
        "The disk is full: the change was not saved and the database is intact. "
        "Free some space, then try again.",
    ),
    "db.busy_file": (
        "{path} est utilisé par un autre programme. Fermez-le puis réessayez ; "
        "le fichier n'a pas été modifié.",
        "{path} is in use by another program. Close it, then try again; "
        "the file was left untouched.",
    ),
    "db.write_failed": (
        "Échec de l'enregistrement ({detail}) ; aucune modification n'a été appliquée.",
        "Saving failed ({detail}); no change was applied.",
    ),
    "db.exists": (
        "{path} existe déjà ; utilisez --force pour le remplacer.",
        "{path} already exists; use --force to replace it.",
    ),
    # File safety (issue 15)
    "db.disk_full": (
        "Le disque qui contient {path} est plein : rien n'a été modifié. "
        "Libérez de la place, puis recommencez.",
        "The disk holding {path} is full: nothing was changed. Free some space, then try again.",
    ),
    "db.cannot_write": (
        "Impossible d'écrire dans {path} : le support est en lecture seule ou vous n'en avez "
        "pas le droit. Rien n'a été modifié ; choisissez un dossier où vous pouvez écrire.",
        "Cannot write to {path}: the medium is read-only or you lack the permission. Nothing "
        "was changed; choose a folder you can write to.",
    ),
    "db.io_error": (
        "Erreur d'entrée-sortie sur le disque de {path} ({detail}) : le support est peut-être "
        "défaillant ou déconnecté. Rien n'a été modifié ; rebranchez-le ou vérifiez-le, et "
        "copiez vos sauvegardes en lieu sûr.",
        "Input/output error on the disk of {path} ({detail}): the medium may be failing or "
        "disconnected. Nothing was changed; reconnect or check it, and copy your backups to a "
        "safe place.",
    ),
    "db.cannot_open": (
        "Impossible d'ouvrir {path} ({detail}) : vérifiez que le fichier est accessible "
        "(droits, disque branché). Le fichier n'a pas été modifié.",
        "Cannot open {path} ({detail}): check that the file can be reached (permissions, "
        "disk connected). The file was left untouched.",
    ),
    "db.name_too_long": (
        "Le nom « {name} » fait {length} octets : SQLite ne peut pas utiliser un nom de plus de "
        "{limit} octets (il y ajoute « -journal »). Choisissez un nom plus court ; rien n'a "
        "été créé ni modifié.",
        "The name “{name}” is {length} bytes long: SQLite cannot use a name longer than {limit} "
        "bytes (it adds “-journal” to it). Choose a shorter name; nothing was created or "
        "changed.",
    ),
    "db.path_too_long": (
        "Le chemin {path} fait {length} octets : SQLite ne peut pas ouvrir un chemin de plus de "
        "{limit} octets. Choisissez un dossier moins profond ou un nom plus court ; rien n'a "
        "été créé ni modifié.",
        "The path {path} is {length} bytes long: SQLite cannot open a path longer than {limit} "
        "bytes. Choose a shallower folder or a shorter name; nothing was created or changed.",
    ),
    "db.ro_recovery": (
        "{path} garde des modifications interrompues par un arrêt brutal (fichier « -journal » "
        "ou « -wal » à côté), qui doivent être terminées ou annulées, mais ni le fichier ni son "
        "dossier ne peuvent être modifiés ici. Copiez-le avec ses fichiers « -journal », "
        "« -wal » et « -shm » dans un dossier où vous pouvez écrire, puis ouvrez la copie ; "
        "rien n'a été modifié.",
        "{path} holds changes interrupted by a crash (a “-journal” or “-wal” file beside it) "
        "that must be finished or undone, but neither the file nor its folder can be written "
        "here. Copy it with its “-journal”, “-wal” and “-shm” files to a folder you can write "
        "to, then open the copy; nothing was changed.",
    ),
    "db.ro.medium": (
        "{path} est sur un support en lecture seule (clé USB verrouillée, partage en lecture "
        "seule, CD)",
        "{path} is on a read-only medium (a locked USB stick, a read-only share, a CD)",
    ),
    "db.ro.file": (
        "vous n'avez pas le droit de modifier {path}",
        "you are not allowed to change {path}",
    ),
    "db.ro.folder": (
        "vous n'avez pas le droit d'écrire dans le dossier de {path}, où la base range ses "
        "fichiers de travail",
        "you are not allowed to write to the folder of {path}, where the database keeps its "
        "working files",
    ),
    "db.ro.links": (
        "{path} porte {count} noms (liens physiques) : deux instances pourraient l'écrire en même "
        "temps sous deux noms",
        "{path} has {count} names (hard links): two instances could write it at once under "
        "two names",
    ),
    "db.ro.asked": (
        "{path} est ouvert en lecture seule à votre demande",
        "{path} was opened read-only as you asked",
    ),
    "db.opened_read_only": (
        "Lecture seule : {reason}. Vous pouvez consulter, exporter et imprimer ; pour modifier, "
        "copiez le fichier dans un dossier où vous pouvez écrire et ouvrez la copie.",
        "Read-only: {reason}. You can browse, export and print; to make changes, copy the file "
        "to a folder you can write to and open the copy.",
    ),
    "db.read_only_write": (
        "Cette base est ouverte en lecture seule ({reason}) : la modification n'a pas été "
        "enregistrée.",
        "This database is open read-only ({reason}): the change was not saved.",
    ),
    "db.upgrade_needs_write": (
        "{path} doit être mis à niveau (schéma {revision} vers {head}) pour cette version, mais "
        "{reason}. Copiez-le dans un dossier où vous pouvez écrire et ouvrez la copie ; rien "
        "n'a été modifié.",
        "{path} needs an upgrade (schema {revision} to {head}) for this version, but {reason}. "
        "Copy it to a folder you can write to and open the copy; nothing was changed.",
    ),
    "db.needs_write": (
        "Impossible d'ouvrir la base pour la modifier : {reason}. Rien n'a été modifié.",
        "Cannot open the database for changes: {reason}. Nothing was changed.",
    ),
    "db.lock_unsafe": (
        "{lock} n'est pas un fichier ordinaire (lien symbolique, lien physique ou autre) : "
        "PO Desktop ne s'en sert pas pour réserver {path} et n'y a rien écrit. Supprimez-le, "
        "puis réessayez.",
        "{lock} is not an ordinary file (a symbolic link, a hard link or other): PO Desktop "
        "will not use it to reserve {path} and wrote nothing to it. Remove it, then try again.",
    ),
    "db.locked_elsewhere": (
        "{path} est déjà ouvert par une autre instance de PO Desktop, sous un autre nom (un "
        "lien vers le même fichier). Fermez-la d'abord.",
        "{path} is already open in another PO Desktop instance, under another name (a link "
        "to the same file). Close it first.",
    ),
    "backup.restore_record": (
        "Une restauration de {path} a été interrompue et son journal {record} est illisible : "
        "rien n'a été touché. Le fichier d'avant est à côté, sous un nom finissant par "
        "« .before-restore-… » ; supprimez le journal une fois les fichiers vérifiés.",
        "A restore of {path} was interrupted and its record {record} cannot be read: nothing "
        "was touched. The previous file is beside it, under a name ending in "
        "“.before-restore-…”; remove the record once you have checked the files.",
    ),
    "backup.write_failed": (
        "Impossible d'écrire la sauvegarde {path} ({detail}). La base n'a pas été modifiée.",
        "Cannot write the backup {path} ({detail}). The database was left untouched.",
    ),
    "backup.restore_failed": (
        "La restauration de {path} a échoué ({detail}) ; le fichier est resté tel quel.",
        "Restoring {path} failed ({detail}); the file was left as it was.",
    ),
    "backup.same_file": (
        "{path} est la base elle-même : choisissez une sauvegarde à restaurer.",
        "{path} is the database itself: choose a backup to restore.",
    ),
    # The change protocol (issue 17)
    "change.stale": (
        "Impossible d'annuler ou de rétablir : l'élément {table} {key} a été modifié depuis. "
        "Rien n'a été changé.",
        "Cannot undo or redo: the {table} item {key} was changed since. Nothing was changed.",
    ),
    # The open file deleted, moved or replaced (issue 15)
    "db.gone": (
        "Le fichier de cet espace de travail n'est plus à sa place ({path}) : supprimé, "
        "déplacé ou renommé par un autre programme. Rien de plus n'y sera enregistré : "
        "enregistrez l'espace ouvert dans un nouveau fichier (Fichier ▸ Enregistrer sous…).",
        "This workspace's file is no longer where it was ({path}): deleted, moved or "
        "renamed by another program. Nothing more will be saved there: save the open "
        "workspace to a new file (File ▸ Save as…).",
    ),
    "db.replaced": (
        "Le fichier de cet espace de travail a été remplacé par un autre ({path}), par "
        "exemple une ancienne copie remise par une synchronisation. Rien de plus n'y sera "
        "enregistré : enregistrez l'espace ouvert dans un nouveau fichier "
        "(Fichier ▸ Enregistrer sous…).",
        "This workspace's file was replaced by another one ({path}), for example an older "
        "copy put back by a sync tool. Nothing more will be saved there: save the open "
        "workspace to a new file (File ▸ Save as…).",
    ),
    "cli.unexpected": (
        "erreur inattendue ({error}). Le détail est dans {log}",
        "unexpected error ({error}). Details are in {log}",
    ),
    "cli.backup_done": (
        "Sauvegarde vérifiée : {path}",
        "Verified backup: {path}",
    ),
    "cli.backup_rotated": (
        "Anciennes sauvegardes automatiques supprimées : {count}",
        "Old automatic backups removed: {count}",
    ),
    "cli.backup_list_header": (
        "Sauvegardes de {path} (les plus récentes d'abord) :",
        "Backups of {path} (newest first):",
    ),
    "cli.backup_none": (
        "Aucune sauvegarde de {path} dans {folder}.",
        "No backup of {path} in {folder}.",
    ),
    "cli.restore_done": (
        "Base restaurée depuis {source}.",
        "Database restored from {source}.",
    ),
    "cli.restore_kept": (
        "L'ancien fichier est conservé : {path}",
        "The previous file is kept: {path}",
    ),
    "cli.help.description": (
        "PO Desktop : besoins, cotation, tableau et sprints pour product owners.",
        "PO Desktop: needs, scoring, board and sprints for product owners.",
    ),
    "cli.help.db": (
        "fichier de la base",
        "database file",
    ),
    "cli.help.lang": (
        "langue (fr ou en)",
        "language (fr or en)",
    ),
    "cli.help.debug": (
        "afficher la trace complète des erreurs",
        "show full error tracebacks",
    ),
    "cli.help.version": (
        "afficher la version et quitter",
        "show the version and exit",
    ),
    "cli.help.command_metavar": (
        "COMMANDE",
        "COMMAND",
    ),
    "cli.help.gui": (
        "ouvrir l'application (par défaut)",
        "open the application (default)",
    ),
    "cli.help.demo": (
        "créer une base de démonstration en français",
        "create a French demo workspace",
    ),
    "cli.help.demo_needs": (
        "nombre de besoins (240 par défaut)",
        "number of needs (default 240)",
    ),
    "cli.help.demo_seed": (
        "graine du hasard (7 par défaut)",
        "random seed (default 7)",
    ),
    "cli.help.demo_force": (
        "remplacer une base de démonstration existante (une copie est gardée)",
        "replace an existing demo database (a copy is kept)",
    ),
    "cli.help.check": (
        "vérifier l'intégrité, la version du schéma et les effectifs",
        "integrity check, schema version, counts",
    ),
    "cli.help.import-csv": (
        "importer des besoins depuis un fichier CSV ou un classeur (.xlsx) : "
        "l'ancien nom de « import »",
        "import needs from a CSV file or a workbook (.xlsx): the former name of “import”",
    ),
    "cli.help.export-csv": (
        "exporter les besoins vers un fichier CSV",
        "export needs to a CSV file",
    ),
    "cli.help.output": (
        "fichier à écrire",
        "file to write",
    ),
    "cli.help.output_optional": (
        "écrire dans ce fichier plutôt qu'à l'écran",
        "write to this file instead",
    ),
    "cli.help.sep": (
        "séparateur (; par défaut)",
        "separator (default ;)",
    ),
    "cli.help.project": (
        "seulement ce projet (code ou nom)",
        "only this project (code or name)",
    ),
    "cli.help.backlog": (
        "afficher le backlog classé (besoins ouverts par score)",
        "print the ranked backlog (open needs by score)",
    ),
    "cli.help.format": (
        "format de sortie (table par défaut)",
        "output format (default table)",
    ),
    "cli.help.grid": (
        "classer selon les cotations faites avec cette grille (nom ou numéro)",
        "rank by the assessments made with this grid (name or id)",
    ),
    "cli.help.capacity": (
        "capacité d'un sprint par personne et prévision",
        "a sprint's capacity per person and its forecast",
    ),
    "cli.help.sprint": (
        "nom ou numéro du sprint",
        "sprint name or id",
    ),
    "cli.help.ics": (
        "exporter sprints et rituels au format iCalendar",
        "export sprints and rituals to iCalendar",
    ),
    "cli.help.ics_sprint": (
        "seulement ce sprint (nom ou numéro) ; par défaut : tous",
        "only this sprint (name or id); default: every sprint",
    ),
    "cli.help.pack": (
        "imprimer le dossier de revue de sprint (PDF)",
        "print a sprint-review pack (PDF)",
    ),
    "cli.help.screenshot": (
        "enregistrer une vue en image PNG",
        "render a view to a PNG file",
    ),
    "cli.help.view": (
        "vue à enregistrer (main, board, …)",
        "view to render (main, board, ...)",
    ),
    "cli.help.size": (
        "LARGEURxHAUTEUR (1280x800 par défaut)",
        "WIDTHxHEIGHT (default 1280x800)",
    ),
    "cli.help.backup": (
        "faire maintenant une sauvegarde vérifiée de la base",
        "take a verified backup of the database now",
    ),
    "cli.help.backup_list": (
        "lister les sauvegardes au lieu d'en faire une",
        "list the backups instead of taking one",
    ),
    "cli.help.restore": (
        "remettre une sauvegarde à la place de la base (le fichier actuel est gardé à côté)",
        "put a backup in place of the database (the current file is kept aside)",
    ),
    "cli.help.from": (
        "sauvegarde à restaurer",
        "backup file to restore",
    ),
    "cli.demo_done": (
        "Base de démonstration créée : {path} ({needs} besoins).",
        "Demo database created: {path} ({needs} needs).",
    ),
    "cli.demo_backup": (
        "L'ancienne base a été sauvegardée dans {path}.",
        "The previous database was backed up to {path}.",
    ),
    "cli.check_file": ("Fichier : {path} ({size} octets)", "File: {path} ({size} bytes)"),
    "cli.check_schema": (
        "Version du schéma : {revision} (cette version de l'application : {head})",
        "Schema version: {revision} (this application: {head})",
    ),
    "cli.check_upgrade": (
        "Le schéma sera mis à jour (après sauvegarde) à la prochaine ouverture.",
        "The schema will be upgraded (after a backup) the next time it is opened.",
    ),
    "cli.check_problem": ("Problème : {problem}", "Problem: {problem}"),
    "cli.check_ok": ("Intégrité : OK", "Integrity: OK"),
    "cli.export_done": (
        "{count} besoin(s) exporté(s) dans {path}.",
        "{count} need(s) exported to {path}.",
    ),
    "cli.pack_done": (
        "Dossier de revue écrit : {path} ({pages} pages).",
        "Review pack written: {path} ({pages} pages).",
    ),
    "pack.no_sprint": (
        "Cette base ne contient aucun sprint : il n'y a pas de revue à imprimer.",
        "This database holds no sprint: there is no review to print.",
    ),
    "cli.ics_done": (
        "Calendrier écrit : {path} ({count} événements).",
        "Calendar written: {path} ({count} events).",
    ),
    "cli.screenshot_done": ("Capture enregistrée : {path}", "Screenshot saved: {path}"),
    "count.projects": ("Projets", "Projects"),
    "count.people": ("Personnes", "People"),
    "count.needs": ("Besoins", "Needs"),
    "count.columns": ("Colonnes", "Columns"),
    "count.sprints": ("Sprints", "Sprints"),
    "count.assessments": ("Cotations", "Assessments"),
    "count.ceremonies": ("Rituels", "Ceremonies"),
    "count.absences": ("Absences", "Absences"),
    "count.events": ("Événements", "Events"),
    "demo.not_empty": (
        "Les données de démonstration ne s'ajoutent qu'à un espace de travail neuf ; "
        "celui-ci contient déjà des données. Créez un nouveau fichier.",
        "Demo data can only go into a fresh workspace; this one already holds data. "
        "Create a new file.",
    ),
    "sprint.dates_order": (
        "La fin du sprint ({end}) doit suivre son début ({start}).",
        "The sprint's end ({end}) must come after its start ({start}).",
    ),
    "sprint.overlap": (
        "Ces dates chevauchent le sprint « {name} » ({start} → {end}) de la même équipe.",
        "These dates overlap the sprint “{name}” ({start} → {end}) of the same team.",
    ),
    "sprint.name_taken": (
        "Un sprint s'appelle déjà « {name} ».",
        "A sprint named “{name}” already exists.",
    ),
    "sprint.has_needs": (
        "Le sprint « {name} » contient encore des besoins ({count}) : remettez-les au backlog "
        "ou dans un autre sprint avant de le supprimer.",
        "The sprint “{name}” still holds needs ({count}): put them back in the backlog or in "
        "another sprint before deleting it.",
    ),
    "sprint.not_planned": (
        "Le sprint « {name} » a déjà commencé.",
        "The sprint “{name}” has already started.",
    ),
    "sprint.not_active": (
        "Le sprint « {name} » n'est pas en cours : seul un sprint en cours peut être clos.",
        "The sprint “{name}” is not active: only an active sprint can be closed.",
    ),
    "sprint.other_active": (
        "L'équipe a déjà un sprint en cours : « {name} ». Clôturez-le d'abord.",
        "The team already has an active sprint: “{name}”. Close it first.",
    ),
    "sprint.no_next": (
        "Aucun sprint prévu après « {name} » pour cette équipe : créez-le, ou renvoyez les "
        "besoins non terminés au backlog.",
        "No sprint is planned after “{name}” for this team: create one, or send the "
        "unfinished needs back to the backlog.",
    ),
    "sprint.bad_date": (
        "Date « {value} » invalide : attendu AAAA-MM-JJ, par ex. 2027-07-14.",
        "Invalid date “{value}”: expected YYYY-MM-DD, e.g. 2027-07-14.",
    ),
    "ceremony.not_found": ("Rituel introuvable : {ref}.", "Ceremony not found: {ref}."),
    "absence.not_found": ("Absence introuvable : {ref}.", "Absence not found: {ref}."),
    "absence.dates_order": (
        "La fin de l'absence ({end}) ne peut pas précéder son début ({start}).",
        "The absence's end ({end}) cannot come before its start ({start}).",
    ),
    "cadence.bad_count": (
        "Le nombre de sprints à créer doit aller de 1 à {max}.",
        "The number of sprints to create must be from 1 to {max}.",
    ),
    "cadence.bad_weeks": (
        "Un sprint dure de 1 à {max} semaines.",
        "A sprint lasts 1 to {max} weeks.",
    ),
    "cadence.no_working_day": (
        "Le sprint commençant le {start} ne compte aucun jour ouvré.",
        "The sprint starting on {start} has no working day.",
    ),
    "cli.bad_size": (
        "Taille « {value} » invalide : attendu LARGEURxHAUTEUR, par ex. 1280x800.",
        "Invalid size “{value}”: expected WIDTHxHEIGHT, e.g. 1280x800.",
    ),
    "cli.output_unwritable": (
        "Impossible d'écrire {path} : {detail}.",
        "Cannot write {path}: {detail}.",
    ),
    # Outputs and messages (issue 15)
    "output.failed": (
        "Impossible d'écrire {path} : {reason}. Un fichier existant à ce nom est resté tel quel.",
        "Cannot write {path}: {reason}. Any existing file of that name was left as it was.",
    ),
    "file.read_failed": ("Impossible de lire {path} : {reason}.", "Cannot read {path}: {reason}."),
    "file.failed": ("{path} : {reason}.", "{path}: {reason}."),
    "file.failed_no_path": (
        "Erreur du système de fichiers : {reason}.",
        "File system error: {reason}.",
    ),
    "os.no_space": ("le disque est plein", "the disk is full"),
    "os.quota": ("votre quota d'espace disque est atteint", "your disk quota is used up"),
    "os.read_only": ("le support est en lecture seule", "the medium is read-only"),
    "os.denied": (
        "l'accès est refusé (droits insuffisants sur le fichier ou le dossier)",
        "access is denied (no permission on the file or folder)",
    ),
    "os.busy": (
        "le fichier est utilisé par un autre programme",
        "the file is in use by another program",
    ),
    "os.not_found": ("le fichier ou le dossier n'existe pas", "the file or folder does not exist"),
    "os.is_folder": ("c'est un dossier, pas un fichier", "it is a folder, not a file"),
    "os.not_folder": (
        "une partie du chemin n'est pas un dossier",
        "part of the path is not a folder",
    ),
    "os.name_too_long": (
        "le nom est trop long pour ce système de fichiers",
        "the name is too long for this file system",
    ),
    "os.io": (
        "erreur d'entrée-sortie sur le support (disque endommagé ou retiré ?)",
        "input/output error on the medium (a damaged or removed disk?)",
    ),
    "os.too_many_files": (
        "trop de fichiers sont ouverts ; fermez des programmes puis réessayez",
        "too many files are open; close some programs, then try again",
    ),
    "os.exists": ("un fichier de ce nom existe déjà", "a file of that name already exists"),
    "os.too_big": (
        "le fichier dépasse la taille permise par ce système de fichiers",
        "the file is larger than this file system allows",
    ),
    "os.gone": (
        "le support ou le partage réseau n'est plus disponible",
        "the disk or network share is no longer available",
    ),
    "os.unsupported": (
        "ce système de fichiers ne permet pas cette opération",
        "this file system does not support the operation",
    ),
    "os.bad_name": (
        "le nom contient un caractère que ce système n'accepte pas",
        "the name holds a character this system does not accept",
    ),
    "os.other": ("erreur du système ({code})", "system error ({code})"),
    "sqlite.io": ("erreur d'entrée-sortie sur le disque", "disk input/output error"),
    "sqlite.corrupt": ("le fichier de la base est endommagé", "the database file is damaged"),
    "sqlite.cant_open": (
        "le fichier de la base ne peut pas être ouvert",
        "the database file cannot be opened",
    ),
    "sqlite.constraint": (
        "une règle d'intégrité de la base a été enfreinte",
        "a database integrity rule was broken",
    ),
    "sqlite.busy": (
        "la base est occupée par un autre programme",
        "the database is busy in another program",
    ),
    "sqlite.no_memory": ("mémoire insuffisante", "out of memory"),
    "sqlite.too_big": (
        "une valeur est trop grande pour la base",
        "a value is too large for the database",
    ),
    "sqlite.other": ("erreur SQLite {code}", "SQLite error {code}"),
    "list.more": ("{items} et {count} autres", "{items} and {count} more"),
    "csv.workbook": (
        "{file} est un classeur Excel, pas un fichier CSV : dans Excel, choisissez "
        "Fichier › Enregistrer sous › « CSV UTF-8 (délimité par des virgules) ».",
        "{file} is an Excel workbook, not a CSV file: in Excel, choose "
        "File › Save As › “CSV UTF-8 (Comma delimited)”.",
    ),
    "csv.opendocument": (
        "{file} est un classeur LibreOffice, pas un fichier CSV : dans LibreOffice, choisissez "
        "Fichier › Enregistrer sous › « Texte CSV », jeu de caractères Unicode (UTF-8).",
        "{file} is a LibreOffice spreadsheet, not a CSV file: in LibreOffice, choose "
        "File › Save As › “Text CSV”, character set Unicode (UTF-8).",
    ),
    "csv.binary": (
        "{file} n'est pas un fichier texte ({kind}) : enregistrez-le au format CSV UTF-8.",
        "{file} is not a text file ({kind}): save it as CSV UTF-8.",
    ),
    "csv.kind.zip": ("archive ZIP", "a ZIP archive"),
    "csv.kind.pdf": ("document PDF", "a PDF document"),
    "csv.kind.binary": ("contenu binaire", "binary content"),
    "csv.field_too_big": (
        "une valeur dépasse {limit} caractères",
        "a value is longer than {limit} characters",
    ),
    "csv.unclosed_quote": (
        "un guillemet ouvert n'est jamais refermé",
        "a quotation mark is opened and never closed",
    ),
    "csv.quote_in_field": (
        "un guillemet fermant doit être suivi du séparateur ou d'une fin de ligne",
        "a closing quotation mark must be followed by the separator or a line end",
    ),
    "csv.bad_syntax": ("syntaxe CSV invalide", "invalid CSV syntax"),
    "date.out_of_range": (
        "La date « {field} » ({value}) doit être comprise entre le {min} et le {max}.",
        "The date “{field}” ({value}) must be between {min} and {max}.",
    ),
    "sprint.dates_out_of_range": (
        "Le sprint « {name} » a des dates hors de la plage prise en charge "
        "({start} → {end}) : corrigez-les dans le calendrier (du {min} au {max}).",
        "The sprint “{name}” has dates outside the supported range ({start} → {end}): "
        "correct them in the calendar (from {min} to {max}).",
    ),
    "ceremony.date_out_of_range": (
        "Le rituel « {name} » a une date hors de la plage prise en charge ({start}) : "
        "corrigez-la dans le calendrier (du {min} au {max}).",
        "The ceremony “{name}” has a date outside the supported range ({start}): "
        "correct it in the calendar (from {min} to {max}).",
    ),
    "absence.dates_out_of_range": (
        "L'absence de {name} a des dates hors de la plage prise en charge "
        "({start} → {end}) : corrigez-les dans le calendrier (du {min} au {max}).",
        "The absence of {name} has dates outside the supported range ({start} → {end}): "
        "correct them in the calendar (from {min} to {max}).",
    ),
    "cli.skipped": ("Ignoré : {problem}", "Skipped: {problem}"),
    "cli.skipped_more": ("… et {count} autres ignorés.", "… and {count} more skipped."),
    "cli.interrupted_import": (
        "Interrompu : rien n'a été importé.",
        "Interrupted: nothing was imported.",
    ),
    "cli.interrupted": (
        "Interrompu : la commande s'est arrêtée avant la fin.",
        "Interrupted: the command stopped before the end.",
    ),
    "pack.layout": (
        "le dossier ne peut pas être mis en page (un élément est plus grand qu'une page)",
        "the pack cannot be laid out (one element is larger than a page)",
    ),
    # issue 18: exchange
    "field.ambiguous_number": (
        "« {value} » peut valoir {decimal} ou {grouped} selon le tableur qui l'a écrit : "
        "écrivez l'un ou l'autre dans « {field} ».",
        "“{value}” may be {decimal} or {grouped} depending on the spreadsheet that wrote it: "
        "write one or the other in “{field}”.",
    ),
    "exchange.yes": ("oui", "yes"),
    "exchange.no": ("non", "no"),
    "exchange.sheet_title": ("Besoins", "Needs"),
    "exchange.cell_too_long": (
        "{key} : « {field} » dépasse {max} caractères, plus qu'une cellule de tableur "
        "n'en contient. Rien n'a été exporté : exportez en CSV, qui garde les textes entiers.",
        "{key}: “{field}” is longer than {max} characters, more than a spreadsheet cell "
        "holds. Nothing was exported: export to CSV, which keeps texts whole.",
    ),
    "exchange.bad_workbook": (
        "{file} ne peut pas être lu comme un classeur Excel : il est peut-être endommagé. "
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en .xlsx.",
        "{file} cannot be read as an Excel workbook: it may be damaged. "
        "Open it in Excel or LibreOffice and save it again as .xlsx.",
    ),
    "exchange.opendocument": (
        "{file} est un classeur LibreOffice (.ods) : dans LibreOffice, choisissez "
        "Fichier › Enregistrer sous › « Classeur Excel 2007-365 (.xlsx) », "
        "puis importez ce fichier.",
        "{file} is a LibreOffice spreadsheet (.ods): in LibreOffice, choose "
        "File › Save As › “Excel 2007-365 (.xlsx)”, then import that file.",
    ),
    "exchange.old_workbook": (
        "{file} est un classeur Excel de l'ancien format (.xls) ou protégé par un mot de "
        "passe : dans Excel, choisissez Fichier › Enregistrer sous › « Classeur Excel "
        "(.xlsx) », sans mot de passe, puis importez ce fichier.",
        "{file} is an Excel workbook in the old format (.xls) or protected by a password: "
        "in Excel, choose File › Save As › “Excel Workbook (.xlsx)”, without a password, "
        "then import that file.",
    ),
    "exchange.unknown_extension": (
        "{file} : l'extension « {suffix} » n'est pas un format d'export. "
        "Nommez le fichier en .xlsx (classeur Excel) ou en .csv.",
        "{file}: the extension “{suffix}” is not an export format. "
        "Name the file .xlsx (Excel workbook) or .csv.",
    ),
    "cli.help.export": (
        "exporter les besoins vers un classeur Excel (.xlsx) ou un fichier CSV (.csv), "
        "selon l'extension du fichier",
        "export needs to an Excel workbook (.xlsx) or a CSV file (.csv), by the file's extension",
    ),
    "cli.help.export_output": (
        "fichier à écrire : .xlsx (classeur Excel) ou .csv",
        "file to write: .xlsx (Excel workbook) or .csv",
    ),
    "cli.help.import": (
        "importer des besoins depuis un fichier CSV ou un classeur Excel (.xlsx), tout ou rien",
        "import needs from a CSV file or an Excel workbook (.xlsx), all or nothing",
    ),
    "cli.help.import_file": (
        "fichier à importer : CSV ou classeur Excel (.xlsx)",
        "file to import: CSV or Excel workbook (.xlsx)",
    ),
    "cli.help.import_format": (
        "format du fichier (auto : reconnu d'après son contenu)",
        "the file's format (auto: told by its content)",
    ),
    "cli.help.import_project": (
        "projet (code) des lignes qui n'en indiquent pas ; créé s'il n'existe pas",
        "project (code) for rows that name none; created if it does not exist",
    ),
    "cli.help.dry_run": (
        "dire ce que l'import ferait, sans rien écrire",
        "say what the import would do, writing nothing",
    ),
    "cli.import_summary": ("Import terminé : {counts}.", "Import done: {counts}."),
    "cli.import_preview": (
        "Aperçu, rien n'a été importé : {counts}.",
        "Preview, nothing was imported: {counts}.",
    ),
    "cli.progress_rows": ("{count} lignes lues", "{count} rows read"),
    "exchange.created": ("{count} besoin(s) créé(s)", "{count} need(s) created"),
    "exchange.updated": ("{count} mis à jour", "{count} updated"),
    "exchange.skipped": ("{count} ignoré(s) car inchangé(s)", "{count} skipped as unchanged"),
    "exchange.projects_created": ("{count} projet(s) créé(s)", "{count} project(s) created"),
    "exchange.to_create": ("{count} besoin(s) à créer", "{count} need(s) to create"),
    "exchange.to_update": ("{count} à mettre à jour", "{count} to update"),
    "exchange.to_skip": ("{count} à ignorer car inchangé(s)", "{count} to skip as unchanged"),
    "exchange.projects_to_create": (
        "{count} projet(s) à créer",
        "{count} project(s) to create",
    ),
    "exchange.cancelled": (
        "Import interrompu : rien n'a été importé.",
        "Import stopped: nothing was imported.",
    ),
    "exchange.csv_into_workbook": (
        "{file} : export-csv écrit du texte CSV, pas un classeur. Pour un classeur, "
        "utilisez « po-desktop export -o {file} » ; pour du CSV, nommez le fichier en .csv.",
        "{file}: export-csv writes CSV text, not a workbook. For a workbook, use "
        "“po-desktop export -o {file}”; for CSV, name the file .csv.",
    ),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "title": ("Titre", "Title"),
    "problem": ("Défi à relever", "Problem statement"),
    "solution": ("Solution envisagée", "Proposed solution"),
    "requester": ("Demandeur", "Requester"),
    "source": ("Origine", "Source"),
    "business_unit": ("Métier", "Business unit"),
    "technical": ("Technique", "Technical"),
    "project": ("Projet", "Project"),
    "status": ("Statut", "Status"),
    "column": ("Colonne", "Column"),
    "points": ("Points", "Story points"),
    "sprint": ("Sprint", "Sprint"),
    "tags": ("Étiquettes", "Tags"),
    "acceptance": ("Critères d'acceptation", "Acceptance criteria"),
    "key": ("Clé", "Key"),
    "code": ("Code", "Code"),
    "name": ("Nom", "Name"),
    "kind": ("Type", "Kind"),
    "color": ("Couleur", "Colour"),
    "role": ("Rôle", "Role"),
    "availability": ("Disponibilité", "Availability"),
    "wip_limit": ("Limite d'en-cours", "WIP limit"),
    "entry_rules": ("Règles d'entrée", "Entry rules"),
    "assignee": ("Responsable", "Assignee"),
    "needs": ("Nombre de besoins", "Number of needs"),
    "decision": ("Décision", "Decision"),
    "rationale": ("Justification", "Rationale"),
    "decided_by": ("Décidé par", "Decided by"),
    "preset": ("Modèle de grille", "Grid preset"),
    "goal": ("Objectif", "Goal"),
    "team": ("Équipe", "Team"),
    "focus_factor": ("Facteur de concentration", "Focus factor"),
    "start": ("Début", "Start"),
    "end": ("Fin", "End"),
    "duration_minutes": ("Durée (minutes)", "Duration (minutes)"),
    "location": ("Lieu", "Location"),
    "notes": ("Notes", "Notes"),
    "reason": ("Motif", "Reason"),
}

CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "external": ("externe", "external"),
    "internal": ("interne", "internal"),
    "rnd": ("R&D", "R&D"),
    "customer": ("client", "customer"),
    "team": ("équipe interne", "internal team"),
    "other": ("autre", "other"),
    "pending": ("en attente", "pending"),
    "go": ("go", "go"),
    "no_go": ("no go", "no go"),
    "explore": ("à explorer", "explore"),
    "planned": ("prévu", "planned"),
    "active": ("en cours", "active"),
    "closed": ("clos", "closed"),
    "planning": ("planification", "sprint planning"),
    "daily": ("mêlée quotidienne", "daily scrum"),
    "review": ("revue de sprint", "sprint review"),
    "retro": ("rétrospective", "retrospective"),
    "refinement": ("affinage du backlog", "backlog refinement"),
}

BACKUP_REASONS: dict[str, tuple[str, str]] = {
    "open": ("à l'ouverture", "on opening"),
    "auto": ("automatique", "automatic"),
    "manual": ("manuelle", "manual"),
    "before-replace": ("avant remplacement", "before replacing"),
    "before-restore": ("avant restauration", "before restoring"),
    "before-upgrade": ("avant mise à niveau", "before upgrading"),
}


def backup_reason(reason: str, lang: str | None = None) -> str:
    """ "before-upgrade-from-0002" reads "before upgrading (0002)"."""
    if reason.startswith("before-upgrade-from-"):
        revision = reason.removeprefix("before-upgrade-from-")
        return f"{_pick(BACKUP_REASONS['before-upgrade'], lang)} ({revision})"
    pair = BACKUP_REASONS.get(reason)
    return _pick(pair, lang) if pair else reason


_current = "fr"


def system_language() -> str:
    """French when the system locale is French, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "fr" if loc.lower().startswith("fr") else "en"


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _current


def _pick(pair: tuple[str, str], lang: str | None) -> str:
    return pair[0] if (lang or _current) == "fr" else pair[1]


def field_label(name: str, lang: str | None = None) -> str:
    pair = FIELD_LABELS.get(name)
    return _pick(pair, lang) if pair else name


def choice_label(value: str, lang: str | None = None) -> str:
    pair = CHOICE_LABELS.get(value)
    return _pick(pair, lang) if pair else value


def translate(msg_id: str, lang: str | None = None, **params: Any) -> str:
    """The message in ``lang``; every value from the user or a file is bounded (see
    :func:`bounded`), so a 10,000-column header or a 200 KB cell makes a short line."""
    pair = _CATALOG.get(msg_id)
    if pair is None:
        return msg_id
    rendered = {name: bounded(name, value, lang) for name, value in params.items()}
    if "field" in rendered and isinstance(rendered["field"], str):
        rendered["field"] = field_label(rendered["field"], lang)
    return _pick(pair, lang).format(**rendered)


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
class Bilingual:
    """A user-defined text kept in both languages (a criterion's label): picked when shown."""

    fr: str
    en: str

    def render(self, lang: str | None = None) -> str:
        return _pick((self.fr, self.en), lang)


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


def thousands(count: int) -> Bilingual:
    """A count as each language groups its digits: 9 990 (narrow spaces), 9,990."""
    return Bilingual(f"{count:,}".replace(",", "\u202f"), f"{count:,}")


@dataclass(frozen=True)
class Listing:
    """Names or values listed in a message: at most ``limit`` of them, each clipped, then
    "and N more". ``quoted`` puts each in the language's quotation marks."""

    items: tuple[str, ...]
    quoted: bool = False
    limit: int | None = MAX_ITEMS

    def render(self, lang: str | None = None) -> str:
        shown = self.items if self.limit is None else self.items[: self.limit]
        opening, closing = ("« ", " »") if (lang or _current) == "fr" else ("“", "”")
        texts = [f"{opening}{clip(item)}{closing}" if self.quoted else clip(item) for item in shown]
        text = ", ".join(texts)
        hidden = len(self.items) - len(shown)
        if hidden:
            text = _pick(_CATALOG["list.more"], lang).format(
                items=text, count=thousands(hidden).render(lang)
            )
        return text

    def __str__(self) -> str:
        return self.render()


def listing(
    items: Iterable[object], *, quoted: bool = False, limit: int | None = MAX_ITEMS
) -> Listing:
    """What a message shows of a list (see :class:`Listing`)."""
    return Listing(tuple(str(item) for item in items), quoted, limit)


def bounded(name: str, value: Any, lang: str | None = None) -> Any:
    """A message parameter as shown: messages and lists rendered in ``lang``, texts
    clipped (paths in their middle); numbers as they are."""
    if isinstance(value, Message | Listing):
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


_MONTHS_FR = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: Any) -> Bilingual:
    """A date as each language writes it: 14 juil. 2027, 14 Jul 2027."""
    return Bilingual(
        f"{day.day} {_MONTHS_FR[day.month - 1]} {day.year}",
        f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}",
    )


def known_ids() -> frozenset[str]:
    return frozenset(_CATALOG)


_ARGPARSE_FR = {
    "usage: ": "utilisation : ",
    # argparse appends ":" to headings; French sets a space before it.
    "positional arguments": "arguments positionnels\u00a0",
    "options": "options\u00a0",
    "show this help message and exit": "afficher cette aide et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (valeurs possibles : %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "expected one argument": "une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "ignored explicit argument %r": "argument explicite ignoré : %r",
}


def argparse_text(text: str, lang: str | None = None) -> str:
    """argparse's own words (usage, errors) in the user's language."""
    return _ARGPARSE_FR.get(text, text) if (lang or _current) == "fr" else text
