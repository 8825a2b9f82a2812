from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "networks"

urlpatterns = [
    path(_("networks/"), views.NetworkListView.as_view(), name="network_list"),
    path(_("networks/preview/<slug:slug>/"), views.NetworkPreviewView.as_view(), name="network_preview"),
    path(_("networks/<slug:slug>/"), views.NetworkDetailView.as_view(), name="network_detail"),
    path(_("labels-and-awards/"), views.RecognitionListView.as_view(), name="recognition_list"),
    path(
        _("labels-and-awards/preview/"),
        views.RecognitionListPreviewView.as_view(),
        name="recognition_list_preview",
    ),
]
