"""Housekeeping: records nothing else deletes, swept by jobs (portable: no TTL index needed)."""

from datetime import timedelta

from servicedesk import idempotency, ratelimit
from servicedesk.jobs import register

SWEEP_EVERY = timedelta(minutes=1)

register("ratelimit.sweep", every=SWEEP_EVERY, run=ratelimit.sweep)
register("idempotency.sweep", every=SWEEP_EVERY, run=idempotency.sweep)
