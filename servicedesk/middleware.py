"""Cross-cutting middleware: request ids, body limits and database outages."""

import logging
import re
import time
import uuid

from django.conf import settings

from servicedesk import orgcache
from servicedesk.api.exceptions import database_unavailable_response, error_response
from servicedesk.logs import request_id_var
from servicedesk.mongo import UNAVAILABLE_ERRORS

log = logging.getLogger("servicedesk.request")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Take `X-Request-ID` when it is sane, otherwise make one; echo it and log the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            with orgcache.request_scope():
                response = self.get_response(request)
            response["X-Request-ID"] = request_id
            log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class DatabaseUnavailableMiddleware:
    """A database outage in a plain Django view gives 503 with Retry-After, not a 500.

    (DRF views map it in the exception handler; the key lookup in its middleware.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE_ERRORS):
            log.warning("database unavailable: %s", exception.__class__.__name__)
            return database_unavailable_response()
        return None


UPLOAD_PATH_SUFFIX = "/incident/add-attachment/"
# Boundaries and part headers of a multipart body, beyond the files themselves.
MULTIPART_OVERHEAD = 1024 * 1024


def body_limit(request) -> int:
    """The largest body this request may carry, by content type and route."""
    if request.META.get("CONTENT_TYPE", "").startswith("multipart/"):
        return settings.SERVICEDESK_MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD
    if request.path.endswith(UPLOAD_PATH_SUFFIX):
        return settings.SERVICEDESK_MAX_BASE64_UPLOAD_BYTES
    return settings.SERVICEDESK_MAX_JSON_BODY_BYTES


class BodySizeLimitMiddleware:
    """Refuse a body over its limit with 413 from its Content-Length, before reading it.

    JSON bodies: SERVICEDESK_MAX_JSON_BODY_BYTES (1 MiB). Base64 uploads to
    add-attachment/: SERVICEDESK_MAX_BASE64_UPLOAD_BYTES. Multipart uploads:
    SERVICEDESK_MAX_UPLOAD_BYTES plus room for the multipart framing; the files
    themselves are checked one by one by the attachment service.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error_response(400, "bad_content_length", "Content-Length is not a number.")
        limit = body_limit(request)
        if length > limit:
            return error_response(
                413,
                "payload_too_large",
                f"The request body is {length} bytes; the limit is {limit} bytes.",
            )
        return self.get_response(request)
