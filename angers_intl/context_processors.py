from .models import SiteProfile


def site_identity(request):
    """The city's identity for every template: nothing about the city is written in a template."""
    return {"site_profile": SiteProfile.for_request(request)}
