from modeltranslation.translator import TranslationOptions, register

from .models import SiteProfile


@register(SiteProfile)
class SiteProfileTranslationOptions(TranslationOptions):
    fields = ("city_name", "site_title", "tagline", "intro", "publisher", "postal_address")
