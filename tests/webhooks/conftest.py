"""Fixtures of the webhook tests: a local receiver, and no background sender."""

import pytest

from servicedesk.webhooks import dispatcher
from tests.webhooks.helpers import Receiver


@pytest.fixture(autouse=True)
def _no_background_dispatcher(monkeypatch):
    """Another test may have started the in-process dispatcher thread (startup.on_start);
    it must not send these tests' deliveries behind their back."""
    monkeypatch.setattr(dispatcher, "deliver_due", lambda **kwargs: 0)


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
