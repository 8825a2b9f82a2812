"""Backups that restore: `manage.py backup` then `manage.py restore` into an empty database and media folder
give the same content, and a damaged backup is refused before anything is touched. Each step runs in its
own process, on its own database, as an operator would run it. On SQLite always; on PostgreSQL too when
DATABASE_URL points to a server (CI), in two scratch databases."""

import hashlib
import json
import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.processes import manage

ATTACH_IMAGE_AND_SUBSCRIBER = """
import io
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from newsletter.models import Subscriber
from partnerships.models import PartnerCity
picture = io.BytesIO()
Image.new("RGB", (800, 500), (30, 90, 160)).save(picture, "JPEG")
city = PartnerCity.objects.get(slug="pisa")
city.image.save("pisa.jpg", ContentFile(picture.getvalue()), save=True)
Subscriber.objects.create(email="reader@example.org", language="en", status=Subscriber.Status.CONFIRMED,
    subscribed_at=timezone.now(), confirmed_at=timezone.now(), form_language="en", consent_version="v1")
"""


def tree(folder):
    """{relative path: SHA-256} of every file under `folder`."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request, tmp_path):
    """Two site folders (source, target), each with its own empty database and media folder."""
    source, target = tmp_path / "source", tmp_path / "target"
    source.mkdir()
    target.mkdir()
    if request.param == "sqlite":
        yield (source, {}), (target, {})
        return
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        pytest.skip("DATABASE_URL does not point to PostgreSQL (CI runs this on PostgreSQL too)")
    import psycopg2

    names = [f"backup_test_{uuid.uuid4().hex[:10]}_{side}" for side in ("source", "target")]
    admin = psycopg2.connect(urlunsplit(urlsplit(server)._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    urls = [urlunsplit(urlsplit(server)._replace(path=f"/{name}")) for name in names]
    yield (source, {"DATABASE_URL": urls[0]}), (target, {"DATABASE_URL": urls[1]})
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def backed_up_site(databases, tmp_path):
    """The Angers content plus an uploaded image and a subscriber, backed up into tmp_path/backup."""
    (source, source_env), target = databases
    manage(source, "migrate", "--noinput", "-v", "0", **source_env)
    manage(source, "load_content", **source_env)
    manage(source, "shell", "--no-imports", "-c", ATTACH_IMAGE_AND_SUBSCRIBER, **source_env)
    result = manage(source, "backup", str(tmp_path / "backup"), **source_env)
    assert "Backup written to" in result.stdout
    return (source, source_env), target, tmp_path / "backup"


def test_a_backup_restores_into_an_empty_database_and_media_folder(backed_up_site, tmp_path):
    (source, source_env), (target, target_env), backup = backed_up_site
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"] in {"database.sqlite3", "database.pgdump"}
    # The uploaded image (stored under a generated name in the partner cities' folder) is in the backup.
    assert any(name.startswith("media/partnerships/cities/") for name in manifest["files"])

    result = manage(target, "restore", str(backup), **target_env)
    assert "Restored the backup" in result.stdout

    manage(source, "export_content", str(tmp_path / "export-before"), **source_env)
    manage(target, "export_content", str(tmp_path / "export-after"), **target_env)
    exported = tree(tmp_path / "export-before")
    assert any("pisa" in name and not name.endswith(".yaml") for name in exported)  # the image is in it
    assert tree(tmp_path / "export-after") == exported

    media = tree(source / "media")
    assert media
    assert tree(target / "media") == media

    everything = ["dumpdata", "--natural-foreign", "--indent", "1", "--exclude", "contenttypes"]
    assert (
        manage(target, *everything, **target_env).stdout == manage(source, *everything, **source_env).stdout
    )
    count = "from newsletter.models import Subscriber; print(Subscriber.objects.filter(email='reader@example.org').count())"
    assert manage(target, "shell", "--no-imports", "-c", count, **target_env).stdout.strip() == "1"


def test_a_damaged_backup_is_refused_and_nothing_is_restored(backed_up_site):
    _source, (target, target_env), backup = backed_up_site
    manifest = json.loads((backup / "manifest.json").read_text())
    image = backup / next(name for name in manifest["files"] if name.startswith("media/"))
    damaged = bytearray(image.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    image.write_bytes(bytes(damaged))
    (backup / manifest["database"]).write_bytes((backup / manifest["database"]).read_bytes()[:-10])

    result = manage(target, "restore", str(backup), check=False, **target_env)

    assert result.returncode != 0
    assert f"The backup in {backup} is damaged, nothing was restored" in result.stderr
    assert f"{image.relative_to(backup).as_posix()}: its content does not match" in result.stderr
    assert f"{manifest['database']}: its content does not match" in result.stderr
    assert not (target / "media").exists()
    tables = "from django.db import connection; print(len(connection.introspection.table_names()))"
    assert manage(target, "shell", "--no-imports", "-c", tables, **target_env).stdout.strip() == "0"


def test_restore_refuses_a_database_that_is_not_empty(backed_up_site):
    (source, source_env), _target, backup = backed_up_site
    result = manage(source, "restore", str(backup), check=False, **source_env)
    assert result.returncode != 0
    assert "The database is not empty: restore into an empty one, or pass --replace." in result.stderr


def test_a_folder_without_manifest_is_not_a_backup(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    result = manage(site, "restore", str(tmp_path), check=False)
    assert result.returncode != 0
    assert "is not a backup: manifest.json is missing or unreadable" in result.stderr
