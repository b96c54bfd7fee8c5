"""Rate limits per API key and per organization, counted in MongoDB.

Fixed windows (SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS). One document per
organization and window holds the organization's count and each key's count;
one `findAndModify` with `$inc` per request updates both and returns them, so
the limit holds across any number of worker processes, exactly (every
supported server makes one `findAndModify` atomic; the embedded store through
its write lock, servicedesk.mongo). Old windows are swept by the
`ratelimit.sweep` job (servicedesk.housekeeping).

The window document also lists the organization's keys revoked lately
(`revoked`) and counts changes of its webhook endpoints and configuration
(`changes`). A worker keeps authenticated keys (tenancy.keycache), each
organization's endpoints (webhooks.services) and configuration
(servicedesk.orgcache) for a window, and learns of a change from the increment
it sends anyway: one command per request covers the key, the limit and what
the worker keeps (workers_keep: whenever rate limiting is on).
"""

import math
import time
from contextvars import ContextVar
from dataclasses import dataclass

import mongoengine as me
from django.conf import settings

from servicedesk import metrics, mongo
from servicedesk.api.exceptions import error_response
from servicedesk.dotted import set_paths

API_PREFIX = "/ux/"


class RateWindow(me.Document):
    key = me.StringField(primary_key=True)  # "<organization id>:<window start>"
    total = me.IntField(default=0)
    keys = me.DictField()
    window_end = me.IntField(required=True)  # epoch seconds
    revoked = me.ListField(me.StringField())  # ids of keys revoked around this window
    changes = me.IntField(default=0)  # endpoint and configuration changes around this window

    meta = {
        "collection": "rate_windows",
        "auto_create_index": False,
        "indexes": [{"fields": ["window_end"], "name": "window_end"}],
    }


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends
    window: str = ""  # the window document's id
    revoked: frozenset[str] = frozenset()  # keys of the organization revoked lately
    changes: int = 0  # changes of the organization's endpoints and configuration lately


def enabled() -> bool:
    return bool(settings.SERVICEDESK_RATE_LIMIT_PER_KEY)


def workers_keep() -> bool:
    """Whether workers may keep keys and endpoints for a window (see the module doc).

    Only with rate limiting on: the window document is what carries revocations and
    changes to every worker.
    """
    return enabled()


def _window(organization_id, moment: float) -> tuple[str, int]:
    """(window document id, window end) of an organization at a moment."""
    length = settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS
    start = int(moment // length) * length
    return f"{organization_id}:{start}", start + length


def _record(organization_id, update: dict, first: dict) -> None:
    """Apply `update` to the organization's window documents: the current one and its
    neighbours, so workers whose clocks are a little apart all read it. `first` is what
    `update` makes of a window no request has opened yet."""
    length = settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS
    moment = RateLimitMiddleware.clock()
    collection = RateWindow._get_collection()
    for offset in (-length, 0, length):
        window_id, window_end = _window(organization_id, moment + offset)
        mongo.update_by_id(collection, window_id, update, first={**first, "window_end": window_end})


def record_revoked(*, organization_id, key_id) -> None:
    """Tell every worker that keeps this key (tenancy.keycache) that it is revoked."""
    _record(organization_id, {"$addToSet": {"revoked": str(key_id)}}, {"revoked": [str(key_id)]})


def record_changed(*, organization_id) -> None:
    """Tell every worker that keeps the organization's endpoints or configuration to read
    them again."""
    _record(organization_id, {"$inc": {"changes": 1}}, {"changes": 1})


# The window of the request being served, set by RateLimitMiddleware.
_current: ContextVar[Decision | None] = ContextVar("rate_window", default=None)


def current_stamp() -> tuple[str, int] | None:
    """(window, changes) of the request being served; None outside a limited one.

    What a worker keeps for the organization is good while this stamp is the same.
    """
    decision = _current.get()
    if decision is None or not workers_keep():
        return None
    return decision.window, decision.changes


def _increment(window_id: str, fields: dict, window_end: int) -> dict:
    return mongo.update_by_id(
        RateWindow._get_collection(),
        window_id,
        {"$inc": fields},
        first={**set_paths({}, fields), "window_end": window_end},
    )


def hit(principal, *, clock=None) -> Decision:
    """Count one request of `principal` in its window (key and organization)."""
    moment = (clock or RateLimitMiddleware.clock)()
    window_id, window_end = _window(principal.organization_id, moment)
    key_field = f"keys.{principal.key_id}"
    doc = _increment(window_id, {"total": 1, key_field: 1}, window_end)
    revoked = frozenset(doc.get("revoked") or ())
    org_count = doc["total"]
    key_count = doc["keys"][str(principal.key_id)]
    key_limit = settings.SERVICEDESK_RATE_LIMIT_PER_KEY
    org_limit = settings.SERVICEDESK_RATE_LIMIT_PER_ORG
    return Decision(
        allowed=key_count <= key_limit and org_count <= org_limit,
        limit=key_limit,
        remaining=max(0, min(key_limit - key_count, org_limit - org_count)),
        reset=max(1, math.ceil(window_end - moment)),
        window=window_id,
        revoked=revoked,
        changes=doc.get("changes", 0),
    )


def sweep(*, clock=time.time) -> int:
    return RateWindow._get_collection().delete_many({"window_end": {"$lt": clock()}}).deleted_count


class RateLimitMiddleware:
    """429 with Retry-After over the limit; X-RateLimit-* headers on every API answer.

    The count is taken when the key is checked (tenancy.middleware, which also reads
    the window's revocations): this applies the decision it left on the request.
    """

    clock = staticmethod(time.time)  # replaceable in tests

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        decision = getattr(request, "rate_decision", None)
        if decision is None:
            return self.get_response(request)
        if decision.allowed:
            token = _current.set(decision)
            try:
                response = self.get_response(request)
            finally:
                _current.reset(token)
        else:
            per_key = decision.limit == settings.SERVICEDESK_RATE_LIMIT_PER_KEY
            metrics.rate_limited("key" if per_key else "organization")
            response = error_response(
                429,
                "rate_limited",
                f"Too many requests: at most {decision.limit} per "
                f"{settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS} s for this key "
                f"({settings.SERVICEDESK_RATE_LIMIT_PER_ORG} for the organization).",
                Retry_After=str(decision.reset),
            )
        response["X-RateLimit-Limit"] = str(decision.limit)
        response["X-RateLimit-Remaining"] = str(decision.remaining)
        response["X-RateLimit-Reset"] = str(decision.reset)
        return response
