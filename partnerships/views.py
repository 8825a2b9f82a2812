from django.views.generic import ListView

from .models import PartnerCity


class PartnerCityListView(ListView):
    template_name = "partnerships/city_list.html"
    context_object_name = "cities"

    def get_queryset(self):
        return PartnerCity.objects.published()
