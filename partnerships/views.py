"""Public pages of partner cities and programmes, and their staff previews.

Public views never touch `request.user` or the session (pages stay cacheable by a shared cache); each
runs a fixed number of queries whatever the number of cities. The staff previews are separate views, made
the one way of `angers_intl.previews`.
"""

import csv
from dataclasses import replace

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.utils.functional import SimpleLazyObject
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from angers_intl.fragments import cached_value
from angers_intl.pagination import PublicPagination, page_of, pagination_context
from angers_intl.previews import Previewable, StaffPreview
from angers_intl.slug_redirects import FollowsSlugRedirects, redirect_target
from angers_intl.spreadsheets import spreadsheet_safe
from news.models import related_prefetches

from .forms import PartnerCityFilterForm
from .maps import MAX_MARKERS, WORLD, Zone, by_country, city_frame, detail_frames, grouped, markers
from .models import PartnerCity, Programme, Theme
from .opendata import FIELDS, partnership_records
from .services import by_year, published_timeline_events, timeline_decades
from .structured_data import city_json_ld


class PartnerCityListView(PublicPagination, ListView):
    template_name = "partnerships/city_list.html"
    context_object_name = "cities"

    def get(self, request, *args, **kwargs):
        themes, country_codes = cached_value("city-filter-choices", self.filter_choices)
        self.filter_form = PartnerCityFilterForm(
            request.GET or None, themes=themes, country_codes=country_codes
        )
        return self.former_theme_redirect(request) or super().get(request, *args, **kwargs)

    def former_theme_redirect(self, request):
        """A list filtered by a theme's former slug (`?theme=…`, an old shared link): 301 to the list filtered
        by its current slug (`angers_intl.slug_redirects`). Looked up only for a slug no theme has."""
        slug = request.GET.get("theme")
        if not slug or slug in self.filter_form.themes_by_slug:
            return None
        pk = redirect_target(Theme, slug)
        theme = next((theme for theme in self.filter_form.themes_by_slug.values() if theme.pk == pk), None)
        if theme is None:
            return None
        query = request.GET.copy()
        query["theme"] = theme.slug
        return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")

    @staticmethod
    def filter_choices():
        """The themes, and the countries of the published cities: what the filters offer."""
        published = PartnerCity.objects.published()
        country_codes = published.order_by().values_list("country", flat=True).distinct()
        return list(Theme.objects.all()), list(country_codes)

    def pagination_query(self):
        return self.filter_form.query_string

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        # The number of matching cities, counted once per filter combination and content version.
        paginator.count = cached_value(
            "city-count", queryset.count, vary_on=[self.filter_form.submitted_values]
        )
        return paginator

    def get_queryset(self):
        return PartnerCity.objects.published().with_themes().filtered(**self.filter_form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            is_filtering=self.filter_form.is_filtering,
            # The first few; the programme list has them all.
            programmes=Programme.objects.published()[: settings.PROGRAMMES_ON_CITY_LIST],
            open_data_licence_name=settings.OPEN_DATA_LICENCE_NAME,
            open_data_licence_url=settings.OPEN_DATA_LICENCE_URL,
            **kwargs,
        )


class PartnerCityDetailView(FollowsSlugRedirects, Previewable, DetailView):
    model = PartnerCity
    template_name = "partnerships/city_detail.html"
    context_object_name = "city"

    def get_queryset(self):
        return self.visible(PartnerCity.objects.all())

    def get_object(self, queryset=None):
        if self.preview:
            return super().get_object(queryset)
        # Kept like the page's fragments: the record they are keyed on.
        return cached_value("partner-city", super().get_object, vary_on=[self.kwargs["slug"]])

    @staticmethod
    def with_relations(city):
        """The city with what its page lists, fetched in the queries that `with_themes()` and the others
        would run; only when the page's fragment is not in the cache."""
        related = PartnerCity.objects.with_themes().with_milestones().with_published_programmes()
        prefetch_related_objects([city], *related._prefetch_related_lookups, *related_prefetches())
        return city

    def get_context_data(self, **kwargs):
        city = self.object
        frame = None
        if city.has_position:
            # Shown small beside the text: a bigger label than on the full-width map page.
            frame = city_frame(city.latitude, city.longitude)
            frame = replace(frame, label_size=frame.label_size * 2)
        # A city so near a pole or the antimeridian that its frame leaves it out gets no map (not a 500).
        marker = next(iter(markers([city], frame)), None) if frame else None
        url = self.request.build_absolute_uri(city.get_absolute_url())
        # Lazy: only computed when the page's fragments are not in the cache (angers_intl/fragments.py).
        published = PartnerCity.objects.published()
        return super().get_context_data(
            city_with_relations=SimpleLazyObject(lambda: self.with_relations(city)),
            previous_city=SimpleLazyObject(lambda: published.neighbour_of(city, after=False)),
            next_city=SimpleLazyObject(lambda: published.neighbour_of(city, after=True)),
            map_frame=frame if marker else None,
            map_marker=marker,
            structured_data=lambda: city_json_ld(city, url),
            **kwargs,
        )


