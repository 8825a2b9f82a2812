"""The newsletter form in the footer of every page. No database query, no cookie: pages stay cacheable."""

from django import template

from newsletter.consent import consent_statement as current_consent_statement
from newsletter.forms import SubscriptionForm

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_form.html", takes_context=True)
def newsletter_signup_form(context, id_prefix):
    """A fresh subscription form; `id_prefix` keeps its ids unique when a page shows two of them."""
    form = SubscriptionForm(request=context.get("request"), auto_id=f"{id_prefix}-%s")
    return {"form": form, "compact": True}


@register.simple_tag
def consent_statement():
    return current_consent_statement()


@register.filter
def id_prefix(form):
    """'footer-newsletter-' for a form whose auto_id is 'footer-newsletter-%s'."""
    return str(form.auto_id).replace("%s", "")
