"""Site-wide views: home page and error pages."""

import logging

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.generic import TemplateView

from networks.models import Network
from partnerships.models import PartnerCity

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["city_figures"] = PartnerCity.objects.published().figures()
        context["network_count"] = Network.objects.published().count()
        return context


class LegalPageView(TemplateView):
    """Legal notice, personal data, accessibility statement. Their text becomes staff-editable content."""

    template_name = "pages/legal_page.html"
    page = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page in the site's design; a bare page if even that fails (the database may be down)."""
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("The designed 500 page could not be rendered; serving the bare one.")
        return HttpResponseServerError(loader.get_template("500_bare.html").render())
