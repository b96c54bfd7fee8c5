"""The webhooks' periodic job: send the deliveries that are due."""

from django.conf import settings

from servicedesk.jobs import register, should_stop
from servicedesk.webhooks import services

# A send takes at most SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT; the heartbeat renews the
# lease through a long run, so this only bounds the takeover after a crash.
LEASE_SECONDS = 60


EVERY = settings.SERVICEDESK_WEBHOOK_POLL_SECONDS


@register("webhooks.deliver", every=EVERY, lease_seconds=LEASE_SECONDS)
def deliver() -> int:
    """Send due deliveries one at a time until none is due or the runner stops."""
    sent = 0
    while not should_stop() and services.deliver_due(limit=1):
        sent += 1
    return sent
