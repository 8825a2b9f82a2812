"""Responsive images: WebP renditions of an uploaded image at a few widths, for `<img srcset>`.

Renditions are made lazily, the first time a page (or the admin preview) asks for them, and kept on the
storage next to nothing else: `renditions/<original path>-<width>w.webp`. Later requests find them there:
the first check reads the original's header (its size as shown, EXIF orientation applied: the declared
`width`/`height` are always those of the files served, even for a file stored before uploads were
re-encoded) and asks the storage (one `exists()` per width, no SQL, no image decoding), then the shared
cache remembers that size for a day, so a page on object storage does not pay a round trip per image.
Renditions never upscale: the widest is the original's own width when it is not wider than the widest
rendition width (an 800 px original gets 320, 640 and 800). Nothing happens on `save()` or in a signal; call
`image_renditions()` ahead of time (from a loader or an admin action) to spare the first visitor the work.
An uploaded file is never overwritten in place (the storage gives a new name), so a rendition cannot
outlive the image it was made from under the same name.

Templates use the `{% responsive_image %}` tag (`angers_intl/templatetags/images.py`).
"""

import io
import logging
import posixpath
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (320, 640, 960)
RENDITION_FOLDER = "renditions"
EXIF_ORIENTATION = 0x0112
# EXIF orientations that turn the picture a quarter: its width and height as shown are swapped.
QUARTER_TURNS = {5, 6, 7, 8}
WEBP_QUALITY = 80
# Renditions never change under a name (an upload never overwrites a file), so "they exist" may be cached.
EXISTENCE_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def rendition_name(name, width):
    stem, _extension = posixpath.splitext(name)
    return f"{RENDITION_FOLDER}/{stem}-{width}w.webp"


def rendition_widths(original_width, widths=RENDITION_WIDTHS):
    """The widths worth making: those narrower than the original, and the original's own width when it is
    not wider than the widest rendition (never an upscale, never less than the original can give)."""
    chosen = {width for width in widths if width < original_width}
    if original_width <= max(widths):
        chosen.add(original_width)
    return sorted(chosen)


def oriented_size(storage, name):
    """(width, height) of the image `name` as shown (EXIF orientation applied), from its header only."""
    with storage.open(name) as source, Image.open(source) as image:
        width, height = image.size
        if image.getexif().get(EXIF_ORIENTATION) in QUARTER_TURNS:
            width, height = height, width
    return width, height


def renditions(storage, name, width=None, height=None, widths=RENDITION_WIDTHS):
    """[Rendition, …] of the image `name` on `storage`, narrowest first, created where missing.

    `width`/`height`, the original's size as the caller knows it (an ImageField's width_field), are only a
    hint: the size is read from the file's header (orientation applied) the first time, then cached, so the
    declared sizes are the files' own. Returns [] if the image cannot be read (missing or not an image).
    """
    location = getattr(storage, "location", "") or type(storage).__name__
    cache_key = f"renditions-size:{location}:{name}:{','.join(map(str, widths))}"
    try:
        known = cache.get(cache_key)
        if known:
            width, height = known
        else:
            actual = oriented_size(storage, name)
            if width and height and (width, height) != actual:
                logger.info(
                    "Image %s is %s × %s as shown, not the %s × %s recorded.", name, *actual, width, height
                )
            width, height = actual
            missing = [
                w for w in rendition_widths(width, widths) if not storage.exists(rendition_name(name, w))
            ]
            if missing:
                _make(storage, name, missing)
            cache.set(cache_key, (width, height), EXISTENCE_CACHE_SECONDS)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        logger.warning("No renditions for image %s: it cannot be read.", name, exc_info=True)
        return []
    return [
        Rendition(storage.url(rendition_name(name, w)), w, rendition_height(width, height, w))
        for w in rendition_widths(width, widths)
    ]


def rendition_height(width, height, target):
    """The height of the rendition `target` px wide of a `width` × `height` image (the same aspect ratio)."""
    return height if target == width else max(1, round(height * target / width))


def _make(storage, name, target_widths):
    with storage.open(name) as source, Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode not in {"RGB", "RGBA"}:
            image = image.convert("RGBA" if "A" in image.getbands() or image.mode == "P" else "RGB")
        for target in target_widths:
            height = rendition_height(image.width, image.height, target)
            resized = (
                image if target == image.width else image.resize((target, height), Image.Resampling.LANCZOS)
            )
            buffer = io.BytesIO()
            resized.save(buffer, format="WEBP", quality=WEBP_QUALITY, method=4)
            saved = storage.save(rendition_name(name, target), ContentFile(buffer.getvalue()))
            if saved != rendition_name(name, target):
                # Another process made it first; keep theirs.
                storage.delete(saved)


def image_renditions(field_file, widths=RENDITION_WIDTHS):
    """Renditions of an ImageField's file, using the dimensions the model stores if it does."""
    if not field_file:
        return []
    field = field_file.field
    instance = field_file.instance
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    return renditions(field_file.storage, field_file.name, width, height, widths)
