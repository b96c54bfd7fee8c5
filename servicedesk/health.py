"""Liveness and readiness probes (no key) and the Prometheus metrics (a token of their own),
outside the API prefix."""

import functools
import hmac

from django.conf import settings
from django.http import HttpResponse, JsonResponse

from servicedesk import metrics as metric_defs
from servicedesk import mongo
from servicedesk.api.exceptions import error_response
from servicedesk.webhooks.metrics import QueueCollector


def get_only(view):
    """GET (and HEAD) only; anything else is a 405 in the error shape, not an empty page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return error_response(
                405,
                "method_not_allowed",
                f'Method "{request.method}" not allowed.',
                Allow="GET, HEAD",
            )
        return view(request, *args, **kwargs)

    return wrapper


@get_only
def healthz(request):
    """The process is alive and serving; says nothing about the database."""
    return JsonResponse({"status": "ok"})


@get_only
def readyz(request):
    """Ready when the database answers a ping within MONGODB_TIMEOUT_MS."""
    try:
        mongo.ping()
    except mongo.UNAVAILABLE_ERRORS as exc:
        response = JsonResponse(
            {"status": "unavailable", "database": "unreachable", "error": exc.__class__.__name__},
            status=503,
        )
        response["Retry-After"] = str(settings.SERVICEDESK_RETRY_AFTER_SECONDS)
        return response
    store = "embedded" if mongo.is_embedded() else "mongodb"
    return JsonResponse({"status": "ok", "database": store})


@get_only
def metrics(request):
    """Prometheus metrics of every worker process, with `Authorization: Bearer <token>`.

    The token is SERVICEDESK_METRICS_TOKEN; without one the route does not exist (404),
    and a wrong or missing token is 404 too, so the route cannot be probed for.
    """
    token = settings.SERVICEDESK_METRICS_TOKEN
    given = request.META.get("HTTP_AUTHORIZATION", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return error_response(404, "not_found", "No such route.")
    body, content_type = metric_defs.exposition(QueueCollector())
    return HttpResponse(body, content_type=content_type)
