"""One field group for every image and logo: the file, its width and height, and its alternative text.

    logo = ImageWithAlt(_("logo"), upload_to="networks/logos/", alt_verbose_name=_("logo text alternative"))

adds `logo` (an ImageField that records its size), `logo_width`, `logo_height` (filled by Django on upload,
read by the renditions without opening the file) and `logo_alt` to the model, with the existing column names.
A model may have several groups (the site profile has a logo and a sharing image). Register `<name>_alt` in
the app's `translation.py`: alternative texts are translated.

`alt_required=True` makes the alternative text required with an image (an image that says something);
leave it False for a logo that only repeats a name shown beside it. The rule is checked by
`missing_alternative_texts()` from the model's `clean()`: the admin edits `<name>_alt_fr` and
`<name>_alt_en`, which modeltranslation adds after the model is built, so no constraint in `Meta` can name
them.

Uploads: The one set of rules for an uploaded image, used by every `ImageWithAlt` field (admin forms, the YAML
content loader, code that calls `field_file.save()`):

- at most IMAGE_UPLOAD_MAX_BYTES bytes and IMAGE_UPLOAD_MAX_PIXELS pixels; the pixel count is read from the
  header before anything is decoded, so a small file that would decode to gigabytes is refused for free;
- a real JPEG, PNG, WebP, GIF, BMP or TIFF, judged by Pillow decoding it (never by the name); SVG is refused
  (it can carry scripts, and every logo exists as PNG);
- re-encoded from its pixels only: EXIF (GPS position, camera), XMP, comments and colour profiles are gone
  (a profile other than sRGB is applied first), the EXIF orientation is applied, so the stored file is what
  visitors see and its width and height are the ones recorded;
- stored under a generated name (a random token and the extension of the format written), never the
  uploader's file name.

A refused file raises ValidationError with a message in the active language; nothing is written, so the image
already stored stays.
"""

import io
import secrets
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF")
# JPEG and WebP photos stay lossy, in their format; everything else (drawings, logos, old formats) is PNG.
STORED_FORMATS = {"JPEG": ("JPEG", ".jpg"), "WEBP": ("WEBP", ".webp")}
LOSSLESS_FORMAT = ("PNG", ".png")
STORED_QUALITY = 90


class CleanImage(ContentFile):
    """An image already checked and re-encoded by `clean_image()`: saving it does not re-encode it again."""

    def __init__(self, content, name, width, height):
        super().__init__(content, name=name)
        self.width, self.height = width, height


def generated_name(extension):
    return f"{secrets.token_hex(10)}{extension}"


def clean_image(upload):
    """The `CleanImage` to store for `upload` (a Django File or anything with read()), or ValidationError."""
    if isinstance(upload, CleanImage):
        return upload
    data = _read_within_limit(upload)
    if _looks_like_svg(data):
        raise ValidationError(
            gettext(
                "SVG images are not accepted (they can contain scripts). Export the image as PNG and upload it again."
            ),
            code="svg",
        )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that: our own limit decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
                _check_pixels(*image.size)
                image.verify()
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
                source_format = image.format
                image.load()
                pixels = _pixels_only(ImageOps.exif_transpose(image))
    except Image.DecompressionBombError:
        raise _too_many_pixels() from None
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            gettext("This file is not an image that can be read. Upload a JPEG, PNG or WebP image."),
            code="not_an_image",
        ) from None
    image_format, extension = STORED_FORMATS.get(source_format, LOSSLESS_FORMAT)
    if image_format == "JPEG" and pixels.mode not in {"RGB", "L"}:
        image_format, extension = LOSSLESS_FORMAT
    buffer = io.BytesIO()
    options = {} if image_format == "PNG" else {"quality": STORED_QUALITY}
    pixels.save(buffer, format=image_format, **options)
    return CleanImage(buffer.getvalue(), generated_name(extension), pixels.width, pixels.height)


