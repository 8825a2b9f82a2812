"""Public newsletter pages. Thin: forms validate, services act, templates speak.

The POST endpoints are exempt from Django's CSRF middleware (it needs a cookie, and public pages set none so
that a shared cache can serve them); they check instead that the request comes from our own origin.
Reasoning in docs/architecture.md, "Newsletter forms without a CSRF cookie".
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView, TemplateView

from angers_intl.pagination import PublicPagination

from . import emails, ratelimit, services
from .forms import SubscriptionForm, UnsubscriptionRequestForm
from .models import NewsletterIssue
from .rendering import issue_cards
from .services import LinkState

SAFE_FETCH_SITES = {"same-origin", "none"}


def own_origins(request):
    """Origins our own pages are served from: this request's, SITE_BASE_URL's and CSRF_TRUSTED_ORIGINS."""
    base = urlsplit(settings.SITE_BASE_URL)
    return {
        f"{request.scheme}://{request.get_host()}",
        f"{base.scheme}://{base.netloc}",
        *settings.CSRF_TRUSTED_ORIGINS,
    }


def sent_from_another_site(request):
    """True when a browser tells us the form was posted by a page of another origin.

    Browsers send Origin with every POST; older ones at least Sec-Fetch-Site or Referer. A request with none
    of them does not come from a browser made to post by another site, so it is not a forgery (robots get the
    honeypot, the timing check and the rate limits).
    """
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin not in own_origins(request)
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in SAFE_FETCH_SITES
    referer = request.headers.get("Referer")
    if referer:
        try:
            parts = urlsplit(referer)
        except ValueError:
            return True
        return f"{parts.scheme}://{parts.netloc}" not in own_origins(request)
    return False


def refuse_cross_site(request):
    return render(request, "newsletter/cross_site.html", status=403)


class OwnOriginPostMixin:
    """POSTs without CSRF cookie, but only from our own pages (and never cached: they carry tokens or errors)."""

    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and sent_from_another_site(request):
            return refuse_cross_site(request)
        return super().dispatch(request, *args, **kwargs)


def second_chance(response):
    """A form sent back too fast: the same form again, filled in, to send with one click. It never claims
    an e-mail went out, and (no address being looked up) it is the same for every address's state. It shows
    the typed address, so no cache may keep it."""
    add_never_cache_headers(response)
    return response


class NewsletterView(OwnOriginPostMixin, TemplateView):
    """The newsletter page: subscribe, or ask for an unsubscribe link. POST here subscribes (footer forms too)."""

    template_name = "newsletter/signup.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "subscription_form", SubscriptionForm(request=self.request, auto_id="newsletter-%s")
        )
        kwargs.setdefault("unsubscription_form", UnsubscriptionRequestForm(auto_id="unsubscribe-%s"))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = SubscriptionForm(request.POST, auto_id="newsletter-%s")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(subscription_form=form))
        if form.sent_too_fast() and not form.honeypot_filled():
            return second_chance(
                self.render_to_response(
                    self.get_context_data(subscription_form=form.second_chance(), second_chance=True)
                )
            )
        services.request_subscription(
            email=form.cleaned_data["email"],
            language=form.cleaned_data["language"],
            source=form.cleaned_data["source"],
            form_language=get_language(),
            automated=form.honeypot_filled(),
            client_address=ratelimit.client_address(request),
            base_url=emails.base_url_for(request),
        )
        # The same answer whatever happened: nobody learns from it whether an address is subscribed.
        return redirect("newsletter:subscription_requested")


class UnsubscriptionRequestView(OwnOriginPostMixin, TemplateView):
    """Ask for an unsubscribe link by typing the address (for those who lost our e-mails)."""

    template_name = "newsletter/unsubscribe_request.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", UnsubscriptionRequestForm(auto_id="unsubscribe-%s"))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = UnsubscriptionRequestForm(request.POST, auto_id="unsubscribe-%s")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if form.sent_too_fast() and not form.honeypot_filled():
            return second_chance(
                self.render_to_response(self.get_context_data(form=form.second_chance(), second_chance=True))
            )
        services.request_unsubscription(
            form.cleaned_data["email"],
            automated=form.honeypot_filled(),
            client_address=ratelimit.client_address(request),
            base_url=emails.base_url_for(request),
        )
        # The same answer whatever happened: nobody learns from it whether an address is subscribed.
        return redirect("newsletter:unsubscription_requested")


@method_decorator(never_cache, name="dispatch")
class ConfirmView(OwnOriginPostMixin, View):
    """GET shows a button (mail scanners open links), POST confirms."""

    template_name = "newsletter/confirm.html"

    def get(self, request, token):
        return self.answer(services.inspect_confirmation_link(token))

    def post(self, request, token):
        return self.answer(services.confirm_subscription(token))

    def answer(self, result):
        context = {
            "state": result.state,
            "email": result.email,
            "max_age_hours": settings.NEWSLETTER_CONFIRMATION_MAX_AGE_HOURS,
        }
        if result.state in (LinkState.EXPIRED, LinkState.INVALID):
            context["subscription_form"] = SubscriptionForm(request=self.request, auto_id="newsletter-%s")
        return render(self.request, self.template_name, context, status=_status(result.state))


@method_decorator(never_cache, name="dispatch")
class UnsubscribeView(OwnOriginPostMixin, View):
    """GET shows a button, POST unsubscribes.

    RFC 8058 one-click: a mail program posts `List-Unsubscribe=One-Click` to the URL of the List-Unsubscribe
    header, from its own servers, and reads no page: it gets an empty answer and no cookie. The secret token
    in the URL is the authorisation, so such a POST needs no check of its origin.
    """

    template_name = "newsletter/unsubscribe.html"

    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
            result = services.unsubscribe(kwargs["token"])
            return HttpResponse(status=400 if result.state == LinkState.INVALID else 200)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, token):
        return self.answer(services.inspect_unsubscribe_link(token))

    def post(self, request, token):
        return self.answer(services.unsubscribe(token))

    def answer(self, result):
        context = {"state": result.state, "email": result.email}
        if result.state == LinkState.INVALID:
            context["form"] = UnsubscriptionRequestForm(auto_id="unsubscribe-%s")
        return render(self.request, self.template_name, context, status=_status(result.state))


def _status(state):
    return 400 if state in (LinkState.EXPIRED, LinkState.INVALID) else 200


class IssueArchiveView(PublicPagination, ListView):
    """Every issue sent, latest first (in the visitor's language, French when a translation is missing)."""

    template_name = "newsletter/issue_archive.html"
    context_object_name = "issues"

    def get_queryset(self):
        return NewsletterIssue.objects.archived()


class IssueDetailView(DetailView):
    template_name = "newsletter/issue_detail.html"
    context_object_name = "issue"

    def get_queryset(self):
        return NewsletterIssue.objects.archived()

    def get_context_data(self, **kwargs):
        return super().get_context_data(cards=issue_cards(self.object, absolute=False), **kwargs)
