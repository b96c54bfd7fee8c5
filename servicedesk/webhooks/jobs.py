"""The webhooks' periodic job: send the deliveries that are due."""

from django.conf import settings

from servicedesk.jobs import register, should_stop
from servicedesk.webhooks import dispatch

# A send takes at most SERVICEDESK_WEBHOOK_TOTAL_TIMEOUT; the heartbeat renews the
# lease through a long run, so this only bounds the takeover after a crash.
LEASE_SECONDS = 60
# A run takes no new delivery after this long and returns once its sends end, so the
# other jobs of its runner get their turn; the next run starts when it is due again.
RUN_SECONDS = 30.0

EVERY = settings.SERVICEDESK_WEBHOOK_POLL_SECONDS


@register("webhooks.deliver", every=EVERY, lease_seconds=LEASE_SECONDS)
def deliver() -> int:
    """Send due deliveries, several at once, until none is due or the runner stops."""
    return dispatch.Dispatcher(should_stop=should_stop, max_seconds=RUN_SECONDS).run()
