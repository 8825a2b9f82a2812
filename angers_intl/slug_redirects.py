"""Former addresses keep working: when a record's slug changes, its old page answers 301 to the new one.

- **Recording**: a model whose slug makes a public address inherits `KeepsFormerSlugs` (partner cities,
  programmes, networks, themes). Its `save()` compares the slug with the one read from the database and, when
  it changed, records a `SlugRedirect` (old slug → the record, not its next slug: a chain a → b → c leads from
  a straight to c). Whatever saves the record records it: the admin, an import, the content loader, code.
  A slug that becomes a record's current one again (its own, or another record's of the same kind) stops
  redirecting; deleting the record deletes its redirects (`GenericRelation`). `QuerySet.update(slug=…)` and
  other writes that bypass `save()` record nothing.
- **Answering**: a public view whose URL holds the slug mixes in `FollowsSlugRedirects`. Only when the slug
  finds no record (the 404 path) is the redirect looked up, so a normal page view runs no extra query; the
  redirect goes to the same view (public page or staff preview) in the request's language, and only to a
  record that view shows (an unpublished record's new slug is not given away).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from .models import SlugRedirect


def record_slug_change(instance, old_slug):
    """After `instance` was saved with its current slug, having had `old_slug` (None for a new record)."""
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=True)
    # The current slug is an address of a record again: it no longer leads anywhere else.
    SlugRedirect.objects.filter(content_type=content_type, old_slug=instance.slug).delete()
    if old_slug:
        SlugRedirect.objects.update_or_create(
            content_type=content_type, old_slug=old_slug, defaults={"object_id": instance.pk}
        )


def redirect_target(model, old_slug):
    """The primary key of the record of `model` that had `old_slug`, or None."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    return (
        SlugRedirect.objects.filter(content_type=content_type, old_slug=old_slug)
        .values_list("object_id", flat=True)
        .first()
    )


class KeepsFormerSlugs(models.Model):
    """Abstract base of the models whose `slug` makes a public address (see the module's docstring)."""

    former_slugs = GenericRelation(SlugRedirect)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        stored_slug = getattr(self, "_stored_slug", None)
        if stored_slug == self.slug:
            super().save(*args, **kwargs)
            return
        with transaction.atomic():
            super().save(*args, **kwargs)
            record_slug_change(self, stored_slug)
        self._stored_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._stored_slug = instance.__dict__.get("slug")
        return instance


class FollowsSlugRedirects:
    """Mixed into a detail view whose URL has a `slug`: a former slug answers 301 to the current page."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            target = self.former_slug_target(kwargs.get("slug"))
            if target is None:
                raise
        url = reverse(request.resolver_match.view_name, kwargs={**kwargs, "slug": target.slug})
        if query := request.META.get("QUERY_STRING"):
            url = f"{url}?{query}"
        return HttpResponsePermanentRedirect(url)

    def former_slug_target(self, slug):
        pk = redirect_target(self.model, slug) if slug else None
        return self.get_queryset().filter(pk=pk).first() if pk is not None else None
