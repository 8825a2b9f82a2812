"""Public pages (cacheable: they never touch the user or the session) and their staff previews
(`angers_intl.previews`)."""

from django.views.generic import DetailView, ListView

from angers_intl.pagination import PublicPagination
from angers_intl.previews import Previewable, StaffPreview
from angers_intl.slug_redirects import FollowsSlugRedirects
from news.models import related_prefetches

from .models import Network, Recognition


class NetworkListView(PublicPagination, ListView):
    template_name = "networks/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return Network.objects.published().with_figures()


class NetworkDetailView(FollowsSlugRedirects, Previewable, DetailView):
    model = Network
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return self.visible(Network.objects.all()).with_figures().prefetch_related(*related_prefetches())


class NetworkPreviewView(StaffPreview, NetworkDetailView):
    """Any network, published or not, as the public will see it: for staff only."""


class RecognitionListView(Previewable, PublicPagination, ListView):
    model = Recognition
    template_name = "networks/recognition_list.html"
    context_object_name = "recognitions"

    def get_queryset(self):
        return (
            self.visible(Recognition.objects.all())
            .with_levels_and_distinctions()
            .prefetch_related(*related_prefetches("distinctions__"))
        )


class RecognitionListPreviewView(StaffPreview, RecognitionListView):
    """Every label and award, published or not: for staff only."""
