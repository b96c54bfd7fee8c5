"""The runner: runs each due job under its lease, in a thread of each serving process
(SERVICEDESK_JOBS=inprocess) or as `manage.py run_jobs`.

Jobs run one after another in the runner's thread; while one runs, a heartbeat
thread renews its lease. A database outage is logged once and retried; a job's
exception is logged, recorded on its lease, and the runner goes on. Setting the
`stop` event ends the loop after the current job, which sees `should_stop()`.
"""

import atexit
import logging
import os
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings

from servicedesk.jobs import lease as leases
from servicedesk.jobs.context import RunContext, _current
from servicedesk.jobs.registry import Job, registry
from servicedesk.mongo import UNAVAILABLE_ERRORS
from servicedesk.timeutil import isoformat, now

log = logging.getLogger(__name__)

HELD_RECHECK = timedelta(seconds=0.5)  # at least, between looks at a job another process runs
UNAVAILABLE_RETRY = timedelta(seconds=2)
MAX_WAIT_SECONDS = 5.0  # the loop looks at every job at least this often
MIN_WAIT_SECONDS = 0.05


@dataclass(frozen=True)
class Outcome:
    """What one attempt at a job came to.

    `ran`, `failed` (it raised: `detail`), `held` (by another process), `not_due`,
    `lost` (another process took it first) or `unavailable` (the database).
    """

    job: str
    status: str
    detail: str = ""
    retry_at: datetime | None = None


class Runner:
    def __init__(
        self,
        jobs: Sequence[Job],
        *,
        stop: threading.Event | None = None,
        clock=now,
        holder: str | None = None,
        heartbeat_seconds: float | None = None,
    ):
        self.jobs = list(jobs)
        self.stop = stop or threading.Event()
        self.clock = clock
        self.holder = holder
        self.heartbeat_seconds = heartbeat_seconds  # default: a third of each job's lease
        self._unavailable = False

    def run_forever(self) -> None:
        """Run jobs as they fall due until `stop` is set."""
        names = ", ".join(job.name for job in self.jobs) or "none"
        log.info("job runner started (%s): %s", self.holder or leases.default_holder(), names)
        next_at: dict[str, datetime] = {}
        while not self.stop.is_set():
            for job in self.jobs:
                if self.stop.is_set():
                    break
                if job.name in next_at and next_at[job.name] > self.clock():
                    continue
                next_at[job.name] = self.run_one(job).retry_at
            if next_at:
                wait = (min(next_at.values()) - self.clock()).total_seconds()
            else:
                wait = MAX_WAIT_SECONDS
            self.stop.wait(min(max(wait, MIN_WAIT_SECONDS), MAX_WAIT_SECONDS))
        log.info("job runner stopped")

    def run_due(self) -> list[Outcome]:
        """Every due job once (`run_jobs --once`)."""
        return [self.run_one(job) for job in self.jobs]

    def run_one(self, job: Job) -> Outcome:
        """Run the job if it is due and free; never raises but for BaseException."""
        try:
            got = leases.acquire(
                job.name,
                lease_seconds=job.lease_seconds,
                every=job.every,
                holder=self.holder,
                clock=self.clock,
            )
        except UNAVAILABLE_ERRORS as exc:
            return self._database_unavailable(job, exc)
        except Exception as exc:
            log.exception("job %s: could not take its lease", job.name)
            return Outcome(job.name, "failed", repr(exc), self.clock() + UNAVAILABLE_RETRY)
        self._database_available()
        if isinstance(got, leases.Refusal):
            return self._refused(job, got)
        return self._run(job, got)

    def _run(self, job: Job, lease: leases.Lease) -> Outcome:
        lost = threading.Event()
        interval = self.heartbeat_seconds or job.lease_seconds / 3
        heartbeat = Heartbeat(lease, clock=self.clock, interval=interval, lost=lost)
        heartbeat.start()
        token = _current.set(RunContext(stop=self.stop, lost=lost))
        error = None
        try:
            job.run()
        except UNAVAILABLE_ERRORS as exc:
            error = f"database unavailable: {exc}"
            log.warning("job %s: %s", job.name, error)
        except Exception as exc:
            error = "".join(traceback.format_exception_only(exc)).strip()
            log.exception("job %s failed", job.name)
        except BaseException:
            heartbeat.finish()
            self._release(lease, "interrupted")
            raise
        finally:
            _current.reset(token)
        heartbeat.finish()
        if lost.is_set():
            log.warning(
                "job %s: its lease ran out during the run (another process may have taken "
                "it over); the run ended %s",
                job.name,
                "with an error" if error else "anyway",
            )
        self._release(lease, error)
        detail = error or ("lease lost during the run" if lost.is_set() else "")
        return Outcome(job.name, "failed" if error else "ran", detail, lease.started_at + job.every)

    def _release(self, lease: leases.Lease, error: str | None) -> None:
        try:
            leases.release(lease, error=error, clock=self.clock)
        except UNAVAILABLE_ERRORS:
            log.warning(
                "job %s: database unavailable, lease not released (it ends at %s)",
                lease.job,
                isoformat(lease.expires_at),
            )

    def _refused(self, job: Job, refusal: leases.Refusal) -> Outcome:
        moment = self.clock()
        if refusal.reason == "not_due":
            return Outcome(
                job.name, "not_due", f"due at {isoformat(refusal.due_at)}", refusal.due_at
            )
        if refusal.reason == "held":
            # Look again when it is due by our schedule, or when the lease would end.
            retry_at = max(min(refusal.expires_at, moment + job.every), moment + HELD_RECHECK)
            return Outcome(job.name, "held", f"by {refusal.holder}", retry_at)
        return Outcome(job.name, refusal.reason, "", moment + max(job.every, HELD_RECHECK))

    def _database_unavailable(self, job: Job, exc: Exception) -> Outcome:
        if not self._unavailable:
            log.warning("job runner: database unavailable, retrying: %s", exc)
        self._unavailable = True
        return Outcome(job.name, "unavailable", str(exc), self.clock() + UNAVAILABLE_RETRY)

    def _database_available(self) -> None:
        if self._unavailable:
            log.info("job runner: database available again")
        self._unavailable = False