class PartnerCityPreviewView(StaffPreview, PartnerCityDetailView):
    """The page of a city as it will look once published, for staff only (published or not)."""


class ProgrammeDetailView(FollowsSlugRedirects, Previewable, DetailView):
    model = Programme
    template_name = "partnerships/programme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return (
            self.visible(Programme.objects.all())
            .with_published_cities()
            .prefetch_related(*related_prefetches())
        )


class ProgrammePreviewView(StaffPreview, ProgrammeDetailView):
    """The page of a programme, published or not, for staff only."""


class TimelineView(TemplateView):
    """The story year by year, `TIMELINE_PAGE_SIZE` events a page, with links to where each decade begins."""

    template_name = "partnerships/timeline.html"

    def get_context_data(self, **kwargs):
        events = published_timeline_events()
        page = page_of(self.request, Paginator(events, settings.TIMELINE_PAGE_SIZE))
        start = page.start_index() - 1
        return super().get_context_data(
            timeline=by_year(page.object_list, previous=events[start - 1] if start > 0 else None),
            first_year=events[0].year if events else None,
            decades=timeline_decades(events, settings.TIMELINE_PAGE_SIZE) if page.has_other_pages() else [],
            **pagination_context(page),
            **kwargs,
        )


class PartnerCityMapView(TemplateView):
    """The world map, or with `?zone=` the map of one cell of the grid (`maps.Zone`). Up to
    `maps.MAX_MARKERS` cities, a map shows each city (the world map with its detail maps) and the table
    lists them; beyond, it groups them by grid cell, each group linking to its zone's map, and the table
    counts them by country, linking to the list. One query either way."""

    template_name = "partnerships/map.html"

    def get(self, request, *args, **kwargs):
        self.zone = None
        if "zone" in request.GET:
            self.zone = Zone.parse(request.GET["zone"])
            if self.zone is None:
                raise Http404("No such zone of the map.")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        located = PartnerCity.objects.published().located()
        if self.zone:
            frame = self.zone.frame
            cities = list(
                located.filter(
                    latitude__range=(frame.south, frame.north), longitude__range=(frame.west, frame.east)
                )
            )
            level = self.zone.child_level
        else:
            frame, cities, level = WORLD, list(located), 0
        if len(cities) <= MAX_MARKERS or level is None:
            return super().get_context_data(zone=self.zone, **self.every_city(frame, cities), **kwargs)
        lone, groups = grouped(cities, frame, level)
        return super().get_context_data(
            zone=self.zone,
            frame=frame,
            links=markers(lone, frame, groups),
            groups=groups,
            countries=by_country(cities),
            **kwargs,
        )

    def every_city(self, frame, cities):
        """Each city on the map, and in the table; the world map also has detail maps where they are close."""
        frames = detail_frames(cities) if frame == WORLD else []

        def in_a_detail_frame(marker):
            return any(frame.contains(marker.city.latitude, marker.city.longitude) for frame in frames)

        found = markers(cities, frame)
        return {
            "frame": frame,
            "cities": cities,
            # On the world map, cities that a detail map shows are plain dots (one link per city).
            "links": [m for m in found if not in_a_detail_frame(m)],
            "dots": [m for m in found if in_a_detail_frame(m)],
            "details": [
                {"frame": detail, "inset": detail.outline_in(WORLD), "links": markers(cities, detail)}
                for detail in frames
            ],
        }


class OpenDataCsvView(View):
    """The published partnerships as CSV (UTF-8, one row per partner city, both languages).

    Numbers stay numbers (a longitude of -1.5 is written -1.5); a text cell that a spreadsheet would run
    as a formula is written behind a `'`, the rule of every file the site writes (`spreadsheet_safe`).
    """

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="partner-cities.csv"'
        writer = csv.DictWriter(response, fieldnames=FIELDS)
        writer.writeheader()
        for record in partnership_records(request.build_absolute_uri):
            record["themes"] = " ".join(record["themes"])
            writer.writerow({field: spreadsheet_safe(value) for field, value in record.items()})
        return response


class OpenDataJsonView(View):
    """The same records as JSON, with the licence under which they are published."""

    def get(self, request, *args, **kwargs):
        return JsonResponse(
            {
                "licence": {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL},
                "source": request.build_absolute_uri(request.path),
                "partner_cities": partnership_records(request.build_absolute_uri),
            },
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
