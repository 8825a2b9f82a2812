"""Networks and distinctions as CSV/XLSX rows for the admin's import and export (see angers_intl.spreadsheets).

A distinction has no slug: a row names it by its recognition's slug, its year and its level's rank (the
three columns of its uniqueness constraint). Logos and membership figures are edited in the admin form.
"""

from django.utils.translation import gettext as _
from import_export.fields import Field

from angers_intl.spreadsheets import ContentResource, SlugForeignKeyWidget

from .models import Distinction, Network, Recognition, RecognitionLevel


class NetworkResource(ContentResource):
    published = ContentResource.published_column()

    class Meta(ContentResource.Meta):
        model = Network
        fields = [
            "slug",
            "name_fr",
            "name_en",
            "name_language",
            "acronym_fr",
            "acronym_en",
            "kind",
            "scope",
            "founded_year",
            "joined_year",
            "headquarters_fr",
            "headquarters_en",
            "description_fr",
            "description_en",
            "city_benefits_fr",
            "city_benefits_en",
            "website",
            "logo_alt_fr",
            "logo_alt_en",
            "display_order",
            "published",
        ]
        export_order = fields


class LevelRankWidget(SlugForeignKeyWidget):
    """A level by its rank within the row's recognition (1 for the first level)."""

    def __init__(self):
        super().__init__(RecognitionLevel, field="rank")

    def get_queryset(self, value, row, *args, **kwargs):
        return RecognitionLevel.objects.filter(recognition__slug=(row or {}).get("recognition"))

    def clean(self, value, row=None, **kwargs):
        if value is not None and str(value).strip():
            try:
                value = int(float(str(value).strip()))
            except ValueError:
                raise ValueError(self.unknown_message(value, row)) from None
        return super().clean(value, row, **kwargs)

    def unknown_message(self, value, row):
        return _("“%(recognition)s” has no level of rank %(rank)s.") % {
            "recognition": (row or {}).get("recognition") or "—",
            "rank": value,
        }

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value.rank)


class DistinctionResource(ContentResource):
    recognition = Field(
        attribute="recognition", column_name="recognition", widget=SlugForeignKeyWidget(Recognition)
    )
    level = Field(attribute="level", column_name="level", widget=LevelRankWidget())

    class Meta(ContentResource.Meta):
        model = Distinction
        import_id_fields = ["recognition", "year", "level"]
        fields = [
            "recognition",
            "year",
            "level",
            "awarded_on",
            "valid_from",
            "valid_until",
            "note_fr",
            "note_en",
        ]
        export_order = fields
