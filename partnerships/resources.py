"""Partner cities and programmes as CSV/XLSX rows for the admin's import and export (see angers_intl.spreadsheets).

Images and key dates are not in these files: staff add them in the admin form.
"""

from import_export.fields import Field

from angers_intl.spreadsheets import ContentResource, CountryWidget, SlugsWidget

from .models import PartnerCity, Programme, Theme


class PartnerCityResource(ContentResource):
    country = Field(attribute="country", column_name="country", widget=CountryWidget())
    themes = Field(attribute="themes", column_name="themes", widget=SlugsWidget(Theme))
    published = ContentResource.published_column()

    class Meta(ContentResource.Meta):
        model = PartnerCity
        fields = [
            "slug",
            "name_fr",
            "name_en",
            "country",
            "region_fr",
            "region_en",
            "agreement_type",
            "status",
            "year_started",
            "agreement_signed_on",
            "themes",
            "summary_fr",
            "summary_en",
            "body_fr",
            "body_en",
            "image_alt_fr",
            "image_alt_en",
            "image_credit_fr",
            "image_credit_en",
            "latitude",
            "longitude",
            "website",
            "display_order",
            "published",
        ]
        export_order = fields


class ProgrammeResource(ContentResource):
    partner_cities = Field(
        attribute="partner_cities", column_name="partner_cities", widget=SlugsWidget(PartnerCity)
    )
    published = ContentResource.published_column()

    class Meta(ContentResource.Meta):
        model = Programme
        fields = [
            "slug",
            "name_fr",
            "name_en",
            "start_year",
            "partner_cities",
            "summary_fr",
            "summary_en",
            "body_fr",
            "body_en",
            "website",
            "display_order",
            "published",
        ]
        export_order = fields
