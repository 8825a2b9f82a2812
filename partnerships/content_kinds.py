"""The partnerships kinds of a content folder: themes, partner cities with their key dates, programmes."""

from angers_intl.content_format import Kind, Ref

from .models import Milestone, PartnerCity, Programme, Theme

UPDATED_AT_LEFT_OUT = "auto_now: the time of the last save on this site, not content to carry to another"

KINDS = [
    Kind(Theme, file="themes.yaml", seed_key="theme:{slug}", label="themes"),
    Kind(
        PartnerCity,
        file="partner-cities.yaml",
        seed_key="city:{slug}",
        refs={"themes": Ref("slug")},
        # Key dates have no natural key: they come with their city, the first time only.
        children={"milestones": Kind(Milestone, key=(), label="key dates")},
        left_out={"updated_at": UPDATED_AT_LEFT_OUT},
        label="partner cities",
    ),
    Kind(
        Programme,
        file="programmes.yaml",
        seed_key="programme:{slug}",
        refs={"partner_cities": Ref("slug")},
        left_out={"updated_at": UPDATED_AT_LEFT_OUT},
        label="programmes",
    ),
]
