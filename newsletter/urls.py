"""Newsletter pages, under the translated prefix `newsletter/` (`/fr/lettre-d-information/`), and its archive."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import views
from .feeds import IssueFeed

app_name = "newsletter"

urlpatterns = [
    path("", views.NewsletterView.as_view(), name="signup"),
    path(
        _("check-your-inbox/"),
        TemplateView.as_view(template_name="newsletter/subscription_requested.html"),
        name="subscription_requested",
    ),
    path(_("confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(_("unsubscribe/"), views.UnsubscriptionRequestView.as_view(), name="unsubscribe_request"),
    path(
        _("unsubscribe/link-sent/"),
        TemplateView.as_view(template_name="newsletter/unsubscription_requested.html"),
        name="unsubscription_requested",
    ),
    path(_("unsubscribe/<str:token>/"), views.UnsubscribeView.as_view(), name="unsubscribe"),
    path(_("issues/"), views.IssueArchiveView.as_view(), name="issue_archive"),
    path(_("issues/feed/"), IssueFeed(), name="issue_feed"),
    path(_("issues/<int:pk>/"), views.IssueDetailView.as_view(), name="issue_detail"),
]
