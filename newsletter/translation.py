from modeltranslation.translator import TranslationOptions, register

from .models import NewsletterIssue


@register(NewsletterIssue)
class NewsletterIssueTranslationOptions(TranslationOptions):
    # Both languages are checked before sending (newsletter/sending.py), not at every save: a draft may be
    # written in French first.
    fields = ("subject", "preheader", "body")
    required_languages = ("fr",)
