"""The registry of periodic jobs: a name, how often, what to call, how long a lease lasts."""

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

DEFAULT_LEASE_SECONDS = 60.0
# A holder renews every third of its lease and gives up a second before it ends
# (lease.MAX_CLOCK_SKEW), so a shorter lease leaves no room for a renewal.
MIN_LEASE_SECONDS = 3.0
NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")


class UnknownJob(LookupError):
    def __init__(self, names: Iterable[str], known: Iterable[str]):
        self.names = sorted(names)
        self.known = sorted(known)
        super().__init__(
            f"no job named {', '.join(self.names)}; registered: {', '.join(self.known) or 'none'}"
        )


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[], object]
    lease_seconds: float = DEFAULT_LEASE_SECONDS


class Registry:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def register(
        self,
        name: str,
        *,
        every: timedelta | float,
        run: Callable[[], object] | None = None,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
    ):
        """Register `run` to be called every `every` (a timedelta or seconds).

        Without `run`, a decorator: `@register("app.thing", every=60)`. `run` takes
        no arguments; its result is ignored and an exception is logged and recorded
        on the lease. `lease_seconds` is how long another process waits before it
        takes over from a holder that stopped renewing (crashed). Registering the
        same name again replaces the job only with the same function (a re-run
        `ready()`); another function under a taken name is an error.
        """
        if run is None:

            def decorator(func):
                self.register(name, every=every, run=func, lease_seconds=lease_seconds)
                return func

            return decorator
        job = Job(name=name, every=_interval(every), run=run, lease_seconds=float(lease_seconds))
        _check(job)
        with self._lock:
            known = self._jobs.get(name)
            if known is not None and known.run is not run:
                raise ValueError(f"job {name!r} is already registered by {known.run!r}")
            self._jobs[name] = job
        return job

    def unregister(self, name: str) -> None:
        with self._lock:
            self._jobs.pop(name, None)

    def get(self, name: str) -> Job:
        return self.select([name])[0]

    def all(self) -> list[Job]:
        with self._lock:
            return [self._jobs[name] for name in sorted(self._jobs)]

    def select(self, names: Iterable[str] = ()) -> list[Job]:
        """The jobs of these names (all of them when none is given), by name."""
        names = set(names)
        jobs = self.all()
        if not names:
            return jobs
        unknown = names - {job.name for job in jobs}
        if unknown:
            raise UnknownJob(unknown, (job.name for job in jobs))
        return [job for job in jobs if job.name in names]


def _interval(every: timedelta | float) -> timedelta:
    if isinstance(every, timedelta):
        return every
    if isinstance(every, bool) or not isinstance(every, int | float):
        raise TypeError(f"every must be a timedelta or seconds; got {every!r}")
    return timedelta(seconds=every)


def _check(job: Job) -> None:
    if not NAME.match(job.name):
        raise ValueError(f"job name {job.name!r}: dotted lower-case words, e.g. 'webhooks.deliver'")
    if job.every <= timedelta(0):
        raise ValueError(f"job {job.name!r}: every must be positive")
    if job.lease_seconds < MIN_LEASE_SECONDS:
        raise ValueError(f"job {job.name!r}: lease_seconds must be at least {MIN_LEASE_SECONDS}")
    if not callable(job.run):
        raise TypeError(f"job {job.name!r}: run must be callable")


registry = Registry()
register = registry.register
