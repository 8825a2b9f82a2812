"""The "Newsletter" staff group: the only staff who see subscribers (personal data), export and erase them.

Content editors (the Communication group) get nothing here. Idempotent: the group is created if missing and
given the permissions it lacks.
"""

from django.contrib.auth.models import Permission

from angers_intl.staff import grant_group_permissions
from newsletter.models import DeletionCount, Subscriber

NEWSLETTER_GROUP = "Newsletter"


def load(stdout):
    group = grant_group_permissions(NEWSLETTER_GROUP, [Subscriber], actions=("view", "change", "delete"))
    grant_group_permissions(NEWSLETTER_GROUP, [DeletionCount], actions=("view",))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="newsletter", codename="export_subscribers")
    )
    stdout.write(f"newsletter: staff group “{NEWSLETTER_GROUP}” has the subscriber permissions")
