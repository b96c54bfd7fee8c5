"""What ops see and trust: proxy headers, Prometheus metrics, the once-a-minute warning."""

import logging
import re

import pytest
from pymongo.errors import ServerSelectionTimeoutError
from rest_framework.test import APIClient

from servicedesk import metrics
from servicedesk.logs import OnceAMinuteWarning
from servicedesk.webhooks import services
from tests.webhooks.helpers import Reply, create_incident, register

LIST = "/ux/sd/inci/incident/"
TOKEN = "metrics-token-for-tests"


def fresh(tenant, scope="read") -> APIClient:
    """A client built after the settings of the test (middleware is set up on first use)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=tenant.keys[scope])
    return client


# --- proxy headers -----------------------------------------------------------------


def test_forwarded_proto_from_an_unknown_peer_is_ignored(tenant, settings):
    """Issue 14: X-Forwarded-Proto was believed without a configured proxy."""
    settings.SERVICEDESK_TRUSTED_PROXIES = []
    response = fresh(tenant).get(
        f"{LIST}?items_per_page=1", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert response.status_code == 200
    assert 'rel="first"' in response["Link"]
    assert "https://" not in response["Link"] and "http://testserver" in response["Link"]


def test_forwarded_proto_from_a_configured_proxy_sets_the_scheme(tenant, settings):
    settings.SERVICEDESK_TRUSTED_PROXIES = ["127.0.0.0/8"]  # the test client's REMOTE_ADDR
    response = fresh(tenant).get(f"{LIST}?items_per_page=1", HTTP_X_FORWARDED_PROTO="https")
    assert "https://testserver" in response["Link"]


def test_a_peer_outside_the_trusted_networks_is_not_trusted(tenant, settings):
    settings.SERVICEDESK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    response = fresh(tenant).get(f"{LIST}?items_per_page=1", HTTP_X_FORWARDED_PROTO="https")
    assert "https://" not in response["Link"]


def test_the_client_address_is_the_last_one_no_trusted_proxy_added(rf, settings):
    from servicedesk.middleware import ProxyHeadersMiddleware

    settings.SERVICEDESK_TRUSTED_PROXIES = ["10.0.0.0/8"]
    seen = {}

    def view(request):
        seen.update(addr=request.META["REMOTE_ADDR"], scheme=request.scheme)
        return None

    middleware = ProxyHeadersMiddleware(view)
    request = rf.get(
        "/healthz",
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7, 10.0.0.9",
        HTTP_X_FORWARDED_PROTO="https",
    )
    middleware(request)
    assert seen == {"addr": "203.0.113.7", "scheme": "https"}
    spoofed = rf.get("/healthz", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    middleware(spoofed)
    assert seen["addr"] == "198.51.100.1"
    assert "HTTP_X_FORWARDED_FOR" not in spoofed.META


def test_a_bad_trusted_proxy_setting_stops_start_up(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from servicedesk import env

    monkeypatch.setenv("SERVICEDESK_TRUSTED_PROXIES", "10.0.0.0/8, not-an-address")
    with pytest.raises(ImproperlyConfigured, match="not-an-address"):
        env.networks("SERVICEDESK_TRUSTED_PROXIES")


# --- metrics -------------------------------------------------------------------------


@pytest.fixture
def scrape(settings, anon):
    settings.SERVICEDESK_METRICS_TOKEN = TOKEN

    def get() -> str:
        response = anon.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        return response.content.decode()

    return get


def value(text: str, name: str, **labels) -> float:
    """A sample's value (0 when absent); labels must match those given, in any order."""
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.rsplit(" ", 1)[0]))
        if all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Token {TOKEN}", TOKEN])
def test_metrics_without_their_token_do_not_exist(anon, settings, header):
    settings.SERVICEDESK_METRICS_TOKEN = TOKEN
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = anon.get("/metrics", **extra)
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


