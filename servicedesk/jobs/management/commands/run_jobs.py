import json
import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from servicedesk import mongo
from servicedesk.jobs import lease as leases
from servicedesk.jobs.registry import UnknownJob, registry
from servicedesk.jobs.runner import Runner
from servicedesk.timeutil import isoformat

RECORD = ("term", "holder", "expires_at", "released_at", *leases.CARRIED)


class Command(BaseCommand):
    help = (
        "Run the periodic jobs (webhook deliveries, housekeeping sweeps, ...) as they fall "
        "due: a separate worker (set SERVICEDESK_JOBS=off on the serving processes then). "
        "Each job runs in one process at a time, whatever runs it. --once runs every due "
        "job once and exits; --list prints each job and its lease."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every due job once, exit")
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="NAME",
            help="run this job only (repeatable)",
        )
        parser.add_argument(
            "--list", action="store_true", dest="list_jobs", help="print the jobs and their leases"
        )

    def handle(self, *args, once=False, only=(), list_jobs=False, **options):
        try:
            jobs = registry.select(only)
        except UnknownJob as exc:
            raise CommandError(str(exc)) from None
        if list_jobs:
            self.stdout.write(json.dumps({"jobs": [_describe(job) for job in jobs]}, indent=2))
            return
        if mongo.is_embedded():
            self.stderr.write(
                "MONGODB_URI is not set: this process has an embedded store of its own, "
                "which the service never sees."
            )
        if once:
            outcomes = Runner(jobs).run_due()
            for outcome in outcomes:
                detail = f" ({outcome.detail})" if outcome.detail else ""
                self.stdout.write(f"{outcome.job}: {outcome.status.replace('_', ' ')}{detail}")
            failed = [outcome.job for outcome in outcomes if outcome.status == "failed"]
            if failed:
                raise CommandError(f"failed: {', '.join(failed)}")
            return
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        self.stdout.write(
            f"Running jobs: {', '.join(job.name for job in jobs) or 'none'}; "
            "stop with SIGTERM or Ctrl-C."
        )
        Runner(jobs, stop=stop).run_forever()


def _describe(job) -> dict:
    record = leases.latest(job.name) or {}
    return {
        "name": job.name,
        "every_seconds": job.every.total_seconds(),
        "lease_seconds": job.lease_seconds,
        **{
            field: isoformat(record.get(field)) if field.endswith("_at") else record.get(field)
            for field in RECORD
        },
    }