def _read_within_limit(upload):
    limit = settings.IMAGE_UPLOAD_MAX_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise _too_big(size)
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise _too_big(len(data))
    if hasattr(upload, "seek"):
        upload.seek(0)
    return data


def _too_big(size):
    return ValidationError(
        gettext(
            "This file weighs %(size)s; an image may weigh at most %(limit)s. Reduce it and upload it again."
        ),
        code="file_too_big",
        params={"size": filesizeformat(size), "limit": filesizeformat(settings.IMAGE_UPLOAD_MAX_BYTES)},
    )


def _check_pixels(width, height):
    if width * height > settings.IMAGE_UPLOAD_MAX_PIXELS:
        raise _too_many_pixels(width, height)


def _too_many_pixels(width=None, height=None):
    limit = {"limit": f"{settings.IMAGE_UPLOAD_MAX_PIXELS / 1_000_000:g}"}
    if width and height:
        return ValidationError(
            gettext(
                "This image is %(width)s × %(height)s pixels; an image may have at most %(limit)s million "
                "pixels. Reduce it (4000 pixels wide is plenty) and upload it again."
            ),
            code="too_many_pixels",
            params={"width": width, "height": height, **limit},
        )
    return ValidationError(
        gettext(
            "This image has more than %(limit)s million pixels. Reduce it (4000 pixels wide is plenty) "
            "and upload it again."
        ),
        code="too_many_pixels",
        params=limit,
    )


def _looks_like_svg(data):
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def _pixels_only(image):
    """A new image with `image`'s pixels in sRGB and nothing else (no EXIF, XMP, comment or profile)."""
    has_alpha = "A" in image.getbands() or (image.mode == "P" and "transparency" in image.info)
    profile = image.info.get("icc_profile")
    target = "RGBA" if has_alpha else ("L" if image.mode in {"1", "L"} and not profile else "RGB")
    converted = None
    if profile:
        try:
            source = image if image.mode in {"RGB", "RGBA", "CMYK", "L"} else image.convert(target)
            converted = ImageCms.profileToProfile(
                source,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=target,
            )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            converted = None  # a profile that cannot be applied: keep the pixels as they are
    if converted is None:
        converted = image.convert(target) if image.mode != target else image.copy()
    converted.info.clear()
    return converted


