"""A city's content as a folder of YAML files, one file per kind: the loader and the exporter.

Each app declares its kinds in its `content_kinds.py` (`KINDS`, a list of `Kind`): the model, the file, the
natural key, the child collections, and the foreign keys and many-to-many fields written as the target's
slug (`Ref`). Everything else is generic over the model's fields: translated fields come from
modeltranslation's registry and are written `name: {fr: …, en: …}`; dates, decimals, choices and countries
are plain YAML values; images are paths inside the folder. docs/content-format.md describes the format.

Loading happens in two phases. The first reads every file and builds every record unsaved, collecting each
problem (YAML syntax, missing or unknown files and fields, bad values, `full_clean()` with the database
constraints, unknown slugs, duplicate keys, images Pillow cannot open); if there is any, nothing is written
and `ContentErrors` lists them all. The second writes, in one transaction, what was never loaded before
(`angers_intl.seeding.SeedLedger`): a record created once is never recreated nor overwritten, whatever staff
did to it since. A kind without a seed key (the site profile, the legal pages) is created whenever missing.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import import_module
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import File
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from angers_intl.apps import project_app_configs
from angers_intl.image_fields import clean_image
from angers_intl.seeding import SeedLedger

# The content that ships with the code, loaded by `load_content` without a folder (and so by `make run`).
BUNDLED_CONTENT_DIR = settings.BASE_DIR / "content" / "angers"
IMAGES_FOLDER = "images"
FILE_HEADER = "# {label}: content of angers-intl, in the format of docs/content-format.md.\n"


@dataclass(frozen=True)
class Ref:
    """A foreign key or many-to-many field written as the target's `by` value (its slug, a rank…).

    `within`: the name of another foreign key of the same record that scopes the target (a distinction's
    level is the rank of a level *of its recognition*).
    """

    by: str = "slug"
    within: str | None = None


@dataclass(eq=False)
class Kind:
    """One kind of content: a file of records (or, for a child kind, a list inside each parent record)."""

    model: type
    file: str | None = None  # e.g. "partner-cities.yaml"; None for a child kind
    key: tuple = ("slug",)  # natural key, unique within the file (within the parent for a child kind)
    # The seed ledger key, formatted with the key's values. None: a top-level record is created whenever it
    # is missing (the site cannot do without it); a child record only together with its new parent.
    seed_key: str | None = None
    children: dict = field(default_factory=dict)  # YAML name (the related name) -> child Kind
    refs: dict = field(default_factory=dict)  # field name -> Ref
    left_out: dict = field(default_factory=dict)  # field name -> why it is not part of the format
    singleton: bool = False  # the file holds one mapping, not a list
    label: str = ""  # for the command's report; the model's plural name by default (in English)
    parent_field: str | None = None  # set on a child kind: its foreign key to the parent
    namespace: str = ""  # set when registered: the app label, the ledger's namespace

    def __post_init__(self):
        self.label = self.label or str(self.model._meta.verbose_name_plural)
        for name, child in self.children.items():
            related = self.model._meta.get_field(name)
            child.parent_field = related.field.name

    def all_kinds(self):
        yield self
        for child in self.children.values():
            yield from child.all_kinds()

    @property
    def translated(self):
        """{original field name: {language: localized field name}} from modeltranslation's registry."""
        try:
            options = translator.get_options_for_model(self.model)
        except NotRegistered:
            return {}
        return {
            name: {language: build_localized_fieldname(name, language) for language in AVAILABLE_LANGUAGES}
            for name in options.all_fields
        }

    def format_fields(self):
        """The model's editable fields in the format, in model order: [(name, codec)]; a field of a type the
        format cannot carry is absent (and the field-coverage test says so)."""
        localized = {name for names in self.translated.values() for name in names.values()}
        fields = []
        for model_field in [*self.model._meta.concrete_fields, *self.model._meta.many_to_many]:
            name = model_field.name
            if (
                model_field.primary_key
                or not model_field.editable
                or name in localized
                or name == self.parent_field
                or name in self.left_out
            ):
                continue
            codec = codec_for(self, model_field)
            if codec is not None:
                fields.append((name, codec))
        key_first = [f for f in fields if f[0] in self.key]
        key_first.sort(key=lambda f: self.key.index(f[0]))
        return key_first + [f for f in fields if f[0] not in self.key]

    def exported_field_names(self):
        names = {name for name, _codec in self.format_fields()}
        return names | ({self.parent_field} if self.parent_field else set())

    def image_folder(self):
        return f"{IMAGES_FOLDER}/{Path(self.file).stem}" if self.file else None


