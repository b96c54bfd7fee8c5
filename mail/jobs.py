"""The mail job: send the outbox items that are due."""

from django.conf import settings

from mail.services import outbox
from servicedesk.jobs import register, should_stop

# A send is bounded by SERVICEDESK_SMTP_TIMEOUT_SECONDS per step; the heartbeat renews
# the lease through a long run, so this only bounds the takeover after a crash.
LEASE_SECONDS = 60


@register("mail.send", every=settings.SERVICEDESK_MAIL_POLL_SECONDS, lease_seconds=LEASE_SECONDS)
def send() -> int:
    """Send due outbox items, one at a time, until none is due or the runner stops."""
    return outbox.send_due(should_stop=should_stop)
