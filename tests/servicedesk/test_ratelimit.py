"""Rate limits per key and per organization, as a client sees them."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from rest_framework.test import APIClient

from servicedesk import ratelimit

LIST = "/ux/sd/inci/incident/"


@pytest.fixture
def limits(settings):
    settings.SERVICEDESK_RATE_LIMIT_PER_KEY = 5
    settings.SERVICEDESK_RATE_LIMIT_PER_ORG = 8
    settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS = 3600
    return settings


def test_every_api_answer_carries_the_headers(tenant, limits):
    response = tenant.reader.get(LIST)
    assert response["X-RateLimit-Limit"] == "5"
    assert response["X-RateLimit-Remaining"] == "4"
    assert 0 < int(response["X-RateLimit-Reset"]) <= 3600


def test_at_the_limit_then_429_with_retry_after(tenant, limits):
    answers = [tenant.reader.get(LIST) for _ in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert answers[4]["X-RateLimit-Remaining"] == "0"
    refused = answers[5]
    assert refused.json()["errors"][0]["code"] == "rate_limited"
    assert int(refused["Retry-After"]) == int(refused["X-RateLimit-Reset"]) > 0


def test_the_organization_limit_spans_its_keys(tenant, limits):
    codes = [tenant.reader.get(LIST).status_code for _ in range(5)]
    codes += [tenant.writer.get(LIST).status_code for _ in range(5)]
    # 8 for the organization: the writer's fourth request is over it.
    assert codes == [200] * 8 + [429] * 2


def test_other_organizations_are_not_affected(tenant, other_tenant, limits):
    for _ in range(6):
        tenant.reader.get(LIST)
    assert other_tenant.reader.get(LIST).status_code == 200


def test_a_new_window_starts_afresh(tenant, limits, monkeypatch):
    moments = iter([0.0] * 6 + [3600.0])
    monkeypatch.setattr(ratelimit.RateLimitMiddleware, "clock", staticmethod(lambda: next(moments)))
    codes = [tenant.reader.get(LIST).status_code for _ in range(7)]
    assert codes == [200] * 5 + [429, 200]


def test_a_burst_from_threads_gets_exactly_the_limit(tenant, limits):
    limits.SERVICEDESK_RATE_LIMIT_PER_KEY = 20
    limits.SERVICEDESK_RATE_LIMIT_PER_ORG = 1000

    def call(_):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=tenant.keys["read"])
        return client.get(LIST).status_code

    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(call, range(30)))
    assert codes.count(200) == 20 and codes.count(429) == 10


def test_probes_and_docs_are_not_limited(anon, tenant, limits):
    for _ in range(7):
        tenant.reader.get(LIST)
    for path in ("/healthz", "/readyz", "/api/schema/"):
        response = anon.get(path)
        assert response.status_code == 200
        assert "X-RateLimit-Limit" not in response


def test_zero_turns_limits_off(tenant, settings):
    settings.SERVICEDESK_RATE_LIMIT_PER_KEY = 0
    response = tenant.reader.get(LIST)
    assert response.status_code == 200 and "X-RateLimit-Limit" not in response
