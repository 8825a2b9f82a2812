"""The Angers content of the partnerships app: themes, the nine partner cities, their key dates, the
programmes, and the Communication staff group's permissions.

Idempotent and keyed on slugs: what exists is left exactly as staff left it (no field is ever updated),
what is missing is created. Key dates come with their city, programme links with their programme.
"""

from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions

from ..models import Milestone, PartnerCity, Programme, Theme
from .data import CITIES, PROGRAMMES, THEMES

TRANSLATED = {"name", "region", "summary", "body", "title", "text", "image_alt", "image_credit"}


def localised(values):
    """{"name": {"fr": …, "en": …}, "slug": …} → {"name_fr": …, "name_en": …, "slug": …}."""
    fields = {}
    for key, value in values.items():
        if key in TRANSLATED:
            fields.update({f"{key}_{language}": text for language, text in value.items()})
        else:
            fields[key] = value
    return fields


def _create(model, values):
    # The database constraints guard every invariant; a test runs full_clean() on all of this content.
    return model.objects.create(**localised(values))


def load_themes():
    created = 0
    for values in THEMES:
        if not Theme.objects.filter(slug=values["slug"]).exists():
            _create(Theme, values)
            created += 1
    return created


def load_cities():
    created = 0
    for data in CITIES:
        values = dict(data)
        theme_slugs = values.pop("themes", [])
        milestones = values.pop("milestones", [])
        if PartnerCity.objects.filter(slug=values["slug"]).exists():
            continue
        city = _create(PartnerCity, values)
        city.themes.set(Theme.objects.filter(slug__in=theme_slugs))
        for milestone in milestones:
            _create(Milestone, {"partner_city": city, **milestone})
        created += 1
    return created


def load_programmes():
    created = 0
    for data in PROGRAMMES:
        values = dict(data)
        city_slugs = values.pop("partner_cities", [])
        if Programme.objects.filter(slug=values["slug"]).exists():
            continue
        programme = _create(Programme, values)
        programme.partner_cities.set(PartnerCity.objects.filter(slug__in=city_slugs))
        created += 1
    return created


def load(stdout):
    for label, loader, total in [
        ("themes", load_themes, len(THEMES)),
        ("partner cities", load_cities, len(CITIES)),
        ("programmes", load_programmes, len(PROGRAMMES)),
    ]:
        created = loader()
        stdout.write(f"{label}: {created} created, {total - created} kept as they were")
    grant_group_permissions(COMMUNICATION_GROUP, [PartnerCity, Milestone, Programme, Theme])
    stdout.write(
        f"staff group “{COMMUNICATION_GROUP}”: may manage partner cities, key dates, programmes, themes"
    )
