"""Patterns the schema states take only what the service takes (schemathesis sends what
a pattern allows and expects it accepted), checked on generated values."""

import re

import pytest
from django.core.validators import URLValidator
from hypothesis import given, settings
from hypothesis import strategies as st
from rest_framework.exceptions import ValidationError

from attachments.api.serializers import FILE_NAME_SCHEMA
from attachments.files import check_file_name
from incidents.api.serializers import PHONE_RE, PhoneField
from mail.api.serializers import FOLDER_PATTERN, HOSTNAME_PATTERN, NAME_PATTERN, ImapInput
from servicedesk.api.fields import EMAIL_PATTERN, StrictCharField, StrictEmailField
from servicedesk.api.schema import NOT_BLANK_PATTERN
from servicedesk.webhooks.api.serializers import WEBHOOK_URL_MAX, WEBHOOK_URL_PATTERN


@settings(max_examples=300, deadline=None)
@given(st.from_regex(FILE_NAME_SCHEMA["pattern"], fullmatch=True))
def test_every_file_name_the_schema_allows_is_taken(name):
    if len(name) <= FILE_NAME_SCHEMA["maxLength"]:
        assert check_file_name(name)


def test_the_file_name_pattern_refuses_what_the_service_refuses():
    pattern = re.compile(FILE_NAME_SCHEMA["pattern"])
    for name in ("..x", ".", " . ", "   ", "a/b", "a\\b", "a\x00b", "a\u202eb"):
        assert not pattern.match(name), name


@settings(max_examples=300, deadline=None)
@given(st.from_regex(WEBHOOK_URL_PATTERN, fullmatch=True))
def test_every_webhook_url_the_schema_pattern_allows_is_a_valid_url(url):
    if len(url) <= WEBHOOK_URL_MAX:
        URLValidator(schemes=["http", "https"])(url)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(EMAIL_PATTERN, fullmatch=True))
def test_every_email_the_schema_pattern_allows_is_taken(address):
    if len(address) <= 254:
        assert StrictEmailField().run_validation(address) == address.lower()


def test_the_email_pattern_refuses_what_the_service_refuses():
    pattern = re.compile(EMAIL_PATTERN)
    for address in ("0@0.a", "0@0.00", "a@b", "a b@example.com", "@example.com"):
        assert not pattern.match(address), address
        with pytest.raises(ValidationError):
            StrictEmailField().run_validation(address)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(NOT_BLANK_PATTERN.replace("\\u0000", "\\x00"), fullmatch=True))
def test_text_the_not_blank_pattern_allows_is_taken(text):
    field = StrictCharField()
    assert field.run_validation(text) == text.strip()


@pytest.mark.parametrize("text", ["", " ", "\t", "\n \r", "a\x00"])
def test_text_the_not_blank_pattern_refuses_is_refused(text):
    assert not re.match(NOT_BLANK_PATTERN.replace("\\u0000", "\\x00"), text)
    with pytest.raises(ValidationError):
        StrictCharField().run_validation(text)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(PHONE_RE.pattern, fullmatch=True))
def test_every_phone_number_the_schema_pattern_allows_is_taken(phone):
    PhoneField().run_validation(phone)


@settings(max_examples=200, deadline=None)
@given(
    host=st.from_regex(HOSTNAME_PATTERN, fullmatch=True).filter(lambda h: len(h) <= 253),
    username=st.from_regex(NAME_PATTERN, fullmatch=True).filter(lambda u: len(u) <= 254),
    folder=st.from_regex(FOLDER_PATTERN, fullmatch=True).filter(lambda f: len(f) <= 200),
)
def test_every_mailbox_the_schema_patterns_allow_is_taken(host, username, folder):
    body = ImapInput(data={"host": host, "username": username, "folder": folder})
    assert body.is_valid(), body.errors
