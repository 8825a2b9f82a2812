from django.views.generic import TemplateView


class NewsletterView(TemplateView):
    template_name = "newsletter/signup.html"