def registered_kinds():
    """The top-level kinds of every project app, in INSTALLED_APPS order then each app's order."""
    kinds = []
    for app_config in project_app_configs():
        if not module_has_submodule(app_config.module, "content_kinds"):
            continue
        for kind in import_module(f"{app_config.name}.content_kinds").KINDS:
            for each in kind.all_kinds():
                each.namespace = app_config.label
            kinds.append(kind)
    return kinds


# Problems


@dataclass(frozen=True)
class Problem:
    file: str
    record: str = ""
    field: str = ""
    message: str = ""

    def __str__(self):
        place = ", ".join(part for part in (self.file, self.record, self.field) if part)
        return f"{place}: {self.message}"


class ContentErrors(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


# Field codecs: YAML value <-> model value


class Codec:
    def __init__(self, kind, model_field):
        self.kind = kind
        self.field = model_field
        self.name = model_field.name

    def load(self, value, values, context):
        """Put the model values for YAML `value` into `values` (kwargs of the model); raise ValueError or
        ValidationError with a message."""
        values[self.name] = self.field.to_python(value) if value is not None else None

    def export(self, instance, context):
        value = self.field.value_from_object(instance)
        return getattr(value, "code", value)  # a django-countries Country is written as its code


class TranslatedCodec(Codec):
    def __init__(self, kind, model_field):
        super().__init__(kind, model_field)
        self.localized = kind.translated[self.name]

    def load(self, value, values, context):
        if not isinstance(value, dict):
            raise ValueError(
                "a translated text is written per language: {{{}}}".format(
                    ", ".join(f"{lang}: …" for lang in self.localized)
                )
            )
        unknown = set(value) - set(self.localized)
        if unknown:
            raise ValueError(f"unknown language {', '.join(sorted(map(str, unknown)))}")
        for language, text in value.items():
            values[self.localized[language]] = "" if text is None else str(text)

    def export(self, instance, context):
        return {
            language: getattr(instance, name)
            for language, name in self.localized.items()
            if getattr(instance, name) not in (None, "")
        }


class DecimalCodec(Codec):
    def load(self, value, values, context):
        if value is None:
            values[self.name] = None
            return
        try:
            values[self.name] = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"“{value}” is not a number") from None

    def export(self, instance, context):
        value = self.field.value_from_object(instance)
        return None if value is None else float(value)


class DateTimeCodec(Codec):
    """A moment, written with its offset (ISO 8601); one written without is on the site's clock."""

    def load(self, value, values, context):
        moment = None if value is None else self.field.to_python(value)
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        values[self.name] = moment

    def export(self, instance, context):
        value = self.field.value_from_object(instance)
        return None if value is None else value.isoformat()


class ImageCodec(Codec):
    """An image file inside the folder, written as its path relative to the folder."""

    def load(self, value, values, context):
        if not value:
            return
        values[self.name] = context.read_image(str(value))

    def export(self, instance, context):
        stored = getattr(instance, self.name)
        if not stored:
            return None
        return context.write_image(self.kind, instance, self.name, stored)


class RefCodec(Codec):
    """A foreign key written as the target's `by` value; resolved once every file is read."""

    def __init__(self, kind, model_field, ref):
        super().__init__(kind, model_field)
        self.ref = ref

    def load(self, value, values, context):
        context.pending_refs[self.name] = value

    def export(self, instance, context):
        target = getattr(instance, self.name)
        return None if target is None else getattr(target, self.ref.by)


