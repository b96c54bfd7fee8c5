"""Liveness and readiness probes, outside the API prefix and without a key."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from servicedesk import mongo


@require_GET
def healthz(request):
    """The process is alive and serving; says nothing about the database."""
    return JsonResponse({"status": "ok"})


@require_GET
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
