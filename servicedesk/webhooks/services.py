"""Events in, deliveries out.

`emit` records one pending delivery per subscribed, active endpoint; it never
fails the request that caused the event. `claim` takes a delivery for sending
(so two senders never send the same attempt), `send` POSTs it signed and
records the attempt: success, or a retry at an exponentially growing,
jittered delay, or `failed` after the last attempt; and the endpoint's health
(servicedesk.webhooks.dispatch sends concurrently and slows failing
endpoints). `retry_deliveries` only queues. Time and randomness are
injectable, so backoff is tested without waiting.
"""

import logging
import random
import secrets
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

import orjson
from bson import ObjectId
from django.conf import settings
from pymongo import ReturnDocument

from servicedesk import metrics, ratelimit
from servicedesk.errors import Conflict, NotFound, invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import isoformat, now
from servicedesk.webhooks import transport
from servicedesk.webhooks.documents import (
    FAILED,
    PENDING,
    SUCCEEDED,
    Attempt,
    Delivery,
    WebhookEndpoint,
)

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
CLAIM_SECONDS = 60


def _check_url(url: str) -> None:
    """A 400 naming `url` when it could never be called (not a 500)."""
    try:
        transport.check_url(url)
    except transport.UnsafeURL as exc:
        raise invalid("url", str(exc), code="unsafe_url") from None


def endpoint_create(*, principal: Principal, data: dict) -> tuple[WebhookEndpoint, str]:
    _check_url(data["url"])
    secret = "whsec_" + secrets.token_urlsafe(32)
    endpoint = WebhookEndpoint(
        organization_id=principal.organization_id,
        url=data["url"],
        events=data["events"],
        active=data.get("active", True),
        description=data.get("description", ""),
        secret=secret,
        created_by_id=principal.actor_id,
    )
    endpoint.save(force_insert=True)
    _endpoints_changed(principal.organization_id)
    return endpoint, secret


def endpoint_update(*, endpoint: WebhookEndpoint, data: dict) -> WebhookEndpoint:
    if "url" in data:
        _check_url(data["url"])
    changes = {f"set__{name}": value for name, value in data.items()}
    WebhookEndpoint.objects(id=endpoint.id, organization_id=endpoint.organization_id).update_one(
        **changes, set__updated_at=now()
    )
    _endpoints_changed(endpoint.organization_id)
    endpoint.reload()
    return endpoint


def endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    """Its deliveries stay in the log."""
    WebhookEndpoint.objects(id=endpoint.id, organization_id=endpoint.organization_id).delete()
    _endpoints_changed(endpoint.organization_id)


# A per-call stamp while `endpoints_looked_up_once` runs (for when rate limits are off).
_call_stamp: ContextVar[object | None] = ContextVar("webhook_call_stamp", default=None)
# organization id -> (stamp, [(endpoint id, its events)]): kept by this worker while the
# stamp holds (see ratelimit.current_stamp: one rate-limit window, no endpoint change).
_kept: dict[ObjectId, tuple[object, list[tuple[ObjectId, frozenset[str]]]]] = {}
MAX_KEPT = 10_000


@contextmanager
def endpoints_looked_up_once() -> Iterator[None]:
    """Within: `emit` reads each organization's active endpoints at most once.

    For bulk calls, which emit an event per incident, when rate limits are off
    (with them on, endpoints are kept for the whole window anyway).
    """
    token = _call_stamp.set(object())
    try:
        yield
    finally:
        _call_stamp.reset(token)


def _endpoints_changed(organization_id: ObjectId) -> None:
    """After a change: every worker reads the organization's endpoints again."""
    _kept.pop(organization_id, None)
    ratelimit.record_changed(organization_id=organization_id)


def _subscribed(organization_id: ObjectId, event: str) -> list[ObjectId]:
    """Ids of the organization's active endpoints subscribed to `event`.

    Read once per rate-limit window and worker while the endpoints do not change:
    a change is counted in the window document every request reads
    (ratelimit.record_changed), so it is seen by the next request of
    every worker. Without a window (rate limits off, the delivery job, commands),
    read every time, or once per bulk call.
    """
    stamp = ratelimit.current_stamp() or _call_stamp.get()
    if stamp is None:
        query = WebhookEndpoint.objects(organization_id=organization_id, active=True, events=event)
        return [endpoint.id for endpoint in query.only("id")]
    kept = _kept.get(organization_id)
    if kept is None or kept[0] != stamp:
        query = WebhookEndpoint.objects(organization_id=organization_id, active=True)
        if len(_kept) >= MAX_KEPT:
            _kept.clear()
        kept = _kept[organization_id] = (
            stamp,
            [(endpoint.id, frozenset(endpoint.events)) for endpoint in query.only("id", "events")],
        )
    return [endpoint_id for endpoint_id, events in kept[1] if event in events]


