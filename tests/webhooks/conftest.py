"""Fixtures of the webhook tests: a local receiver (no background sender: tests/conftest.py)."""

import pytest

from tests.webhooks.helpers import Receiver


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def allow_private(settings):
    """Local receivers are private addresses: allow them for this test."""
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True
    return settings


@pytest.fixture(autouse=True)
def one_send_at_a_time(settings):
    """These tests follow one delivery at a time, in order, through one receiver: one send
    in flight per receiver and no backoff per endpoint, unless a test sets its own
    (tests/webhooks/test_dispatch.py tests both)."""
    settings.SERVICEDESK_WEBHOOK_PER_RECEIVER = 1
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = 0
    return settings
