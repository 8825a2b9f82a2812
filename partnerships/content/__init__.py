"""The Angers content of the partnerships app: themes, the nine partner cities, their key dates, the
programmes, and the Communication staff group's permissions.

Idempotent: each record is created once, the first time (`angers_intl.seeding.SeedLedger`, keyed on
slugs); afterwards it is exactly as staff left it — edited, re-slugged or deleted — and never recreated. Key dates come with their city, programme links with their programme.
"""

from angers_intl.seeding import SeedLedger
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


def load_themes(ledger):
    for values in THEMES:
        ledger.create_once(
            f"theme:{values['slug']}",
            find=lambda values=values: Theme.objects.filter(slug=values["slug"]).first(),
            create=lambda values=values: _create(Theme, values),
        )


def _create_city(values, theme_slugs, milestones):
    city = _create(PartnerCity, values)
    city.themes.set(Theme.objects.filter(slug__in=theme_slugs))
    for milestone in milestones:
        _create(Milestone, {"partner_city": city, **milestone})
    return city


def load_cities(ledger):
    for data in CITIES:
        values = dict(data)
        theme_slugs = values.pop("themes", [])
        milestones = values.pop("milestones", [])
        ledger.create_once(
            f"city:{values['slug']}",
            find=lambda values=values: PartnerCity.objects.filter(slug=values["slug"]).first(),
            create=lambda values=values, themes=theme_slugs, dates=milestones: _create_city(
                values, themes, dates
            ),
        )


def _create_programme(values, city_slugs):
    programme = _create(Programme, values)
    programme.partner_cities.set(PartnerCity.objects.filter(slug__in=city_slugs))
    return programme


def load_programmes(ledger):
    for data in PROGRAMMES:
        values = dict(data)
        city_slugs = values.pop("partner_cities", [])
        ledger.create_once(
            f"programme:{values['slug']}",
            find=lambda values=values: Programme.objects.filter(slug=values["slug"]).first(),
            create=lambda values=values, cities=city_slugs: _create_programme(values, cities),
        )


def load(stdout):
    for label, loader in [
        ("themes", load_themes),
        ("partner cities", load_cities),
        ("programmes", load_programmes),
    ]:
        ledger = SeedLedger("partnerships")
        loader(ledger)
        stdout.write(f"{label}: {ledger.created} created, {ledger.kept} kept as they were")
    grant_group_permissions(COMMUNICATION_GROUP, [PartnerCity, Milestone, Programme, Theme])
    stdout.write(
        f"staff group “{COMMUNICATION_GROUP}”: may manage partner cities, key dates, programmes, themes"
    )
