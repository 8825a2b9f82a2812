from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "networks"

urlpatterns = [
    path(_("networks/"), views.NetworkListView.as_view(), name="network_list"),
    path(_("labels-and-awards/"), views.RecognitionListView.as_view(), name="recognition_list"),
]
