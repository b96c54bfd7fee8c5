"""Housekeeping: records nothing else deletes, swept by jobs (FerretDB has no TTL indexes)."""

from datetime import timedelta

from servicedesk import claims, idempotency, ratelimit
from servicedesk.jobs import register

SWEEP_EVERY = timedelta(minutes=1)

register("claims.sweep", every=SWEEP_EVERY, run=claims.sweep)
register("ratelimit.sweep", every=SWEEP_EVERY, run=ratelimit.sweep)
register("idempotency.sweep", every=SWEEP_EVERY, run=idempotency.sweep)
