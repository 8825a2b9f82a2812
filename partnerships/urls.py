from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "partnerships"

# Fixed paths before `<slug>/`; models.RESERVED_SLUGS keeps city slugs off them.
urlpatterns = [
    path("", views.PartnerCityListView.as_view(), name="city_list"),
    path(_("map/"), views.PartnerCityMapView.as_view(), name="map"),
    path(_("timeline/"), views.TimelineView.as_view(), name="timeline"),
    path("open-data.csv", views.OpenDataCsvView.as_view(), name="open_data_csv"),
    path("open-data.json", views.OpenDataJsonView.as_view(), name="open_data_json"),
    path(_("programmes/<slug:slug>/"), views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path(_("preview/<slug:slug>/"), views.PartnerCityPreviewView.as_view(), name="city_preview"),
    path(
        _("preview/programmes/<slug:slug>/"),
        views.ProgrammePreviewView.as_view(),
        name="programme_preview",
    ),
    path("<slug:slug>/", views.PartnerCityDetailView.as_view(), name="city_detail"),
]
