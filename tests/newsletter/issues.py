"""Plain helpers for the sending tests: subscribers and issues as staff make them."""

from django.utils import timezone

from newsletter.consent import CONSENT_VERSION
from newsletter.models import NewsletterIssue, Subscriber


def confirmed(email, language="fr"):
    now = timezone.now()
    return Subscriber.objects.create(
        email=email,
        language=language,
        form_language=language,
        consent_version=CONSENT_VERSION,
        subscribed_at=now,
        confirmed_at=now,
        status=Subscriber.Status.CONFIRMED,
    )


def issue(**fields):
    values = {
        "subject_fr": "Des nouvelles de nos villes jumelles",
        "subject_en": "News from our twin cities",
        "preheader_fr": "Pise, Haarlem et un nouveau label",
        "preheader_en": "Pisa, Haarlem and a new label",
        "body_fr": "## Bonjour\n\nLisez [notre page](/fr/villes-partenaires/) et [le site de Pise](https://www.comune.pisa.it/).",
        "body_en": "## Hello\n\nRead [our page](/en/partner-cities/) and [Pisa's site](https://www.comune.pisa.it/).",
    }
    values.update(fields)
    return NewsletterIssue.objects.create(**values)
