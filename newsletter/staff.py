"""The "Newsletter" staff group: the only staff who see subscribers (personal data), export and erase them,
and who write and send the issues.

Content editors (the Communication group) get nothing here. Run after `migrate` (see `angers_intl.staff`).
"""

from angers_intl.staff import grant_group_permissions

NEWSLETTER_GROUP = "Newsletter"


def grant_staff_permissions(**kwargs):
    from django.contrib.auth.models import Permission

    from .models import DeletionCount, NewsletterIssue, Subscriber

    group = grant_group_permissions(NEWSLETTER_GROUP, [Subscriber], actions=("view", "change", "delete"))
    grant_group_permissions(NEWSLETTER_GROUP, [DeletionCount], actions=("view",))
    grant_group_permissions(NEWSLETTER_GROUP, [NewsletterIssue])
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=["export_subscribers", "send_newsletterissue"]
        )
    )
