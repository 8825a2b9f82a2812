"""Backups that restore: the database and the media files, with a manifest of SHA-256 checksums.

A backup is a folder:

    manifest.json        format, engine, date, and the SHA-256 and size of every other file
    database.pgdump      PostgreSQL: `pg_dump --format=custom` (restored with `pg_restore`)
    database.sqlite3     SQLite: a consistent copy taken online with SQLite's backup API
    media/…              every uploaded file, as in MEDIA_ROOT

`restore` checks every checksum before it touches anything, and refuses a damaged or incomplete backup.
It restores into an empty database and an empty media folder unless told to replace what is there.
Commands: `manage.py backup DIR`, `manage.py restore DIR` (docs/operations.md, "Backups").
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
FORMAT = 1
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why and what to do."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _postgres_command(program, alias, *args):
    """`pg_dump`/`pg_restore` with the connection of settings.DATABASES[alias]; the password in the
    environment, never on the command line."""
    database = settings.DATABASES[alias]
    command = [program, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command += [option, str(database[key])]
    environment = {**os.environ, "PGPASSWORD": database.get("PASSWORD") or ""}
    return [*command, *args], environment


def _run(command, environment=None):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    # The command is pg_dump or pg_restore with arguments from the settings, never from a visitor.
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _media_files(root):
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def create_backup(folder, alias="default"):
    """Write a backup of the database and MEDIA_ROOT into `folder`, which must not exist or be empty.
    Returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: give a new folder for each backup.")
    folder.mkdir(parents=True, exist_ok=True)
    engine = _engine(alias)
    dump = folder / DUMP_NAMES[engine]
    if engine == "postgresql":
        command, environment = _postgres_command(
            "pg_dump",
            alias,
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={dump}",
            settings.DATABASES[alias]["NAME"],
        )
        _run(command, environment)
    else:
        # SQLite's online backup: a consistent copy even while the site and the worker write.
        connection = connections[alias]
        connection.ensure_connection()
        target = sqlite3.connect(dump)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    media_root = Path(settings.MEDIA_ROOT)
    for source in _media_files(media_root):
        copy = folder / "media" / source.relative_to(media_root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy)
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.name != MANIFEST)
    manifest = {
        "format": FORMAT,
        "engine": engine,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": dump.name,
        "files": {
            path.relative_to(folder).as_posix(): {"sha256": sha256(path), "size": path.stat().st_size}
            for path in files
        },
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def verify_backup(folder):
    """The manifest of `folder` once every file it lists is there with its checksum; BackupError if not."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        files = manifest["files"]
        engine, database = manifest["engine"], manifest["database"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(
            f"{folder} is not a backup: {MANIFEST} is missing or unreadable ({error})."
        ) from error
    if manifest.get("format") != FORMAT or engine not in DUMP_NAMES or database not in files:
        raise BackupError(f"{folder}/{MANIFEST} is not a manifest this version can restore.")
    problems = []
    for name, expected in sorted(files.items()):
        path = folder / name
        if ".." in Path(name).parts or Path(name).is_absolute():
            problems.append(f"{name}: a path outside the backup")
        elif not path.is_file():
            problems.append(f"{name}: missing")
        elif path.stat().st_size != expected["size"] or sha256(path) != expected["sha256"]:
            problems.append(f"{name}: its content does not match the manifest's checksum")
    if problems:
        raise BackupError(
            f"The backup in {folder} is damaged, nothing was restored:\n  " + "\n  ".join(problems)
        )
    return manifest


def _database_is_empty(alias):
    return not connections[alias].introspection.table_names()


def restore_backup(folder, alias="default", replace=False):
    """Restore the backup in `folder` into the database and MEDIA_ROOT, after checking it whole.

    Without `replace`, the database must have no table and MEDIA_ROOT no file (a fresh installation)."""
    folder = Path(folder)
    manifest = verify_backup(folder)
    engine = _engine(alias)
    if manifest["engine"] != engine:
        raise BackupError(f"This backup is of a {manifest['engine']} database; this site uses {engine}.")
    media_root = Path(settings.MEDIA_ROOT)
    if not replace:
        if not _database_is_empty(alias):
            raise BackupError("The database is not empty: restore into an empty one, or pass --replace.")
        if _media_files(media_root):
            raise BackupError(f"{media_root} has files: restore into an empty folder, or pass --replace.")
    dump = folder / manifest["database"]
    connection = connections[alias]
    if engine == "postgresql":
        options = ["--clean", "--if-exists"] if replace else []
        connection.close()
        command, environment = _postgres_command(
            "pg_restore",
            alias,
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *options,
            f"--dbname={settings.DATABASES[alias]['NAME']}",
            str(dump),
        )
        _run(command, environment)
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
    if replace and media_root.is_dir():
        shutil.rmtree(media_root)
    for name in manifest["files"]:
        if name.startswith("media/"):
            target = media_root / Path(name).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(folder / name, target)
    return manifest
