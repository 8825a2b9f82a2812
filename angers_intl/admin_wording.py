"""Messages of Django's admin (and django-import-export's) that our catalogue words anew.

Their French wording puts a model's name into a sentence built for one gender and number (« Supprimer les
%(verbose_name_plural)s sélectionnés » gave « Supprimer les distinctions obtenues sélectionnés », « Ajouter un
objet %(verbose_name)s supplémentaire », « Pagination des %(name)s » gave « Pagination des profil du site »)
or elides nothing (« Modification de abonné »). `locale/fr` words each of them so that it reads right
whatever the gender and number of the name: the name set apart, after a colon or in brackets. Our catalogue
wins over Django's because `LOCALE_PATHS` is searched before the apps' catalogues (a test checks it).

The messages are listed here, marked for translation but never used, only so that `makemessages` keeps them
in our catalogue.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

OVERRIDDEN_MESSAGES = [
    # django.contrib.admin: actions and change lists
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    gettext_noop("Cannot delete %(name)s"),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    # Forms and inlines
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Delete selected %(model)s"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    # Messages after saving
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    ngettext_lazy(
        "%(count)s %(name)s was changed successfully.", "%(count)s %(name)s were changed successfully."
    ),
    # The history
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Changed {fields}."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
    # Deleting
    gettext_noop(
        "Deleting %(class_name)s %(instance)s would require deleting the following protected related "
        "objects: %(related_objects)s"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the following "
        "related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related objects, but "
        "your account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following protected "
        "related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following objects and "
        "their related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your account "
        "doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would require deleting the following protected related "
        "objects:"
    ),
    # Django's validation of a unique field (a slug taken)
    gettext_noop("%(model_name)s with this %(field_label)s already exists."),
    # django-import-export
    gettext_noop("Export selected %(verbose_name_plural)s"),
]