# The events of an `events_held` block, emitted when it ends without an exception.
_held: ContextVar[list[dict] | None] = ContextVar("webhook_events_held", default=None)


@contextmanager
def events_held() -> Iterator[None]:
    """Within: events are kept back, then emitted in order when the block ends without
    an exception, and dropped when it raises. For a change of several steps that undoes
    the steps already made when a later one fails (an incident made from inbound mail
    is deleted again when its conversation cannot be stored): integrators hear of
    what was kept, not of what was undone."""
    held: list[dict] = []
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
    for event in held:  # only when the block raised nothing
        emit(**event)


def emit(
    *, principal: Principal, event: str, payload: dict, incident_id: ObjectId | None = None
) -> int:
    """Record deliveries of `event` for the organization's subscribed endpoints.

    `payload` is built by the app that owns the event (`{"incident": ...}`, ...) and
    sent beside the event's id, name, time and organization. `incident_id` files the
    deliveries under an incident (for `bulk_retry_api/`). Errors are logged, never
    raised: an event must not fail the request behind it. Inside `events_held` the
    event waits for the block's end (0 is answered).
    """
    held = _held.get()
    if held is not None:
        held.append(
            {"principal": principal, "event": event, "payload": payload, "incident_id": incident_id}
        )
        return 0
    try:
        endpoints = _subscribed(principal.organization_id, event)
        if not endpoints:
            return 0
        moment = now()
        event_id = str(uuid.uuid4())
        body = orjson.dumps(
            {
                "event_id": event_id,
                "event": event,
                "occurred_at": isoformat(moment),
                "organization": principal.organization_slug,
                **payload,
            },
            default=str,
        ).decode()
        Delivery.objects.insert(
            [
                Delivery(
                    organization_id=principal.organization_id,
                    endpoint_id=endpoint_id,
                    event_id=event_id,
                    event=event,
                    incident_id=incident_id,
                    body=body,
                    next_attempt_at=moment,
                    created_at=moment,
                    updated_at=moment,
                )
                for endpoint_id in endpoints
            ],
            load_bulk=False,
        )
        return len(endpoints)
    except Exception:
        log.exception("could not record webhook deliveries for %s", event)
        return 0


def backoff(attempt_count: int, rng: random.Random) -> timedelta:
    """Delay before the next attempt: base x 2^(n-1), with +-50% jitter, capped."""
    base = settings.SERVICEDESK_WEBHOOK_BACKOFF_SECONDS
    delay = min(base * 2 ** (attempt_count - 1), settings.SERVICEDESK_WEBHOOK_BACKOFF_MAX_SECONDS)
    return timedelta(seconds=delay * rng.uniform(0.5, 1.5))


def claim(*, query: dict, clock: Clock = now, scan: int = 20) -> Delivery | None:
    """Take one delivery matching `query` for sending; None if there is none to take.

    The claim is one atomic update of the delivery (`claimed_until`, for this attempt),
    so two senders, in one process or in several, never send the same attempt. A claim
    whose sender died is free again after CLAIM_SECONDS; `send` clears it.
    """
    collection = Delivery._get_collection()
    moment = clock()
    candidates = collection.find(
        query, projection={"_id": 1, "attempt_count": 1}, sort=[("next_attempt_at", 1)], limit=scan
    )
    for candidate in candidates:
        raw = collection.find_one_and_update(
            {
                "$and": [
                    query,
                    {
                        "_id": candidate["_id"],
                        "attempt_count": candidate.get("attempt_count", 0),
                        "$or": [{"claimed_until": None}, {"claimed_until": {"$lte": moment}}],
                    },
                ]
            },
            {"$set": {"claimed_until": moment + timedelta(seconds=CLAIM_SECONDS)}},
            projection={"attempts": 0},
            return_document=ReturnDocument.AFTER,
        )
        if raw is not None:
            return Delivery._from_son(raw)
    return None


