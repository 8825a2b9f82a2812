"""PostgreSQL: the database itself refuses a distinction whose level belongs to another recognition.

A composite foreign key (recognition_id, level_id) → recognitionlevel (recognition_id, id), which the unique
constraint `recognition_level_recognition_id_unique` makes possible. With a NULL level it does not apply
(MATCH SIMPLE). SQLite cannot add a foreign key to an existing table; there `Distinction.clean()` enforces
the rule (tested on both).
"""

from django.db import migrations

CONSTRAINT = "networks_distinction_level_of_its_recognition"


def add_composite_foreign_key(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE networks_distinction ADD CONSTRAINT {CONSTRAINT} "
        "FOREIGN KEY (recognition_id, level_id) "
        "REFERENCES networks_recognitionlevel (recognition_id, id)"
    )


def drop_composite_foreign_key(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE networks_distinction DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("networks", "0001_initial")]

    operations = [migrations.RunPython(add_composite_foreign_key, drop_composite_foreign_key)]
