from modeltranslation.translator import TranslationOptions, register

from .models import PartnerCity


@register(PartnerCity)
class PartnerCityTranslationOptions(TranslationOptions):
    fields = ("name",)
