"""What the history keeps (angers_intl/history.py): every tracked model's versions hold each translated
field in both languages, and nothing that holds a subscriber's address is tracked."""

from django.apps import apps
from modeltranslation.translator import translator

from angers_intl.history import is_tracked, tracked_models, version_fields


def test_every_tracked_version_holds_both_languages_of_each_translated_field():
    for model in tracked_models():
        columns = {f.name for f in model.history.model._meta.fields}
        shown = {f.name for f in version_fields(model)}
        if model in translator.get_registered_models():
            for name in translator.get_options_for_model(model).all_fields:
                assert {f"{name}_fr", f"{name}_en"} <= columns, (model, name)
                assert {f"{name}_fr", f"{name}_en"} <= shown, (model, name)
    names = {model._meta.label for model in tracked_models()}
    assert names == {
        "partnerships.PartnerCity",
        "partnerships.Milestone",
        "partnerships.Programme",
        "networks.Network",
        "networks.NetworkFigure",
        "networks.Recognition",
        "networks.RecognitionLevel",
        "networks.Distinction",
        "news.NewsItem",
        "news.Event",
        "angers_intl.LegalPage",
        "angers_intl.SiteProfile",
        "newsletter.NewsletterIssue",
    }


def test_nothing_holding_a_subscribers_address_is_tracked():
    for model in apps.get_app_config("newsletter").get_models():
        if any(field.name == "email" for field in model._meta.fields):
            assert not is_tracked(model), model
    for model in tracked_models():
        assert not any(f.name == "email" for f in model.history.model._meta.fields), model
