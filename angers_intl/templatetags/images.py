from django import template
from django.utils.html import format_html

from angers_intl.images import image_renditions

register = template.Library()

DEFAULT_SIZES = "(min-width: 72rem) 36rem, (min-width: 48rem) 50vw, 100vw"


@register.simple_tag
def responsive_image(field_file, alt, sizes=DEFAULT_SIZES, css_class=""):
    """`{% responsive_image city.image alt=city.image_alt sizes="…" %}`: an `<img>` with WebP `srcset`,
    intrinsic `width`/`height` (no layout shift), `alt`, lazy loading. Empty when there is no image."""
    if not field_file:
        return ""
    found = image_renditions(field_file)
    if not found:
        return ""
    largest = found[-1]
    srcset = ", ".join(f"{r.url} {r.width}w" for r in found)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy" '
        'decoding="async"{}>',
        largest.url,
        srcset,
        sizes,
        largest.width,
        largest.height,
        alt or "",
        format_html(' class="{}"', css_class) if css_class else "",
    )
