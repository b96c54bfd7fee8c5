"""The SLA's periodic jobs (servicedesk.jobs): marks within 60 s, auto-close hourly-ish."""

from datetime import timedelta

from servicedesk.jobs import register
from sla import services

# Warnings and breaches are marked within this of falling due (the issue asks 60 s).
MARK_EVERY = timedelta(seconds=30)
AUTO_CLOSE_EVERY = timedelta(minutes=10)


def mark_due() -> None:
    services.mark_due()


def auto_close() -> None:
    services.auto_close()


def register_jobs() -> None:
    register("sla.mark_due", every=MARK_EVERY, run=mark_due, lease_seconds=60)
    register("sla.auto_close", every=AUTO_CLOSE_EVERY, run=auto_close, lease_seconds=120)
