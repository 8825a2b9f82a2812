"""The admin's history tells staff what they changed, in their language: a text resubmitted from a browser
(`\r\n` line endings) is no change, and the per-language fields are named in French in the French admin.
The history is django-simple-history's versions (angers_intl/history.py), one per save."""

import pytest

from angers_intl.history import changed_field_names
from partnerships.models import Milestone, PartnerCity
from tests.admin_forms import admin_form_data


@pytest.fixture
def torun(make_city):
    city = make_city(
        "torun",
        "Toruń",
        name_en="Toruń",
        country="PL",
        summary_fr="Ville natale de Copernic,\nau bord de la Vistule.",
        summary_en="Copernicus’s birthplace,\non the Vistula.",
        body_fr="Premier paragraphe.\n\nSecond paragraphe.",
        body_en="First paragraph.\n\nSecond paragraph.",
    )
    Milestone.objects.create(
        partner_city=city, year=2011, title_fr="Début", title_en="Beginning", text_fr="Une\nrencontre."
    )
    return city


def change_url(city):
    return f"/admin/partnerships/partnercity/{city.pk}/change/"


def resubmit(staff_client, city, language, **changes):
    form = admin_form_data(staff_client.get(change_url(city), HTTP_ACCEPT_LANGUAGE=language))
    assert "\r\n" in form["summary_fr"]  # as a browser sends it
    response = staff_client.post(change_url(city), {**form, **changes}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return city.history.order_by("-history_id").first()


def history(staff_client, city, language):
    """The history table (without the messages of the last save, which the page shows above it)."""
    html = staff_client.get(
        f"/admin/partnerships/partnercity/{city.pk}/history/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    return html[html.index('id="change-history"') :]


def test_an_unchanged_form_logs_no_change(staff_client, torun):
    version = resubmit(staff_client, torun, "fr")

    assert version.history_user.username == "camille"
    assert changed_field_names(version.prev_record, version) == []
    assert "Aucun champ modifié." in history(staff_client, torun, "fr")
    stored = PartnerCity.objects.get(pk=torun.pk)
    assert stored.summary_fr == "Ville natale de Copernic,\nau bord de la Vistule."
    assert Milestone.objects.get().text_fr == "Une\nrencontre."


def test_editing_the_french_summary_only_logs_the_french_summary(staff_client, torun):
    resubmit(staff_client, torun, "fr", summary_fr="Ville natale de Copernic,\r\nsur la Vistule.")

    french = history(staff_client, torun, "fr")
    latest = french[: french.index("</tr>", french.index("<tbody>"))]
    assert "<li>Résumé [fr]</li>" in latest
    assert latest.count("<li>") == 1
    assert "Texte" not in french
    assert "Summary" not in french
    english = history(staff_client, torun, "en")
    assert "<li>Summary [fr]</li>" in english
    assert PartnerCity.objects.get(pk=torun.pk).summary_fr == "Ville natale de Copernic,\nsur la Vistule."


def test_history_names_every_kind_of_field_in_french(staff_client, torun):
    resubmit(
        staff_client,
        torun,
        "en",
        body_en="Only one paragraph.",
        year_started="2012",
        **{"milestones-0-title_en": "The beginning"},
    )

    french = history(staff_client, torun, "fr")
    assert "<li>Année du début de la relation</li><li>Texte [en]</li>" in french
    key_dates = french[french.index("<h2>Dates clés</h2>") :]
    assert "2011 · Début" in key_dates
    assert "Titre [en] — <del>Beginning</del> → <ins>The beginning</ins>" in key_dates
    english = history(staff_client, torun, "en")
    assert "<li>Year the relationship began</li><li>Text [en]</li>" in english
    assert "Title [en] — <del>Beginning</del> → <ins>The beginning</ins>" in english
