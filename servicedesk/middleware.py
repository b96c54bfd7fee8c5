"""Cross-cutting middleware: proxy headers, request ids and metrics, body limits and
database outages."""

import ipaddress
import logging
import re
import time
import uuid

from django.conf import settings

from servicedesk import metrics, orgcache
from servicedesk.api.exceptions import database_unavailable_response, error_response
from servicedesk.logs import request_id_var
from servicedesk.mongo import UNAVAILABLE_ERRORS

log = logging.getLogger("servicedesk.request")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
)


def trusted_networks(values) -> tuple:
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def _trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    return any(ip in network for network in networks)


class ProxyHeadersMiddleware:
    """Proxy headers count only from the proxies of SERVICEDESK_TRUSTED_PROXIES.

    From a trusted peer: `X-Forwarded-Proto` (http or https) sets the scheme, and the
    right-most `X-Forwarded-For` address that is not itself a trusted proxy becomes
    REMOTE_ADDR. From anyone else every forwarding header is dropped, so nothing
    further in reads a client's claim about its scheme or address.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.networks = trusted_networks(settings.SERVICEDESK_TRUSTED_PROXIES)

    def __call__(self, request):
        meta = request.META
        if self.networks and _trusted(meta.get("REMOTE_ADDR", ""), self.networks):
            proto = meta.get("HTTP_X_FORWARDED_PROTO", "").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                meta["wsgi.url_scheme"] = proto
            hops = [hop.strip() for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
            for hop in reversed([hop for hop in hops if hop]):
                if not _trusted(hop, self.networks):
                    meta["REMOTE_ADDR"] = hop
                    break
        else:
            for name in FORWARDED_HEADERS:
                meta.pop(name, None)
        return self.get_response(request)


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
            match = getattr(request, "resolver_match", None)
            metrics.observe_request(
                route=match.route if match is not None else "unmatched",
                method=request.method,
                status=response.status_code,
                seconds=time.perf_counter() - started,
            )
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
INBOUND_MAIL_PATH_SUFFIX = "/mail/inbound/"  # one raw message (mail/), not JSON
# Boundaries and part headers of a multipart body, beyond the files themselves.
MULTIPART_OVERHEAD = 1024 * 1024


def body_limit(request) -> int:
    """The largest body this request may carry, by content type and route."""
    if request.path.endswith(INBOUND_MAIL_PATH_SUFFIX):
        return settings.SERVICEDESK_MAX_INBOUND_MAIL_BYTES
    if request.META.get("CONTENT_TYPE", "").startswith("multipart/"):
        return settings.SERVICEDESK_MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD
    if request.path.endswith(UPLOAD_PATH_SUFFIX):
        return settings.SERVICEDESK_MAX_BASE64_UPLOAD_BYTES
    return settings.SERVICEDESK_MAX_JSON_BODY_BYTES


class BodySizeLimitMiddleware:
    """Refuse a body over its limit with 413 from its Content-Length, before reading it.

    JSON bodies: SERVICEDESK_MAX_JSON_BODY_BYTES (1 MiB). Base64 uploads to
    add-attachment/: SERVICEDESK_MAX_BASE64_UPLOAD_BYTES. Raw mail to mail/inbound/:
    SERVICEDESK_MAX_INBOUND_MAIL_BYTES. Multipart uploads:
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
