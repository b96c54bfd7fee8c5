"""Periodic jobs: registered by the package that owns them, each run under a lease.

A package registers its jobs when Django starts (in its `AppConfig.ready()`, by
importing a `jobs` module); `servicedesk.jobs` imports no app::

    # myapp/jobs.py
    from servicedesk.jobs import register, should_stop

    @register("myapp.close_stale", every=timedelta(minutes=5), lease_seconds=120)
    def close_stale():
        for ticket in stale_tickets():
            if should_stop():  # the runner is stopping, or this run lost its lease
                return
            ...

    # myapp/apps.py
    def ready(self):
        from myapp import jobs  # noqa: F401  (registers them)

The runner (servicedesk.jobs.runner: a thread of each serving process, or
`manage.py run_jobs`) runs a job when it is due, in one process at a time across
every process and host (servicedesk.jobs.lease).
"""

from servicedesk.jobs.context import should_stop
from servicedesk.jobs.registry import Job, UnknownJob, register, registry

__all__ = ["Job", "UnknownJob", "register", "registry", "should_stop"]