class ManyRefCodec(RefCodec):
    def load(self, value, values, context):
        if not isinstance(value, list):
            raise ValueError("give a list of slugs")
        context.pending_many[self.name] = [str(item) for item in value]

    def export(self, instance, context):
        return sorted(str(getattr(target, self.ref.by)) for target in getattr(instance, self.name).all())


SCALAR_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.FloatField,
    models.DateField,
    models.JSONField,
)


def codec_for(kind, model_field):
    name = model_field.name
    if name in kind.translated:
        return TranslatedCodec(kind, model_field)
    if isinstance(model_field, models.ManyToManyField):
        return ManyRefCodec(kind, model_field, kind.refs[name]) if name in kind.refs else None
    if isinstance(model_field, models.ForeignKey):
        return RefCodec(kind, model_field, kind.refs[name]) if name in kind.refs else None
    if isinstance(model_field, models.ImageField):
        return ImageCodec(kind, model_field)
    if isinstance(model_field, models.DecimalField):
        return DecimalCodec(kind, model_field)
    if isinstance(model_field, models.DateTimeField):
        return DateTimeCodec(kind, model_field)
    if isinstance(model_field, SCALAR_FIELDS):
        return Codec(kind, model_field)
    return None


def is_empty(value):
    return value is None or value == "" or value == [] or value == {}


# Loading


@dataclass(eq=False)
class Record:
    kind: Kind
    file: str
    label: str
    values: dict  # model kwargs
    natural: tuple  # key values as written, prefixed with the parent's for a child
    parent: "Record | None" = None
    refs: dict = field(default_factory=dict)  # FK name -> written value
    many: dict = field(default_factory=dict)  # M2M name -> [written values]
    children: list = field(default_factory=list)
    instance: models.Model | None = None
    create: bool = False
    saved: models.Model | None = None  # the record in the database after writing (created or kept)

    @property
    def seed_key(self):
        if self.kind.seed_key is None:
            return None
        own = self.kind.seed_key.format(
            **dict(zip(self.kind.key, self.natural[-len(self.kind.key) :], strict=True))
        )
        if self.parent is None:
            return own
        parent_key = self.parent.seed_key
        return None if parent_key is None else f"{parent_key}:{own}"


class _RecordContext:
    """What a codec needs while one record is read: the folder (images) and the refs it leaves pending."""

    def __init__(self, loader, file, label):
        self.loader = loader
        self.file = file
        self.label = label
        self.pending_refs = {}
        self.pending_many = {}

    def read_image(self, relative):
        folder = self.loader.folder.resolve()
        path = (folder / relative).resolve()
        if Path(relative).is_absolute() or not path.is_relative_to(folder):
            raise ValueError("give the path of an image inside the content folder")
        if not path.is_file():
            raise ValueError(f"no file “{relative}” in the content folder")
        # The rules of every upload (size, pixels, real image, no SVG), checked before anything is written.
        try:
            with path.open("rb") as file:
                return clean_image(File(file, name=path.name))
        except ValidationError as error:
            raise ValueError(f"“{relative}”: {' '.join(error.messages)}") from None


