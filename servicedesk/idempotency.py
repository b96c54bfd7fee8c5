"""`Idempotency-Key` on POSTs: a retried request gets the first answer, not a duplicate.

The first request with a key (per organization) inserts a record; the unique
`_id` decides, on every server, which of several concurrent requests runs.
Its answer (status, body, content type, ETag) is stored for
SERVICEDESK_IDEMPOTENCY_TTL_SECONDS and replayed, with `Idempotent-Replayed:
true`, for the same key and the same request. The same key with another
request is 422. A repeat that arrives while the first still runs waits for it
(up to SERVICEDESK_IDEMPOTENCY_WAIT_SECONDS), then answers 409. A 5xx answer is
not kept, so the request can be retried with the same key.

The request is identified by method, path and body; for bodies over
FINGERPRINT_BODY_LIMIT (large uploads) by method, path, content type and length,
so the body is not read into memory twice.
"""

import hashlib
import time
from datetime import timedelta

import mongoengine as me
from django.conf import settings
from django.http import HttpResponse
from pymongo.errors import DuplicateKeyError

from servicedesk import mongo
from servicedesk.api.exceptions import database_unavailable_response, error_response
from servicedesk.timeutil import as_utc, now

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
FINGERPRINT_BODY_LIMIT = 10 * 1024 * 1024
# A record still "running" after this long belongs to a process that died.
STALE_RUNNING = timedelta(minutes=5)
POLL_SECONDS = 0.05


class IdempotencyRecord(me.Document):
    key = me.StringField(primary_key=True)  # "<organization id>:<Idempotency-Key>"
    fingerprint = me.StringField(required=True)
    state = me.StringField(required=True, choices=("running", "done"))
    status = me.IntField(null=True)
    body = me.BinaryField(null=True)
    content_type = me.StringField(default="")
    etag = me.StringField(default="")
    created_at = me.DateTimeField(required=True)

    meta = {
        "collection": "idempotency",
        "auto_create_index": False,
        "indexes": [{"fields": ["created_at"], "name": "created_at"}],
    }


def fingerprint(request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length <= FINGERPRINT_BODY_LIMIT:
        digest.update(request.body)
    else:
        digest.update(f"{request.META.get('CONTENT_TYPE', '')} {length}".encode())
    return digest.hexdigest()


def sweep() -> int:
    cutoff = now() - timedelta(seconds=settings.SERVICEDESK_IDEMPOTENCY_TTL_SECONDS)
    return (
        IdempotencyRecord._get_collection()
        .delete_many({"created_at": {"$lt": cutoff}})
        .deleted_count
    )


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.headers.get(HEADER)
        principal = getattr(request, "principal", None)
        if key is None or request.method != "POST" or principal is None:
            return self.get_response(request)
        if not key.strip() or len(key) > MAX_KEY_LENGTH:
            return error_response(
                400,
                "invalid_idempotency_key",
                f"{HEADER} must be 1 to {MAX_KEY_LENGTH} characters.",
            )
        try:
            return self._handle(request, f"{principal.organization_id}:{key}")
        except mongo.UNAVAILABLE_ERRORS:
            return database_unavailable_response()

    def _handle(self, request, record_id: str):
        collection = IdempotencyRecord._get_collection()
        mark = fingerprint(request)
        while True:
            try:
                collection.insert_one(
                    {"_id": record_id, "fingerprint": mark, "state": "running", "created_at": now()}
                )
                break  # ours to run
            except DuplicateKeyError:
                pass
            outcome = self._existing(collection, record_id, mark)
            if outcome is not None:
                return outcome
        response = self.get_response(request)
        if response.status_code >= 500 or response.streaming:
            collection.delete_one({"_id": record_id})
            return response
        collection.update_one(
            {"_id": record_id},
            {
                "$set": {
                    "state": "done",
                    "status": response.status_code,
                    "body": response.content,
                    "content_type": response.get("Content-Type", ""),
                    "etag": response.get("ETag", ""),
                }
            },
        )
        return response

    def _existing(self, collection, record_id: str, mark: str):
        """The answer for a key already used; None when its record was cleared to run again."""
        deadline = time.monotonic() + settings.SERVICEDESK_IDEMPOTENCY_WAIT_SECONDS
        while True:
            held = collection.find_one({"_id": record_id})
            if held is None:
                return None
            age = now() - as_utc(held["created_at"])
            expired = age > timedelta(seconds=settings.SERVICEDESK_IDEMPOTENCY_TTL_SECONDS)
            if expired or (held["state"] == "running" and age > STALE_RUNNING):
                collection.delete_one({"_id": record_id, "created_at": held["created_at"]})
                return None
            if held["fingerprint"] != mark:
                return error_response(
                    422,
                    "idempotency_key_reused",
                    f"This {HEADER} was used for a different request.",
                )
            if held["state"] == "done":
                return self._replay(held)
            if time.monotonic() >= deadline:
                return error_response(
                    409,
                    "idempotency_in_progress",
                    f"A request with this {HEADER} is still being processed; retry later.",
                )
            time.sleep(POLL_SECONDS)

    @staticmethod
    def _replay(held: dict) -> HttpResponse:
        response = HttpResponse(
            bytes(held["body"] or b""), status=held["status"], content_type=held["content_type"]
        )
        if held.get("etag"):
            response["ETag"] = held["etag"]
        response["Idempotent-Replayed"] = "true"
        return response