def test_metrics_are_off_without_a_token(anon, settings):
    settings.SERVICEDESK_METRICS_TOKEN = ""
    assert anon.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_requests_are_counted_per_route_and_status(tenant, scrape):
    before = scrape()
    assert tenant.reader.get(f"{LIST}INCI-404/").status_code == 404
    assert tenant.reader.get("/healthz").status_code == 200
    after = scrape()
    get_404 = {"method": "GET", "status": "404"}
    grown = {
        route
        for route in routes(after, **get_404)
        if value(after, "servicedesk_http_requests_total", route=route, **get_404)
        > value(before, "servicedesk_http_requests_total", route=route, **get_404)
    }
    (detail,) = grown  # the incident detail route, counted under its pattern
    assert "incident" in detail and "INCI-404" not in detail
    assert value(after, "servicedesk_http_requests_total", route=detail, **get_404) == (
        value(before, "servicedesk_http_requests_total", route=detail, **get_404) + 1
    )
    healthz = {"route": "healthz", "method": "GET", "status": "200"}
    assert value(after, "servicedesk_http_requests_total", **healthz) == (
        value(before, "servicedesk_http_requests_total", **healthz) + 1
    )
    assert value(after, "servicedesk_http_request_duration_seconds_count", route="healthz") >= 1
    assert 'le="0.005"' in after
    assert "INCI-404" not in after  # a route is its pattern, never an id


def routes(text: str, **labels) -> list[str]:
    found = []
    for line in text.splitlines():
        if line.startswith("servicedesk_http_requests_total{"):
            sample = dict(re.findall(r'(\w+)="([^"]*)"', line.split("} ")[0]))
            if all(sample.get(k) == v for k, v in labels.items()):
                found.append(sample["route"])
    return found


def test_rate_limit_refusals_are_counted(tenant, scrape, settings):
    settings.SERVICEDESK_RATE_LIMIT_PER_KEY = 2
    settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS = 3600
    before = value(scrape(), "servicedesk_rate_limit_refusals_total", limit="key")
    statuses = [tenant.reader.get(LIST).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert value(scrape(), "servicedesk_rate_limit_refusals_total", limit="key") == before + 1


def test_database_errors_are_counted(scrape):
    before = value(scrape(), "servicedesk_database_errors_total", error="unavailable")
    metrics.DATABASE_ERRORS.labels("unavailable").inc()  # what a 503 records
    from servicedesk.api.exceptions import ExceptionHandler

    handler = ExceptionHandler.__new__(ExceptionHandler)
    converted = handler.convert_known_exceptions(ServerSelectionTimeoutError("down"))
    assert converted.status_code == 503
    assert value(scrape(), "servicedesk_database_errors_total", error="unavailable") == before + 2


def test_deliveries_by_outcome_and_the_queue(tenant, scrape, allow_private, receiver, settings):
    settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS = 0
    settings.SERVICEDESK_WEBHOOK_PER_RECEIVER = 1
    register(tenant.admin, receiver.url)
    receiver.replies = [Reply(status=500), Reply(status=200)]
    before = scrape()
    create_incident(tenant.writer)
    create_incident(tenant.writer)
    queued = scrape()
    assert value(queued, "servicedesk_webhook_queue_depth") == 2
    assert value(queued, "servicedesk_webhook_oldest_due_age_seconds") >= 0
    services.deliver_due()
    after = scrape()
    for outcome in ("retry", "succeeded"):
        assert value(after, "servicedesk_webhook_deliveries_total", outcome=outcome) == (
            value(before, "servicedesk_webhook_deliveries_total", outcome=outcome) + 1
        )
    assert value(after, "servicedesk_webhook_queue_depth") == 0


@pytest.fixture
def receiver():
    from tests.webhooks.helpers import Receiver

    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def allow_private(settings):
    settings.SERVICEDESK_WEBHOOK_ALLOW_PRIVATE = True


# --- once a minute ------------------------------------------------------------------


def test_once_a_minute_lets_one_record_through_as_a_warning_without_traceback():
    gate = OnceAMinuteWarning()
    try:
        raise ValueError("bad host")
    except ValueError as exc:
        error = exc
    records = [
        logging.LogRecord(
            "django.security.DisallowedHost",
            logging.ERROR,
            __file__,
            1,
            "Invalid HTTP_HOST header: %r.",
            ("evil.example",),
            (ValueError, error, error.__traceback__),
        )
        for _ in range(4)
    ]
    passed = [record for record in records if gate.filter(record)]
    assert len(passed) == 1
    (record,) = passed
    assert record.levelno == logging.WARNING and record.levelname == "WARNING"
    assert record.exc_info is None
    gate._next = 0  # a minute later
    assert gate.filter(records[0])
    assert "(3 more like it in the last minute)" in records[0].getMessage()
