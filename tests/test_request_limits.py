"""Requests over the size and field limits get the site's own 413 page, in the language of their URL."""

import pytest
from django.conf import settings

SIGNUP = {"fr": "/fr/lettre-d-information/", "en": "/en/newsletter/"}
TOO_LARGE = {"fr": "Ce que vous avez envoyé est trop volumineux", "en": "What you sent is too large"}


def test_the_limits_come_from_the_one_value_nginx_must_match():
    assert settings.REQUEST_MAX_BYTES > settings.IMAGE_UPLOAD_MAX_BYTES  # an image at its limit gets through
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == settings.REQUEST_MAX_BYTES
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == settings.REQUEST_MAX_BYTES
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_oversize_body_gets_our_413_page(client, db, settings, language):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    response = client.post(SIGNUP[language], {"email": "a" * 3_000 + "@example.org"})
    assert response.status_code == 413
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert TOO_LARGE[language] in page
    assert response["Content-Language"] == language


@pytest.mark.parametrize("language", ["fr", "en"])
def test_too_many_fields_get_our_413_page(client, db, settings, language):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post(SIGNUP[language], {f"field{n}": "x" for n in range(20)})
    assert response.status_code == 413
    assert TOO_LARGE[language] in response.content.decode()


def test_a_foreign_host_gets_400(client, db):
    response = client.get("/fr/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
