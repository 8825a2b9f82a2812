"""Public pages (cacheable: they never touch the user or the session) and staff-only previews."""

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from .models import Network, Recognition


class NetworkListView(ListView):
    template_name = "networks/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return Network.objects.published().with_figures()


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Network.objects.published().with_figures()


@method_decorator(staff_member_required, name="dispatch")
@method_decorator(permission_required("networks.view_network", raise_exception=True), name="dispatch")
class NetworkPreviewView(NetworkDetailView):
    """Any network, published or not, as the public will see it: for staff only."""

    extra_context = {"preview": True}

    def get_queryset(self):
        return Network.objects.with_figures()


class RecognitionListView(ListView):
    template_name = "networks/recognition_list.html"
    context_object_name = "recognitions"

    def get_queryset(self):
        return Recognition.objects.published().with_levels_and_distinctions()


@method_decorator(staff_member_required, name="dispatch")
@method_decorator(permission_required("networks.view_recognition", raise_exception=True), name="dispatch")
class RecognitionListPreviewView(RecognitionListView):
    """Every label and award, published or not: for staff only."""

    extra_context = {"preview": True}

    def get_queryset(self):
        return Recognition.objects.with_levels_and_distinctions()
