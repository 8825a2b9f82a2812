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
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImageWithAlt:
    """Contributes `<name>`, `<name>_width`, `<name>_height` and `<name>_alt` to a model."""

    def __init__(
        self,
        verbose_name,
        *,
        upload_to,
        alt_verbose_name,
        help_text="",
        alt_help_text="",
        alt_required=False,
    ):
        self.alt_required = alt_required
        # The fields are made here, while the class body runs, so they keep their place in the model's field
        # order (forms, admin, content export) instead of coming after every other field.
        self.image = models.ImageField(verbose_name, upload_to=upload_to, blank=True, help_text=help_text)
        self.width = models.PositiveIntegerField(null=True, blank=True, editable=False)
        self.height = models.PositiveIntegerField(null=True, blank=True, editable=False)
        self.alt = models.CharField(alt_verbose_name, max_length=200, blank=True, help_text=alt_help_text)

    def contribute_to_class(self, cls, name):
        self.name = name
        self.image.width_field = f"{name}_width"
        self.image.height_field = f"{name}_height"
        cls.add_to_class(name, self.image)
        cls.add_to_class(f"{name}_width", self.width)
        cls.add_to_class(f"{name}_height", self.height)
        cls.add_to_class(f"{name}_alt", self.alt)
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
