from modeltranslation.translator import TranslationOptions, register

from .models import Distinction, Network, Recognition, RecognitionLevel


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
