from modeltranslation.translator import TranslationOptions, register

from angers_intl.history import track

from .models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "headquarters", "description", "city_benefits", "logo_alt")


@register(Recognition)
class RecognitionTranslationOptions(TranslationOptions):
    fields = ("name", "awarding_body", "description", "logo_alt")


@register(RecognitionLevel)
class RecognitionLevelTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Distinction)
class DistinctionTranslationOptions(TranslationOptions):
    fields = ("note",)


# After the registrations above: the versions hold the `_fr` and `_en` columns (angers_intl/history.py).
track(Network)
track(NetworkFigure)
track(Recognition)
track(RecognitionLevel)
track(Distinction)