class Heartbeat(threading.Thread):
    """Renews a lease every `interval` seconds until finished; sets `lost` if it cannot."""

    def __init__(self, lease: leases.Lease, *, clock, interval: float, lost: threading.Event):
        super().__init__(name=f"lease:{lease.job}", daemon=True)
        self.lease = lease
        self.clock = clock
        self.interval = interval
        self.lost = lost
        self._done = threading.Event()

    def run(self) -> None:
        wait = self.interval
        while not self._done.wait(wait):
            try:
                renewed = leases.renew(self.lease, clock=self.clock)
            except Exception as exc:  # the database is away, or worse: retry while in time
                if leases.in_time(self.lease, self.clock()):
                    log.warning("job %s: lease not renewed, retrying: %s", self.lease.job, exc)
                    wait = min(self.interval, 1.0)
                    continue
                renewed = False
            if renewed:
                wait = self.interval
                continue
            if not self._done.is_set():
                self.lost.set()
            return

    def finish(self) -> None:
        self._done.set()
        self.join(timeout=1.0)  # a renewal stuck on the network matches nothing once released


# --- the runner thread of a serving process ------------------------------------------

_in_process: tuple[int, threading.Event, threading.Thread] | None = None
_lock = threading.Lock()


def start_in_process() -> threading.Event | None:
    """Start this process's runner thread (SERVICEDESK_JOBS=inprocess), once per process.

    Each gunicorn worker gets one; the leases keep each job to one of them at a time.
    Returns the thread's stop event, or None when nothing was started.
    """
    global _in_process
    if settings.SERVICEDESK_JOBS != "inprocess":
        return None
    with _lock:
        if _in_process is not None and _in_process[0] == os.getpid():
            return None
        stop = threading.Event()
        runner = Runner(registry.all(), stop=stop)
        thread = threading.Thread(target=runner.run_forever, name="jobs", daemon=True)
        _in_process = (os.getpid(), stop, thread)
        thread.start()
    return stop


def stop_in_process(timeout: float = 5.0) -> None:
    """Stop this process's runner thread (at exit, and in tests): the job running
    finishes or sees `should_stop()`, and its lease is released."""
    global _in_process
    with _lock:
        started, _in_process = _in_process, None
    if started is None or started[0] != os.getpid():
        return
    _, stop, thread = started
    stop.set()
    thread.join(timeout)


atexit.register(stop_in_process)