def send(
    delivery: Delivery,
    *,
    clock: Clock = now,
    rng: random.Random | None = None,
    post: Callable[..., transport.Outcome] = transport.post,
) -> Delivery:
    """POST a claimed delivery and record the attempt, and the endpoint's health."""
    rng = rng or random.Random()  # noqa: S311 - jitter, not security
    endpoint = WebhookEndpoint.objects(id=delivery.endpoint_id).first()
    if endpoint is None or not endpoint.active:
        outcome = transport.Outcome(ok=False, error="the endpoint was deleted or deactivated")
        url = ""
    else:
        url = endpoint.url
        body = delivery.body.encode()
        outcome = post(
            url,
            body,
            {
                "Content-Type": "application/json",
                "User-Agent": transport.USER_AGENT,
                "X-Servicedesk-Event": delivery.event,
                "X-Servicedesk-Delivery": str(delivery.id),
                "X-Servicedesk-Signature": transport.sign(endpoint.secret, body),
                **transport.standard_webhook_headers(endpoint.secret, str(delivery.id), body),
            },
        )
    moment = clock()
    count = delivery.attempt_count + 1
    exhausted = (
        count >= settings.SERVICEDESK_WEBHOOK_MAX_ATTEMPTS
        or count >= settings.SERVICEDESK_WEBHOOK_ATTEMPT_CAP
        or delivery.final_attempt
        or delivery.status == FAILED
    )
    if outcome.ok:
        status, next_at = SUCCEEDED, None
    elif exhausted or not url:
        status, next_at = FAILED, None
    else:
        status, next_at = PENDING, moment + backoff(count, rng)
    metrics.delivery({SUCCEEDED: "succeeded", FAILED: "failed"}.get(status, "retry"))
    attempt = Attempt(
        at=moment,
        response_status=outcome.response_status,
        error=outcome.error,
        response_body=outcome.response_body,
        duration_ms=outcome.duration_ms,
    )
    raw = Delivery._get_collection().find_one_and_update(
        {"_id": delivery.id},
        {
            "$set": {
                "status": status,
                "next_attempt_at": next_at,
                "updated_at": moment,
                "attempt_count": count,
                "final_attempt": False,
                "claimed_until": None,
            },
            "$push": {"attempts": attempt.to_mongo()},
        },
        return_document=ReturnDocument.AFTER,
    )
    if url:
        _endpoint_health(endpoint, ok=outcome.ok, moment=moment)
    return Delivery._from_son(raw)


def endpoint_backoff(streak: int) -> timedelta:
    """How long an endpoint that failed `streak` times in a row waits before its next send."""
    base = settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS
    if streak <= 0 or base <= 0:
        return timedelta(0)
    cap = settings.SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_MAX_SECONDS
    return timedelta(seconds=min(base * 2 ** min(streak - 1, 30), cap))


def _endpoint_health(endpoint: WebhookEndpoint, *, ok: bool, moment: datetime) -> None:
    collection = WebhookEndpoint._get_collection()
    if ok:
        if endpoint.failure_streak or endpoint.paused_until is not None:
            collection.update_one(
                {"_id": endpoint.id}, {"$set": {"failure_streak": 0, "paused_until": None}}
            )
        return
    raw = collection.find_one_and_update(
        {"_id": endpoint.id},
        {"$inc": {"failure_streak": 1}},
        return_document=ReturnDocument.AFTER,
    )
    if raw is None:
        return
    pause = endpoint_backoff(raw.get("failure_streak", 1))
    collection.update_one(
        {"_id": endpoint.id}, {"$set": {"paused_until": moment + pause if pause else None}}
    )


def deliver_due(*, limit: int | None = None, **kwargs) -> int:
    """Send the due deliveries now (servicedesk.webhooks.dispatch); how many were sent."""
    from servicedesk.webhooks import dispatch  # noqa: PLC0415 - dispatch builds on this module

    return dispatch.deliver_due(limit=limit, **kwargs)


