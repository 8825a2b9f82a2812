"""Constraints first: every invariant a database can hold is a `Meta.constraints` entry with its translated
`violation_error_message`, and no `clean()` repeats it (`full_clean()` runs `validate_constraints()`).

`ValidatedModel` only changes where a check constraint's message is shown: beside the field its condition
names first (the field staff must correct), instead of at the top of the form. Write a condition with that
field first. `clean()` is kept for rules no static constraint can express (the current year, a rule across
related records, a translated field), and says so.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, router
from django.db.models.constants import LOOKUP_SEP
from django.utils.translation import gettext_lazy as _


def first_field_named(condition):
    """The model field the first lookup of a Q names (`Q(latitude__gte=-90)` → "latitude"), or None."""
    for child in condition.children:
        field = first_field_named(child) if isinstance(child, models.Q) else child[0].split(LOOKUP_SEP)[0]
        if field:
            return field
    return None


class ValidatedModel(models.Model):
    """Abstract base: check constraints report their message on the field their condition names first."""

    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        using = router.db_for_write(type(self), instance=self)
        errors = {}
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self, exclude=exclude, using=using)
                except ValidationError as error:
                    errors.setdefault(self._constraint_error_key(constraint, error), []).append(error)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _constraint_error_key(constraint, error):
        if isinstance(constraint, models.CheckConstraint) and isinstance(constraint.condition, models.Q):
            return first_field_named(constraint.condition) or NON_FIELD_ERRORS
        # Django's own rule for unique constraints: one field → that field, several → the whole form.
        fields = getattr(constraint, "fields", ())
        if error.code == "unique" and len(fields) == 1:
            return fields[0]
        return NON_FIELD_ERRORS


# A message several apps' constraints share (a slug makes a page's address).
SLUG_MISSING = _("Give a slug: it makes the address of the page.")
