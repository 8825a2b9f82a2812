from modeltranslation.translator import TranslationOptions, register

from .models import LegalPage, SiteProfile


@register(SiteProfile)
class SiteProfileTranslationOptions(TranslationOptions):
    fields = (
        "city_name",
        "site_title",
        "tagline",
        "intro",
        "publisher",
        "postal_address",
        "publication_director",
        "host",
        "logo_alt",
        "share_image_alt",
    )


@register(LegalPage)
class LegalPageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("fr",)
