"""Responsive images: WebP renditions of an uploaded image at a few widths, for `<img srcset>`.

Renditions are made lazily, the first time a page (or the admin preview) asks for them, and kept on the
storage next to nothing else: `renditions/<original path>-<width>w.webp`. Later requests find them there:
the first check asks the storage (one `exists()` per width, no SQL, no image decoding), then the shared
cache remembers for a day that they exist, so a page on object storage does not pay a round trip per image. Nothing happens on `save()` or in a signal; call
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
    narrower than the widest rendition (never an upscale)."""
    chosen = {width for width in widths if width < original_width}
    if original_width < max(widths):
        chosen.add(original_width)
    return sorted(chosen)


def renditions(storage, name, width=None, height=None, widths=RENDITION_WIDTHS):
    """[Rendition, …] of the image `name` on `storage`, narrowest first, created where missing.

    `width`/`height` of the original, when the caller knows them (an ImageField's width_field), save
    opening the file. Returns [] if the image cannot be read (missing or not an image).
    """
    try:
        if not width or not height:
            with storage.open(name) as source, Image.open(source) as image:
                width, height = ImageOps.exif_transpose(image).size
        targets = rendition_widths(width, widths)
        location = getattr(storage, "location", "") or type(storage).__name__
        cache_key = f"renditions-exist:{location}:{name}:{','.join(map(str, targets))}"
        if not cache.get(cache_key):
            missing = [w for w in targets if not storage.exists(rendition_name(name, w))]
            if missing:
                _make(storage, name, missing)
            cache.set(cache_key, True, EXISTENCE_CACHE_SECONDS)
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("No renditions for image %s: it cannot be read.", name, exc_info=True)
        return []
    return [
        Rendition(storage.url(rendition_name(name, w)), w, max(1, round(height * w / width))) for w in targets
    ]


def _make(storage, name, target_widths):
    with storage.open(name) as source, Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode not in {"RGB", "RGBA"}:
            image = image.convert("RGBA" if "A" in image.getbands() or image.mode == "P" else "RGB")
        for target in target_widths:
            height = max(1, round(image.height * target / image.width))
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
