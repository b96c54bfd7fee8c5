"""Sending the due deliveries concurrently, fairly, and gently with failing receivers.

One process runs the `webhooks.deliver` job at a time (its lease); inside it a
`Dispatcher` keeps up to SERVICEDESK_WEBHOOK_CONCURRENCY sends in flight on a
bounded thread pool:

- at most SERVICEDESK_WEBHOOK_PER_RECEIVER at once to one receiver (the scheme,
  host and port of the endpoint's URL), one while its endpoint is failing, so a
  slow receiver holds a few threads and never the pool;
- free slots go round the organizations with something due, one delivery per
  organization per turn (each organization's endpoints in turn too), starting
  with a different organization each time: an organization with thousands of
  due deliveries does not hold back another's one;
- an endpoint that keeps failing waits before its next send (its own backoff,
  `WebhookEndpoint.paused_until`: SERVICEDESK_WEBHOOK_ENDPOINT_BACKOFF_SECONDS,
  doubling per failure in a row, capped), on top of each delivery's own retry
  schedule; other endpoints are not slowed by it. One success ends it.

It stops taking new deliveries when `should_stop()` says so (the runner is
stopping, or its lease is lost) or its time is up, lets the sends in flight end
(each is bounded by SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT) and returns.
"""

import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import datetime
from urllib.parse import urlsplit

from bson import ObjectId
from django.conf import settings

from servicedesk.webhooks import services
from servicedesk.webhooks.documents import PENDING, Delivery, WebhookEndpoint

log = logging.getLogger(__name__)

WAIT_SECONDS = 0.5  # between looks for more work while sends are in flight


def receiver_of(url: str) -> str:
    """Who answers a URL: its scheme, host and port (endpoints may share one)."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"
    except ValueError:
        return url


class Dispatcher:
    def __init__(
        self,
        *,
        clock: Callable[[], datetime] = services.now,
        should_stop: Callable[[], bool] = lambda: False,
        max_seconds: float | None = None,
        **send_kwargs,
    ):
        self.workers = settings.SERVICEDESK_WEBHOOK_CONCURRENCY
        self.per_receiver = settings.SERVICEDESK_WEBHOOK_PER_RECEIVER
        self.clock = clock
        self.should_stop = should_stop
        self.deadline = None if max_seconds is None else time.monotonic() + max_seconds
        self.send_kwargs = send_kwargs
        self.turn = 0
        self.inflight: dict[Future, str] = {}
        self.busy: Counter[str] = Counter()

    def run(self, *, limit: int | None = None) -> int:
        """Send what is due until nothing is, or `limit` sends; returns how many were sent."""
        sent = 0
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="webhooks")
        try:
            while True:
                started = 0
                room = self.workers - len(self.inflight)
                if limit is not None:
                    room = min(room, limit - sent - len(self.inflight))
                if room > 0 and not self._stopping():
                    started = self._fill(pool, room)
                if not self.inflight:
                    if started:
                        continue
                    break
                done, _ = wait(list(self.inflight), WAIT_SECONDS, FIRST_COMPLETED)
                for future in done:
                    self.busy[self.inflight.pop(future)] -= 1
                    sent += 1
                    if future.exception() is not None:
                        log.error("webhook send failed", exc_info=future.exception())
        finally:
            pool.shutdown(wait=True)
        return sent

    def _stopping(self) -> bool:
        return self.should_stop() or (
            self.deadline is not None and time.monotonic() >= self.deadline
        )

    def _fill(self, pool: ThreadPoolExecutor, room: int) -> int:
        """Claim and start up to `room` due deliveries, round the organizations."""
        moment = self.clock()
        due = {"status": PENDING, "next_attempt_at": {"$lte": moment}}
        collection = Delivery._get_collection()
        endpoint_ids = collection.distinct("endpoint_id", due)
        if not endpoint_ids:
            return 0
        known = {
            endpoint.id: endpoint
            for endpoint in WebhookEndpoint.objects(id__in=endpoint_ids).only(
                "id", "organization_id", "url", "failure_streak", "paused_until"
            )
        }
        queues: dict[object, deque[tuple[ObjectId, str, int]]] = {}
        for endpoint_id in sorted(endpoint_ids):
            endpoint = known.get(endpoint_id)
            if endpoint is None:  # deleted: its deliveries fail at once, one at a time
                owner, receiver, cap = ("gone", f"gone:{endpoint_id}", 1)
            else:
                if endpoint.paused_until is not None and endpoint.paused_until > moment:
                    continue
                owner = endpoint.organization_id
                receiver = receiver_of(endpoint.url)
                cap = 1 if endpoint.failure_streak else self.per_receiver
            queues.setdefault(owner, deque()).append((endpoint_id, receiver, cap))
        owners = list(queues)
        if owners:
            self.turn = (self.turn + 1) % len(owners)
            owners = owners[self.turn :] + owners[: self.turn]
        started = 0
        while room > 0 and owners:
            for owner in list(owners):
                if room <= 0:
                    break
                queue = queues[owner]
                delivery = None
                while queue and delivery is None:
                    endpoint_id, receiver, cap = queue.popleft()
                    if self.busy[receiver] >= cap:
                        continue
                    delivery = services.claim(query={**due, "endpoint_id": endpoint_id})
                    if delivery is not None:
                        queue.append((endpoint_id, receiver, cap))  # it may have more
                if delivery is None:
                    owners.remove(owner)
                    continue
                future = pool.submit(services.send, delivery, clock=self.clock, **self.send_kwargs)
                self.inflight[future] = receiver
                self.busy[receiver] += 1
                room -= 1
                started += 1
        return started


def deliver_due(*, limit: int | None = None, **kwargs) -> int:
    """Send the due deliveries now, until none is due (or `limit`); how many were sent."""
    return Dispatcher(**kwargs).run(limit=limit)
