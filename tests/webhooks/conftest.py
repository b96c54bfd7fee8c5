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