class FolderLoader:
    def __init__(self, folder, kinds=None):
        self.folder = Path(folder)
        self.kinds = kinds if kinds is not None else registered_kinds()
        self.problems = []
        self.records = {}  # top-level Kind -> [Record]
        self.index = {}  # (model, natural) -> Record, for every record of the folder
        self.unreadable = set()  # models whose file could not be read

    def problem(self, file, record="", field_name="", message=""):
        self.problems.append(Problem(file, record, field_name, str(message)))

    # Phase 1: read and validate everything.

    def read(self):
        if not self.folder.is_dir():
            raise ContentErrors([Problem(str(self.folder), message="no such folder")])
        expected = {kind.file for kind in self.kinds}
        for path in sorted(self.folder.iterdir()):
            if path.suffix in {".yaml", ".yml"} and path.name not in expected:
                self.problem(
                    path.name, message="unknown file (expected: {})".format(", ".join(sorted(expected)))
                )
        for kind in self.kinds:
            problems_before = len(self.problems)
            self.records[kind] = self.read_file(kind)
            if len(self.problems) > problems_before and not self.records[kind]:
                # Unreadable: references to its records are not reported as unknown on top of that.
                self.unreadable |= {each.model for each in kind.all_kinds()}
        self.resolve_and_validate()
        if self.problems:
            order = {kind.file: position for position, kind in enumerate(self.kinds)}
            self.problems.sort(key=lambda problem: order.get(problem.file, -1))  # file by file, stable
            raise ContentErrors(self.problems)

    def read_file(self, kind):
        path = self.folder / kind.file
        if not path.is_file():
            self.problem(kind.file, message="missing file")
            return []
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            problem = getattr(error, "problem", None) or str(error)
            self.problem(kind.file, message=f"invalid YAML{where}: {problem}")
            return []
        except UnicodeDecodeError:
            self.problem(kind.file, message="not UTF-8 text")
            return []
        if kind.singleton:
            if data in (None, {}):
                return []
            if not isinstance(data, dict):
                self.problem(kind.file, message="this file holds one mapping of fields")
                return []
            return [self.read_record(kind, kind.file, data, "", parent=None)]
        if data is None:
            data = []
        if not isinstance(data, list):
            self.problem(kind.file, message="this file holds a list of records (each starting with “- ”)")
            return []
        return self.read_list(kind, kind.file, data, parent=None)

    def read_list(self, kind, file, items, parent, prefix=""):
        records = []
        seen = {}
        for position, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                self.problem(file, f"{prefix}#{position}", message="each record is a mapping of fields")
                continue
            key_text = "/".join(str(item[name]) for name in kind.key if item.get(name) is not None)
            label = f"{prefix}{key_text}" if key_text else f"{prefix}#{position}"
            record = self.read_record(kind, file, item, label, parent)
            if kind.key:
                if record.natural in seen:
                    self.problem(
                        file,
                        record.label,
                        ", ".join(kind.key),
                        f"the same key as {seen[record.natural]}: each record needs its own",
                    )
                    continue
                seen[record.natural] = record.label
            records.append(record)
        return records

    def read_record(self, kind, file, item, label, parent):
        formats = dict(kind.format_fields())
        context = _RecordContext(self, file, label)
        values = {}
        children = {}
        for name, value in item.items():
            if name in kind.children:
                children[name] = value
                continue
            codec = formats.get(name)
            if codec is None:
                self.problem(file, label, str(name), "unknown field")
                continue
            try:
                codec.load(value, values, context)
            except ValidationError as error:
                for message in error.messages:
                    self.problem(file, label, name, message)
            except ValueError as error:
                self.problem(file, label, name, error)
        natural = tuple(item.get(name) for name in kind.key)
        if parent is not None:
            natural = parent.natural + natural
        record = Record(
            kind, file, label, values, natural, parent, context.pending_refs, context.pending_many
        )
        if kind.key:
            self.index.setdefault((kind.model, natural), record)
        for name, child_kind in kind.children.items():
            items = children.get(name) or []
            if not isinstance(items, list):
                self.problem(file, label, name, "give a list")
                continue
            record.children = self.read_list(child_kind, file, items, record, f"{label}/{name}/")
        return record

    def kinds_with_children(self):
        for kind in self.kinds:
            yield from kind.all_kinds()

    def all_records(self):
        def walk(records):
            for record in records:
                yield record
                yield from walk(record.children)

        for kind in self.kinds:
            yield from walk(self.records[kind])

    def lookup(self, record):
        """The database filter that finds this record (by its natural key, within its parent)."""
        kind = record.kind
        lookup = {}
        if record.parent is not None:
            if record.parent.saved is None:
                return None
            lookup[kind.parent_field] = record.parent.saved
        for name, value in zip(kind.key, record.natural[-len(kind.key) :] if kind.key else (), strict=True):
            ref = kind.refs.get(name)
            lookup[f"{name}__{ref.by}" if ref else name] = value
        return lookup

    def find_existing(self, record):
        lookup = self.lookup(record)
        if lookup is None:
            return None
        return record.kind.model.objects.filter(**lookup).first()

    def resolve_target(self, record, name, value):
        """The record of the folder (or the row of the database) a foreign key points to."""
        kind = record.kind
        ref = kind.refs[name]
        target_model = kind.model._meta.get_field(name).related_model
        natural = (value,)
        if ref.within:
            natural = (record.refs.get(ref.within), value)
        found = self.index.get((target_model, natural))
        if found is not None:
            return found
        query = {ref.by: value}
        if ref.within:
            within_model = kind.model._meta.get_field(ref.within).related_model
            scope = next(f for f in target_model._meta.concrete_fields if f.related_model is within_model)
            query[f"{scope.name}__{kind.refs[ref.within].by}"] = record.refs.get(ref.within)
        return target_model.objects.filter(**query).first()

    def resolve_and_validate(self):
        ledgers = {}
        for record in self.all_records():
            kind = record.kind
            ledger = ledgers.setdefault(kind.namespace, SeedLedger(kind.namespace))
            existing = (
                self.find_existing(record) if (record.parent is None or not record.parent.create) else None
            )
            if record.parent is not None and record.parent.create:
                record.create = True
            elif kind.seed_key is None:
                record.create = record.parent is None and existing is None
            else:
                record.create = existing is None and not ledger.was_loaded(record.seed_key)
            record.saved = existing
            self.validate(record)

    def validate(self, record):
        kind = record.kind
        exclude = set()
        values = dict(record.values)
        if record.parent is not None:
            if record.parent.saved is not None and not record.parent.create:
                values[kind.parent_field] = record.parent.saved
            else:
                exclude.add(kind.parent_field)
        for name, value in record.refs.items():
            if value is None:
                values[name] = None
                continue
            target = self.resolve_target(record, name, value)
            if target is None:
                if kind.model._meta.get_field(name).related_model not in self.unreadable:
                    self.problem(
                        record.file, record.label, name, f"no {self.target_label(kind, name)} “{value}”"
                    )
                exclude.add(name)
            elif isinstance(target, Record):
                exclude.add(name)
            else:
                values[name] = target
        for name, slugs in record.many.items():
            target_model = kind.model._meta.get_field(name).related_model
            ref = kind.refs[name]
            known = set(
                target_model.objects.filter(**{f"{ref.by}__in": slugs}).values_list(ref.by, flat=True)
            )
            known |= {natural[-1] for (model, natural) in self.index if model is target_model}
            for slug in slugs:
                if slug not in known and target_model not in self.unreadable:
                    self.problem(
                        record.file, record.label, name, f"no {self.target_label(kind, name)} “{slug}”"
                    )
        instance = kind.model(**values)
        record.instance = instance
        try:
            if record.create:
                instance.full_clean(exclude=exclude)
            else:
                # Already in the database (or deleted by staff): checked, but not against itself.
                instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
                for constraint in kind.model._meta.constraints:
                    if isinstance(constraint, models.CheckConstraint):
                        constraint.validate(kind.model, instance, exclude=exclude)
        except ValidationError as error:
            self.report_validation_error(record, error)

    def target_label(self, kind, name):
        return str(kind.model._meta.get_field(name).related_model._meta.verbose_name)

    def report_validation_error(self, record, error):
        localized = {
            localized_name: f"{name}.{language}"
            for name, names in record.kind.translated.items()
            for language, localized_name in names.items()
        }
        details = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for name, messages in details.items():
            field_name = "" if name == NON_FIELD_ERRORS else localized.get(name, name)
            for message in messages:
                self.problem(record.file, record.label, field_name, message)

    # Phase 2: write what was never loaded.

    def write(self):
        counts = {}
        ledgers = {}
        with transaction.atomic():
            for record in self.all_records():
                kind = record.kind
                ledger = ledgers.setdefault(kind.namespace, SeedLedger(kind.namespace))
                tally = counts.setdefault(id(kind), [kind.label, 0, 0])
                if record.create and self.save(record):
                    tally[1] += 1
                else:
                    tally[2] += 1
                if record.seed_key is not None and record.saved is not None:
                    ledger.remember(record.seed_key)
            if self.problems:
                transaction.set_rollback(True)
        if self.problems:
            raise ContentErrors(self.problems)
        return [(label, created, kept) for label, created, kept in counts.values()]

    def save(self, record):
        """Create the record; False when what it hangs on is gone (deleted by staff)."""
        kind = record.kind
        instance = record.instance
        if record.parent is not None:
            if record.parent.saved is None:
                return False
            setattr(instance, kind.parent_field, record.parent.saved)
        for name, value in record.refs.items():
            if value is None:
                continue
            target = self.resolve_target(record, name, value)
            if isinstance(target, Record):
                target = target.saved
            if target is None:
                return False
            setattr(instance, name, target)
        try:
            instance.full_clean()
            with transaction.atomic():
                instance.save()
        except ValidationError as error:
            self.report_validation_error(record, error)
            return False
        except IntegrityError as error:
            self.problem(record.file, record.label, message=f"refused by the database: {error}")
            return False
        for name, slugs in record.many.items():
            target_model = kind.model._meta.get_field(name).related_model
            getattr(instance, name).set(target_model.objects.filter(**{f"{kind.refs[name].by}__in": slugs}))
        record.saved = instance
        return True


