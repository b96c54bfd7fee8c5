"""A test-only app with one job that records which process ran it, and when.

tests/integration/test_jobs.py runs `manage.py run_jobs` with jobs_settings.py,
which installs this app; its `ready()` registers the job as any app would.
"""

import os
import time

import mongoengine
from django.apps import AppConfig

JOB = "probe.record"
COLLECTION = "probe_runs"
LEASE_SECONDS = 4
# Longer than the lease: only the heartbeat's renewals keep a run to one process.
RUN_SECONDS = 5


def record() -> None:
    from servicedesk.jobs import should_stop

    runs = mongoengine.get_db()[COLLECTION]
    run_id = runs.insert_one({"pid": os.getpid(), "started": time.time(), "finished": None})
    deadline = time.monotonic() + RUN_SECONDS
    while time.monotonic() < deadline and not should_stop():
        time.sleep(0.05)
    runs.update_one(
        {"_id": run_id.inserted_id},
        {"$set": {"finished": time.time(), "stopped": should_stop()}},
    )


class ProbeConfig(AppConfig):
    name = "tests.integration"
    label = "jobs_probe"

    def ready(self) -> None:
        from servicedesk.jobs import register

        register(JOB, every=0.1, run=record, lease_seconds=LEASE_SECONDS)
