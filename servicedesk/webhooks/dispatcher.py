"""The delivery loop: in a thread of each serving process, or as its own worker."""

import logging
import os
import threading

from django.conf import settings

from servicedesk import claims, idempotency, ratelimit
from servicedesk.mongo import UNAVAILABLE_ERRORS
from servicedesk.webhooks.services import deliver_due

log = logging.getLogger(__name__)
_started_in: int | None = None


def run(stop: threading.Event) -> None:
    """Send due deliveries every SERVICEDESK_WEBHOOK_POLL_SECONDS until `stop` is set."""
    while not stop.is_set():
        try:
            while deliver_due() and not stop.is_set():
                pass
            claims.sweep()
            ratelimit.sweep()
            idempotency.sweep()
        except UNAVAILABLE_ERRORS:
            log.warning("webhook dispatcher: database unavailable, retrying")
        except Exception:
            log.exception("webhook dispatcher: unexpected error")
        stop.wait(settings.SERVICEDESK_WEBHOOK_POLL_SECONDS)


def start_in_process() -> threading.Event | None:
    """Start the dispatcher thread once per process (gunicorn workers each get one)."""
    global _started_in
    if settings.SERVICEDESK_WEBHOOK_DISPATCHER != "inprocess" or _started_in == os.getpid():
        return None
    _started_in = os.getpid()
    stop = threading.Event()
    threading.Thread(target=run, args=(stop,), name="webhook-dispatcher", daemon=True).start()
    return stop
