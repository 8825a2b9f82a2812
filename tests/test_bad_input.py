"""Property-based tests (hypothesis): arbitrary text, bytes, lengths, methods and headers on every public URL
pattern and every public form. The answer is never a server error, speaks the language of the URL, and
changes nothing in the database unless the input was valid. The profile is set in tests/conftest.py."""

from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, SlugConverter
from django.utils import translation
from hypothesis import assume, given
from hypothesis import strategies as st

LANGUAGES = ["fr", "en"]
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "get"]
HEADERS = [
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_COOKIE",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_ORIGIN",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
]
# What a WSGI server can hand over in a header: Latin-1 text.
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=300)
# Form values: anything, from nothing to very long, controls and astral characters included.
any_text = st.one_of(
    st.text(max_size=50), st.text(min_size=500, max_size=5000), st.sampled_from(["", " ", "\0", "é" * 300])
)


def public_url_patterns(patterns=None, namespace=None, converters=None):
    """(qualified name, {argument: converter}) for every named URL pattern outside the admin."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = []
    for pattern in patterns:
        own = {**(converters or {}), **getattr(pattern.pattern, "converters", {})}
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            found += public_url_patterns(pattern.url_patterns, inner, own)
        elif pattern.name:
            found.append((":".join(filter(None, [namespace, pattern.name])), own))
    return found


PUBLIC_PATTERNS = public_url_patterns()


def argument(converter):
    if isinstance(converter, IntConverter):
        return st.one_of(st.integers(0, 10**6), st.integers(10**6, 10**30))
    if isinstance(converter, SlugConverter):
        return st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True)
    return st.text(
        st.characters(blacklist_characters="/", blacklist_categories=["Cs"]), min_size=1, max_size=300
    )


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def assert_answer_in_the_language_of(response, language):
    assert response.status_code < 500
    assert response.get("Content-Language") == language
    if response.get("Content-Type", "").startswith("text/html") and response.content:
        assert f'<html lang="{language}">'.encode() in response.content


def test_every_public_pattern_is_covered():
    names = {name for name, _converters in PUBLIC_PATTERNS}
    assert {"home", "partnerships:city_list", "newsletter:signup", "newsletter:confirm"} <= names, names
    assert not any(name.startswith("admin") for name in names)


@given(data=st.data())
def test_every_public_url_answers_arbitrary_requests_without_error_or_change(db, client, data):
    name, converters = data.draw(st.sampled_from(PUBLIC_PATTERNS), label="pattern")
    kwargs = {key: data.draw(argument(converter), label=key) for key, converter in converters.items()}
    language = data.draw(st.sampled_from(LANGUAGES), label="language")
    with translation.override(language):
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            assume(False)
    query = data.draw(st.dictionaries(st.text(max_size=20), st.text(max_size=100), max_size=5), label="query")
    headers = data.draw(st.dictionaries(st.sampled_from(HEADERS), header_text, max_size=6), label="headers")
    method = data.draw(st.sampled_from(METHODS), label="method")
    body = data.draw(st.binary(max_size=3000), label="body")
    content_type = data.draw(
        st.sampled_from(
            ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""]
        ),
        label="content type",
    )
    before = row_counts()
    response = client.generic(
        method, f"{url}?{urlencode(query)}", data=body, content_type=content_type, **headers
    )
    assert response.status_code < 500
    if url.startswith(tuple(f"/{code}/" for code in LANGUAGES)):
        assert_answer_in_the_language_of(response, url.split("/")[1])
    assert row_counts() == before


PUBLIC_FORMS = {
    "newsletter:signup": ["email", "language", "issued", "website", "source"],
    "newsletter:unsubscribe_request": ["email", "issued", "website"],
}


@pytest.mark.parametrize("form", PUBLIC_FORMS)
@pytest.mark.parametrize("language", LANGUAGES)
@given(data=st.data())
def test_public_forms_take_arbitrary_input_and_store_only_valid_input(db, client, form, language, data):
    fields = {
        field: data.draw(st.one_of(any_text, st.emails()) if field == "email" else any_text, label=field)
        for field in PUBLIC_FORMS[form]
        if data.draw(st.booleans(), label=f"send {field}")
    }
    fields |= data.draw(st.dictionaries(st.text(max_size=30), any_text, max_size=5), label="extra fields")
    with translation.override(language):
        url = reverse(form)
    before = row_counts()
    response = client.post(url, fields, HTTP_ACCEPT_LANGUAGE=data.draw(header_text, label="Accept-Language"))
    assert_answer_in_the_language_of(response, language)
    if row_counts() != before:
        # Something was stored: only for an address that is one, from a form that was accepted.
        try:
            validate_email(fields.get("email", ""))
        except ValidationError:
            pytest.fail(f"invalid input changed the database: {fields!r}")
        assert response.status_code == 302


@given(host=st.from_regex(r"[a-z0-9]{1,20}(\.[a-z0-9]{1,20}){0,3}(:[0-9]{1,5})?", fullmatch=True))
def test_a_foreign_host_header_gets_400(db, client, host):
    assume(host.split(":")[0] not in {"localhost", "127.0.0.1", "testserver"})
    assert client.get("/fr/", HTTP_HOST=host).status_code == 400
