"""Translated content fields (modeltranslation): `<field>_fr` and `<field>_en` columns, French fallback."""

from modeltranslation.translator import TranslationOptions, register

from angers_intl.history import track

from .models import Event, NewsItem


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt", "image_credit")
    required_languages = {"fr": ("title", "summary")}


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "place", "summary", "body", "image_alt", "image_credit")
    required_languages = {"fr": ("title", "summary")}


# After the registrations above: the versions hold the `_fr` and `_en` columns (angers_intl/history.py).
LINKS = ["partner_cities", "programmes", "networks", "distinctions"]
track(NewsItem, m2m_fields=LINKS)
track(Event, m2m_fields=LINKS)
