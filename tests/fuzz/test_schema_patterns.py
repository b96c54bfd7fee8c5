"""Patterns the schema states take only what the service takes (schemathesis sends what
a pattern allows and expects it accepted), checked on generated values."""

import re

from django.core.validators import URLValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from attachments.api.serializers import FILE_NAME_SCHEMA
from attachments.files import check_file_name
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
