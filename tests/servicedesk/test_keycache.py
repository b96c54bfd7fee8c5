"""Authenticated keys kept per rate-limit window: one lookup per window, revocation at once."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from servicedesk import ratelimit
from servicedesk.tenancy import keycache, keys, services
from servicedesk.tenancy.documents import ApiKey
from servicedesk.timeutil import now
from tests.support.spies import calls_to

LIST = "/ux/sd/inci/incident/"


@pytest.fixture
def window(settings, monkeypatch):
    """Hour-long windows and a clock the test moves: `window.at = 3600.0`."""
    settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS = 3600

    class Clock:
        at = 10.0

    monkeypatch.setattr(ratelimit.RateLimitMiddleware, "clock", staticmethod(lambda: Clock.at))
    return Clock


@pytest.fixture
def key_reads(monkeypatch):
    """Queries sent to the api_keys collection."""
    return calls_to(monkeypatch, ApiKey)


def key_doc(key):
    return ApiKey.objects.get(key_hash=keys.hash_key(key))


def error_code(response):
    return response.json()["errors"][0]["code"]


def test_a_key_is_looked_up_once_a_window(tenant, window, key_reads):
    assert [tenant.reader.get(LIST).status_code for _ in range(3)] == [200] * 3
    assert len(key_reads) == 1
    window.at = 3600.0  # the next window: the key is asked about again, once
    assert [tenant.reader.get(LIST).status_code for _ in range(3)] == [200] * 3
    assert len(key_reads) == 2


def test_a_revocation_by_another_worker_refuses_a_kept_key_at_once(tenant, window):
    assert tenant.writer.get(LIST).status_code == 200
    digest = keys.hash_key(tenant.keys["write"])
    kept = keycache.get(digest)
    assert kept is not None
    services.api_key_revoke(key=key_doc(tenant.keys["write"]))  # as if in another worker:
    keycache.put(digest, kept)  # this one still keeps the key
    refused = tenant.writer.get(LIST)
    assert refused.status_code == 401
    assert error_code(refused) == "revoked_api_key"
    assert "WWW-Authenticate" in refused
    assert keycache.get(digest) is None
    assert tenant.reader.get(LIST).status_code == 200  # the organization's other keys work


@pytest.mark.parametrize("offset", [-3600.0, 3600.0])
def test_a_revocation_reaches_workers_whose_clock_is_a_window_apart(tenant, window, offset):
    assert tenant.writer.get(LIST).status_code == 200
    digest = keys.hash_key(tenant.keys["write"])
    kept = keycache.get(digest)
    services.api_key_revoke(key=key_doc(tenant.keys["write"]))  # by a worker at 10.0 s
    # A worker whose clock says another window, and which confirmed the key in it:
    window.at += offset
    other_window = f"{tenant.org.id}:{int(window.at // 3600) * 3600}"
    keycache.put(digest, keycache.Entry(kept.principal, kept.expires_at, other_window))
    assert error_code(tenant.writer.get(LIST)) == "revoked_api_key"


def test_a_key_changed_by_hand_is_refused_from_the_next_window(tenant, window):
    assert tenant.writer.get(LIST).status_code == 200
    ApiKey.objects(key_hash=keys.hash_key(tenant.keys["write"])).update_one(set__revoked_at=now())
    window.at = 3600.0
    assert error_code(tenant.writer.get(LIST)) == "revoked_api_key"
    assert tenant.writer.get(LIST).status_code == 401


def test_a_kept_key_expires_on_time(tenant, window, monkeypatch):
    _, key = services.api_key_create(
        org=tenant.org, name="short", scope="read", expires_at=now() + timedelta(hours=1)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=key)
    assert client.get(LIST).status_code == 200
    later = now() + timedelta(hours=2)
    monkeypatch.setattr(services, "now", lambda: later)
    assert error_code(client.get(LIST)) == "expired_api_key"
    assert keycache.get(keys.hash_key(key)) is None


def test_with_rate_limits_off_every_request_looks_its_key_up(tenant, settings, key_reads):
    settings.SERVICEDESK_RATE_LIMIT_PER_KEY = 0
    assert [tenant.reader.get(LIST).status_code for _ in range(3)] == [200] * 3
    assert len(key_reads) == 3
    assert keycache.get(keys.hash_key(tenant.keys["read"])) is None


def test_an_unknown_key_is_never_kept(clean_db, window, key_reads):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=keys.generate_key())
    assert [error_code(client.get(LIST)) for _ in range(2)] == ["unknown_api_key"] * 2
    assert len(key_reads) == 2
