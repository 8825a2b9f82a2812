"""What `load_content` has already created: the content-folder loader (`angers_intl.content_format`) asks
the ledger before creating a record.

Keying on slugs alone would bring back a record that staff deleted, and duplicate one whose slug they
changed. The ledger remembers every seed key ever loaded (`SeedRecord`), so a second run creates only
what was never created, and a record that already exists under its seed key is adopted, never changed.
"""

from angers_intl.models import SeedRecord


class SeedLedger:
    def __init__(self, namespace):
        self.namespace = namespace
        self.loaded = set(
            SeedRecord.objects.filter(key__startswith=f"{namespace}:").values_list("key", flat=True)
        )
        self.created = 0
        self.kept = 0

    def _full_key(self, key):
        return f"{self.namespace}:{key}"

    def was_loaded(self, key):
        return self._full_key(key) in self.loaded

    def remember(self, key):
        full_key = self._full_key(key)
        if full_key not in self.loaded:
            SeedRecord.objects.get_or_create(key=full_key)
            self.loaded.add(full_key)

    def create_once(self, key, find, create):
        """The record of seed `key`: created by `create()` the first time only.

        `find()` returns the existing record or None. Once a key is loaded, the record is whatever staff
        made of it: found, or None if they deleted it or changed what `find()` looks for.
        """
        existing = find()
        if existing is not None or self.was_loaded(key):
            self.kept += 1
            self.remember(key)
            return existing
        record = create()
        self.remember(key)
        self.created += 1
        return record
