from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.PartnerCityListView.as_view(), name="city_list"),
]
