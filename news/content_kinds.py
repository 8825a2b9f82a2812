"""The news kinds of a content folder: news items and events (docs/content-format.md). The bundled content
has none: its files are empty lists."""

from angers_intl.content_format import Kind, Ref

from .models import Event, NewsItem

UPDATED_AT_LEFT_OUT = "auto_now: the time of the last save on this site, not content to carry to another"
DISTINCTIONS_LEFT_OUT = "a distinction has no slug to name it by in a list: staff link them in the admin"
LINKS = {"partner_cities": Ref("slug"), "programmes": Ref("slug"), "networks": Ref("slug")}

KINDS = [
    Kind(
        NewsItem,
        file="news.yaml",
        seed_key="news:{slug}",
        refs=LINKS,
        left_out={"updated_at": UPDATED_AT_LEFT_OUT, "distinctions": DISTINCTIONS_LEFT_OUT},
        label="news",
    ),
    Kind(
        Event,
        file="events.yaml",
        seed_key="event:{slug}",
        refs=LINKS,
        left_out={
            "updated_at": UPDATED_AT_LEFT_OUT,
            "created_at": "auto_now_add: when it was announced on this site",
            "distinctions": DISTINCTIONS_LEFT_OUT,
        },
        label="events",
    ),
]
