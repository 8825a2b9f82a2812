from modeltranslation.translator import TranslationOptions, register

from .history import track
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


# After the registration above: the versions hold the `_fr` and `_en` columns (angers_intl/history.py).
track(SiteProfile)
track(LegalPage)
