from django import template
from django.utils.html import format_html

from angers_intl.image_fields import focal_point_classes
from angers_intl.images import image_renditions

register = template.Library()

DEFAULT_SIZES = "(min-width: 72rem) 36rem, (min-width: 48rem) 50vw, 100vw"


# Open Graph asks for 1200 px wide images; a narrower original is used at its own width.
SHARE_IMAGE_WIDTHS = (1200,)


@register.simple_tag
def responsive_image(field_file, alt, sizes=DEFAULT_SIZES, css_class="", eager=False, lang=""):
    """`{% responsive_image city.image alt=city.image_alt sizes="…" %}`: an `<img>` with WebP `srcset`,
    intrinsic `width`/`height` (no layout shift), `alt`, lazy loading (`eager=True` for an image at the
    top of every page, such as the logo). `width`/`height` are those of the file in `src` (the widest
    rendition, never wider than the original); every `srcset` candidate has the same aspect ratio. An image
    with a focal point gets its `focus-x-NN focus-y-NN` classes: where CSS crops it (`object-fit: cover`),
    the crop keeps that point in view. `lang="fr"` when the alternative text is the French fallback on an English page
    (`alt=city.image_alt lang=city|fallback_language:"image_alt"`). Empty when there is no image."""
    if not field_file:
        return ""
    found = image_renditions(field_file)
    if not found:
        return ""
    largest = found[-1]
    classes = " ".join(filter(None, [css_class, focal_point_classes(field_file)]))
    srcset = ", ".join(f"{r.url} {r.width}w" for r in found)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" '
        'decoding="async"{}{}>',
        largest.url,
        srcset,
        sizes,
        largest.width,
        largest.height,
        alt or "",
        "eager" if eager else "lazy",
        format_html(' class="{}"', classes) if classes else "",
        format_html(' lang="{}"', lang) if lang else "",
    )


@register.simple_tag(takes_context=True)
def open_graph_image(context, field_file, alt):
    """`{% open_graph_image profile.share_image alt=profile.share_image_alt %}`: the `og:image` tags (an
    absolute URL of a 1200 px WebP rendition, its size and alt text). Empty when there is no image."""
    if not field_file:
        return ""
    found = image_renditions(field_file, widths=SHARE_IMAGE_WIDTHS)
    if not found:
        return ""
    image = found[-1]
    request = context.get("request")
    url = request.build_absolute_uri(image.url) if request else image.url
    return format_html(
        '<meta property="og:image" content="{}">\n<meta property="og:image:type" content="image/webp">\n'
        '<meta property="og:image:width" content="{}">\n<meta property="og:image:height" content="{}">\n'
        '<meta property="og:image:alt" content="{}">\n',
        url,
        image.width,
        image.height,
        alt or "",
    )
