"""Prometheus metrics (prometheus-client), added up across the worker processes.

`servicedesk.serve` gives every worker one PROMETHEUS_MULTIPROC_DIR (prometheus-client's
multiprocess mode); `/metrics` (servicedesk.health) reads the files of all of them,
plus the webhook queue, which it asks the database for at scrape time. Outside the
server (tests, commands) the metrics live in this process's default registry.

Labels are bounded: a route is its URL pattern (`unmatched` for none), a method one
of the HTTP methods (`other` otherwise), a status the number.
"""

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "servicedesk_http_requests_total",
    "HTTP requests answered by the application, by route, method and status.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "servicedesk_http_request_duration_seconds",
    "Time from the request reaching the application to its answer.",
    ["route", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
SERVER_REFUSALS = Counter(
    "servicedesk_http_server_refusals_total",
    "Requests the HTTP server refused before the application (malformed, too large).",
    ["status"],
)
DELIVERIES = Counter(
    "servicedesk_webhook_deliveries_total",
    "Webhook delivery attempts by outcome: succeeded, retry (failed, will be retried), "
    "failed (no attempt left).",
    ["outcome"],
)
RATE_LIMITED = Counter(
    "servicedesk_rate_limit_refusals_total",
    "Requests refused with 429, by the limit they hit (key or organization).",
    ["limit"],
)
DATABASE_ERRORS = Counter(
    "servicedesk_database_errors_total",
    "Database commands that failed, by error class (unreachable servers included).",
    ["error"],
)


def observe_request(*, route: str, method: str, status: int, seconds: float) -> None:
    method = method if method in METHODS else "other"
    labels = (route, method, str(status))
    REQUESTS.labels(*labels).inc()
    LATENCY.labels(*labels).observe(seconds)


def server_refusal(status: int) -> None:
    SERVER_REFUSALS.labels(str(status)).inc()


def delivery(outcome: str) -> None:
    DELIVERIES.labels(outcome).inc()


def rate_limited(limit: str) -> None:
    RATE_LIMITED.labels(limit).inc()


def database_error(exc: BaseException) -> None:
    DATABASE_ERRORS.labels(exc.__class__.__name__).inc()


def exposition(*extra_collectors) -> tuple[bytes, str]:
    """(body, content type) of every process's metrics plus `extra_collectors`."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess  # noqa: PLC0415 - multiprocess mode only

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Default())
    for collector in extra_collectors:
        registry.register(collector)
    return generate_latest(registry), CONTENT_TYPE_LATEST


class _Default:
    """This process's metrics, through a registry of its own (extras are per scrape)."""

    def collect(self):
        yield from REGISTRY.collect()