def load_folder(folder, kinds=None):
    """Load a content folder; returns [(label, created, kept)] or raises ContentErrors (nothing stored)."""
    loader = FolderLoader(folder, kinds)
    loader.read()
    return loader.write()


# Exporting


class ContentDumper(yaml.SafeDumper):
    """safe_dump's dumper, writing texts of several lines as literal blocks so that they read as written."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)  # list items indented under their key


def _represent_text(dumper, text):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


ContentDumper.add_representer(str, _represent_text)


def dump_yaml(data):
    return yaml.dump(data, Dumper=ContentDumper, allow_unicode=True, sort_keys=False, width=110)


class _ExportContext:
    def __init__(self, folder):
        self.folder = Path(folder)

    def write_image(self, kind, instance, field_name, stored):
        image_fields = [f for f in kind.model._meta.concrete_fields if isinstance(f, models.ImageField)]
        if kind.singleton:
            base = field_name
        else:
            base = "-".join(str(getattr(instance, name)) for name in kind.key)
            if len(image_fields) > 1:
                base = f"{base}-{field_name}"
        relative = f"{kind.image_folder()}/{base}{Path(stored.name).suffix.lower()}"
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with stored.open("rb") as source:
            path.write_bytes(source.read())
        return relative


def serialise(kind, instance, context):
    data = {}
    for name, codec in kind.format_fields():
        value = codec.export(instance, context)
        if not is_empty(value):
            data[name] = value
    for name, child_kind in kind.children.items():
        rows = getattr(instance, name).order_by(*child_kind.model._meta.ordering, "pk")
        items = [serialise(child_kind, row, context) for row in rows]
        if items:
            data[name] = items
    return data


def export_folder(folder, kinds=None):
    """Write the database's content into `folder` (created if needed), one YAML file per kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    context = _ExportContext(folder)
    kinds = kinds if kinds is not None else registered_kinds()
    written = []
    for kind in kinds:
        rows = kind.model.objects.order_by(*kind.model._meta.ordering, "pk")
        items = [serialise(kind, row, context) for row in rows]
        data = (items[0] if items else {}) if kind.singleton else items
        text = FILE_HEADER.format(label=kind.label.capitalize()) + dump_yaml(data)
        (folder / kind.file).write_text(text, encoding="utf-8")
        written.append((kind.label, len(items)))
    return written


__all__ = [
    "ContentErrors",
    "Kind",
    "Problem",
    "Ref",
    "export_folder",
    "load_folder",
    "registered_kinds",
]
