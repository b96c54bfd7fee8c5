"""Rate limits per API key and per organization, counted in MongoDB.

Fixed windows (SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS). One document per
organization and window holds the organization's count and each key's count;
one `findAndModify` with `$inc` per request updates both and returns them, so
the limit holds across any number of worker processes. On a server whose
`findAndModify` is not atomic (FerretDB 1.x) each number handed out is also
claimed with a unique insert, and a number handed out twice is drawn again,
so the count stays exact there too. Old windows are swept by the dispatcher
loop (FerretDB has no TTL indexes).
"""

import math
import time
from dataclasses import dataclass

import mongoengine as me
from django.conf import settings
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from servicedesk import claims, mongo
from servicedesk.api.exceptions import error_response

API_PREFIX = "/ux/"


class RateWindow(me.Document):
    key = me.StringField(primary_key=True)  # "<organization id>:<window start>"
    total = me.IntField(default=0)
    keys = me.DictField()
    window_end = me.IntField(required=True)  # epoch seconds

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


def _increment(window_id: str, fields: dict, window_end: int) -> dict:
    collection = RateWindow._get_collection()
    for _ in range(3):
        try:
            return collection.find_one_and_update(
                {"_id": window_id},
                {"$inc": fields, "$setOnInsert": {"window_end": window_end}},
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
        except DuplicateKeyError:  # two first upserts of the window raced
            continue
    raise RuntimeError("rate window could not be created")


def _exact(window_id: str, field: str, number: int, window_end: int, read) -> int:
    """On a non-atomic server: make sure no other request holds the same number."""
    for _ in range(50):
        if claims.take(f"rl:{window_id}:{field}:{number}"):
            return number
        number = read(_increment(window_id, {field: 1}, window_end))
    return number


def hit(principal, *, clock=time.time) -> Decision:
    window = settings.SERVICEDESK_RATE_LIMIT_WINDOW_SECONDS
    moment = clock()
    start = int(moment // window) * window
    window_end = start + window
    window_id = f"{principal.organization_id}:{start}"
    key_field = f"keys.{principal.key_id}"
    doc = _increment(window_id, {"total": 1, key_field: 1}, window_end)
    org_count = doc["total"]
    key_count = doc["keys"][str(principal.key_id)]
    if not mongo.atomic_updates():
        org_count = _exact(window_id, "total", org_count, window_end, lambda d: d["total"])
        key_count = _exact(
            window_id, key_field, key_count, window_end,
            lambda d: d["keys"][str(principal.key_id)],
        )  # fmt: skip
    key_limit = settings.SERVICEDESK_RATE_LIMIT_PER_KEY
    org_limit = settings.SERVICEDESK_RATE_LIMIT_PER_ORG
    return Decision(
        allowed=key_count <= key_limit and org_count <= org_limit,
        limit=key_limit,
        remaining=max(0, min(key_limit - key_count, org_limit - org_count)),
        reset=max(1, math.ceil(window_end - moment)),
    )


def sweep(*, clock=time.time) -> int:
    return RateWindow._get_collection().delete_many({"window_end": {"$lt": clock()}}).deleted_count


class RateLimitMiddleware:
    """429 with Retry-After over the limit; X-RateLimit-* headers on every API answer."""

    clock = staticmethod(time.time)  # replaceable in tests

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        principal = getattr(request, "principal", None)
        if principal is None or not settings.SERVICEDESK_RATE_LIMIT_PER_KEY:
            return self.get_response(request)
        try:
            decision = hit(principal, clock=self.clock)
        except mongo.UNAVAILABLE_ERRORS:
            from servicedesk.api.exceptions import database_unavailable_response

            return database_unavailable_response()
        if decision.allowed:
            response = self.get_response(request)
        else:
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