def retry_deliveries(
    *,
    principal: Principal,
    incidents: list[tuple[str, ObjectId | None]],
    delivery_refs: list[str],
    limit: int = 100,
    clock: Clock = now,
) -> tuple[list[dict], int]:
    """`bulk_retry_api/`: queue deliveries to be sent again now; never sends itself.

    Returns (one result per delivery, how many were left for another call). Each
    delivery counts once however often it is named (by id, or through its
    incident). A queued one is due now (or when its endpoint's backoff ends) and
    the `webhooks.deliver` job sends it; a failed one gets one more attempt, and
    none gets more than SERVICEDESK_WEBHOOK_ATTEMPT_CAP attempts in all.
    `incidents` pairs each incident reference as given with its id (None when the
    caller's organization has no such incident). A refused item's `error` is a
    `DomainError`, rendered by the API layer.
    """
    slots: list[dict | tuple[str | None, ObjectId]] = []
    scoped = Delivery.objects(organization_id=principal.organization_id)
    if incidents:
        ids = list(dict.fromkeys(incident_id for _, incident_id in incidents if incident_id))
        # Not yet delivered: failed ones, and pending ones (waiting for a retry or new).
        due = scoped.filter(incident_id__in=ids, status__in=[FAILED, PENDING])
        of_incident: dict[ObjectId, list[ObjectId]] = {}
        for doc in due.only("id", "incident_id").order_by("created_at", "id"):
            of_incident.setdefault(doc.incident_id, []).append(doc.id)
        for ref, incident_id in incidents:
            if incident_id is None:
                slots.append(_missing(ref, None))
                continue
            slots += [(None, delivery_id) for delivery_id in of_incident.pop(incident_id, [])]
    for ref in delivery_refs:
        if not ObjectId.is_valid(ref) or len(ref) != 24:
            slots.append(_missing(None, ref))
            continue
        slots.append((ref, ObjectId(ref)))
    results: list[dict] = []
    seen: set[ObjectId] = set()
    queued = remaining = 0
    for slot in slots:
        if isinstance(slot, dict):
            results.append(slot)
            continue
        if slot[1] in seen:
            continue  # named twice: once is enough
        seen.add(slot[1])
        if queued < limit:
            queued += 1
            results.append(_queue_one(*slot, scoped, clock(), principal.organization_id))
        else:
            remaining += 1
    return results, remaining


def _missing(incident_ref, delivery_ref) -> dict:
    return {
        "delivery_id": delivery_ref,
        "incident_id": incident_ref,
        "ok": False,
        "queued": False,
        "error": NotFound(),
    }


def _queue_one(ref, delivery_id, scoped, moment: datetime, organization_id: ObjectId) -> dict:
    fields = ("id", "incident_id", "status", "attempt_count", "next_attempt_at", "endpoint_id")
    current = scoped.filter(id=delivery_id).only(*fields).first()
    if current is None:
        return _missing(None, ref)
    entry = {
        "delivery_id": str(delivery_id),
        "incident_id": str(current.incident_id) if current.incident_id else None,
        "status": current.status,
        "attempt_count": current.attempt_count,
    }
    if current.status == SUCCEEDED:
        error = Conflict("This delivery already succeeded.", code="already_delivered")
        return {**entry, "ok": False, "queued": False, "error": error}
    cap = settings.SERVICEDESK_WEBHOOK_ATTEMPT_CAP
    if current.attempt_count >= cap:
        error = Conflict(
            f"This delivery was attempted {current.attempt_count} times, the most allowed.",
            code="attempts_exhausted",
        )
        return {**entry, "ok": False, "queued": False, "error": error}
    due_at = current.next_attempt_at
    change: dict = {"status": PENDING, "updated_at": moment}
    if current.status == FAILED:
        change["final_attempt"] = True
    if due_at is None or due_at > moment:
        change["next_attempt_at"] = due_at = moment
    updated = Delivery._get_collection().update_one(
        {
            "_id": delivery_id,
            "organization_id": organization_id,
            "status": {"$in": [FAILED, PENDING]},
            "attempt_count": {"$lt": cap},
        },
        {"$set": change},
    )
    if not updated.matched_count:  # it succeeded or ran out of attempts just now
        error = Conflict("This delivery changed meanwhile; read it again.", code="changed")
        return {**entry, "ok": False, "queued": False, "error": error}
    endpoint = WebhookEndpoint.objects(id=current.endpoint_id).only("paused_until").first()
    if endpoint is not None and endpoint.paused_until and endpoint.paused_until > due_at:
        due_at = endpoint.paused_until  # the receiver keeps failing: it waits for its turn
    return {
        **entry,
        "ok": True,
        "queued": True,
        "status": PENDING,
        "next_attempt_at": isoformat(due_at),
    }
