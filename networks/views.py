from django.views.generic import ListView, TemplateView

from .models import Network


class NetworkListView(ListView):
    template_name = "networks/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return Network.objects.published()


class RecognitionListView(TemplateView):
    template_name = "networks/recognition_list.html"
