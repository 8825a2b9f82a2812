from modeltranslation.translator import TranslationOptions, register

from angers_intl.history import track

from .models import NewsletterIssue


@register(NewsletterIssue)
class NewsletterIssueTranslationOptions(TranslationOptions):
    # Both languages are checked before sending (newsletter/sending.py), not at every save: a draft may be
    # written in French first.
    fields = ("subject", "preheader", "body")
    required_languages = ("fr",)


# After the registration above: the versions hold the `_fr` and `_en` columns (angers_intl/history.py).
# The sending's own bookkeeping (the worker's lease, the pause details) is not part of a version. Never
# Subscriber nor Delivery: a subscriber's address must leave no copy once the subscriber is erased.
track(
    NewsletterIssue,
    m2m_fields=["partner_cities", "programmes", "networks", "distinctions", "news_items", "events"],
    excluded_fields=["pause_details", "lease_owner", "lease_expires_at", "deliveries_prepared"],
)
