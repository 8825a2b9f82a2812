"""On PostgreSQL, a trigram index on the upper-cased address: the admin's search for part of an address
(`email__icontains`, which Django writes `UPPER("email"::text) LIKE UPPER('%…%')`) uses it instead of
scanning every subscriber. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create
it, on managed servers too. SQLite has no such index and scans (docs/operations.md, "Benchmark").

Not declared in `Subscriber.Meta.indexes`: the same models run on SQLite, where a GIN index does not
exist."""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS subscriber_email_trigram_idx "
    'ON newsletter_subscriber USING gin ((UPPER("email"::text)) gin_trgm_ops)',
]
DROP = ["DROP INDEX IF EXISTS subscriber_email_trigram_idx"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0008_help_and_verbose_names")]

    operations = [migrations.RunPython(run(CREATE), run(DROP), elidable=False)]
