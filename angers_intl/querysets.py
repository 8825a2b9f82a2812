"""Query methods shared by every kind of content staff publish."""

from django.db import models


class PublishableQuerySet(models.QuerySet):
    """Content with a `published` flag: visitors only ever see what it returns."""

    def published(self):
        return self.filter(published=True)