class CleanImageFormField(forms.ImageField):
    """The admin's file input: the upload is checked and re-encoded while the form is validated, so a refused
    file is a message beside the field and the stored image stays."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        return None if upload is None else clean_image(upload)


def ask_to_choose_images_again(form):
    """On a form shown again after an error: beside each image chosen in that submission (and not refused
    itself), say that it was not kept and must be chosen again; a browser cannot fill a file input again,
    and nothing is kept on the server for a record that was not saved."""
    if not form.is_bound:
        return
    form.errors  # noqa: B018 (validates the form if it was not yet)
    for name, field in form.fields.items():
        if (
            isinstance(field, CleanImageFormField)
            and form.files.get(form.add_prefix(name))
            and name not in form.errors
        ):
            form.add_error(
                name,
                ValidationError(
                    gettext(
                        "The image you chose was not saved, because of the errors in this form; a browser "
                        "cannot keep a chosen file. Choose it again before saving."
                    ),
                    code="choose_again",
                ),
            )


class CleanImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every way a file reaches the storage goes through here (forms, the content loader, code).
        cleaned = clean_image(content)
        super().save(cleaned.name, cleaned, save)


class CleanImageField(models.ImageField):
    """An ImageField whose files are checked, stripped and renamed by `clean_image()`."""

    attr_class = CleanImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})

    def deconstruct(self):
        # Nothing changes in the database: migrations keep naming Django's ImageField.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


def focal_point_classes(field_file):
    """ "focus-x-NN focus-y-NN" for an image whose group has a focal point (rounded to 5 %: the classes in
    static/css/site.css set `object-position`), "" otherwise. No inline style: the CSP forbids it."""
    if not field_file:
        return ""
    name = field_file.field.name
    instance = field_file.instance
    x, y = getattr(instance, f"{name}_focal_x", None), getattr(instance, f"{name}_focal_y", None)
    try:
        return f"focus-x-{_nearest_step(x)} focus-y-{_nearest_step(y)}"
    except (TypeError, ValueError):  # no focal point, or an unsaved form's value that is not a number
        return ""


def _nearest_step(percent, step=5):
    return min(100, max(0, int(step * round(float(percent) / step))))


class ImageWithAlt:
    """Contributes `<name>`, `<name>_width`, `<name>_height` and `<name>_alt` to a model, and with
    `focal_point=True` `<name>_focal_x` and `<name>_focal_y` (0–100 %, 50 by default, checked by the database):
    the point a crop keeps in view."""

    def __init__(
        self,
        verbose_name,
        *,
        upload_to,
        alt_verbose_name,
        help_text="",
        alt_help_text="",
        alt_required=False,
        focal_point=False,
    ):
        self.alt_required = alt_required
        self.focal_point = focal_point
        # The fields are made here, while the class body runs, so they keep their place in the model's field
        # order (forms, admin, content export) instead of coming after every other field.
        self.image = CleanImageField(verbose_name, upload_to=upload_to, blank=True, help_text=help_text)
        self.width = models.PositiveIntegerField(null=True, blank=True, editable=False)
        self.height = models.PositiveIntegerField(null=True, blank=True, editable=False)
        self.alt = models.CharField(alt_verbose_name, max_length=200, blank=True, help_text=alt_help_text)
        if focal_point:
            self.focal_x = models.PositiveSmallIntegerField(
                _("focal point, across (%)"),
                default=50,
                validators=[MinValueValidator(0), MaxValueValidator(100)],
                help_text=_(
                    "Where the subject is, from the left edge (0) to the right edge (100). When the image "
                    "is cropped to fit, the crop keeps this point in view. 50: the middle."
                ),
            )
            self.focal_y = models.PositiveSmallIntegerField(
                _("focal point, down (%)"),
                default=50,
                validators=[MinValueValidator(0), MaxValueValidator(100)],
                help_text=_(
                    "Where the subject is, from the top edge (0) to the bottom edge (100). When the image "
                    "is cropped to fit, the crop keeps this point in view. 50: the middle."
                ),
            )

    def contribute_to_class(self, cls, name):
        self.name = name
        self.image.width_field = f"{name}_width"
        self.image.height_field = f"{name}_height"
        cls.add_to_class(name, self.image)
        cls.add_to_class(f"{name}_width", self.width)
        cls.add_to_class(f"{name}_height", self.height)
        cls.add_to_class(f"{name}_alt", self.alt)
        if self.focal_point:
            cls.add_to_class(f"{name}_focal_x", self.focal_x)
            cls.add_to_class(f"{name}_focal_y", self.focal_y)
            cls._meta.constraints = [
                *cls._meta.constraints,
                *(
                    models.CheckConstraint(
                        condition=models.Q(
                            **{f"{name}_focal_{axis}__gte": 0, f"{name}_focal_{axis}__lte": 100}
                        ),
                        name=f"{cls._meta.app_label}_{cls._meta.model_name}_{name}_focal_{axis}_percent",
                    )
                    for axis in ("x", "y")
                ),
            ]
        cls._image_groups = (*getattr(cls, "_image_groups", ()), self)


def missing_alternative_texts(instance):
    """{field: ValidationError} for each image of `instance` that is there without its required text."""
    errors = {}
    for group in getattr(instance, "_image_groups", ()):
        alt = f"{group.name}_alt"
        if group.alt_required and getattr(instance, group.name) and not getattr(instance, alt):
            # modeltranslation's admin form shows <alt>_fr and <alt>_en; the default language is required.
            field = f"{alt}_fr" if hasattr(instance, f"{alt}_fr") else alt
            errors[field] = ValidationError(
                _("Describe the image for people who cannot see it."), code="alt_missing"
            )
    return errors
