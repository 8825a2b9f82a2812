"""The translation-completeness report: for each kind of content and each item, the translated fields that
are empty in English while French has a text (French is the reference), and those whose French text changed
after the English text was last edited ("outdated"), read from the history (angers_intl/history.py): the
last version where the `_fr` value changed against the last where the `_en` value changed. A field empty in
both languages is not a gap.

Reported: every tracked content model with translated fields, except
- newsletter issues: they are checked in both languages before they are sent (newsletter/sending.py) and
  never change afterwards;
- the site profile: most of its translated fields are names and addresses (publisher, postal address, host,
  publication director) that are rightly the same in both languages, so an empty English column there is
  the right answer, not a gap; and the admin already warns about its empty English fields on save.
An item written before the history existed has no versions: only its missing English is reported.

Cost: two queries per kind (the items, then their versions' language columns), whatever the number of
items, and the result is kept in the cache under the public content version, which any save changes
(`angers_intl.fragments`), so the admin index's count stays right after a save. Staff see only the kinds
they may view.
"""

from dataclasses import dataclass

from django.contrib import admin
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import capfirst
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .fragments import content_version

REFERENCE, OTHER = "fr", "en"
CACHE_SECONDS = 60 * 60
MISSING, OUTDATED = "missing", "outdated"


def reported_models():
    from networks.models import Distinction, Network, Recognition, RecognitionLevel
    from news.models import Event, NewsItem
    from partnerships.models import Milestone, PartnerCity, Programme

    from .models import LegalPage

    return [
        PartnerCity,
        Milestone,
        Programme,
        Network,
        Recognition,
        RecognitionLevel,
        Distinction,
        NewsItem,
        Event,
        LegalPage,
    ]


@dataclass(frozen=True)
class Gap:
    """One translated field of one item, missing or outdated in English. Plain values only (it is cached,
    and read in every staff language): labels are looked up when shown."""

    model_label: str
    pk: int
    item: str
    field: str
    kind: str
    french_changed_on: object = None

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_label)

    @property
    def field_label(self):
        return capfirst(str(self.model._meta.get_field(self.field).verbose_name))

    @property
    def url(self):
        return edit_url(self.model, self.pk, self.field)


def _text(value):
    return (value or "").strip()


def _parent_field(model):
    """The foreign key of a model edited inline in its parent's form (a key date in its city's)."""
    if admin.site.is_registered(model):
        return None
    return next(
        (f for f in model._meta.fields if f.many_to_one and admin.site.is_registered(f.related_model)),
        None,
    )


def edit_url(model, pk, field, parent_pk=None):
    """The admin form that edits `field` of the item, with a fragment that opens its English tab and
    focuses the field (static/translation_admin/tabs.js): `#id_summary_en`, or for an inline's field
    `#inline-milestones-<pk>-title_en`."""
    english = build_localized_fieldname(field, OTHER)
    parent = _parent_field(model)
    try:
        if parent is None:
            return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk]) + (
                f"#id_{english}"
            )
        if parent_pk is None:
            parent_pk = model._base_manager.filter(pk=pk).values_list(parent.attname, flat=True).first()
        related = parent.related_model
        prefix = parent.remote_field.get_accessor_name(model=model).replace("+", "")
        return reverse(
            f"admin:{related._meta.app_label}_{related._meta.model_name}_change", args=[parent_pk]
        ) + (f"#inline-{prefix}-{pk}-{english}")
    except NoReverseMatch:
        return ""


def _model_gaps(model):
    fields = list(translator.get_options_for_model(model).fields)
    columns = [
        build_localized_fieldname(name, language) for name in fields for language in (REFERENCE, OTHER)
    ]
    related = [f.name for f in model._meta.fields if f.many_to_one]
    items = model._base_manager.all()
    items = list(items.select_related(*related) if related else items)
    if not items:
        return []
    # The last moment each language column changed, per item and field, from the versions.
    changed_on = {}
    history = model.history.order_by(model._meta.pk.attname, "history_date", "history_id").values_list(
        model._meta.pk.attname, "history_date", *columns
    )
    previous_pk, previous = None, None
    for pk, moment, *values in history.iterator(chunk_size=2000):
        values = [_text(value) for value in values]
        for index, column in enumerate(columns):
            if pk != previous_pk:
                if values[index]:
                    changed_on[pk, column] = moment
            elif values[index] != previous[index]:
                changed_on[pk, column] = moment
        previous_pk, previous = pk, values
    gaps = []
    parent = _parent_field(model)
    for obj in items:
        label = _item_label(obj, parent)
        for name in fields:
            french_column = build_localized_fieldname(name, REFERENCE)
            english_column = build_localized_fieldname(name, OTHER)
            french = _text(getattr(obj, french_column))
            english = _text(getattr(obj, english_column))
            if not french:
                continue
            if not english:
                gaps.append(Gap(model._meta.label, obj.pk, label, name, MISSING))
                continue
            french_on = changed_on.get((obj.pk, french_column))
            english_on = changed_on.get((obj.pk, english_column))
            if french_on and english_on and french_on > english_on:
                gaps.append(Gap(model._meta.label, obj.pk, label, name, OUTDATED, french_on))
    return gaps


def _item_label(obj, parent):
    label = str(obj)
    if parent is not None:
        label = f"{getattr(obj, parent.name)} · {label}"
    return label


def all_gaps():
    """Every gap of every reported kind (item names in French, the reference), from the cache when the
    content has not changed since."""
    key = f"translation-gaps:{content_version()}"
    gaps = cache.get(key)
    if gaps is None:
        with translation.override(REFERENCE):
            gaps = [gap for model in reported_models() for gap in _model_gaps(model)]
        cache.set(key, gaps, CACHE_SECONDS)
    return gaps


def visible_models(user):
    return [
        model
        for model in reported_models()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        or user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]


def translation_gaps(user):
    """[(model, [gaps])] for the kinds `user` may view, in the report's order; kinds without gaps omitted."""
    labels = {model._meta.label: model for model in visible_models(user)}
    grouped = {}
    for gap in all_gaps():
        if gap.model_label in labels:
            grouped.setdefault(gap.model_label, []).append(gap)
    return [(labels[label], grouped[label]) for label in labels if label in grouped]


def translation_gap_count(user):
    """How many gaps `user` may see: what the admin index shows."""
    return sum(len(gaps) for _model, gaps in translation_gaps(user))
