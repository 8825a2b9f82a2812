"""Translated content fields (modeltranslation): `<field>_fr` and `<field>_en` columns, French fallback."""

from modeltranslation.translator import TranslationOptions, register

from angers_intl.history import track

from .models import Milestone, PartnerCity, Programme, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("fr",)


@register(PartnerCity)
class PartnerCityTranslationOptions(TranslationOptions):
    fields = ("name", "region", "summary", "body", "image_alt", "image_credit")
    required_languages = {"fr": ("name", "summary")}


@register(Milestone)
class MilestoneTranslationOptions(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"fr": ("title",)}


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "body")
    required_languages = {"fr": ("name", "summary")}


# After the registrations above: the versions hold the `_fr` and `_en` columns (angers_intl/history.py).
track(PartnerCity, m2m_fields=["themes"])
track(Milestone)
track(Programme, m2m_fields=["partner_cities"])
