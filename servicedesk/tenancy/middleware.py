"""Resolve the API key of every API request once, before any view runs.

With rate limits on, the request is counted here too (servicedesk.ratelimit):
the same window document says which keys were revoked lately, so a key this
worker kept (tenancy.keycache) is confirmed by the command that counts it.
RateLimitMiddleware then applies the decision left on the request.
"""

import logging

from servicedesk import ratelimit
from servicedesk.api.exceptions import database_unavailable_response
from servicedesk.mongo import UNAVAILABLE_ERRORS
from servicedesk.tenancy import keycache, keys, services

log = logging.getLogger(__name__)

API_PREFIX = "/ux/"
# Keys must travel in the Authorization header; query strings end up in logs.
QUERY_KEY_NAMES = ("api_key", "apikey", "access_token", "key", "token")


class ApiKeyMiddleware:
    """Attach `request.principal` (or `request.auth_error`) for API routes.

    The decision to refuse is left to DRF's authentication class, so refusals are
    rendered by the one exception handler and described in the OpenAPI schema.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.principal = None
        request.auth_error = None
        request.rate_decision = None
        if request.path.startswith(API_PREFIX):
            refusal = self._authenticate(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    @staticmethod
    def _authenticate(request):
        """Set principal or auth_error; return a response only when the database is down."""
        if any(name in request.GET for name in QUERY_KEY_NAMES):
            request.auth_error = services.AuthError(
                "api_key_in_query",
                "API keys are not accepted in the query string; "
                "send them in the Authorization header.",
            )
            return
        header = request.META.get("HTTP_AUTHORIZATION")
        if header is None or not header.strip():
            request.auth_error = services.AuthError(
                "not_authenticated", "Send your API key in the Authorization header."
            )
            return
        try:
            key = keys.key_from_header(header)
            principal = services.api_key_authenticate(key=key, remember=ratelimit.workers_keep())
            if ratelimit.enabled():
                decision = ratelimit.hit(principal)
                _confirm(principal, decision)
                request.rate_decision = decision
            request.principal = principal
        except UNAVAILABLE_ERRORS:
            log.warning("database unavailable during key lookup")
            return database_unavailable_response()
        except keys.MalformedKey as exc:
            request.auth_error = services.AuthError("malformed_api_key", str(exc))
        except services.AuthError as exc:
            request.auth_error = exc


def _confirm(principal, decision: ratelimit.Decision) -> None:
    """Refuse a key revoked lately, or kept from an earlier window and no longer good."""
    if str(principal.key_id) in decision.revoked:
        keycache.drop(principal.key_id)
        raise services.AuthError("revoked_api_key", "This API key has been revoked.")
    if not principal.looked_up and not keycache.confirmed_in(principal.key_id, decision.window):
        try:  # kept from an earlier window: ask the database again
            services.api_key_recheck(principal=principal)
        except services.AuthError:
            keycache.drop(principal.key_id)
            raise
    keycache.confirm(principal.key_id, decision.window)
