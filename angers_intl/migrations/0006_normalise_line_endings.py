"""Text stored with `\\r\\n` or `\\r` line endings (typed in a browser before `TextField` normalised them)
gets `\\n`, as everything written since (angers_intl/text_fields.py)."""

from django.db import migrations

from angers_intl.text_fields import normalise_stored_line_endings


def normalise(apps, schema_editor):
    normalise_stored_line_endings(apps, "angers_intl")


class Migration(migrations.Migration):
    dependencies = [("angers_intl", "0005_constraint_messages")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
