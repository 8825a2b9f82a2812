"""The history of networks and labels (angers_intl/history.py): a distinction's version that names a level
deleted since cannot be restored, and the admin says which field is missing and changes nothing."""

from django.urls import reverse

from networks.models import Distinction


def test_restoring_a_distinction_whose_level_was_deleted_says_so_and_changes_nothing(
    client, communication_staff, europe_prize
):
    distinction = Distinction.objects.get(recognition=europe_prize)
    first, second = europe_prize.levels.order_by("rank")[:2]
    original = distinction.history.latest()
    assert original.level_id == first.pk
    distinction.level = second
    distinction.note_fr = "Niveau supérieur."
    distinction.save()
    first.delete()

    restore = reverse("admin:networks_distinction_restore", args=[distinction.pk, original.history_id])
    page = client.get(restore, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Niveau : l’élément que cette version cite (niveau) n’existe plus." in page

    response = client.post(restore, HTTP_ACCEPT_LANGUAGE="en", follow=True)

    assert response.status_code == 200
    assert "Nothing was restored: Level: the record this version names (level) no longer exists." in (
        response.content.decode()
    )
    distinction.refresh_from_db()
    assert (distinction.level, distinction.note_fr) == (second, "Niveau supérieur.")


def test_the_history_of_a_recognition_shows_its_levels_versions(client, communication_staff, europe_prize):
    level = europe_prize.levels.get(rank=2)
    level.name_en = "Flag of Honour (renamed)"
    level.save()

    page = client.get(
        reverse("admin:networks_recognition_history", args=[europe_prize.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "<h2>Levels</h2>" in page
    assert "<ins>Flag of Honour (renamed)</ins>" in page
